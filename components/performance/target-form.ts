import Decimal from 'decimal.js'
import { formatYuan, MoneyError, parseAmount } from '@/lib/budget/money'
import type { TIndicator, TOverallTarget, TProjectTarget } from '@/lib/performance/schemas'

/** A project target as the form holds it: amounts in 万元 as the tables print them, goals one per line. */
export type TargetForm = {
  projectCode: string
  title: string
  goalsText: string
  purpose: string
  fiscal: string
  other: string
  q1: string
  q2: string
  q3: string
  q4: string
  indicators: TIndicator[]
}

const toWan = (yuan: string | undefined) => {
  if (!yuan || yuan.trim() === '') return ''
  const d = new Decimal(parseAmount(yuan, '元')).dividedBy(1_000_000)
  return d.toFixed(Math.max(2, d.decimalPlaces()))
}

export function targetToForm(t: TProjectTarget | null, projectCode = ''): TargetForm {
  return {
    projectCode: t?.projectCode ?? projectCode,
    title: t?.title ?? '',
    goalsText: (t?.goals ?? []).join('\n'),
    purpose: t?.purpose ?? '',
    fiscal: toWan(t?.fiscalFunds),
    other: toWan(t?.otherFunds),
    q1: toWan(t?.spendingPlan.q1),
    q2: toWan(t?.spendingPlan.q2),
    q3: toWan(t?.spendingPlan.q3),
    q4: toWan(t?.spendingPlan.q4),
    indicators: t?.indicators ?? [],
  }
}

/** 万元 as typed → 元 string; errors name the field. */
export function formToTarget(f: TargetForm): { target: TProjectTarget; errors: { path: string; message: string }[] } {
  const errors: { path: string; message: string }[] = []
  const yuan = (path: keyof TargetForm): string => {
    const v = String(f[path] ?? '').trim()
    if (v === '') return ''
    try {
      const fen = parseAmount(v, '万元')
      if (fen < 0) throw new MoneyError('金额不能为负数')
      return formatYuan(fen)
    } catch (e) {
      errors.push({ path, message: e instanceof MoneyError ? e.message : '金额格式不正确' })
      return ''
    }
  }
  const target: TProjectTarget = {
    projectCode: f.projectCode,
    title: f.title.trim(),
    goals: f.goalsText
      .split(/\r?\n/)
      .map((g) => g.trim())
      .filter(Boolean),
    purpose: f.purpose,
    fiscalFunds: yuan('fiscal'),
    otherFunds: yuan('other'),
    spendingPlan: { q1: yuan('q1'), q2: yuan('q2'), q3: yuan('q3'), q4: yuan('q4') },
    indicators: f.indicators.map((i) => ({ ...i, level3: i.level3.trim(), value: i.value.trim(), unit: i.unit.trim() })),
  }
  if (!target.projectCode) errors.push({ path: 'projectCode', message: '请选择项目' })
  f.indicators.forEach((i, n) => {
    if (!i.level3.trim()) errors.push({ path: `indicators.${n}.level3`, message: `第 ${n + 1} 个指标未填写三级指标名称` })
  })
  return { target, errors }
}

export type OverallForm = { goalsText: string; subTargets: TOverallTarget['subTargets']; measuresText: string }

export const overallToForm = (o: TOverallTarget | null): OverallForm => ({ goalsText: (o?.goals ?? []).join('\n'), subTargets: o?.subTargets ?? [], measuresText: (o?.measures ?? []).join('\n') })

export const formToOverall = (f: OverallForm): TOverallTarget => ({
  title: '部门整体绩效目标',
  goals: f.goalsText
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean),
  subTargets: f.subTargets.filter((s) => s.title.trim()),
  measures: f.measuresText
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean),
  // the Hebei form has no 预算11表 (its template has none): no tasks, no indicator rows
  tasks: [],
  indicators: [],
})

/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) as its form holds it: the target's own shape (so the form
 * is checked by the server's schema, overallTargetSchema), 年度履职目标 as one text in `goals[0]`.
 */
export type OverallTableForm = TOverallTarget

export const overallTableToForm = (o: TOverallTarget | null): OverallTableForm => ({
  title: o?.title ?? '部门整体绩效目标',
  goals: [(o?.goals ?? []).join('\n')],
  subTargets: o?.subTargets ?? [],
  measures: o?.measures ?? [],
  tasks: o?.tasks ?? [],
  indicators: o?.indicators ?? [],
})

/** 年度履职目标 back to one paragraph a line, as the notes and the document print it. */
export const overallTableToTarget = (v: OverallTableForm): TOverallTarget => ({
  ...v,
  goals: v.goals
    .flatMap((g) => g.split(/\r?\n/))
    .map((s) => s.trim())
    .filter(Boolean),
})
