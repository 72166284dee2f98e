/**
 * Mutation tests of the validator: change ONE figure of a consistent disclosure and check that the
 * specific rule fires, as an error, at the cell a reader would look at — and that nothing else moves.
 *
 * Printed tables: the chengde-2023 golden fixture, read with tablesFromFixture, one cell changed by
 * +1.00 万元 (a hundred times any 尾差 tolerance there), validated with validateTables.
 * Lines: the chengde2023() factory, one line changed, run through computeDisclosure.
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import type { Finding } from '@/lib/budget/findings'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { TableKey } from '@/lib/budget/template'
import type { BudgetData, ExpenditureLine } from '@/lib/budget/types'
import { validateTables } from '@/lib/budget/validate-tables'
import { starterCatalogue } from '@/lib/catalogue/files'
import { chengde2023 } from '../../prisma/demo'
import { loadFixture, templateFor } from '../support/fixtures'

const template = templateFor(2023)
const catalogue = starterCatalogue(2023)

/** The 11 尾差 of the printed source (see validate-printed.test.ts); a mutation elsewhere must leave them alone. */
const ORIGINAL_ROUNDING = [
  'rounding income_summary | 合计 | 合计',
  'rounding income_summary | 合计 | 上年结转',
  'rounding expenditure_summary | 合计 | 合计',
  'rounding expenditure_summary | 合计 | 基本支出',
  'rounding general_budget_expenditure | 合计 | 合计',
  'rounding general_budget_expenditure | 合计 | 基本支出',
  'rounding general_budget_basic_expenditure | 合计 | 一般公共预算基本支出/合计',
  'rounding general_budget_basic_expenditure | 合计 | 一般公共预算基本支出/人员经费',
  'rounding income_expenditure_summary | 本年支出合计 | 支出/预算数',
  'rounding fiscal_income_expenditure_summary | 本年支出合计 | 支出/合计',
  'rounding fiscal_income_expenditure_summary | 本年支出合计 | 支出/一般公共预算财政拨款',
].sort()

const at = (f: Finding) => `${f.severity} ${f.table} | ${f.rowLabel} | ${f.column}`
const ruleAt = (f: Finding) => `${f.rule} ${at(f)}`

type Mutation = {
  table: TableKey
  /** Picks the printed row to change (rows as in the fixture JSON). */
  row: (row: (string | number | null)[], index: number, rows: (string | number | null)[][]) => boolean
  column: string
  delta: number
}

/** Changes one printed amount of the fixture and validates; returns the findings and where the change went. */
function validateMutated(m: Mutation) {
  const fx = loadFixture('chengde-2023')
  const ft = fx.tables.find((t) => t.key === m.table)!
  const c = ft.columns.indexOf(m.column)
  const r = ft.rows.findIndex((row, i, rows) => m.row(row, i, rows))
  expect(c, `column ${m.column}`).toBeGreaterThanOrEqual(0)
  expect(r, `row in ${m.table}`).toBeGreaterThanOrEqual(0)
  const before = ft.rows[r]![c] as number | null
  const after = Math.round(((before ?? 0) + m.delta) * 100) / 100
  ft.rows[r]![c] = after
  const { tables, findings: readFindings } = tablesFromFixture(fx.tables, template, 2023)
  expect(readFindings).toEqual([])
  const findings = validateTables(tables, template)
  return {
    findings,
    r,
    c,
    before,
    after,
    errors: findings.filter((f) => f.severity !== 'rounding'),
    rounding: findings.filter((f) => f.severity === 'rounding').map(at).sort(),
    ruleAts: findings.filter((f) => f.severity !== 'rounding').map(ruleAt).sort(),
  }
}

const code = (c: string) => (row: (string | number | null)[]) => row[0] === c
const label = (l: string) => (row: (string | number | null)[]) => row[0] === l

describe('one printed amount changed by +1.00 万元: the specific rule fires where the change is', () => {
  it('unchanged fixture: only the 11 尾差 (control)', () => {
    const fx = loadFixture('chengde-2023')
    const { tables } = tablesFromFixture(fx.tables, template, 2023)
    expect(validateTables(tables, template).map(at).sort()).toEqual(ORIGINAL_ROUNDING)
  })

  it('支出总表, 项 2101501 行政运行, 基本支出: parent 款 sum, the row’s own identity, and the 一般公共预算 table disagree', () => {
    const m = validateMutated({ table: 'expenditure_summary', row: code('2101501'), column: '基本支出', delta: 1 })
    expect(m.ruleAts).toEqual(
      [
        'tree.parent error expenditure_summary | 21015 医疗保障管理事务 | 基本支出',
        'row.identity error expenditure_summary | 2101501 行政运行 | 合计',
        'cross.expenditure_vs_fund_tables error expenditure_summary | 2101501 行政运行 | 基本支出',
      ].sort(),
    )
    const byRule = Object.fromEntries(m.errors.map((f) => [f.rule, f]))
    // tree.parent: the parent row 21015 still prints 485.49; its children now add up to 486.49
    expect(byRule['tree.parent']).toMatchObject({ table: 'expenditure_summary', rowLabel: '21015 医疗保障管理事务', column: '基本支出', expected: 486.49, actual: 485.49 })
    // row.identity sits in the changed row, at its 合计 cell (合计 = 基本支出 + 项目支出)
    expect(byRule['row.identity']).toMatchObject({ row: m.r, rowLabel: '2101501 行政运行', column: '合计', expected: 486.49, actual: 485.49 })
    // the changed cell itself disagrees with the 一般公共预算财政拨款支出表
    expect(byRule['cross.expenditure_vs_fund_tables']).toMatchObject({ row: m.r, col: m.c, expected: 485.49, actual: 486.49 })
    expect(byRule['cross.expenditure_vs_fund_tables']!.message).toContain('相差 1.00')
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('收支总表 一般公共预算拨款收入: 本年收入合计, 收入总表 财政拨款收入 and 财政拨款收支总表 disagree', () => {
    const m = validateMutated({ table: 'income_expenditure_summary', row: label('一、一般公共预算拨款收入'), column: '收入/预算数', delta: 1 })
    expect(m.ruleAts).toEqual(
      [
        'summary.current_income error income_expenditure_summary | 本年收入合计 | 收入/预算数',
        'cross.income_fiscal error income_summary | 合计 | 本年收入/财政拨款收入',
        'cross.fiscal_income_general error fiscal_income_expenditure_summary | 一、一般公共预算拨款 | 收入/金额',
      ].sort(),
    )
    for (const f of m.errors) expect({ rule: f.rule, expected: f.expected, actual: f.actual }).toEqual({ rule: f.rule, expected: 2276.24, actual: 2275.24 })
    expect(m.errors.find((f) => f.rule === 'cross.fiscal_income_general')!.row).toBe(0)
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('基本支出表 款 30201 办公费, 合计 column: its row identity and the parent 类 302 fire', () => {
    const m = validateMutated({ table: 'general_budget_basic_expenditure', row: code('30201'), column: '一般公共预算基本支出/合计', delta: 1 })
    expect(m.ruleAts).toEqual(
      [
        'row.identity error general_budget_basic_expenditure | 30201 办公费 | 一般公共预算基本支出/合计',
        'tree.parent error general_budget_basic_expenditure | 302 商品和服务支出 | 一般公共预算基本支出/合计',
      ].sort(),
    )
    expect(m.errors.find((f) => f.rule === 'row.identity')).toMatchObject({ row: m.r, col: m.c, expected: 17.8, actual: 18.8 })
    expect(m.errors.find((f) => f.rule === 'tree.parent')).toMatchObject({ expected: 79.7, actual: 78.7 })
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('基本支出表 款 30201 办公费, 公用经费 column: the same two rules, the parent in the 公用经费 column', () => {
    const m = validateMutated({ table: 'general_budget_basic_expenditure', row: code('30201'), column: '一般公共预算基本支出/公用经费', delta: 1 })
    expect(m.ruleAts).toEqual(
      [
        'row.identity error general_budget_basic_expenditure | 30201 办公费 | 一般公共预算基本支出/合计',
        'tree.parent error general_budget_basic_expenditure | 302 商品和服务支出 | 一般公共预算基本支出/公用经费',
      ].sort(),
    )
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('三公 公务接待费, 一般公共预算 column: the row’s fund identity and the 三公小计 column sum fire', () => {
    const m = validateMutated({ table: 'three_public_expenses', row: label('三、公务接待费'), column: '资金性质/一般公共预算财政拨款', delta: 1 })
    expect(m.ruleAts).toEqual(
      [
        'three_public.row_funds error three_public_expenses | 三、公务接待费 | 资金性质/合计',
        'three_public.parent error three_public_expenses | “三公”经费小计 | 资金性质/一般公共预算财政拨款',
      ].sort(),
    )
    expect(m.errors.find((f) => f.rule === 'three_public.row_funds')).toMatchObject({ row: m.r, expected: 1.33, actual: 0.33 })
    expect(m.errors.find((f) => f.rule === 'three_public.parent')).toMatchObject({ expected: 2.73, actual: 1.73 })
    // the 合计 column is unchanged, so the informational check against 30217 公务接待费 stays quiet
    expect(m.findings.some((f) => f.rule === 'cross.three_public_economic')).toBe(false)
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('财政拨款收支总表 年初结转 sub-row 一般公共预算拨款: summary.carry_in fires on 年初财政拨款结转和结余', () => {
    const m = validateMutated({
      table: 'fiscal_income_expenditure_summary',
      // the first 一、一般公共预算拨款 after 年初财政拨款结转和结余 (the same label heads the income rows)
      row: (row, i, rows) => row[0] === '一、一般公共预算拨款' && rows.slice(0, i).some((x) => x[0] === '年初财政拨款结转和结余'),
      column: '收入/金额',
      delta: 1,
    })
    expect(m.r).toBeGreaterThan(30)
    expect(m.ruleAts).toEqual(['summary.carry_in error fiscal_income_expenditure_summary | 年初财政拨款结转和结余 | 收入/金额'])
    expect(m.errors[0]).toMatchObject({ row: m.r - 1, expected: 76.26, actual: 75.26 })
    expect(m.rounding).toEqual(ORIGINAL_ROUNDING)
  })

  it('a one-hundredth change is an error where the identity has one printed part, 尾差 where it has many', () => {
    const m = validateMutated({ table: 'general_budget_basic_expenditure', row: code('30201'), column: '一般公共预算基本支出/合计', delta: 0.01 })
    // 30201 合计 = 公用经费 alone (人员经费 blank): no tolerance
    expect(m.ruleAts).toEqual(['row.identity error general_budget_basic_expenditure | 30201 办公费 | 一般公共预算基本支出/合计'])
    // 302 = Σ nine 款: up to ⌊9/2⌋ = 4 hundredths are 尾差
    expect(m.rounding).toEqual([...ORIGINAL_ROUNDING, 'rounding general_budget_basic_expenditure | 302 商品和服务支出 | 一般公共预算基本支出/合计'].sort())
  })
})

// ------------------------------------------------------------------------------------------ lines

function withLine(pick: (l: ExpenditureLine) => boolean, change: (l: ExpenditureLine) => void): { data: BudgetData; index: number; findings: Finding[] } {
  const data = chengde2023()
  const index = data.expenditure.findIndex(pick)
  expect(index).toBeGreaterThanOrEqual(0)
  change(data.expenditure[index]!)
  return { data, index, findings: computeDisclosure(data, template, catalogue).findings }
}

const lineFindings = (fs: Finding[]) => fs.filter((f) => f.line)

describe('one entry line changed: the line rule fires at that line and field', () => {
  it('control: the unchanged lines have no line findings', () => {
    expect(lineFindings(computeDisclosure(chengde2023(), template, catalogue).findings)).toEqual([])
  })

  it('an unknown 功能分类 项 (2101598) → line.code_unknown with nearby real codes as suggestions', () => {
    const { index, findings } = withLine(
      (l) => l.functionCode === '2101599',
      (l) => (l.functionCode = '2101598'),
    )
    const lf = lineFindings(findings)
    expect(lf).toHaveLength(1)
    expect(lf[0]).toMatchObject({ rule: 'line.code_unknown', severity: 'error', line: { list: 'expenditure', index, field: 'functionCode' } })
    const codes = lf[0]!.suggestions!.map((s) => s.code)
    expect(codes[0]).toBe('2101599') // same 款, one digit away, longest common prefix
    expect(codes).toEqual(expect.arrayContaining(['2101501', '2101502']))
    expect(lf[0]!.suggestions![0]!.name).toBe('其他医疗保障管理事务支出')
    expect(lf[0]!.message).toContain(`支出明细第 ${index + 1} 行`)
    expect(lf[0]!.message).toContain('2101598 不在 2023 年科目表中')
  })

  it('a 6-digit 功能分类 code → line.code_level (must be a 7-digit 项)', () => {
    const { index, findings } = withLine(
      (l) => l.functionCode === '2101501',
      (l) => (l.functionCode = '210150'),
    )
    const lf = lineFindings(findings)
    expect(lf).toHaveLength(1)
    expect(lf[0]).toMatchObject({ rule: 'line.code_level', severity: 'error', line: { list: 'expenditure', index, field: 'functionCode' } })
    expect(lf[0]!.message).toContain('应填到项级（7 位编码）')
    expect(lf[0]!.suggestions!.map((s) => s.code)).toContain('2101501')
  })

  it('a 4-digit 经济分类 code → line.code_level on economicCode', () => {
    const { index, findings } = withLine(
      (l) => l.economicCode === '30201',
      (l) => (l.economicCode = '3020'),
    )
    expect(lineFindings(findings)).toEqual([expect.objectContaining({ rule: 'line.code_level', severity: 'error', line: { list: 'expenditure', index, field: 'economicCode' } })])
  })

  it('基本支出 on 310 资本性支出 is allowed', () => {
    const { findings } = withLine(
      (l) => l.category === 'basic' && l.economicCode === '30201',
      (l) => (l.economicCode = '31002'),
    )
    expect(lineFindings(findings)).toEqual([])
    expect(findings.filter((f) => f.severity !== 'rounding')).toEqual([])
  })

  for (const economic of ['30701', '39999']) {
    it(`基本支出 on ${economic} → line.economic_category`, () => {
      expect(catalogue.economic.has(economic)).toBe(true) // a real code, so only the category rule can fire
      const { index, findings } = withLine(
        (l) => l.category === 'basic' && l.economicCode === '30201',
        (l) => (l.economicCode = economic),
      )
      const lf = lineFindings(findings)
      expect(lf).toEqual([expect.objectContaining({ rule: 'line.economic_category', severity: 'error', line: { list: 'expenditure', index, field: 'economicCode' } })])
      expect(lf[0]!.message).toContain(`不能使用 ${economic}`)
    })
  }

  it('a negative amount → line.negative on amount', () => {
    const { index, findings } = withLine(
      (l) => l.functionCode === '2080109' && l.category === 'basic',
      (l) => (l.amount = -l.amount),
    )
    expect(lineFindings(findings)).toEqual([expect.objectContaining({ rule: 'line.negative', severity: 'error', line: { list: 'expenditure', index, field: 'amount' }, message: `支出明细第 ${index + 1} 行：金额不能为负数` })])
  })

  it('a 项目支出 line without projectCode → line.project_missing', () => {
    const { index, findings } = withLine(
      (l) => l.category === 'project',
      (l) => (l.projectCode = null),
    )
    expect(lineFindings(findings)).toEqual([expect.objectContaining({ rule: 'line.project_missing', severity: 'error', line: { list: 'expenditure', index, field: 'projectCode' } })])
    // the tables do not depend on projects: still only the 11 尾差
    expect(findings.filter((f) => !f.line).map(at).sort()).toEqual(ORIGINAL_ROUNDING)
  })

  it('a 项目支出 line on a project not in the list → line.project_unknown; a 基本支出 line with a project → warning', () => {
    const unknown = withLine(
      (l) => l.category === 'project',
      (l) => (l.projectCode = '447-2023-99'),
    )
    expect(lineFindings(unknown.findings)).toEqual([expect.objectContaining({ rule: 'line.project_unknown', severity: 'error', line: { list: 'expenditure', index: unknown.index, field: 'projectCode' } })])
    const onBasic = withLine(
      (l) => l.category === 'basic',
      (l) => (l.projectCode = '447-2023-01'),
    )
    expect(lineFindings(onBasic.findings)).toEqual([expect.objectContaining({ rule: 'line.project_on_basic', severity: 'warning', line: { list: 'expenditure', index: onBasic.index, field: 'projectCode' } })])
  })
})
