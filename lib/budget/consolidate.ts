import Decimal from 'decimal.js'
import { compileFilter } from './filters'
import type { Fen } from './money'
import { printedCell, toPrinted } from './money'
import type { BudgetTable, Cell, ColumnInfo, RowMeta } from './table'
import type { AmountColumn, UnitBreakdownTable } from './template'
import type { BudgetData, FixedAssetEntry, ThreePublicEntry, UnitInfo } from './types'

/**
 * A department's budget consolidated from its units' budgets: Σ of the units' lines, each line keeping
 * its unit. Exact (integer 分); every table derived from the result is the sum of the units' tables
 * before rounding. See docs/decisions/009-unit-and-department-budgets.md.
 */
export function consolidate(department: { code: string; name: string }, year: number, parts: BudgetData[]): BudgetData {
  const units: UnitInfo[] = []
  const seenUnits = new Set<string>()
  const projects: BudgetData['projects'] = []
  const seenProjects = new Set<string>()
  const threePublic = new Map<string, ThreePublicEntry>()
  const assets = new Map<string, FixedAssetEntry>()
  let purchased: number | null = null
  let held: number | null = null
  for (const p of parts) {
    for (const u of p.units) {
      if (seenUnits.has(u.code)) continue
      seenUnits.add(u.code)
      units.push(u)
    }
    for (const pr of p.projects) {
      if (seenProjects.has(pr.code)) continue
      seenProjects.add(pr.code)
      projects.push(pr)
    }
    for (const e of p.threePublic) {
      const k = `${e.item}|${e.fund}`
      const cur = threePublic.get(k)
      threePublic.set(k, cur ? { ...cur, amount: cur.amount + e.amount } : { ...e })
    }
    for (const a of p.fixedAssets) {
      const cur = assets.get(a.category)
      if (!cur) {
        assets.set(a.category, { ...a })
        continue
      }
      const q = cur.quantity || a.quantity ? new Decimal(cur.quantity || 0).plus(a.quantity || 0).toString() : null
      const v = cur.value != null || a.value != null ? (cur.value ?? 0) + (a.value ?? 0) : null
      assets.set(a.category, { category: a.category, quantity: q, value: v })
    }
    if (p.vehicles?.purchased != null) purchased = (purchased ?? 0) + p.vehicles.purchased
    if (p.vehicles?.heldAtYearEnd != null) held = (held ?? 0) + p.vehicles.heldAtYearEnd
  }
  return {
    year,
    department,
    units,
    revenue: parts.flatMap((p) => p.revenue),
    expenditure: parts.flatMap((p) => p.expenditure),
    projects,
    threePublic: [...threePublic.values()],
    vehicles: { purchased, heldAtYearEnd: held },
    procurement: parts.flatMap((p) => p.procurement),
    fixedAssets: [...assets.values()],
  }
}

/** 部门支出分单位: 合计, then each unit of the data in order, amounts by the template's column filters. */
export function deriveUnitBreakdown(t: UnitBreakdownTable, data: BudgetData, unit: '万元' | '元'): BudgetTable {
  const amountCols = t.columns.filter((c): c is AmountColumn => 'filter' in c)
  const matchers = amountCols.map((c) => compileFilter(c.filter))
  const sums = new Map<string, Fen[]>()
  const row = (code: string) => {
    let arr = sums.get(code)
    if (!arr) sums.set(code, (arr = new Array<Fen>(amountCols.length).fill(0)))
    return arr
  }
  for (const l of data.revenue) matchers.forEach((m, i) => m.revenue(l) && (row(l.unitCode)[i]! += l.amount))
  for (const l of data.expenditure) matchers.forEach((m, i) => m.expenditure(l) && (row(l.unitCode)[i]! += l.amount))
  const units = [...data.units]
  // lines of a unit the list lacks are still printed (and so still add up to the 合计)
  for (const code of sums.keys()) if (!units.some((u) => u.code === code)) units.push({ code, name: '' })
  const cell = (f: Fen): Cell => (f === 0 ? null : printedCell(toPrinted(f, unit)))
  const grand = new Array<Fen>(amountCols.length).fill(0)
  for (const arr of sums.values()) arr.forEach((v, i) => (grand[i]! += v))
  const columns: ColumnInfo[] = t.columns.map((c) => ({ id: c.id, label: c.label, kind: c.id === 'code' ? 'code' : c.id === 'name' ? 'name' : 'amount' }))
  const rows: Cell[][] = []
  const meta: RowMeta[] = []
  if (units.length > 0) {
    rows.push(t.columns.map((c) => (c.id === 'code' ? null : c.id === 'name' ? t.totalLabel : cell(grand[amountCols.indexOf(c as AmountColumn)]!))))
    meta.push({ kind: 'total', id: 'total' })
    for (const u of units) {
      const arr = sums.get(u.code) ?? new Array<Fen>(amountCols.length).fill(0)
      rows.push(t.columns.map((c) => (c.id === 'code' ? u.code : c.id === 'name' ? u.name : cell(arr[amountCols.indexOf(c as AmountColumn)]!))))
      meta.push({ kind: 'item', id: `unit:${u.code}` })
    }
  }
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  if (t.note) table.note = t.note
  return table
}
