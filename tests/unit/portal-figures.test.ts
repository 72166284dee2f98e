import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { parseAmount } from '@/lib/budget/money'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { compareFunctionClasses, compareIndicators, compareTables } from '@/lib/portal/compare'
import { figuresFromTables, formatPerMille, indicatorsFromAmounts, indicatorsOf, personnelShare } from '@/lib/portal/figures'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { loadFixture, templateFor } from '../support/fixtures'

const derive = (data: BudgetData) => computeDisclosure(data, templateFor(data.year), starterCatalogue(data.year)).tables

describe('portal figures', () => {
  it('承德 2023 from its tables: the figures its notes print', () => {
    const f = figuresFromTables(derive(chengde2023()))
    // notes: 支出预算 2350.50 万元，基本支出 1709.00（人员经费 1630.30，公用经费 78.70），项目支出 641.50
    expect(f.total).toBe(235050)
    expect(f.basic).toBe(170900)
    expect(f.project).toBe(64150)
    expect(f.personnel).toBe(163030)
    // 机关运行经费 78.70 万元; 三公 1.73 = 公务用车运行维护费 1.40 + 公务接待费 0.33
    expect(f.operating).toBe(7870)
    expect(f.threePublic).toBe(173)
    expect(f.threePublicDetail).toEqual({ abroad: 0, vehiclePurchase: 0, vehicleOperation: 140, reception: 33, total: 173 })
    expect(f.byFunctionClass.map((c) => [c.code, c.name, c.total])).toEqual([
      ['208', '社会保障和就业支出', 111531],
      ['210', '卫生健康支出', 110060],
      ['221', '住房保障支出', 13458],
    ])
    expect(formatPerMille(personnelShare(f))).toBe('69.4%')
  })

  it('the published workbook tables read as declared give the same figures as the tables derived from lines', () => {
    for (const [name, make] of [
      ['chengde-2023', chengde2023],
      ['laoting-2022', laoting2022],
    ] as const) {
      const fx = loadFixture(name)
      const declared = tablesFromFixture(fx.tables, templateFor(fx.year), fx.year).tables
      expect(figuresFromTables(declared)).toEqual(figuresFromTables(derive(make())))
    }
  })

  it('indicators summed from lines (as the region comparison sums SQL groups) equal those read from the tables', () => {
    for (const make of [chengde2023, laoting2022]) {
      const data = make()
      expect(indicatorsFromAmounts(data.expenditure, data.threePublic)).toEqual(indicatorsOf(figuresFromTables(derive(data))))
    }
  })

  it('grouping lines before summing does not change the indicators (exact 分, rounded once)', () => {
    const data = chengde2023()
    const groups = new Map<string, { category: string; fund: string; economicCode: string; amount: number }>()
    for (const l of data.expenditure) {
      const k = `${l.category}|${l.fund}|${l.economicCode}`
      const g = groups.get(k)
      if (g) g.amount += l.amount
      else groups.set(k, { category: l.category, fund: l.fund, economicCode: l.economicCode, amount: l.amount })
    }
    expect(indicatorsFromAmounts(groups.values(), data.threePublic)).toEqual(indicatorsFromAmounts(data.expenditure, data.threePublic))
    // coarser still, as the region comparison's SQL groups them: by economic 类 (its first three digits)
    const byClass = new Map<string, { category: string; fund: string; economicCode: string; amount: number }>()
    for (const l of data.expenditure) {
      const k = `${l.category}|${l.fund}|${l.economicCode.slice(0, 3)}`
      const g = byClass.get(k)
      if (g) g.amount += l.amount
      else byClass.set(k, { category: l.category, fund: l.fund, economicCode: l.economicCode.slice(0, 3), amount: l.amount })
    }
    expect(byClass.size).toBeLessThan(groups.size)
    expect(indicatorsFromAmounts(byClass.values(), data.threePublic)).toEqual(indicatorsFromAmounts(data.expenditure, data.threePublic))
  })

  it('机关运行经费 counts the 财政拨款 公用经费 of the units in scope (行政 and 参公), all units when no scope is given', () => {
    const data = chengde2023()
    const all = indicatorsFromAmounts(data.expenditure, data.threePublic)
    expect(all.operating).toBe(7870)
    const adminOnly = indicatorsFromAmounts(data.expenditure, data.threePublic, new Set(['447001']))
    // 447001 本级 is the only 行政单位: its own 公用经费 (the seed's notes count all six units, as 参公)
    expect(adminOnly.operating).toBe(3280)
    expect({ ...adminOnly, operating: 0 }).toEqual({ ...all, operating: 0 })
    expect(indicatorsFromAmounts(data.expenditure, [], new Set()).operating).toBe(0)
  })

  it('三公 counts fiscal funds and the three items only; meetings, training and 单位资金 are not 三公', () => {
    const y = (s: string) => parseAmount(s, '元')
    const ind = indicatorsFromAmounts(
      [],
      [
        { item: 'reception', fund: 'general', amount: y('3300') },
        { item: 'vehicle_operation', fund: 'gov_fund', amount: y('14000') },
        { item: 'reception', fund: 'unit_funds', amount: y('99999') },
        { item: 'training', fund: 'general', amount: y('50000') },
        { item: 'meeting_other', fund: 'general', amount: y('50000') },
      ],
    )
    expect(ind.threePublic).toBe(173)
  })

  it('a share is undefined, not zero, when there is no general budget', () => {
    const f = figuresFromTables([])
    expect(f.total).toBe(0)
    expect(personnelShare(f)).toBeNull()
    expect(formatPerMille(null)).toBe('—')
  })
})

describe('year-over-year comparison', () => {
  const cur = () => derive(chengde2023())
  const prevData = (): BudgetData => {
    const d = chengde2023()
    // the year before: 项目支出 of one project 10 万元 lower, no 公务接待费
    const i = d.expenditure.findIndex((l) => l.category === 'project')
    const expenditure = d.expenditure.map((l, j) => (j === i ? { ...l, amount: l.amount - 100_000 * 100 } : l))
    return { ...d, year: 2022, expenditure, threePublic: d.threePublic.filter((e) => e.item !== 'reception') }
  }

  it('headline figures: change and change in per-mille against the base year', () => {
    const now = indicatorsOf(figuresFromTables(cur()))
    const before = indicatorsOf(figuresFromTables(derive(prevData())))
    const byKey = Object.fromEntries(compareIndicators(now, before).map((c) => [c.key, c]))
    expect(byKey.project).toMatchObject({ current: 64150, base: 63150, diff: 1000 })
    expect(byKey.project!.pm).toBe(Math.round((1000 * 1000) / 63150))
    expect(byKey.threePublic).toMatchObject({ current: 173, base: 140, diff: 33 })
    expect(byKey.basic).toMatchObject({ diff: 0, pm: 0 })
  })

  it('a 类 present in one year only compares against 0', () => {
    const a = figuresFromTables(cur())
    const b = { ...a, byFunctionClass: a.byFunctionClass.filter((c) => c.code !== '221') }
    const rows = compareFunctionClasses(a, b)
    expect(rows.find((r) => r.code === '221')).toMatchObject({ current: 13458, base: 0, diff: 13458, pm: null })
  })

  it('tables are matched row by row by code and fixed row, columns by id', () => {
    const [es] = compareTables(cur(), derive(prevData()), ['expenditure_summary'])
    // 经营支出, 上解上级支出 and 对附属单位补助支出 are empty in both years: those columns are left out
    expect(es!.columns.map((c) => c.id)).toEqual(['total', 'basic', 'project'])
    expect(es!.rows.every((r) => r.cells.length === 3)).toBe(true)
    const total = es!.rows.find((r) => r.key === 'total')!
    expect(total.cells[0]).toMatchObject({ current: 235050, base: 234050, diff: 1000 })
    expect(total.cells[1]).toMatchObject({ diff: 0 })
    expect(es!.rows.some((r) => r.key === 'code:208' && r.level === 1)).toBe(true)
    const [tp] = compareTables(cur(), derive(prevData()), ['three_public_expenses'])
    expect(tp!.rows.find((r) => r.key === 'fixed:reception')!.cells[0]).toMatchObject({ current: 33, base: 0, pm: null })
  })

  it('two-sided summaries compare the income and the expenditure side separately', () => {
    const [s] = compareTables(cur(), derive(prevData()), ['income_expenditure_summary'])
    expect(s!.columns).toEqual([{ id: 'amount', label: '金额' }])
    expect(s!.rows.some((r) => r.key.startsWith('in:'))).toBe(true)
    expect(s!.rows.some((r) => r.key.startsWith('out:'))).toBe(true)
    // income rows first, then expenditure rows, each labelled with its side
    const sides = s!.rows.map((r) => r.key.slice(0, 3))
    expect(sides).toEqual([...sides].sort((a, b) => (a === b ? 0 : a === 'in:' ? -1 : 1)))
    expect(s!.rows.find((r) => r.key === 'out:current_expenditure')?.label).toBe('支出：本年支出合计')
    // empty rows (功能分类 classes without money in both years) are left out
    expect(s!.rows.every((r) => r.cells.some((c) => c.current !== 0 || c.base !== 0))).toBe(true)
  })

  it('rows only the base year has are kept, with 0 in the current year', () => {
    const now = derive(chengde2023())
    const before = derive(laoting2022())
    const [gb] = compareTables(now, before, ['general_budget_expenditure'])
    const onlyBefore = gb!.rows.filter((r) => r.cells[0]!.current === 0 && r.cells[0]!.base !== 0)
    expect(onlyBefore.length).toBeGreaterThan(0)
  })
})
