/**
 * Property tests of consolidation: for random valid budgets of the units of one department, the
 * department's tables derived from the consolidated lines equal the sum of the units' tables, cell
 * by cell — exactly when printed in 元 (no rounding), and within the rounding of the parts (尾差)
 * when printed in 万元 — in every shipped department layout; the 部门支出分单位 table lists each
 * unit's own 支出总表 total, and the consolidated budget is as valid as its parts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { consolidate, deriveUnitBreakdown } from '@/lib/budget/consolidate'
import { deriveTables } from '@/lib/budget/derive'
import { classifyDifference } from '@/lib/budget/findings'
import type { Fen } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'
import { shippedTemplate } from '@/lib/templates/files'
import type { BudgetData, ExpenditureLine, FundType, RevenueLine, RevenueSource, ThreePublicItem } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'

const catalogue = starterCatalogue(2023)
const FUNCTIONS = ['2101501', '2101502', '2101599', '2080505', '2101101', '2210201', '2100408', '2296002']
const BASIC = ['30101', '30102', '30108', '30113', '30201', '30211', '30215', '30216', '30217', '30231', '30302']
const PROJECT = ['30226', '30227', '31002', '31007']
const FUNDS: FundType[] = ['general', 'general', 'general', 'gov_fund', 'state_capital', 'special_account', 'unit_funds']
const CURRENT: Record<FundType, RevenueSource> = { general: 'general_budget', gov_fund: 'gov_fund', state_capital: 'state_capital', special_account: 'special_account', unit_funds: 'unit_funds' }
const CARRY: Record<FundType, RevenueSource> = { general: 'carryover_general', gov_fund: 'carryover_gov_fund', state_capital: 'carryover_state_capital', special_account: 'carryover_other', unit_funds: 'carryover_other' }
const ITEMS: ThreePublicItem[] = ['abroad_other', 'vehicle_purchase', 'vehicle_operation', 'reception', 'meeting_other', 'training']

const amount = fc.oneof(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 1, max: 300_000 }), fc.integer({ min: 0, max: 99_999 }).map((k) => k * 10_000 + 5_000))

const unitArb = (code: string) =>
  fc
    .record({
      lines: fc.array(
        fc.record({ fn: fc.constantFrom(...FUNCTIONS), fund: fc.constantFrom(...FUNDS), project: fc.boolean(), basic: fc.constantFrom(...BASIC), proj: fc.constantFrom(...PROJECT), amount, carry: fc.double({ min: 0, max: 1, noNaN: true }) }),
        { minLength: 1, maxLength: 25 },
      ),
      three: fc.array(fc.record({ item: fc.constantFrom(...ITEMS), fund: fc.constantFrom<FundType>('general', 'gov_fund'), amount }), { maxLength: 5 }),
      assets: fc.option(fc.record({ q: fc.integer({ min: 1, max: 40 }), v: amount }), { nil: null }),
    })
    .map(({ lines, three, assets }): BudgetData => {
      const project = `${code}-P`
      const expenditure: ExpenditureLine[] = lines.map((l) => ({
        unitCode: code,
        functionCode: l.fn,
        fund: l.fund,
        category: l.project ? 'project' : 'basic',
        economicCode: l.project ? l.proj : l.basic,
        projectCode: l.project ? project : null,
        amount: l.amount,
      }))
      const revenue: RevenueLine[] = []
      lines.forEach((l, i) => {
        const carried = Math.floor(expenditure[i]!.amount * l.carry)
        if (carried > 0) revenue.push({ unitCode: code, functionCode: l.fn, source: CARRY[l.fund], amount: carried })
        if (expenditure[i]!.amount - carried > 0) revenue.push({ unitCode: code, functionCode: l.fn, source: CURRENT[l.fund], amount: expenditure[i]!.amount - carried })
      })
      return {
        year: 2023,
        department: { code, name: `单位${code}` },
        units: [{ code, name: `单位${code}` }],
        revenue,
        expenditure,
        projects: [{ code: project, name: `项目${code}`, unitCode: code }],
        threePublic: three.map((t) => ({ item: t.item, fund: t.fund, amount: t.amount })),
        vehicles: { purchased: 0, heldAtYearEnd: assets?.q ?? null },
        procurement: [],
        fixedAssets: assets ? [{ category: 'vehicles', quantity: String(assets.q), value: assets.v }] : [],
      }
    })

const unitsArb = fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => unitArb(`880${String(i + 1).padStart(3, '0')}`))))

/** Every amount cell of a table by meaning: row identity (code, fixed id, side of a pair) × column id. */
function cellsByMeaning(t: BudgetTable): Map<string, number> {
  const m = new Map<string, number>()
  t.rows.forEach((row, r) => {
    const meta = t.meta[r]!
    t.columns.forEach((col, c) => {
      if (col.kind !== 'amount') return
      const rowKey = meta.kind === 'pair' ? (col.id === 'in_amount' ? meta.left : meta.right) : meta.id
      if (rowKey === null) return
      const v = row[c]
      if (typeof v === 'number') m.set(`${rowKey}|${col.id}`, (m.get(`${rowKey}|${col.id}`) ?? 0) + v)
    })
  })
  return m
}

const DEPARTMENT_TEMPLATES = ['hebei-dept-2023', 'henan-dept-2023', 'shanghai-dept-2023']
const inYuan = (t: Template): Template => ({ ...t, amountUnit: '元' })

describe('consolidation: a department’s tables are the sum of its units’ tables', () => {
  for (const id of DEPARTMENT_TEMPLATES) {
    it(`${id}: exactly in 元, and within 尾差 in 万元, for every table, row and column`, () => {
      const template = shippedTemplate(id)
      fc.assert(
        fc.property(unitsArb, (units) => {
          const dept = consolidate({ code: '880', name: '测试部门' }, 2023, units)
          for (const [tpl, exact] of [
            [inYuan(template), true],
            [template, false],
          ] as const) {
            const whole = deriveTables(dept, tpl, catalogue)
            const parts = units.map((u) => deriveTables(u, tpl, catalogue))
            whole.forEach((t, i) => {
              const sum = new Map<string, number>()
              for (const p of parts) for (const [k, v] of cellsByMeaning(p[i]!)) sum.set(k, (sum.get(k) ?? 0) + v)
              const got = cellsByMeaning(t)
              for (const k of new Set([...sum.keys(), ...got.keys()])) {
                const diff = (got.get(k) ?? 0) - (sum.get(k) ?? 0)
                if (exact) expect({ table: t.key, cell: k, diff }).toEqual({ table: t.key, cell: k, diff: 0 })
                else expect({ table: t.key, cell: k, kind: classifyDifference(diff, units.length) }).not.toMatchObject({ kind: 'error' })
              }
            })
          }
        }),
        { numRuns: 40 },
      )
    })
  }

  it('部门支出分单位: one row per unit equal to that unit’s own 支出总表 total, basic and project; 合计 = the department’s 支出总表', () => {
    const template = inYuan(shippedTemplate('hebei-dept-2023'))
    fc.assert(
      fc.property(unitsArb, (units) => {
        const dept = consolidate({ code: '880', name: '测试部门' }, 2023, units)
        const byUnit = deriveUnitBreakdown(template.unitBreakdown!, dept, '元')
        const total = (t: BudgetTable, r: number, col: string) => (t.rows[r]![t.columns.findIndex((c) => c.id === col)] as number | null) ?? 0
        const expOf = (d: BudgetData) => deriveTables(d, template, catalogue).find((t) => t.key === 'expenditure_summary')!
        expect(byUnit.rows.length).toBe(units.length + 1)
        units.forEach((u, i) => {
          const own = expOf(u)
          expect(byUnit.rows[i + 1]![0]).toBe(u.units[0]!.code)
          for (const col of ['total', 'basic', 'project']) expect(total(byUnit, i + 1, col)).toBe(own.rows.length ? total(own, 0, col) : 0)
        })
        const whole = expOf(dept)
        for (const col of ['total', 'basic', 'project']) expect(total(byUnit, 0, col)).toBe(total(whole, 0, col))
      }),
      { numRuns: 60 },
    )
  })

  it('the consolidated budget is as valid as its units: no error finding when no unit has one', () => {
    const template = shippedTemplate('hebei-dept-2023')
    fc.assert(
      fc.property(unitsArb, (units) => {
        const errorsOf = (d: BudgetData) => computeDisclosure(d, template, catalogue).findings.filter((f) => f.severity === 'error')
        fc.pre(units.every((u) => errorsOf(u).length === 0))
        expect(errorsOf(consolidate({ code: '880', name: '测试部门' }, 2023, units))).toEqual([])
      }),
      { numRuns: 40 },
    )
  })

  it('consolidation keeps every line with its unit and adds up 三公 figures, vehicles and assets exactly', () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const dept = consolidate({ code: '880', name: '测试部门' }, 2023, units)
        const sum = (xs: { amount: Fen }[]) => xs.reduce((s, x) => s + x.amount, 0)
        expect(dept.units.map((u) => u.code)).toEqual(units.map((u) => u.units[0]!.code))
        expect(dept.expenditure).toEqual(units.flatMap((u) => u.expenditure))
        expect(dept.revenue).toEqual(units.flatMap((u) => u.revenue))
        expect(sum(dept.threePublic)).toBe(units.reduce((s, u) => s + sum(u.threePublic), 0))
        const held = units.map((u) => u.vehicles?.heldAtYearEnd).filter((x): x is number => x != null)
        expect(dept.vehicles?.heldAtYearEnd ?? null).toBe(held.length ? held.reduce((a, b) => a + b, 0) : null)
        const values = units.flatMap((u) => u.fixedAssets.map((a) => a.value ?? 0))
        expect(dept.fixedAssets.reduce((s, a) => s + (a.value ?? 0), 0)).toBe(values.reduce((a, b) => a + b, 0))
      }),
      { numRuns: 60 },
    )
  })
})
