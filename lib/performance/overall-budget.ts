import type { AmountUnit, Fen, Printed } from '@/lib/budget/money'
import { printed, toPrinted } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import { columnIndex, rowIndexById } from '@/lib/budget/table'
import type { BudgetData, FundType, RevenueSource } from '@/lib/budget/types'
import { FUND_TYPES } from '@/lib/budget/types'
import type { Finding } from '@/lib/budget/findings'
import type { PerformanceLayout } from '@/lib/budget/template'
import type { OverallFinding } from './overall'
import { validateOverallTarget } from './overall'
import type { TOverallTarget } from './schemas'
import { ZOverallTarget } from './schemas'

/**
 * 预算情况 of the 部门（单位）整体绩效目标表 (Henan 预算11表), never typed: every figure has one source in
 * the disclosure's own data (docs/decisions/010).
 *
 * - 总额 is the 收支总表's 收入总计 (本年收入合计 + 上年结转), not 本年收入合计: last year's carry-over is
 *   spent this year and is part of the 基本支出 and 项目支出 the table lists, so only 收入总计 lets 总额
 *   equal both the sum by revenue nature and (without other expenditure categories) the sum by
 *   expenditure nature.
 * - 按收入性质分 is the revenue lines summed by the nature of their source (exact 分, each figure rounded
 *   once): 一般公共预算 = 一般公共预算拨款收入 + its 上年结转, the same for 政府性基金 and 国有资本经营,
 *   财政专户管理资金 = 财政专户管理资金收入, 单位资金 = 事业收入, 事业单位经营收入, 上级补助收入, 附属单位
 *   上缴收入, 其他收入, 单位资金 and 非财政拨款结转结余. An imported disclosure has no lines: the same sums
 *   of its printed 收支总表 rows and 财政拨款收支总表 上年结转 rows.
 * - 按支出性质分 is the 合计 row of the 支出总表: its 基本支出 and 项目支出 cells.
 */
export type OverallBudget = {
  /** The document's amount unit; figures are Printed hundredths of it. */
  unit: AmountUnit
  /** Where 按收入性质分 comes from: the revenue lines, or the printed tables of an imported disclosure. */
  source: 'lines' | 'tables'
  total: Printed
  revenue: Record<FundType, Printed>
  expenditure: { basic: Printed; project: Printed }
}

/** The nature (资金性质) of each revenue source, as the 预算11表 groups them. */
export const REVENUE_NATURE: Record<RevenueSource, FundType> = {
  general_budget: 'general',
  carryover_general: 'general',
  gov_fund: 'gov_fund',
  carryover_gov_fund: 'gov_fund',
  state_capital: 'state_capital',
  carryover_state_capital: 'state_capital',
  special_account: 'special_account',
  business: 'unit_funds',
  business_operating: 'unit_funds',
  superior_subsidy: 'unit_funds',
  subordinate_remit: 'unit_funds',
  other: 'unit_funds',
  unit_funds: 'unit_funds',
  carryover_other: 'unit_funds',
}

const tableOf = (tables: BudgetTable[], key: string) => tables.find((t) => t.key === key)

function cell(t: BudgetTable | undefined, r: number, col: string): Printed {
  if (!t || r < 0) return 0n
  const c = columnIndex(t, col)
  const v = c < 0 ? null : t.rows[r]?.[c]
  return typeof v === 'number' ? printed(v) : 0n
}

const zero = (): Record<FundType, Printed> => Object.fromEntries(FUND_TYPES.map((f) => [f, 0n])) as Record<FundType, Printed>

export function overallBudget(input: { tables: BudgetTable[]; data: Pick<BudgetData, 'revenue'> | null; unit: AmountUnit }): OverallBudget {
  const { tables, unit } = input
  const ies = tableOf(tables, 'income_expenditure_summary')
  const left = (id: string) => cell(ies, ies ? rowIndexById(ies, id, 'left') : -1, 'in_amount')
  const exp = tableOf(tables, 'expenditure_summary')
  const totalRow = exp ? exp.meta.findIndex((m) => m.kind === 'total') : -1
  const expenditure = { basic: cell(exp, totalRow, 'basic'), project: cell(exp, totalRow, 'project') }

  const lines = input.data?.revenue ?? []
  if (lines.length > 0) {
    const fen = Object.fromEntries(FUND_TYPES.map((f) => [f, 0])) as Record<FundType, Fen>
    let all: Fen = 0
    for (const l of lines) {
      fen[REVENUE_NATURE[l.source]] += l.amount
      all += l.amount
    }
    const revenue = zero()
    for (const f of FUND_TYPES) revenue[f] = toPrinted(fen[f], unit)
    return { unit, source: 'lines', total: ies ? left('grand_income') : toPrinted(all, unit), revenue, expenditure }
  }

  // an imported disclosure: the printed rows of the 收支总表 (本年收入 by source, 上年结转) and the 财政拨款收支总表's 上年结转 by fund
  const revenue = zero()
  if (ies) {
    ies.meta.forEach((m, r) => {
      if (m.kind !== 'pair' || !m.left?.startsWith('income:')) return
      const source = m.left.slice('income:'.length) as RevenueSource
      revenue[REVENUE_NATURE[source] ?? 'unit_funds'] += cell(ies, r, 'in_amount')
    })
  }
  const fis = tableOf(tables, 'fiscal_income_expenditure_summary')
  let fiscalCarry: Printed = 0n
  for (const f of ['general', 'gov_fund', 'state_capital'] as const) {
    const v = cell(fis, fis ? rowIndexById(fis, `carry:${f}`, 'left') : -1, 'in_amount')
    revenue[f] += v
    fiscalCarry += v
  }
  revenue.unit_funds += left('carry_in') - fiscalCarry
  return { unit, source: 'tables', total: left('grand_income'), revenue, expenditure }
}

/**
 * The findings of the template's 部门（单位）整体绩效目标表 for a disclosure, as the document shows them
 * and the submission gate weighs them: nothing when the template has no such table; 年度履职目标
 * missing is left out when the notes already say the overall target is missing (perf.overall_missing).
 */
export function overallTableFindings(
  input: { targets: { overall: TOverallTarget | null }; performanceLayout?: PerformanceLayout | undefined; tables: BudgetTable[]; data: Pick<BudgetData, 'revenue'> | null; amountUnit: AmountUnit },
  notesFindings: readonly Finding[],
): OverallFinding[] {
  const layout = input.performanceLayout?.overall
  if (!layout) return []
  const budget = overallBudget({ tables: input.tables, data: input.data, unit: input.amountUnit })
  const missing = notesFindings.some((f) => f.rule === 'perf.overall_missing')
  return validateOverallTarget(input.targets.overall ?? ZOverallTarget.parse({}), layout, budget).filter((f) => !(missing && f.rule === 'perf.overall_duties_missing'))
}
