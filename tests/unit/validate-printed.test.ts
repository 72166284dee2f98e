import { describe, expect, it } from 'vitest'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import { validateTables } from '@/lib/budget/validate-tables'
import { loadFixture, templateFor } from '../support/fixtures'

describe('validation of the printed golden tables', () => {
  it('chengde-2023: exactly the 11 known rounding differences and nothing else', () => {
    const fx = loadFixture('chengde-2023')
    const { tables, findings: readFindings } = tablesFromFixture(fx.tables, templateFor(2023), 2023)
    expect(readFindings).toEqual([])
    const findings = validateTables(tables, templateFor(2023))
    const got = findings.map((f) => `${f.severity} ${f.table} | ${f.rowLabel} | ${f.column}`).sort()
    expect(got).toEqual(
      [
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
      ].sort(),
    )
  })

  it('laoting-2022: consistent throughout', () => {
    const fx = loadFixture('laoting-2022')
    const { tables, findings: readFindings } = tablesFromFixture(fx.tables, templateFor(2022), 2022)
    expect(readFindings).toEqual([])
    expect(validateTables(tables, templateFor(2022))).toEqual([])
  })
})
