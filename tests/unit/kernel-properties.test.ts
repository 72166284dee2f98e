/**
 * Property tests of the budget kernel: for random VALID budgets (lines drawn from the real 2023
 * catalogue, revenue funding every (unit, 项) exactly), the tables derived by computeDisclosure
 * satisfy every identity of the hebei-dept-2023 template within rounding (尾差), and with amounts in
 * whole 0.01 万元 they satisfy them exactly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import type { Finding } from '@/lib/budget/findings'
import { classifyDifference } from '@/lib/budget/findings'
import type { Fen } from '@/lib/budget/money'
import { numberToPrinted, printedCell, toPrinted } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import { columnIndex, rowIndexById } from '@/lib/budget/table'
import type { TableKey, Template } from '@/lib/budget/template'
import { templateTable } from '@/lib/budget/template'
import type { BudgetData, ExpenditureLine, FiscalFund, Project, RevenueLine, RevenueSource, ThreePublicEntry, ThreePublicItem } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { templateFor } from '../support/fixtures'

const catalogue = starterCatalogue(2023)
const template: Template = templateFor(2023)

const FUNCTION_XIANG = [...catalogue.function.values()].filter((e) => e.level === 3).map((e) => e.code)
const economicKuan = (classes: string[]) => [...catalogue.economic.values()].filter((e) => e.level === 2 && classes.includes(e.code.slice(0, 3))).map((e) => e.code)
const BASIC_ECONOMIC = economicKuan(['301', '302', '303'])
const PROJECT_ECONOMIC = economicKuan(['302', '310'])
/** 三公 items checked against economic 款 of the basic table (cross.three_public_economic). */
const THREE_PUBLIC_ECONOMIC: Partial<Record<ThreePublicItem, string>> = { vehicle_operation: '30231', reception: '30217' }
const FREE_THREE_PUBLIC: ThreePublicItem[] = ['abroad_research', 'abroad_other', 'vehicle_purchase']

const CURRENT_SOURCE: Record<FiscalFund, RevenueSource> = { general: 'general_budget', gov_fund: 'gov_fund', state_capital: 'state_capital' }
const CARRY_SOURCE: Record<FiscalFund, RevenueSource> = { general: 'carryover_general', gov_fund: 'carryover_gov_fund', state_capital: 'carryover_state_capital' }

// ------------------------------------------------------------------------------------------ arbitraries

/** 1 分 … 10^10 分 (1 亿元), biased towards the rounding boundaries of 0.01 万元 and towards small amounts. */
const amountArb: fc.Arbitrary<Fen> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 10_000_000_000 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 200_000 }) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(4_999, 5_000, 5_001, 9_999, 0)).map(([k, r]) => Math.max(1, k * 10_000 + r)) },
)

const fundArb: fc.Arbitrary<FiscalFund> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('general' as const) },
  { weight: 2, arbitrary: fc.constant('gov_fund' as const) },
  { weight: 1, arbitrary: fc.constant('state_capital' as const) },
)

/** How each (unit, 项, fund) is funded: all current, all carried over, or a split at a random 分. */
const splitArb = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }))

type Skeleton = {
  unitCount: number
  projectCount: number
  functionPool: string[]
  lines: { unit: number; fn: number; fund: FiscalFund; project: number | null; economic: string; amount: Fen; split: number }[]
  freeThreePublic: { item: ThreePublicItem; fund: FiscalFund; amount: Fen }[]
}

const skeletonArb: fc.Arbitrary<Skeleton> = fc
  .record({
    unitCount: fc.integer({ min: 1, max: 4 }),
    projectCount: fc.integer({ min: 0, max: 6 }),
    functionPool: fc.uniqueArray(fc.constantFrom(...FUNCTION_XIANG), { minLength: 1, maxLength: 12 }),
  })
  .chain(({ unitCount, projectCount, functionPool }) =>
    fc.record({
      unitCount: fc.constant(unitCount),
      projectCount: fc.constant(projectCount),
      functionPool: fc.constant(functionPool),
      lines: fc.array(
        fc.record({
          unit: fc.integer({ min: 0, max: unitCount - 1 }),
          fn: fc.integer({ min: 0, max: functionPool.length - 1 }),
          fund: fundArb,
          // null: 基本支出; otherwise the index of the project the 项目支出 belongs to
          project: projectCount === 0 ? fc.constant(null) : fc.option(fc.integer({ min: 0, max: projectCount - 1 }), { freq: 2 }),
          economic: fc.constant(''),
          amount: amountArb,
          split: splitArb,
        }),
        { minLength: 1, maxLength: 60 },
      ),
      freeThreePublic: fc.array(fc.record({ item: fc.constantFrom(...FREE_THREE_PUBLIC), fund: fundArb, amount: amountArb }), { maxLength: 4 }),
    }),
  )
  .chain((s) =>
    // economic 款 per line: 301/302/303 for 基本支出 (often 30217/30231, which 三公 must match), 302/310 for 项目支出
    fc.tuple(...s.lines.map((l) => (l.project === null ? fc.oneof(fc.constantFrom('30217', '30231'), fc.constantFrom(...BASIC_ECONOMIC), fc.constantFrom(...BASIC_ECONOMIC)) : fc.constantFrom(...PROJECT_ECONOMIC)))).map((codes) => ({
      ...s,
      lines: s.lines.map((l, i) => ({ ...l, economic: codes[i]! })),
    })),
  )

function budgetFrom(s: Skeleton): BudgetData {
  const units = Array.from({ length: s.unitCount }, (_, i) => ({ code: `901${String(i + 1).padStart(3, '0')}`, name: `测试单位${i + 1}` }))
  const projects: Project[] = Array.from({ length: s.projectCount }, (_, i) => ({ code: `901-P${String(i + 1).padStart(2, '0')}`, name: `测试项目${i + 1}`, unitCode: units[i % units.length]!.code }))
  const expenditure: ExpenditureLine[] = s.lines.map((l) => ({
    unitCode: units[l.unit]!.code,
    functionCode: s.functionPool[l.fn]!,
    fund: l.fund,
    category: l.project === null ? 'basic' : 'project',
    economicCode: l.economic,
    projectCode: l.project === null ? null : projects[l.project]!.code,
    amount: l.amount,
  }))
  // revenue: per (unit, 项, fund), current + carryover of the matching fund = expenditure, exactly
  const groups = new Map<string, { unitCode: string; functionCode: string; fund: FiscalFund; total: Fen; split: number }>()
  s.lines.forEach((l, i) => {
    const e = expenditure[i]!
    const key = `${e.unitCode}|${e.functionCode}|${e.fund}`
    const g = groups.get(key) ?? { unitCode: e.unitCode, functionCode: e.functionCode, fund: l.fund, total: 0, split: l.split }
    g.total += e.amount
    groups.set(key, g)
  })
  const revenue: RevenueLine[] = []
  for (const g of groups.values()) {
    const current = Math.round(g.total * g.split)
    if (current > 0) revenue.push({ unitCode: g.unitCode, functionCode: g.functionCode, source: CURRENT_SOURCE[g.fund], amount: current })
    if (g.total - current > 0) revenue.push({ unitCode: g.unitCode, functionCode: g.functionCode, source: CARRY_SOURCE[g.fund], amount: g.total - current })
  }
  // 三公: 公务用车运行维护费 and 公务接待费 are the general basic lines on 30231 / 30217 (one entry per line);
  // the other items have no counterpart in the basic table and are free.
  const threePublic: ThreePublicEntry[] = s.freeThreePublic.map((e) => ({ ...e }))
  for (const [item, code] of Object.entries(THREE_PUBLIC_ECONOMIC) as [ThreePublicItem, string][]) {
    for (const e of expenditure) if (e.fund === 'general' && e.category === 'basic' && e.economicCode === code) threePublic.push({ item, fund: 'general', amount: e.amount })
  }
  return {
    year: 2023,
    department: { code: '901', name: '测试部门' },
    units,
    revenue,
    expenditure,
    projects,
    threePublic,
    procurement: [],
    fixedAssets: [],
  }
}

const budgetArb = skeletonArb.map(budgetFrom)

function scaled(data: BudgetData, k: number): BudgetData {
  return {
    ...data,
    revenue: data.revenue.map((l) => ({ ...l, amount: l.amount * k })),
    expenditure: data.expenditure.map((l) => ({ ...l, amount: l.amount * k })),
    threePublic: data.threePublic.map((e) => ({ ...e, amount: e.amount * k })),
  }
}

// ------------------------------------------------------------------------------------------ oracles

const byKey = (tables: BudgetTable[]) => Object.fromEntries(tables.map((t) => [t.key, t])) as Record<TableKey, BudgetTable>
const num = (t: BudgetTable, r: number, c: number): number | null => {
  const v = t.rows[r]?.[c]
  return typeof v === 'number' ? v : null
}
const present = (t: BudgetTable, cells: [number, number][]) => cells.filter(([r, c]) => r >= 0 && c >= 0 && num(t, r, c) !== null).length
const codeRowOf = (t: BudgetTable, code: string) => t.meta.findIndex((m) => m.kind === 'code' && m.code === code)
const totalRowOf = (t: BudgetTable) => t.meta.findIndex((m) => m.kind === 'total')
const rowsWhere = (t: BudgetTable, pred: (m: BudgetTable['meta'][number]) => boolean) => t.meta.map((m, r) => (pred(m) ? r : -1)).filter((r) => r >= 0)

/**
 * The number of printed (non-blank) parts the identity behind a rounding finding adds up, worked out
 * independently from the template's structure. Identities between two single figures have one part
 * and so can never be 尾差.
 */
function roundedParts(f: Finding, tables: Record<TableKey, BudgetTable>): number {
  const t = tables[f.table!]
  const r = f.row!
  const c = f.col!
  const m = t.meta[r]!
  switch (f.rule) {
    case 'tree.total':
      return present(t, rowsWhere(t, (x) => x.kind === 'code' && x.level === 1).map((k) => [k, c]))
    case 'tree.parent': {
      if (m.kind !== 'code') throw new Error('tree.parent on a non-code row')
      return present(t, rowsWhere(t, (x) => x.kind === 'code' && x.level === m.level + 1 && x.code.startsWith(m.code)).map((k) => [k, c]))
    }
    case 'row.identity': {
      const tt = templateTable(template, t.key)
      if (!tt || !('rowIdentities' in tt)) throw new Error('row.identity without identities')
      const idn = tt.rowIdentities.find((i) => columnIndex(t, i.target) === c)!
      return present(t, idn.parts.map((p) => [r, columnIndex(t, p)]))
    }
    case 'summary.current_income':
      return present(t, rowsWhere(t, (x) => x.kind === 'pair' && !!x.left?.startsWith('income:')).map((k) => [k, c]))
    case 'summary.current_expenditure':
      return present(t, rowsWhere(t, (x) => x.kind === 'pair' && !!x.right?.startsWith('class:')).map((k) => [k, c]))
    case 'summary.carry_in':
      return present(t, rowsWhere(t, (x) => x.kind === 'pair' && !!x.left?.startsWith('carry:')).map((k) => [k, c]))
    case 'summary.grand_income':
      return present(t, [
        [rowIndexById(t, 'current_income', 'left'), c],
        [rowIndexById(t, 'carry_in', 'left'), c],
      ])
    case 'fiscal.row_funds':
      return present(t, ['general', 'gov_fund', 'state_capital'].map((id) => [r, columnIndex(t, id)]))
    case 'three_public.row_funds':
      return present(t, ['general', 'gov_fund', 'state_capital'].map((id) => [r, columnIndex(t, id)]))
    case 'three_public.parent': {
      const tt = templateTable(template, t.key)
      if (!tt || tt.kind !== 'three_public' || m.kind !== 'fixed') throw new Error('three_public.parent off a fixed row')
      const sumOf = tt.rows.find((x) => x.id === m.id)!.sumOf!
      return present(t, sumOf.map((id) => [rowIndexById(t, id), c]))
    }
    case 'cross.income_fiscal': {
      const ies = tables.income_expenditure_summary
      const ci = columnIndex(ies, 'in_amount')
      return present(ies, ['income:general_budget', 'income:gov_fund', 'income:state_capital'].map((id) => [rowIndexById(ies, id, 'left'), ci]))
    }
    case 'cross.expenditure_vs_fund_tables': {
      const col = t.columns[c]!.id
      return [tables.general_budget_expenditure, tables.gov_fund_expenditure, tables.state_capital_expenditure].filter((ft) => {
        const fr = m.kind === 'code' ? codeRowOf(ft, m.code) : m.kind === 'total' ? totalRowOf(ft) : -1
        return present(ft, [[fr, columnIndex(ft, col)]]) === 1
      }).length
    }
    default:
      // every other rule compares one figure with one figure: no rounding tolerance
      return 1
  }
}

function sumOf<L extends { amount: Fen }>(lines: L[], pred: (l: L) => boolean = () => true): Fen {
  return lines.reduce((s, l) => (pred(l) ? s + l.amount : s), 0)
}

/** A printed amount cell of a derived table: blank for an exact zero, else toPrinted of the exact sum. */
const printedOf = (fen: Fen): number | null => (fen === 0 ? null : printedCell(toPrinted(fen)))

function checkGrandTotals(data: BudgetData, tables: Record<TableKey, BudgetTable>): void {
  const carry = new Set<RevenueSource>(['carryover_general', 'carryover_gov_fund', 'carryover_state_capital', 'carryover_other'])
  const rev = sumOf(data.revenue)
  const exp = sumOf(data.expenditure)
  const current = sumOf(data.revenue, (l) => !carry.has(l.source))
  expect(rev).toBe(exp)

  const ies = tables.income_expenditure_summary
  const inC = columnIndex(ies, 'in_amount')
  const outC = columnIndex(ies, 'out_amount')
  const grandIncome = num(ies, rowIndexById(ies, 'grand_income', 'left'), inC)
  const grandExpenditure = num(ies, rowIndexById(ies, 'grand_expenditure', 'right'), outC)
  expect(grandIncome).toBe(printedCell(toPrinted(rev)))
  expect(grandExpenditure).toBe(printedCell(toPrinted(exp)))
  expect(grandIncome).toBe(grandExpenditure)
  expect(num(ies, rowIndexById(ies, 'current_income', 'left'), inC)).toBe(printedOf(current))
  expect(num(ies, rowIndexById(ies, 'carry_in', 'left'), inC)).toBe(printedOf(rev - current))
  expect(num(ies, rowIndexById(ies, 'current_expenditure', 'right'), outC)).toBe(printedCell(toPrinted(exp)))

  // all money is 财政拨款 here, so the fiscal summary has the same grand totals
  const fis = tables.fiscal_income_expenditure_summary
  expect(num(fis, rowIndexById(fis, 'grand_income', 'left'), columnIndex(fis, 'in_amount'))).toBe(printedCell(toPrinted(rev)))
  expect(num(fis, rowIndexById(fis, 'grand_expenditure', 'right'), columnIndex(fis, 'total'))).toBe(printedCell(toPrinted(exp)))
  for (const fund of ['general', 'gov_fund', 'state_capital'] as const) {
    const fenOfFund = sumOf(data.expenditure, (l) => l.fund === fund)
    expect(num(fis, rowIndexById(fis, 'grand_expenditure', 'right'), columnIndex(fis, fund))).toBe(printedOf(fenOfFund))
  }

  const inc = tables.income_summary
  expect(num(inc, totalRowOf(inc), columnIndex(inc, 'total'))).toBe(printedCell(toPrinted(rev)))
  const es = tables.expenditure_summary
  expect(num(es, totalRowOf(es), columnIndex(es, 'total'))).toBe(printedCell(toPrinted(exp)))
  expect(num(es, totalRowOf(es), columnIndex(es, 'basic'))).toBe(printedOf(sumOf(data.expenditure, (l) => l.category === 'basic')))
  expect(num(es, totalRowOf(es), columnIndex(es, 'project'))).toBe(printedOf(sumOf(data.expenditure, (l) => l.category === 'project')))
  // every 项 row of 支出总表 is its own exact sum, rounded
  for (const code of new Set(data.expenditure.map((l) => l.functionCode))) {
    expect(num(es, codeRowOf(es, code), columnIndex(es, 'total'))).toBe(printedCell(toPrinted(sumOf(data.expenditure, (l) => l.functionCode === code))))
  }
  const bas = tables.general_budget_basic_expenditure
  const basicGeneral = sumOf(data.expenditure, (l) => l.fund === 'general' && l.category === 'basic')
  if (basicGeneral === 0) expect(bas.rows).toEqual([])
  else expect(num(bas, totalRowOf(bas), columnIndex(bas, 'total'))).toBe(printedCell(toPrinted(basicGeneral)))
  const thr = tables.three_public_expenses
  expect(num(thr, rowIndexById(thr, 'total'), columnIndex(thr, 'total'))).toBe(printedOf(sumOf(data.threePublic)))
}

// ------------------------------------------------------------------------------------------ properties

describe('kernel properties on random valid budgets (hebei-dept-2023, 2023 catalogue)', () => {
  it('the generator draws from the real catalogue', () => {
    expect(FUNCTION_XIANG.length).toBeGreaterThan(500)
    expect(BASIC_ECONOMIC).toContain('30217')
    expect(BASIC_ECONOMIC).toContain('30231')
    expect(PROJECT_ECONOMIC.some((c) => c.startsWith('310'))).toBe(true)
  })

  it('every identity holds within 尾差, rounding findings stay within classifyDifference’s tolerance, and grand totals are the exact sums rounded', () => {
    let withRounding = 0
    fc.assert(
      fc.property(budgetArb, (data) => {
        const { tables, findings } = computeDisclosure(data, template, catalogue)
        const t = byKey(tables)
        expect(findings.filter((f) => f.severity !== 'rounding')).toEqual([])
        for (const f of findings) {
          expect(f.expected).toBeTypeOf('number')
          expect(f.actual).toBeTypeOf('number')
          const diff = printedCell(numberToPrinted(f.actual!) - numberToPrinted(f.expected!))
          expect(diff).not.toBe(0)
          // the finding's actual is the printed cell it points at
          expect(num(t[f.table!], f.row!, f.col!)).toBe(printedCell(numberToPrinted(f.actual!)))
          const n = roundedParts(f, t)
          expect({ rule: f.rule, at: `${f.table} | ${f.rowLabel} | ${f.column}`, diff: Math.abs(diff) <= Math.floor(n / 2) }).toEqual({ rule: f.rule, at: `${f.table} | ${f.rowLabel} | ${f.column}`, diff: true })
          expect(classifyDifference(diff, n)).toBe('rounding')
        }
        if (findings.length) withRounding++
        checkGrandTotals(data, t)
      }),
      { numRuns: 200 },
    )
    // the generator does exercise 尾差, not only exact budgets
    expect(withRounding).toBeGreaterThan(20)
  })

  it('with every amount a whole 0.01 万元 (×10000 分), there are no findings at all', () => {
    fc.assert(
      fc.property(budgetArb, (data) => {
        const whole = scaled(data, 10_000)
        const { tables, findings } = computeDisclosure(whole, template, catalogue)
        expect(findings).toEqual([])
        checkGrandTotals(whole, byKey(tables))
      }),
      { numRuns: 200 },
    )
  })
})
