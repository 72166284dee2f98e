import { describe, expect, it } from 'vitest'
import { parseAmount } from '@/lib/budget/money'
import { indicatorRows, renderTarget } from '@/lib/performance/render'
import type { TProjectTarget } from '@/lib/performance/schemas'
import { ZProjectTarget } from '@/lib/performance/schemas'
import { parentOfLevel2, TAXONOMY } from '@/lib/performance/taxonomy'
import { validateTargets } from '@/lib/performance/validate'
import { formatIndicatorValue, parseIndicatorValue } from '@/lib/performance/value'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { chengde2023Targets } from '../../prisma/demo/notes-chengde-2023'
import { laoting2022Targets } from '../../prisma/demo/notes-laoting-2022'
import { loadFixture } from '../support/fixtures'

type FixtureTarget = { project: string; title?: string; goals: string[]; indicators: { level1: string; level2: string; level3: string; description: string; value: string; basis: string }[] }

const amountsOf = (data: ReturnType<typeof chengde2023>) => {
  const m: Record<string, number> = {}
  for (const l of data.expenditure) if (l.projectCode) m[l.projectCode] = (m[l.projectCode] ?? 0) + l.amount
  return m
}
const treeOrder = <T extends { level1: string; level2: string }>(rows: T[]): T[] => {
  const l1 = Object.keys(TAXONOMY)
  const key = (r: T) => [l1.indexOf(r.level1), TAXONOMY[r.level1 as keyof typeof TAXONOMY].indexOf(r.level2)]
  return rows
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.i - b.i)
    .map((x) => x.r)
}
const projectTotal = (data: ReturnType<typeof chengde2023>) => data.expenditure.reduce((s, l) => s + (l.category === 'project' ? l.amount : 0), 0)

describe('the indicator taxonomy', () => {
  it('each 二级 belongs to exactly one 一级', () => {
    expect(parentOfLevel2('数量指标')).toBe('产出指标')
    expect(parentOfLevel2('成本指标')).toBe('产出指标')
    expect(parentOfLevel2('可持续影响指标')).toBe('效益指标')
    expect(parentOfLevel2('服务对象满意度指标')).toBe('满意度指标')
    expect(parentOfLevel2('效果指标')).toBeNull()
    const all = Object.values(TAXONOMY).flat()
    expect(new Set(all).size).toBe(all.length)
  })

  it('indicator values read as operator + value + unit and print back exactly as the fixtures print them', () => {
    const values = [...loadFixture('chengde-2023').performanceTargets, ...loadFixture('laoting-2022').performanceTargets].flatMap((t) => (t as FixtureTarget).indicators.map((i) => i.value))
    expect(values.length).toBeGreaterThan(100)
    for (const v of values) expect(formatIndicatorValue(parseIndicatorValue(v)), v).toBe(v)
    expect(parseIndicatorValue('≥1713 平米')).toEqual({ operator: '≥', value: '1713', unit: '平米' })
    expect(parseIndicatorValue('100%')).toEqual({ operator: '=', value: '100', unit: '%' })
    expect(parseIndicatorValue('2022 年 12 月 31 日前')).toEqual({ operator: '定性', value: '2022 年 12 月 31 日前', unit: '' })
  })
})

describe.each([
  ['chengde-2023', chengde2023, chengde2023Targets],
  ['laoting-2022', laoting2022, laoting2022Targets],
] as const)('the performance target tables of %s, as entered', (name, makeData, makeTargets) => {
  const data = makeData()
  const targets: TProjectTarget[] = makeTargets().map((t) => ZProjectTarget.parse(t))
  const fx = loadFixture(name).performanceTargets as FixtureTarget[]

  it('render cell for cell as the fixture’s tables: title, goals, and each indicator row in order', () => {
    expect(targets).toHaveLength(fx.length)
    targets.forEach((t, i) => {
      const project = data.projects.find((p) => p.code === t.projectCode)!
      const r = renderTarget(t, { number: i + 1, projectName: project.name, projectAmounts: amountsOf(data) })
      const f = fx[i]!
      expect(project.name).toBe(f.project)
      expect(r.title).toBe(f.title)
      expect(r.goals).toEqual(f.goals)
      // printed in tree order (一级, then 二级 in the taxonomy's order; entry order within), as the seeds print
      // them — but for 居民医保's table, which prints its 成本指标 before 质量指标
      expect(r.rows.map((x) => [x.level1, x.level2, x.level3, x.description, x.value, x.basis])).toEqual(treeOrder(f.indicators).map((x) => [x.level1, x.level2, x.level3, x.description, x.value, x.basis]))
      // the merged 一级 / 二级 cells cover every row exactly once
      expect(r.rows.reduce((s, x) => s + x.span1, 0)).toBe(r.rows.length)
      expect(r.rows.reduce((s, x) => s + x.span2, 0)).toBe(r.rows.length)
    })
  })

  it('pass the rules but for the published tables’ own defects (warnings only)', () => {
    const f = validateTargets({ targets, projects: data.projects, projectAmounts: amountsOf(data), projectExpenditure: projectTotal(data) })
    expect(f.filter((x) => x.severity === 'error')).toEqual([])
    if (name === 'chengde-2023') {
      // 2023 年度意外伤害认定经费 prints “≥3”, “≥100”, “≥90” without units
      const unitless = f.filter((x) => x.rule === 'perf.value_unit')
      expect(unitless.map((x) => [x.target?.projectCode, x.target?.indicator])).toEqual([
        ['447-2023-07', 0],
        ['447-2023-07', 1],
        ['447-2023-07', 6],
      ])
    } else {
      expect(new Set(f.map((x) => x.rule))).toEqual(new Set(['perf.level1_missing']))
    }
  })
})

describe('performance target rules', () => {
  const data = chengde2023()
  const base = (): TProjectTarget => ZProjectTarget.parse(chengde2023Targets()[2]!) // 医疗服务与保障能力提升, 471 万元
  const check = (targets: TProjectTarget[], projectExpenditure = projectTotal(data)) => validateTargets({ targets, projects: data.projects, projectAmounts: amountsOf(data), projectExpenditure })

  it('a 二级 under another 一级 is an error at that indicator', () => {
    const t = base()
    t.indicators[0] = { ...t.indicators[0]!, level1: '效益指标', level2: '数量指标' }
    const f = check([t]).filter((x) => x.rule === 'perf.level2_parent')
    expect(f).toEqual([expect.objectContaining({ severity: 'error', target: { index: 0, projectCode: '447-2023-03', indicator: 0, field: 'level2' } })])
    expect(f[0]!.message).toContain('应属于“产出指标”')
  })

  it('a numeric value without a unit is a warning; a non-number with an operator is an error', () => {
    const t = base()
    t.indicators[0] = { ...t.indicators[0]!, unit: '' }
    t.indicators[1] = { ...t.indicators[1]!, value: '十次' }
    const f = check([t])
    expect(f.find((x) => x.rule === 'perf.value_unit')).toMatchObject({ severity: 'warning', target: { indicator: 0, field: 'unit' } })
    expect(f.find((x) => x.rule === 'perf.value_not_number')).toMatchObject({ severity: 'error', target: { indicator: 1, field: 'value' } })
  })

  it('a cost indicator above the project’s money is an error; per-head costs are not totals', () => {
    const t = base()
    const cost = t.indicators.findIndex((i) => i.level2 === '成本指标')
    t.indicators[cost] = { ...t.indicators[cost]!, operator: '≤', value: '471.01', unit: '万元' }
    expect(check([t]).find((x) => x.rule === 'perf.cost_exceeds_amount')).toMatchObject({ severity: 'error', target: { indicator: cost } })
    t.indicators[cost] = { ...t.indicators[cost]!, value: '471', unit: '万元' }
    expect(check([t]).find((x) => x.rule === 'perf.cost_exceeds_amount')).toBeUndefined()
    t.indicators[cost] = { ...t.indicators[cost]!, value: '500', unit: '万元/人' }
    expect(check([t]).find((x) => x.rule === 'perf.cost_exceeds_amount')).toBeUndefined()
  })

  it('the amounts of projects with targets may not exceed 项目支出', () => {
    const t = base()
    t.fiscalFunds = '7000000.00'
    const f = check([t])
    expect(f.find((x) => x.rule === 'perf.targets_exceed_projects')).toMatchObject({ severity: 'error' })
    expect(f.find((x) => x.rule === 'perf.amount_mismatch')).toMatchObject({ severity: 'warning', target: { field: 'fiscalFunds' } })
    expect(check([base()], parseAmount('4000000', '元')).find((x) => x.rule === 'perf.targets_exceed_projects')).toBeDefined()
  })

  it('every project with 项目支出 has a target table, else a warning naming it', () => {
    const f = check([base()]).filter((x) => x.rule === 'perf.missing_target')
    expect(f).toHaveLength(6)
    expect(f.every((x) => x.severity === 'warning')).toBe(true)
    expect(f.map((x) => x.target?.projectCode)).not.toContain('447-2023-03')
  })

  it('a quarterly plan above the money, two tables for one project, no indicators: errors', () => {
    const t = base()
    t.spendingPlan = { q1: '2000000.00', q2: '2000000.00', q3: '1000000.00', q4: '' }
    const empty = { ...base(), indicators: [] }
    const f = check([t, empty])
    expect(f.map((x) => x.rule)).toEqual(expect.arrayContaining(['perf.spending_plan_exceeds', 'perf.duplicate_target', 'perf.no_indicators']))
  })

  it('rows come out in tree order whatever the order of entry', () => {
    const t = base()
    const rows = indicatorRows([...t.indicators].reverse())
    expect(rows.map((r) => r.level1)).toEqual(['产出指标', '产出指标', '产出指标', '产出指标', '产出指标', '产出指标', '产出指标', '产出指标', '效益指标', '效益指标', '满意度指标'])
    expect(rows[0]!.span1).toBe(8)
  })
})
