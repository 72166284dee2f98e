import Decimal from 'decimal.js'
import type { Fen } from './money'
import { printedCell, toPrinted } from './money'
import type { BudgetTable, Cell, ColumnInfo, RowMeta } from './table'
import type { FixedAssetsTable, ProcurementTable } from './template'
import { fillYear } from './template'
import type { BudgetData, ProcurementFund, ProcurementItem } from './types'
import { PROCUREMENT_FUNDS } from './types'

const cell = (fen: Fen | null | undefined, unit: '万元' | '元'): Cell => (fen ? printedCell(toPrinted(fen, unit)) : null)
const qty = (q: string | null | undefined): Cell => (q === null || q === undefined || q === '' ? null : new Decimal(q).toNumber())

export function projectTotals(data: BudgetData): Map<string, Fen> {
  const m = new Map<string, Fen>()
  for (const l of data.expenditure) if (l.projectCode) m.set(l.projectCode, (m.get(l.projectCode) ?? 0) + l.amount)
  return m
}

export function procurementItemTotal(item: ProcurementItem): Fen {
  return PROCUREMENT_FUNDS.reduce((s, f) => s + (item.amounts[f] ?? 0), 0)
}

/**
 * What a procurement fund column prints: one fund, or for `fund:carryover` (a layout printing one
 * 上年结转结余 column) the whole carry-over, 财政拨款结转 and 非财政拨款结转结余 together.
 */
export function procurementColumnAmount(amounts: Partial<Record<ProcurementFund, Fen>>, columnId: string): Fen {
  const fund = columnId.slice('fund:'.length)
  if (fund === 'carryover') return (amounts.carryover_fiscal ?? 0) + (amounts.carryover_other ?? 0)
  return amounts[fund as ProcurementFund] ?? 0
}

export function deriveProcurement(t: ProcurementTable, data: BudgetData, unit: '万元' | '元'): BudgetTable {
  const projects = new Map(data.projects.map((p) => [p.code, p]))
  // project budgets are only printed beside purchases: no purchases, no pass over the lines
  const totals = data.procurement.length > 0 ? projectTotals(data) : new Map<string, Fen>()
  const columns: ColumnInfo[] = t.columns.map((c) => ({
    id: c.id,
    label: fillYear(c.label, data.year),
    kind: ['project_name', 'item_name', 'unit'].includes(c.id) ? 'text' : c.id === 'catalogue_code' ? 'code' : c.id === 'quantity' ? 'quantity' : 'amount',
  }))
  const valueOf = (item: ProcurementItem, id: string): Cell => {
    const project = item.projectCode ? projects.get(item.projectCode) : undefined
    switch (id) {
      case 'project_name':
        return project?.name ?? item.projectName ?? null
      case 'project_budget':
        return cell(project ? totals.get(project.code) : item.projectBudget, unit)
      case 'item_name':
        return item.itemName
      case 'catalogue_code':
        return item.catalogueCode ?? null
      case 'unit':
        return item.unit ?? null
      case 'quantity':
        return qty(item.quantity)
      case 'unit_price':
        return cell(item.unitPrice, unit)
      case 'total':
        return cell(procurementItemTotal(item), unit)
      case 'sme_reserved':
        return cell(item.smeReserved, unit)
      default:
        return cell(procurementColumnAmount(item.amounts, id), unit)
    }
  }
  const rows: Cell[][] = []
  const meta: RowMeta[] = []
  const items = data.procurement
  if (items.length > 0) {
    const sum = (f: (i: ProcurementItem) => Fen) => items.reduce((s, i) => s + f(i), 0)
    rows.push(
      t.columns.map((c): Cell => {
        if (c.id === 'project_name') return t.totalLabel
        if (c.id === 'total') return cell(sum(procurementItemTotal), unit)
        if (c.id === 'sme_reserved') return cell(sum((i) => i.smeReserved ?? 0), unit)
        if (c.id.startsWith('fund:')) return cell(sum((i) => procurementColumnAmount(i.amounts, c.id)), unit)
        return null
      }),
    )
    meta.push({ kind: 'total', id: 'total' })
    items.forEach((item, i) => {
      rows.push(t.columns.map((c) => valueOf(item, c.id)))
      meta.push({ kind: 'item', id: item.id ?? `item:${i}` })
    })
  }
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  const note = items.length === 0 ? (t.emptyNote ?? t.note) : t.note
  if (note) table.note = note
  return table
}

export function deriveFixedAssets(t: FixedAssetsTable, data: BudgetData, unit: '万元' | '元'): BudgetTable {
  const byCat = new Map(data.fixedAssets.map((a) => [a.category, a]))
  const byId = new Map(t.rows.map((r) => [r.id, r]))
  const value = (id: string): Fen => {
    const r = byId.get(id)!
    if (r.sumOf) return r.sumOf.reduce((s, c) => s + value(c), 0)
    return (r.category && byCat.get(r.category)?.value) || 0
  }
  const rows = t.rows.map((r): Cell[] => [r.label, r.category ? qty(byCat.get(r.category)?.quantity) : null, cell(value(r.id), unit)])
  const meta: RowMeta[] = t.rows.map((r) => ({ kind: 'fixed', id: r.id }))
  const columns: ColumnInfo[] = [
    { id: 'label', label: t.columns[0], kind: 'label' },
    { id: 'quantity', label: t.columns[1], kind: 'quantity' },
    { id: 'value', label: t.columns[2], kind: 'amount' },
  ]
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  if (t.note) table.note = t.note
  return table
}
