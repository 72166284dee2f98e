import Decimal from 'decimal.js'
import type { Fen } from '@/lib/budget/money'
import { formatWan, parseAmount } from '@/lib/budget/money'
import type { Finding } from '@/lib/budget/findings'
import type { TProjectTarget } from './schemas'
import { isLevel1, normaliseLevel1, normaliseLevel2, parentOfLevel2 } from './taxonomy'
import { costUnitToYuan, formatIndicatorValue, isNumericValue } from './value'

const yuan = (s: string | undefined): Fen | null => (s === undefined || s.trim() === '' ? null : parseAmount(s, '元'))

/** A finding of the performance targets: which target (and indicator, field) it points to. */
export type TargetFinding = Finding & { target?: { index: number; projectCode?: string | null; indicator?: number; field?: string } }

export type TargetForCheck = TProjectTarget & { id?: string }

/** The amount a target table states: fiscal + other funds when entered, else the project's budget from the lines. */
export function targetAmount(t: TargetForCheck, projectAmounts: Record<string, Fen>): Fen {
  const f = yuan(t.fiscalFunds)
  const o = yuan(t.otherFunds)
  if (f === null && o === null) return projectAmounts[t.projectCode] ?? 0
  return (f ?? 0) + (o ?? 0)
}

/**
 * Rules of the performance targets (see docs/decisions/005). Severity: a broken tree, a missing
 * value, a cost above the money or target amounts above 项目支出 are errors; a number without a
 * unit, a project without a target table, a table without 产出 or 效益 indicators are warnings.
 */
export function validateTargets(input: {
  targets: TargetForCheck[]
  projects: { code: string; name: string }[]
  /** Project totals (all funds) from the lines, 分. */
  projectAmounts: Record<string, Fen>
  /** 项目支出 of the disclosure, 分. */
  projectExpenditure: Fen
  /** The template's spending plan (template.performance): cumulative points (3月底 … 12月底) or quarters (absent). */
  spendingPlan?: { cumulative: boolean; points: { key: 'q1' | 'q2' | 'q3' | 'q4'; label: string }[] }
}): TargetFinding[] {
  const out: TargetFinding[] = []
  const names = new Map(input.projects.map((p) => [p.code, p.name]))
  const seen = new Map<string, number>()
  let sum: Fen = 0

  input.targets.forEach((t, index) => {
    const loc = (extra: { indicator?: number; field?: string } = {}) => ({ target: { index, projectCode: t.projectCode, ...extra } })
    const name = names.get(t.projectCode)
    const label = `绩效目标表“${t.title || name || t.projectCode}”`
    if (!name) out.push({ rule: 'perf.project_unknown', severity: 'error', message: `${label}的项目 ${t.projectCode} 不在本部门项目清单中`, ...loc({ field: 'projectCode' }) })
    if (seen.has(t.projectCode)) out.push({ rule: 'perf.duplicate_target', severity: 'error', message: `项目“${name ?? t.projectCode}”有两张绩效目标表（第 ${seen.get(t.projectCode)! + 1} 张与第 ${index + 1} 张）`, ...loc({ field: 'projectCode' }) })
    seen.set(t.projectCode, index)

    const amount = targetAmount(t, input.projectAmounts)
    sum += amount
    const lineAmount = input.projectAmounts[t.projectCode] ?? 0
    if ((yuan(t.fiscalFunds) !== null || yuan(t.otherFunds) !== null) && amount !== lineAmount) {
      out.push({ rule: 'perf.amount_mismatch', severity: 'warning', message: `${label}的资金 ${formatWan(amount)} 万元与该项目的预算 ${formatWan(lineAmount)} 万元不一致`, ...loc({ field: 'fiscalFunds' }) })
    }
    const plan = [t.spendingPlan.q1, t.spendingPlan.q2, t.spendingPlan.q3, t.spendingPlan.q4].map(yuan)
    if (input.spendingPlan?.cumulative) {
      // a cumulative plan (by 3月底, 6月底 …): each point at least the one before, none above the project's money
      const points = input.spendingPlan.points.map((p) => ({ label: p.label, v: plan[['q1', 'q2', 'q3', 'q4'].indexOf(p.key)] ?? null })).filter((p) => p.v !== null) as { label: string; v: Fen }[]
      points.forEach((p, i) => {
        if (i > 0 && p.v < points[i - 1]!.v) out.push({ rule: 'perf.spending_plan_order', severity: 'error', message: `${label}的累计支出计划“${p.label}” ${formatWan(p.v)} 万元少于“${points[i - 1]!.label}” ${formatWan(points[i - 1]!.v)} 万元`, ...loc({ field: 'spendingPlan' }) })
      })
      const last = points.at(-1)
      if (last && last.v > amount) out.push({ rule: 'perf.spending_plan_exceeds', severity: 'error', message: `${label}的累计支出计划“${last.label}” ${formatWan(last.v)} 万元超过项目资金 ${formatWan(amount)} 万元`, ...loc({ field: 'spendingPlan' }) })
    } else {
      const planned = plan.reduce<Fen>((s, v) => s + (v ?? 0), 0)
      if (planned > amount) out.push({ rule: 'perf.spending_plan_exceeds', severity: 'error', message: `${label}的季度支出计划合计 ${formatWan(planned)} 万元超过项目资金 ${formatWan(amount)} 万元`, ...loc({ field: 'spendingPlan' }) })
    }
    if (t.goals.every((g) => g.trim() === '')) out.push({ rule: 'perf.goals_missing', severity: 'warning', message: `${label}未填写年度绩效目标`, ...loc({ field: 'goals' }) })
    if (t.indicators.length === 0) {
      out.push({ rule: 'perf.no_indicators', severity: 'error', message: `${label}没有绩效指标`, ...loc({ field: 'indicators' }) })
      return
    }
    const level1s = new Set(t.indicators.map((i) => normaliseLevel1(i.level1)))
    for (const need of ['产出指标', '效益指标'] as const) {
      if (!level1s.has(need)) out.push({ rule: 'perf.level1_missing', severity: 'warning', message: `${label}缺少${need}`, ...loc({ field: 'indicators' }) })
    }

    t.indicators.forEach((ind, i) => {
      const at = `${label}第 ${i + 1} 个指标“${ind.level3}”`
      const l1 = normaliseLevel1(ind.level1)
      const l2 = normaliseLevel2(ind.level2)
      if (!isLevel1(l1)) out.push({ rule: 'perf.level1_unknown', severity: 'error', message: `${at}的一级指标“${ind.level1}”不是标准一级指标（产出指标、效益指标、满意度指标）`, ...loc({ indicator: i, field: 'level1' }) })
      const parent = parentOfLevel2(l2)
      if (!parent) out.push({ rule: 'perf.level2_unknown', severity: 'error', message: `${at}的二级指标“${ind.level2}”不是标准二级指标`, ...loc({ indicator: i, field: 'level2' }) })
      else if (isLevel1(l1) && parent !== l1) out.push({ rule: 'perf.level2_parent', severity: 'error', message: `${at}：二级指标“${l2}”不属于一级指标“${l1}”，应属于“${parent}”`, ...loc({ indicator: i, field: 'level2' }) })
      if (ind.value.trim() === '') {
        out.push({ rule: 'perf.value_missing', severity: 'error', message: `${at}未填写指标值`, ...loc({ indicator: i, field: 'value' }) })
        return
      }
      if (ind.operator !== '定性' && !isNumericValue(ind)) {
        out.push({ rule: 'perf.value_not_number', severity: 'error', message: `${at}的指标值“${ind.value}”不是数值；文字描述的指标请选择“定性”`, ...loc({ indicator: i, field: 'value' }) })
        return
      }
      if (isNumericValue(ind) && ind.unit.trim() === '') out.push({ rule: 'perf.value_unit', severity: 'warning', message: `${at}的指标值“${formatIndicatorValue(ind)}”没有计量单位`, ...loc({ indicator: i, field: 'unit' }) })
      if (l2 === '成本指标' && isNumericValue(ind)) {
        const per = costUnitToYuan(ind.unit)
        if (per !== null) {
          const cost = new Decimal(ind.value).times(per * 100) // 分
          if (cost.greaterThan(amount)) out.push({ rule: 'perf.cost_exceeds_amount', severity: 'error', message: `${at}：成本 ${formatIndicatorValue(ind)} 超过项目资金 ${formatWan(amount)} 万元`, ...loc({ indicator: i, field: 'value' }) })
        }
      }
    })
  })

  if (sum > input.projectExpenditure) {
    out.push({ rule: 'perf.targets_exceed_projects', severity: 'error', message: `有绩效目标的项目资金合计 ${formatWan(sum)} 万元超过项目支出 ${formatWan(input.projectExpenditure)} 万元` })
  }
  const withTarget = new Set(input.targets.map((t) => t.projectCode))
  for (const p of input.projects) {
    if ((input.projectAmounts[p.code] ?? 0) > 0 && !withTarget.has(p.code)) {
      out.push({ rule: 'perf.missing_target', severity: 'warning', message: `项目“${p.name}”（${formatWan(input.projectAmounts[p.code]!)} 万元）没有绩效目标表`, target: { index: -1, projectCode: p.code } })
    }
  }
  return out
}
