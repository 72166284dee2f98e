import type { ExpenditureCategory, FixedAssetCategory, FundType, ProcurementFund, RevenueSource, ThreePublicItem } from './types'

/**
 * A table template is data: titles, column headers, fixed rows and which lines feed which cell.
 * The derivation code only knows the table kinds; every label, order and filter comes from here.
 * See docs/decisions/002-table-templates-as-data.md.
 */
export const TABLE_KEYS = [
  'income_expenditure_summary',
  'income_summary',
  'expenditure_summary',
  'fiscal_income_expenditure_summary',
  'general_budget_expenditure',
  'general_budget_basic_expenditure',
  'gov_fund_expenditure',
  'state_capital_expenditure',
  'three_public_expenses',
  'procurement',
  'fixed_assets',
] as const
export type TableKey = (typeof TABLE_KEYS)[number]
export const NINE_TABLE_KEYS = TABLE_KEYS.slice(0, 9) as readonly TableKey[]

/** Which lines a cell sums. `economicClass` splits basic expenditure into 人员经费 / 公用经费. */
export type LineFilter =
  | { revenue: RevenueSource[] }
  | { expenditure: { funds?: FundType[]; categories?: ExpenditureCategory[]; economicClass?: 'personnel' | 'public' } }

export type AmountColumn = { id: string; label: string; filter: LineFilter }
export type TreeColumn = { id: 'code'; label: string } | { id: 'name'; label: string } | AmountColumn

/** In-row identity: the cell of `target` = Σ the cells of `parts` (column ids). */
export type RowIdentity = { target: string; parts: string[] }

export type TreeTable = {
  kind: 'function_tree' | 'economic_tree'
  key: TableKey
  title: string
  columns: TreeColumn[]
  /** Lines in scope decide which code rows appear. */
  scope: LineFilter
  totalLabel: string
  rowIdentities: RowIdentity[]
  note?: string
  emptyNote?: string
}

export type SideRow = { id: string; label: string }
export type IncomeRow = SideRow & { sources: RevenueSource[] }
export type ClassRow = SideRow & { functionClass: string | null }

export type SummaryTable = {
  kind: 'income_expenditure_summary'
  key: TableKey
  title: string
  columns: [string, string, string, string]
  incomeRows: IncomeRow[]
  expenditureRows: ClassRow[]
  labels: { currentIncome: string; currentExpenditure: string; carryIn: string; carryOut: string; grandIncome: string; grandExpenditure: string }
  carryInSources: RevenueSource[]
  note?: string
}

export type FiscalSummaryTable = {
  kind: 'fiscal_summary'
  key: TableKey
  title: string
  /** 收入/项目, 收入/金额, 支出/项目, then the amount columns of the expenditure side. */
  columns: [string, string, string]
  expenditureColumns: { id: string; label: string; funds: FundType[] }[]
  incomeRows: IncomeRow[]
  expenditureRows: ClassRow[]
  carryRows: IncomeRow[]
  labels: { currentIncome: string; currentExpenditure: string; carryIn: string; carryOut: string; grandIncome: string; grandExpenditure: string }
  note?: string
}

export type ThreePublicRow = { id: string; label: string; item?: ThreePublicItem; sumOf?: string[] }
export type ThreePublicTable = {
  kind: 'three_public'
  key: TableKey
  title: string
  labelColumn: string
  fundColumns: { id: string; label: string; funds: FundType[] }[]
  /** The column that is the sum of the other fund columns. */
  totalColumnId: string
  rows: ThreePublicRow[]
  note?: string
  emptyNote?: string
}

export type ProcurementTable = {
  kind: 'procurement'
  key: TableKey
  title: string
  /** Column labels in order; ids are fixed by the kind. `{year}` is replaced by the budget year. */
  columns: { id: ProcurementColumnId; label: string }[]
  totalLabel: string
  note?: string
  emptyNote?: string
}
export type ProcurementColumnId =
  | 'project_name'
  | 'project_budget'
  | 'item_name'
  | 'catalogue_code'
  | 'unit'
  | 'quantity'
  | 'unit_price'
  | 'total'
  | `fund:${ProcurementFund}`
  | 'sme_reserved'

export type FixedAssetsTable = {
  kind: 'fixed_assets'
  key: TableKey
  title: string
  columns: [string, string, string]
  rows: { id: string; label: string; category?: FixedAssetCategory; sumOf?: string[] }[]
  note?: string
}

export type TableTemplate = SummaryTable | TreeTable | FiscalSummaryTable | ThreePublicTable | ProcurementTable | FixedAssetsTable

export type Template = {
  id: string
  name: string
  /** Amount unit printed in the tables. */
  amountUnit: '万元' | '元'
  tables: TableTemplate[]
}

export function templateTable(template: Template, key: TableKey): TableTemplate | undefined {
  return template.tables.find((t) => t.key === key)
}

export function fillYear(label: string, year: number): string {
  return label.replaceAll('{year}', String(year))
}
