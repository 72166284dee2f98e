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
  // 部门支出分单位: a department's expenditure by unit, for disclosures consolidated from their units
  'expenditure_by_unit',
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
  /**
   * Other column sets the same table is printed with in this family (e.g. a unit's 收入总表 with
   * 财政拨款收入 / 财政专户收入 … instead of 一般公共预算拨款收入 …). Readers take the set a printed header
   * matches best and check that set's identities; derivation prints `columns`.
   */
  variants?: { columns: TreeColumn[]; rowIdentities: RowIdentity[] }[]
  note?: string
  emptyNote?: string
}

export type SideRow = { id: string; label: string }
/** `sumOf`: a row printed as the sum of other income rows (Shanghai's 一、财政拨款收入 over 1. 一般公共预算 …). */
export type IncomeRow = SideRow & { sources: RevenueSource[]; sumOf?: string[] }
export type ClassRow = SideRow & { functionClass: string | null }

export const CLOSING_ROWS = ['current', 'carry', 'grand'] as const
export type ClosingRow = (typeof CLOSING_ROWS)[number]

export type SummaryTable = {
  kind: 'income_expenditure_summary'
  key: TableKey
  title: string
  columns: [string, string, string, string]
  incomeRows: IncomeRow[]
  expenditureRows: ClassRow[]
  labels: { currentIncome: string; currentExpenditure: string; carryIn: string; carryOut: string; grandIncome: string; grandExpenditure: string }
  carryInSources: RevenueSource[]
  /** The rows printed under the pairs, in order (default all three: 本年合计, 结转结余, 总计); Shanghai 2026 prints 总计 only. */
  closingRows?: ClosingRow[]
  /** `nonEmpty`: only the classes with figures, renumbered 一、二、… in order (Shanghai 2026); default every class row. */
  classRowsShown?: 'all' | 'nonEmpty'
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
  /** The rows printed under the pairs, in order (default all three: 本年合计, 结转结余, 总计); Shanghai 2026 prints 总计 only. */
  closingRows?: ClosingRow[]
  /** `nonEmpty`: only the classes with figures, renumbered 一、二、… in order (Shanghai 2026); default every class row. */
  classRowsShown?: 'all' | 'nonEmpty'
  note?: string
}

/**
 * A row of the 三公 table: a 三公 item's figures (`items`: several items printed as one row), the sum of other rows (`sumOf`: the template says what
 * a 合计 or 小计 covers), or the expenditure lines a filter selects (`lines`: 机关运行经费 as the
 * 公用经费 of basic expenditure), each within the column's funds.
 */
export type ThreePublicRow = { id: string; label: string; item?: ThreePublicItem; items?: ThreePublicItem[]; sumOf?: string[]; lines?: LineFilter }

/**
 * How a table is printed (docs/decisions/010-table-orientation.md). `vertical` (absent): as the kernel
 * holds it, one row per item. `horizontal`: the 三公 table turned across, as Henan and Shanghai print it
 * — one row per fund column, the items as columns under a header grouped by the rows' `sumOf`. Only
 * the presentation edges (fixture format, web views, workbooks, documents) see the difference.
 */
export const TABLE_ORIENTATIONS = ['vertical', 'horizontal'] as const
export type TableOrientation = (typeof TABLE_ORIENTATIONS)[number]

export type ThreePublicTable = {
  kind: 'three_public'
  key: TableKey
  title: string
  labelColumn: string
  fundColumns: { id: string; label: string; funds: FundType[] }[]
  /** The column that is the sum of the other fund columns. */
  totalColumnId: string
  rows: ThreePublicRow[]
  /** Absent: vertical. */
  orientation?: TableOrientation
  /** Horizontal only: the header of a group's own column (公务用车购置及运行费 / 小计). Absent: 小计. */
  subtotalLabel?: string
  /** Horizontal only: a header printed over the columns of these rows (Shanghai: “三公”经费预算数 over the 三公 items, not over 机关运行经费). */
  acrossGroup?: { label: string; rows: string[] }
  /** Horizontal only: false when the table prints no label column (a single fund row, as Shanghai prints it). */
  acrossLabelColumn?: false
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
  /** 上年结转结余 printed as one column (the Hebei unit layout): 财政拨款结转 and 非财政拨款结转结余 together. */
  | 'fund:carryover'
  | 'sme_reserved'

export type FixedAssetsTable = {
  kind: 'fixed_assets'
  key: TableKey
  title: string
  columns: [string, string, string]
  rows: { id: string; label: string; category?: FixedAssetCategory; sumOf?: string[] }[]
  note?: string
}

/**
 * 部门支出分单位: one row per unit of a department (code, name) and a 合计 row, amounts by the same
 * line filters as the tree tables. Derived for department disclosures consolidated from their units.
 */
export type UnitBreakdownTable = {
  kind: 'unit_breakdown'
  key: TableKey
  title: string
  columns: TreeColumn[]
  totalLabel: string
  rowIdentities: RowIdentity[]
  note?: string
}

export type TableTemplate = SummaryTable | TreeTable | FiscalSummaryTable | ThreePublicTable | ProcurementTable | FixedAssetsTable | UnitBreakdownTable

/** Whose budget a template lays out: a department's (部门预算, its units consolidated) or one unit's (单位预算). */
export const TEMPLATE_SCOPES = ['department', 'unit'] as const
export type TemplateScope = (typeof TEMPLATE_SCOPES)[number]

/**
 * The 情况说明 as a template lays it out: parts (第一部分 …) holding sections in order, each with its
 * printed title and the content it shows (`content`: a section of lib/notes, or a part of one).
 */
/**
 * Words a layout section or item prints instead of the generated notes' own (Henan's （一）机构运转经费
 * says 机构运转经费 where the generated sentence says 机关运行经费): generated word → printed word.
 */
export type NotesWording = Record<string, string>

export type NotesLayout = {
  parts: { title: string; sections: { id: string; title: string; content: NotesContent; wording?: NotesWording; items?: { id: NotesContent; label: string; vehicleTypes?: string[]; wording?: NotesWording }[] }[] }[]
}

/**
 * What a section of a notes layout shows (lib/notes/layout.ts): a part of the generated 情况说明
 * (duties, organisation, overview, operating, threePublic, performance, procurement, assets, glossary,
 * other), paragraphs made from the tables (budget.*), 政府采购 by 货物/工程/服务, vehicles by type, or
 * `items`, numbered sub-sections each showing one of these.
 */
export const NOTES_CONTENTS = [
  'duties',
  'organisation',
  'overview',
  'operating',
  'threePublic',
  'performance',
  'procurement',
  'procurement.byKind',
  'assets',
  'assets.byVehicleType',
  'glossary',
  'other',
  'budget.summary',
  'budget.income',
  'budget.expenditure',
  'budget.fiscal',
  'budget.general',
  'budget.basic',
  'budget.govFund',
  'items',
] as const
export type NotesContent = (typeof NOTES_CONTENTS)[number]

/**
 * What the performance tables of a template print besides the indicators: the project table's header
 * fields and its spending plan (quarters, or cumulative points such as 3月底 … 12月底), and the rows
 * of the 部门（单位）整体绩效目标表 with its indicator tree.
 */
export type PerformanceLayout = {
  project?: {
    title: string
    fields: { field: 'projectCode' | 'projectName' | 'total' | 'fiscal' | 'other' | 'purpose'; label: string }[]
    spendingPlan?: { cumulative: boolean; label: string; points: { key: 'q1' | 'q2' | 'q3' | 'q4'; label: string }[] }
  }
  overall?: {
    title: string
    sections: { id: string; label: string; parts?: string[] }[]
    indicatorColumns: string[]
    indicators: { level1: string; level2: string[] }[]
  }
}

export type Template = {
  id: string
  name: string
  /**
   * The province's family of layouts (hebei, henan, shanghai …): a region's disclosures use the
   * templates of its family (Region.templateFamily, or its province). Absent: hebei, the first one.
   */
  family?: string
  /** Absent: department. */
  scope?: TemplateScope
  /** Amount unit printed in the tables. */
  amountUnit: '万元' | '元'
  tables: TableTemplate[]
  /** 部门支出分单位, printed with a department's tables when they are consolidated from its units. */
  unitBreakdown?: UnitBreakdownTable
  notes?: NotesLayout
  performance?: PerformanceLayout
  /**
   * Header words an admin added for this template's tables, by column concept (a column id, or
   * `ignore` for a column to leave out): added to the shipped vocabulary (lib/budget/vocabulary).
   */
  vocabulary?: Record<string, string[]>
}

export const DEFAULT_FAMILY = 'hebei'
export const familyOf = (t: Pick<Template, 'family'>): string => t.family ?? DEFAULT_FAMILY
export const scopeOfTemplate = (t: Pick<Template, 'scope'>): TemplateScope => t.scope ?? 'department'
/** The first budget year a template applies to: the year its key ends in (hebei-dept-2024 → 2024). */
export const templateYear = (key: string): number => Number(/(\d{4})$/.exec(key)?.[1] ?? 0)

/**
 * The template for a disclosure: of the templates of the region's family and the disclosure's scope,
 * the newest whose year is not after the budget year (hebei-dept-2024 for 2025 until a 2025 one exists).
 */
export function pickTemplate<T extends { key: string; template: Pick<Template, 'family' | 'scope'> }>(all: T[], want: { year: number; family: string; scope: TemplateScope }): T | null {
  let best: T | null = null
  let bestYear = 0
  for (const t of all) {
    const y = templateYear(t.key)
    if (!y || y > want.year || familyOf(t.template) !== want.family || scopeOfTemplate(t.template) !== want.scope) continue
    if (y > bestYear || (y === bestYear && best && t.key < best.key)) [best, bestYear] = [t, y]
  }
  return best
}

/** Province → template family, for regions that do not name theirs (Region.templateFamily). */
export const PROVINCE_FAMILIES: Record<string, string> = { 河北省: 'hebei', 河南省: 'henan', 上海市: 'shanghai' }

export function familyForRegion(region: { province: string; templateFamily?: string | null }): string {
  if (region.templateFamily) return region.templateFamily
  const p = region.province.trim()
  return PROVINCE_FAMILIES[p] ?? Object.entries(PROVINCE_FAMILIES).find(([k]) => p.startsWith(k.slice(0, 2)))?.[1] ?? DEFAULT_FAMILY
}

export function templateTable(template: Template, key: TableKey): TableTemplate | undefined {
  return template.tables.find((t) => t.key === key) ?? (template.unitBreakdown?.key === key ? template.unitBreakdown : undefined)
}

export function fillYear(label: string, year: number): string {
  return label.replaceAll('{year}', String(year))
}
