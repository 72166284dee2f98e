import type { Fen, PrintedNumber } from '@/lib/budget/money'
import { printedCell, toPrinted } from '@/lib/budget/money'
import type { BudgetTable, Cell } from '@/lib/budget/table'
import { columnIndex } from '@/lib/budget/table'
import type { TableKey } from '@/lib/budget/template'
import type { FundType } from '@/lib/budget/types'
import { FISCAL_FUNDS, isPersonnelEconomic } from '@/lib/budget/types'

/**
 * The public figures of one disclosure, in printed hundredths of 万元 (integers, as the tables print), held
 * as PrintedNumber: they are stored as JSON (figures.json, view.json) and passed to client components.
 *
 * Definitions (docs/decisions/008-portal-caching-and-search.md):
 * - 支出合计 / 基本支出 / 项目支出: the 合计 row of 部门预算支出总表 (all funds).
 * - 一般公共预算支出: the 合计 row of 一般公共预算财政拨款支出表.
 * - 人员经费 / 公用经费: the 合计 row of 一般公共预算财政拨款基本支出表 (economic classes 301 and 303 are 人员经费).
 * - 机关运行经费: from lines (indicatorsFromAmounts with the scope of units), the 公用经费 (non-personnel
 *   basic expenditure of 财政拨款) of 行政 and 参公 units — the definition the 情况说明 use
 *   (lib/notes/figures.ts operatingUnitCodes); from printed tables alone (imported), the 公用经费 column of
 *   the basic table, as the notes do then.
 * - 三公经费: the 财政拨款 合计 column of the 三公 table (因公出国（境）费, 公务用车购置及运维费, 公务接待费).
 * - 人员经费占比 = 人员经费 ÷ 一般公共预算支出 (both 一般公共预算, so the share compares like with like).
 */
export type Indicators = {
  total: PrintedNumber
  basic: PrintedNumber
  project: PrintedNumber
  generalBudget: PrintedNumber
  personnel: PrintedNumber
  /** 公用经费 = 机关运行经费 */
  operating: PrintedNumber
  threePublic: PrintedNumber
}

export type ThreePublicBreakdown = { abroad: PrintedNumber; vehiclePurchase: PrintedNumber; vehicleOperation: PrintedNumber; reception: PrintedNumber; total: PrintedNumber }
export type FunctionClassFigure = { code: string; name: string; total: PrintedNumber; basic: PrintedNumber; project: PrintedNumber }

export type DisclosureFigures = Indicators & {
  /** 经营支出, 上解上级支出, 对附属单位补助支出 together (usually zero). */
  otherCategories: PrintedNumber
  threePublicDetail: ThreePublicBreakdown
  byFunctionClass: FunctionClassFigure[]
}

export const INDICATOR_LABELS: Record<keyof Indicators, string> = {
  total: '支出合计',
  basic: '基本支出',
  project: '项目支出',
  generalBudget: '一般公共预算支出',
  personnel: '人员经费',
  operating: '机关运行经费',
  threePublic: '“三公”经费',
}

const num = (v: Cell | undefined): PrintedNumber => (typeof v === 'number' ? v : 0)

function table(tables: BudgetTable[], key: TableKey): BudgetTable | undefined {
  return tables.find((t) => t.key === key)
}

/** The amount of a tree table's 合计 row in column `col` (0 when the table or the row is absent). */
function totalOf(t: BudgetTable | undefined, col: string): PrintedNumber {
  if (!t) return 0
  const c = columnIndex(t, col)
  const r = t.meta.findIndex((m) => m.kind === 'total')
  return c < 0 || r < 0 ? 0 : num(t.rows[r]![c])
}

function fixedRow(t: BudgetTable | undefined, id: string, col: string): PrintedNumber {
  if (!t) return 0
  const c = columnIndex(t, col)
  const r = t.meta.findIndex((m) => m.kind === 'fixed' && m.id === id)
  return c < 0 || r < 0 ? 0 : num(t.rows[r]![c])
}

/** Figures read from the printed tables (derived from lines, or imported as declared). */
export function figuresFromTables(tables: BudgetTable[]): DisclosureFigures {
  const es = table(tables, 'expenditure_summary')
  const gb = table(tables, 'general_budget_expenditure')
  const gbb = table(tables, 'general_budget_basic_expenditure')
  const tp = table(tables, 'three_public_expenses')
  const total = totalOf(es, 'total')
  const basic = totalOf(es, 'basic')
  const project = totalOf(es, 'project')
  const byFunctionClass: FunctionClassFigure[] = []
  if (es) {
    const [ci, ni, ti, bi, pi] = ['code', 'name', 'total', 'basic', 'project'].map((c) => columnIndex(es, c))
    es.meta.forEach((m, r) => {
      if (m.kind !== 'code' || m.level !== 1) return
      const row = es.rows[r]!
      byFunctionClass.push({ code: String(row[ci!] ?? m.code), name: String(row[ni!] ?? ''), total: num(row[ti!]), basic: num(row[bi!]), project: num(row[pi!]) })
    })
  }
  const threePublicDetail: ThreePublicBreakdown = {
    abroad: fixedRow(tp, 'abroad', 'total'),
    vehiclePurchase: fixedRow(tp, 'vehicle_purchase', 'total'),
    vehicleOperation: fixedRow(tp, 'vehicle_operation', 'total'),
    reception: fixedRow(tp, 'reception', 'total'),
    total: fixedRow(tp, 'subtotal', 'total'),
  }
  return {
    total,
    basic,
    project,
    otherCategories: totalOf(es, 'operating') + totalOf(es, 'remit_superior') + totalOf(es, 'subsidy_subordinate'),
    generalBudget: totalOf(gb, 'total'),
    personnel: totalOf(gbb, 'personnel'),
    operating: totalOf(gbb, 'public'),
    threePublic: threePublicDetail.total,
    threePublicDetail,
    byFunctionClass,
  }
}

/** An expenditure amount in 分 with what the indicators need to know of it: a line, or a SQL group of lines. */
export type ExpenditureAmount = { category: string; fund: string; economicCode: string; amount: Fen; unitCode?: string }
export type ThreePublicAmount = { item: string; fund: string; amount: Fen }

const THREE_PUBLIC_ITEMS = new Set(['abroad_research', 'abroad_other', 'vehicle_purchase', 'vehicle_operation', 'reception'])
const FISCAL = new Set<string>(FISCAL_FUNDS)

/**
 * The same indicators summed from lines (or from groups of lines summed by category, fund and economic
 * code) in exact 分, each rounded once to the printed hundredths — the way the tables print each cell.
 * Cross-department comparison uses this over SQL-grouped sums; the tests hold it equal to
 * figuresFromTables of the derived tables when every unit is in the 机关运行经费 scope.
 */
export function indicatorsFromAmounts(expenditure: Iterable<ExpenditureAmount>, threePublic: Iterable<ThreePublicAmount>, operatingUnits: ReadonlySet<string> | null = null): Indicators {
  let total = 0
  let basic = 0
  let project = 0
  let generalBudget = 0
  let personnel = 0
  let operating = 0
  let three = 0
  for (const l of expenditure) {
    total += l.amount
    if (l.category === 'basic') basic += l.amount
    else if (l.category === 'project') project += l.amount
    if (l.fund === ('general' satisfies FundType)) {
      generalBudget += l.amount
      if (l.category === 'basic' && isPersonnelEconomic(l.economicCode)) personnel += l.amount
    }
    // 机关运行经费: 财政拨款 公用经费 of the units in scope (all units when no scope is given)
    if (l.category === 'basic' && FISCAL.has(l.fund) && !isPersonnelEconomic(l.economicCode) && (!operatingUnits || (l.unitCode !== undefined && operatingUnits.has(l.unitCode)))) operating += l.amount
  }
  for (const e of threePublic) if (FISCAL.has(e.fund) && THREE_PUBLIC_ITEMS.has(e.item)) three += e.amount
  const p = (f: Fen) => printedCell(toPrinted(f, '万元'))
  return { total: p(total), basic: p(basic), project: p(project), generalBudget: p(generalBudget), personnel: p(personnel), operating: p(operating), threePublic: p(three) }
}

export function indicatorsOf(f: DisclosureFigures): Indicators {
  return { total: f.total, basic: f.basic, project: f.project, generalBudget: f.generalBudget, personnel: f.personnel, operating: f.operating, threePublic: f.threePublic }
}

/** A share in per-mille (integer, rounded half up), or null when the base is zero. */
export function perMille(part: PrintedNumber, whole: PrintedNumber): number | null {
  if (whole === 0) return null
  return Math.round((part * 1000) / whole)
}

/** "69.8%" from per-mille; "—" when undefined. */
export function formatPerMille(pm: number | null): string {
  if (pm === null) return '—'
  const neg = pm < 0
  const a = Math.abs(pm)
  return `${neg ? '-' : ''}${Math.trunc(a / 10)}.${a % 10}%`
}

/** 人员经费占比 in per-mille. */
export function personnelShare(i: Indicators): number | null {
  return perMille(i.personnel, i.generalBudget)
}
