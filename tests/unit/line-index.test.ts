/**
 * The shared expenditure index (lib/budget/line-index.ts): its groups equal a plain grouping of the
 * lines, and the line checks built on it say, line by line, what the rules say, for random lines that
 * include malformed funds, categories, codes, units and projects.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CATEGORY_OTHER, categoryIndex, FUND_OTHER, fundIndex, groupExpenditure, indexExpenditure } from '@/lib/budget/line-index'
import type { BudgetData, ExpenditureLine } from '@/lib/budget/types'
import { EXPENDITURE_CATEGORIES, FUND_TYPES, isPersonnelEconomic } from '@/lib/budget/types'
import { validateLines } from '@/lib/budget/validate-lines'
import { starterCatalogue } from '@/lib/catalogue/files'

const catalogue = starterCatalogue(2023)
const FUNCTIONS = ['2080101', '2080102', '2101201', '2130101', '20801', '9999999']
const ECONOMICS = ['30101', '30201', '30217', '30301', '31002', '30999', '3020', '40101']
const UNITS = ['447001', '447002', '999999']
const PROJECTS = ['P1', 'P2', 'P-unknown']

/** Mostly the first (valid) values, so that a line breaking one rule alone is common. */
const mostly = <T>(valid: T[], invalid: T[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) })

const lineArb: fc.Arbitrary<ExpenditureLine> = fc.record({
  unitCode: mostly(UNITS.slice(0, 2), UNITS.slice(2)),
  functionCode: mostly(FUNCTIONS.slice(0, 4), FUNCTIONS.slice(4)),
  fund: mostly<string>([...FUND_TYPES], ['bogus', '']),
  category: mostly<string>([...EXPENDITURE_CATEGORIES], ['other-kind']),
  economicCode: mostly(ECONOMICS.slice(0, 5), ECONOMICS.slice(5)),
  projectCode: fc.option(mostly(PROJECTS.slice(0, 2), PROJECTS.slice(2)), { nil: null }),
  amount: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 10_000_000 }) }),
}) as fc.Arbitrary<ExpenditureLine>

const dataOf = (expenditure: ExpenditureLine[]): BudgetData => ({
  year: 2023,
  department: { code: '447', name: '测试部门' },
  units: [
    { code: '447001', name: '本级' },
    { code: '447002', name: '所属单位' },
  ],
  revenue: [],
  expenditure,
  projects: [
    { code: 'P1', name: '项目一', unitCode: '447001' },
    { code: 'P2', name: '项目二', unitCode: '447002' },
  ],
  threePublic: [],
  procurement: [],
  fixedAssets: [],
})

describe('fund and category indexes', () => {
  it('follow FUND_TYPES and EXPENDITURE_CATEGORIES, anything else is OTHER', () => {
    FUND_TYPES.forEach((f, i) => expect(fundIndex(f)).toBe(i))
    EXPENDITURE_CATEGORIES.forEach((c, i) => expect(categoryIndex(c)).toBe(i))
    for (const x of ['', 'General', null, undefined, 3]) {
      expect(fundIndex(x)).toBe(FUND_OTHER)
      expect(categoryIndex(x)).toBe(CATEGORY_OTHER)
    }
  })
})

describe('groupExpenditure', () => {
  it('equals a plain grouping by code, fund, category (and 人员/公用), with exact sums and the nonZero flag', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 80 }), fc.constantFrom('function', 'economic'), fc.boolean(), (lines, by, withPersonnel) => {
        const key = (l: ExpenditureLine) =>
          [by === 'function' ? l.functionCode : l.economicCode, fundIndex(l.fund), categoryIndex(l.category), withPersonnel ? (isPersonnelEconomic(l.economicCode) ? 1 : 0) : '-'].join('|')
        const expected = new Map<string, { amount: number; nonZero: boolean }>()
        for (const l of lines) {
          const g = expected.get(key(l)) ?? { amount: 0, nonZero: false }
          g.amount += l.amount
          g.nonZero ||= l.amount !== 0
          expected.set(key(l), g)
        }
        const groups = groupExpenditure(indexExpenditure(lines), by, withPersonnel)
        const actual = new Map(groups.map((g) => [key(g.line), { amount: g.amount, nonZero: g.nonZero }]))
        expect(actual.size).toBe(groups.length) // one group per key
        expect(actual).toEqual(expected)
        // the representative is one of the group's own lines
        for (const g of groups) expect(lines).toContain(g.line)
      }),
      { numRuns: 300 },
    )
  })
})

describe('validateLines on the index', () => {
  /** The expenditure rules each line must get, from the rules' definitions, one line at a time. */
  function expectedRules(l: ExpenditureLine): string[] {
    const out: string[] = []
    const fnLevelOk = /^\d{7}$/.test(l.functionCode)
    if (!fnLevelOk) out.push('line.code_level')
    else if (!catalogue.function.has(l.functionCode)) out.push('line.code_unknown')
    const ecoLevelOk = /^\d{5}$/.test(l.economicCode)
    if (!ecoLevelOk) out.push('line.code_level')
    else if (!catalogue.economic.has(l.economicCode)) out.push('line.code_unknown')
    if (!(FUND_TYPES as readonly string[]).includes(l.fund)) out.push('line.fund')
    if (!(EXPENDITURE_CATEGORIES as readonly string[]).includes(l.category)) out.push('line.category')
    if (l.unitCode !== '447001' && l.unitCode !== '447002') out.push('line.unit_unknown')
    if (l.amount < 0) out.push('line.negative')
    if (l.category === 'basic' && l.economicCode.length === 5 && !['301', '302', '303', '310'].includes(l.economicCode.slice(0, 3))) out.push('line.economic_category')
    if (l.category === 'project' && !l.projectCode) out.push('line.project_missing')
    if (l.projectCode && l.projectCode !== 'P1' && l.projectCode !== 'P2') out.push('line.project_unknown')
    if (l.category !== 'project' && l.projectCode) out.push('line.project_on_basic')
    return out.sort()
  }

  it('gives every line exactly the rules it breaks, with or without a prebuilt index', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (lines) => {
        const data = dataOf(lines)
        const findings = validateLines(data, catalogue, indexExpenditure(lines))
        expect(validateLines(data, catalogue)).toEqual(findings)
        lines.forEach((l, i) => {
          const got = findings.filter((f) => f.line?.list === 'expenditure' && f.line.index === i).map((f) => f.rule)
          expect(got.sort(), `支出明细第 ${i + 1} 行 ${JSON.stringify(l)}`).toEqual(expectedRules(l))
        })
      }),
      { numRuns: 300 },
    )
  })
})
