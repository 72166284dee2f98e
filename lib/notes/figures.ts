import type { Fen, Printed } from '@/lib/budget/money'
import { absPrinted, parseAmount, printed, printedToNumber, toPrinted } from '@/lib/budget/money'

const signOf = (p: Printed): number => (p > 0n ? 1 : p < 0n ? -1 : 0)
import type { BudgetTable } from '@/lib/budget/table'
import { columnIndex, rowIndexById } from '@/lib/budget/table'
import type { TableKey } from '@/lib/budget/template'
import type { BudgetData } from '@/lib/budget/types'
import { FISCAL_FUNDS, isPersonnelEconomic } from '@/lib/budget/types'
import type { ChangeKey, TNotes } from './schemas'
import { CHANGE_KEYS } from './schemas'

/**
 * Every figure the notes state, computed from the disclosure's own tables (so the text and the
 * tables print the same number) and, where the tables are too coarse (units, projects), from the
 * lines. Amounts are Printed: integer hundredths of 万元, each the exact 分 total rounded once.
 */
export type Figures = {
  amounts: Record<string, Printed>
  counts: Record<string, number>
  /** 机关运行经费 by economic 款, in code order, with the printed name. */
  operatingItems: { code: string; name: string; amount: Printed }[]
  /** Project totals (all funds) by project code, from the lines. */
  projects: Record<string, Printed>
  /** Whether the operating-costs scope came from unit natures / 参公 units, or the whole department (no lines). */
  operatingScope: { unitCodes: string[]; fromLines: boolean }
}

/** 资本性支出 款 that buy fixed assets: the year's planned purchases (七、国有资产). */
export const FIXED_ASSET_PURCHASE_CODES = new Set(['31001', '31002', '31003', '31007', '31013', '31019', '31021', '30901', '30902', '30903', '30907', '30913', '30919', '30921'])

const ADMIN_NATURE = /行政|参公|参照公务员/

function tableOf(tables: BudgetTable[], key: TableKey): BudgetTable | undefined {
  return tables.find((t) => t.key === key)
}

function cellAt(t: BudgetTable | undefined, r: number, colId: string): Printed {
  if (!t || r < 0) return 0n
  const c = columnIndex(t, colId)
  if (c < 0) return 0n
  const v = t.rows[r]?.[c]
  return typeof v === 'number' ? printed(v) : 0n
}

const totalRow = (t: BudgetTable | undefined) => (t ? t.meta.findIndex((m) => m.kind === 'total') : -1)

/** Units whose 公用经费 are 机关运行经费: 行政 and 参公 units, plus those the notes mark as 参公. */
export function operatingUnitCodes(data: BudgetData, notes: Pick<TNotes, 'operatingCosts'>): string[] {
  const extra = new Set(notes.operatingCosts.civilServiceUnits)
  return data.units.filter((u) => extra.has(u.code) || ADMIN_NATURE.test(u.nature ?? '')).map((u) => u.code)
}

export function computeFigures(input: { tables: BudgetTable[]; data: BudgetData | null; notes: Pick<TNotes, 'operatingCosts'> }): Figures {
  const { tables, data, notes } = input
  const a: Record<string, Printed> = {}
  const counts: Record<string, number> = {}

  const ies = tableOf(tables, 'income_expenditure_summary')
  const left = (id: string) => cellAt(ies, ies ? rowIndexById(ies, id, 'left') : -1, 'in_amount')
  a['income.total'] = left('grand_income')
  a['income.current'] = left('current_income')
  a['income.carryover'] = left('carry_in')
  for (const s of ['general_budget', 'gov_fund', 'state_capital', 'special_account', 'business', 'business_operating', 'superior_subsidy', 'subordinate_remit', 'other']) a[`income.${s}`] = left(`income:${s}`)

  const exp = tableOf(tables, 'expenditure_summary')
  for (const c of ['total', 'basic', 'project', 'operating', 'remit_superior', 'subsidy_subordinate']) a[`expenditure.${c}`] = cellAt(exp, totalRow(exp), c)

  const bas = tableOf(tables, 'general_budget_basic_expenditure')
  for (const c of ['total', 'personnel', 'public']) a[`basic.${c}`] = cellAt(bas, totalRow(bas), c)

  const gen = tableOf(tables, 'general_budget_expenditure')
  for (const c of ['total', 'basic', 'project']) a[`general.${c}`] = cellAt(gen, totalRow(gen), c)
  const gov = tableOf(tables, 'gov_fund_expenditure')
  for (const c of ['total', 'basic', 'project']) a[`gov_fund.${c}`] = cellAt(gov, totalRow(gov), c)
  const cap = tableOf(tables, 'state_capital_expenditure')
  for (const c of ['total', 'basic', 'project']) a[`state_capital.${c}`] = cellAt(cap, totalRow(cap), c)

  const tp = tableOf(tables, 'three_public_expenses')
  const tpRow = (id: string) => cellAt(tp, tp ? rowIndexById(tp, id) : -1, tp?.columns[1]?.id ?? 'total')
  a['three_public.total'] = tp && rowIndexById(tp, 'subtotal') >= 0 ? tpRow('subtotal') : tpRow('total')
  a['three_public.abroad'] = tpRow('abroad')
  a['three_public.vehicle'] = tpRow('vehicle')
  a['three_public.vehicle_purchase'] = tpRow('vehicle_purchase')
  a['three_public.vehicle_operation'] = tpRow('vehicle_operation')
  a['three_public.reception'] = tpRow('reception')

  const pro = tableOf(tables, 'procurement')
  a['procurement.total'] = cellAt(pro, totalRow(pro), 'total')
  a['procurement.sme'] = cellAt(pro, totalRow(pro), 'sme_reserved')
  counts['procurement.items'] = pro ? pro.meta.filter((m) => m.kind === 'item').length : 0

  const fa = tableOf(tables, 'fixed_assets')
  a['assets.total'] = cellAt(fa, fa ? rowIndexById(fa, 'total') : -1, 'value')

  // names of economic 款 as the basic table prints them
  const econNames = new Map<string, string>()
  if (bas) bas.meta.forEach((m, r) => m.kind === 'code' && econNames.set(m.code, String(bas.rows[r]?.[1] ?? '')))
  const labels = notes.operatingCosts.labels
  const nameOf = (code: string) => labels[code] ?? econNames.get(code) ?? code

  let operatingItems: Figures['operatingItems'] = []
  const projects: Record<string, Printed> = {}
  let scope: Figures['operatingScope'] = { unitCodes: [], fromLines: false }
  const hasLines = !!data && data.expenditure.length > 0
  if (data && hasLines) {
    const unitCodes = operatingUnitCodes(data, notes)
    scope = { unitCodes, fromLines: true }
    const inScope = new Set(unitCodes)
    const fiscal = new Set<string>(FISCAL_FUNDS)
    const byCode = new Map<string, Fen>()
    let total: Fen = 0
    let planned: Fen = 0
    const projectFen = new Map<string, Fen>()
    for (const l of data.expenditure) {
      if (l.category === 'basic' && fiscal.has(l.fund) && inScope.has(l.unitCode) && !isPersonnelEconomic(l.economicCode)) {
        byCode.set(l.economicCode, (byCode.get(l.economicCode) ?? 0) + l.amount)
        total += l.amount
      }
      if (FIXED_ASSET_PURCHASE_CODES.has(l.economicCode)) planned += l.amount
      if (l.projectCode) projectFen.set(l.projectCode, (projectFen.get(l.projectCode) ?? 0) + l.amount)
    }
    a['operating.total'] = toPrinted(total)
    operatingItems = [...byCode.entries()]
      .filter(([, v]) => v !== 0)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([code, v]) => ({ code, name: nameOf(code), amount: toPrinted(v) }))
    a['assets.planned_purchase'] = toPrinted(planned)
    for (const [code, v] of projectFen) projects[code] = toPrinted(v)
  } else {
    // imported tables without lines: the whole department's 公用经费 as the basic table prints it
    a['operating.total'] = a['basic.public']!
    if (bas) {
      const pc = columnIndex(bas, 'public')
      operatingItems = bas.meta.flatMap((m, r) => {
        const v = bas.rows[r]?.[pc]
        return m.kind === 'code' && m.level === 2 && typeof v === 'number' && v !== 0 ? [{ code: m.code, name: nameOf(m.code), amount: printed(v) }] : []
      })
    }
    a['assets.planned_purchase'] = 0n
  }
  for (const it of operatingItems) a[`operating.item.${it.code}`] = it.amount

  if (data?.vehicles) {
    if (data.vehicles.purchased !== null && data.vehicles.purchased !== undefined) counts['vehicles.purchased'] = data.vehicles.purchased
    if (data.vehicles.heldAtYearEnd !== null && data.vehicles.heldAtYearEnd !== undefined) counts['vehicles.held'] = data.vehicles.heldAtYearEnd
  }
  return { amounts: a, counts, operatingItems, projects, operatingScope: scope }
}

/** The current figure each stated change compares with last year's. */
export function currentForChange(fig: Figures, key: ChangeKey, style: TNotes['overview']['style']): Printed {
  const a = fig.amounts
  switch (key) {
    case 'total':
      return a['income.total'] ?? 0n
    case 'personnel':
      return a['basic.personnel'] ?? 0n
    case 'public':
      return a['basic.public'] ?? 0n
    case 'project':
      // the detailed (乐亭) wording states the 一般公共预算 project figure; the brief one the total
      return (style === 'detailed' ? a['general.project'] : a['expenditure.project']) ?? 0n
    case 'operatingCosts':
      return a['operating.total'] ?? 0n
    case 'threePublicTotal':
      return a['three_public.total'] ?? 0n
    case 'threePublicAbroad':
      return a['three_public.abroad'] ?? 0n
    case 'threePublicVehicle':
      return a['three_public.vehicle'] ?? 0n
    case 'threePublicReception':
      return a['three_public.reception'] ?? 0n
  }
}

/** Last year's figures: from last year's disclosure in the system when there is one, else as entered. */
export type PriorFigures = { values: Partial<Record<ChangeKey, Printed>>; source: Partial<Record<ChangeKey, 'system' | 'entered'>>; systemYear?: number }

export function priorFrom(opts: { system: Figures | null; systemStyle?: TNotes['overview']['style']; entered: TNotes['prior']; style: TNotes['overview']['style'] }): PriorFigures {
  const out: PriorFigures = { values: {}, source: {} }
  for (const k of CHANGE_KEYS) {
    if (opts.system) {
      out.values[k] = currentForChange(opts.system, k, opts.style)
      out.source[k] = 'system'
      continue
    }
    const v = opts.entered[k]
    if (v !== undefined && v !== '') {
      out.values[k] = toPrinted(parseAmount(v, '元'))
      out.source[k] = 'entered'
    }
  }
  return out
}

export type Change = { key: ChangeKey; current: Printed; prior: Printed; change: Printed; pct: number | null }

/** Percentage of change, rounded half away from zero to a whole percent (the seeds print 22%, 7%). */
export function changePct(change: Printed, prior: Printed): number | null {
  if (prior === 0n) return null
  const num = absPrinted(change) * 100n
  const den = absPrinted(prior)
  // non-negative: bigint division truncates, which is the floor here
  const q = Number((2n * num + den) / (2n * den))
  return (signOf(change) * signOf(prior) || 1) * q
}

export function changeOf(fig: Figures, prior: PriorFigures, key: ChangeKey, style: TNotes['overview']['style']): Change | null {
  const p = prior.values[key]
  if (p === undefined) return null
  const current = currentForChange(fig, key, style)
  const change = current - p
  return { key, current, prior: p, change, pct: changePct(change, p) }
}

/** For tests and debugging: a figure as the fixture's JSON number (万元). */
export function wanNumber(p: Printed | undefined): number | undefined {
  return p === undefined ? undefined : printedToNumber(p)
}
