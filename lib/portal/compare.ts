import type { PrintedNumber } from '@/lib/budget/money'
import type { BudgetTable, RowMeta } from '@/lib/budget/table'
import type { TableKey } from '@/lib/budget/template'
import type { DisclosureFigures, Indicators } from './figures'
import { INDICATOR_LABELS, perMille } from './figures'

/** One amount in two years: the change and the change in per-mille of the base (null when the base is 0). */
export type Change = { current: PrintedNumber; base: PrintedNumber; diff: PrintedNumber; pm: number | null }

export function change(current: PrintedNumber, base: PrintedNumber): Change {
  return { current, base, diff: current - base, pm: perMille(current - base, base) }
}

export type IndicatorChange = { key: keyof Indicators; label: string } & Change

const ORDER: (keyof Indicators)[] = ['total', 'basic', 'project', 'generalBudget', 'personnel', 'operating', 'threePublic']

/** The headline figures of two years side by side. */
export function compareIndicators(current: Indicators, base: Indicators): IndicatorChange[] {
  return ORDER.map((key) => ({ key, label: INDICATOR_LABELS[key], ...change(current[key], base[key]) }))
}

/** Expenditure by function 类 in two years; a 类 present in only one year counts 0 in the other. */
export function compareFunctionClasses(current: DisclosureFigures, base: DisclosureFigures): ({ code: string; name: string } & Change)[] {
  const codes = new Map<string, string>()
  for (const f of [...current.byFunctionClass, ...base.byFunctionClass]) if (!codes.has(f.code)) codes.set(f.code, f.name)
  const of = (figs: DisclosureFigures, code: string) => figs.byFunctionClass.find((f) => f.code === code)?.total ?? 0
  return [...codes]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ code, name, ...change(of(current, code), of(base, code)) }))
}

/** A printed row of one of the nine tables, compared by meaning (code, fixed row id, side of a summary). */
export type ComparedRow = { key: string; label: string; level: number; total: boolean; cells: Change[] }
export type ComparedTable = { key: TableKey; title: string; columns: { id: string; label: string }[]; rows: ComparedRow[] }

type Entry = { key: string; label: string; level: number; total: boolean; values: Map<string, PrintedNumber> }

/** Rows of a table as entries keyed by meaning, with their amount cells by column id. */
function entriesOf(t: BudgetTable): Entry[] {
  const out: Entry[] = []
  const amountCols = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind === 'amount')
  const label = (r: number, c: number) => {
    const v = t.rows[r]![c]
    return typeof v === 'string' ? v : ''
  }
  t.meta.forEach((m: RowMeta, r) => {
    const row = t.rows[r]!
    if (m.kind === 'pair') {
      // two-sided summary: the income side is columns 0–1, the expenditure side 2.., compared separately
      if (m.left) out.push({ key: `in:${m.left}`, label: `收入：${label(r, 0)}`, level: 0, total: /合计|总计/.test(label(r, 0)), values: new Map(amountCols.filter(({ i }) => i === 1).map(({ i }) => ['amount', (row[i] as number | null) ?? 0])) })
      if (m.right) {
        const right = amountCols.filter(({ i }) => i >= 3)
        out.push({ key: `out:${m.right}`, label: `支出：${label(r, 2)}`, level: 0, total: /合计|总计/.test(label(r, 2)), values: new Map(right.slice(0, 1).map(({ i }) => ['amount', (row[i] as number | null) ?? 0])) })
      }
      return
    }
    const values = new Map(amountCols.map(({ c, i }) => [c.id, typeof row[i] === 'number' ? (row[i] as number) : 0]))
    if (m.kind === 'code') {
      const name = t.columns.findIndex((c) => c.kind === 'name')
      out.push({ key: `code:${m.code}`, label: `${m.code} ${name >= 0 ? label(r, name) : ''}`.trim(), level: m.level, total: false, values })
    } else if (m.kind === 'total') out.push({ key: 'total', label: '合计', level: 0, total: true, values })
    else if (m.kind === 'fixed') out.push({ key: `fixed:${m.id}`, label: label(r, 0), level: 0, total: m.id === 'total' || m.id === 'subtotal', values })
    // procurement items have no identity across years: they are not compared row by row
  })
  // a two-sided summary reads better as all its income rows, then all its expenditure rows
  return [...out.filter((e) => !e.key.startsWith('out:')), ...out.filter((e) => e.key.startsWith('out:'))]
}

function comparedColumns(t: BudgetTable): { id: string; label: string }[] {
  if (t.meta.some((m) => m.kind === 'pair')) return [{ id: 'amount', label: '金额' }]
  return t.columns.filter((c) => c.kind === 'amount').map((c) => ({ id: c.id, label: c.label.replace(/\//g, ' · ') }))
}

/**
 * Year-over-year comparison of two disclosures' printed tables. Rows are matched by meaning (a 科目 by its
 * code, a fixed row by its id), columns by id; rows present in only one year count 0 in the other, and
 * rows empty in both years are left out. Tables only one year has are compared against nothing.
 */
export function compareTables(current: BudgetTable[], base: BudgetTable[], keys?: readonly TableKey[]): ComparedTable[] {
  const wanted = keys ?? current.map((t) => t.key)
  const out: ComparedTable[] = []
  for (const key of wanted) {
    const cur = current.find((t) => t.key === key)
    const old = base.find((t) => t.key === key)
    const shape = cur ?? old
    if (!shape) continue
    const columns = comparedColumns(shape)
    const curEntries = cur ? entriesOf(cur) : []
    const oldEntries = old ? entriesOf(old) : []
    const oldByKey = new Map(oldEntries.map((e) => [e.key, e]))
    const seen = new Set<string>()
    const rows: ComparedRow[] = []
    const push = (e: Entry, other: Entry | undefined, isCurrent: boolean) => {
      const cells = columns.map((c) => {
        const a = e.values.get(c.id) ?? 0
        const b = other?.values.get(c.id) ?? 0
        return isCurrent ? change(a, b) : change(b, a)
      })
      if (cells.every((x) => x.current === 0 && x.base === 0)) return
      rows.push({ key: e.key, label: e.label || other?.label || '', level: e.level, total: e.total, cells })
    }
    for (const e of curEntries) {
      seen.add(e.key)
      push(e, oldByKey.get(e.key), true)
    }
    for (const e of oldEntries) if (!seen.has(e.key)) push(e, undefined, false)
    // amount columns empty in both years (e.g. 事业收入 of a fully funded office) are left out
    const keep = columns.map((_, i) => i === 0 || rows.some((r) => r.cells[i]!.current !== 0 || r.cells[i]!.base !== 0))
    out.push({ key, title: shape.title, columns: columns.filter((_, i) => keep[i]), rows: rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => keep[i]) })) })
  }
  return out
}
