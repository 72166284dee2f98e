import type { TableKey } from '@/lib/budget/template'

/** In-table rules of the kernel run per table: one ledger entry per table (`table:<key>`). */
export const TABLE_RULE_PREFIX = 'table:'

/** The kernel's cross-table rules (lib/budget/validate-cross.ts) and the tables each needs. */
export const KERNEL_RULES: { id: string; title: string; tables: TableKey[] }[] = [
  { id: 'cross.income_total', title: '收支总表收入总计与收入总表合计一致', tables: ['income_expenditure_summary', 'income_summary'] },
  { id: 'cross.income_current', title: '收支总表本年收入与收入总表一致', tables: ['income_expenditure_summary', 'income_summary'] },
  { id: 'cross.income_carryover', title: '收支总表上年结转与收入总表一致', tables: ['income_expenditure_summary', 'income_summary'] },
  { id: 'cross.expenditure_total', title: '收支总表支出与支出总表一致', tables: ['income_expenditure_summary', 'expenditure_summary'] },
  { id: 'cross.summary_class', title: '收支总表各类支出与支出总表一致', tables: ['income_expenditure_summary', 'expenditure_summary'] },
  { id: 'cross.income_vs_expenditure', title: '收入总表与支出总表逐科目一致', tables: ['income_summary', 'expenditure_summary'] },
  { id: 'cross.expenditure_vs_fund_tables', title: '支出总表与各资金支出表一致', tables: ['expenditure_summary', 'fiscal_income_expenditure_summary'] },
  { id: 'cross.fiscal_class', title: '财政拨款收支总表各类支出与各资金支出表一致', tables: ['fiscal_income_expenditure_summary', 'general_budget_expenditure'] },
  { id: 'cross.fiscal_total', title: '财政拨款收支总表各资金合计与其支出表一致', tables: ['fiscal_income_expenditure_summary', 'general_budget_expenditure'] },
  { id: 'cross.fiscal_income_general', title: '一般公共预算拨款收入两表一致', tables: ['fiscal_income_expenditure_summary', 'income_expenditure_summary'] },
  { id: 'cross.fiscal_income_gov_fund', title: '政府性基金拨款收入两表一致', tables: ['fiscal_income_expenditure_summary', 'income_expenditure_summary'] },
  { id: 'cross.basic_total', title: '一般公共预算支出表基本支出 = 基本支出表合计', tables: ['general_budget_expenditure', 'general_budget_basic_expenditure'] },
  { id: 'cross.three_public_economic', title: '三公经费与经济科目 30217、30231 一致', tables: ['three_public_expenses', 'general_budget_basic_expenditure'] },
]
