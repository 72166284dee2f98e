import type { FixtureTable } from '@/lib/budget/table'

/**
 * Cell-by-cell comparison of two sets of printed tables (fixture format), for the reviewer: against the
 * previous submission and against last year. Rows are matched by their text cells (code and name, or the
 * row label), not by position, so a new 功能科目 row does not shift every row below it; columns by label.
 * Amounts are compared in whole hundredths of 万元 (the printed precision); a blank cell equals 0.00.
 */
export type Cell = string | number | null
export type CellChange = { row: number; col: number; before: Cell; after: Cell; /** after − before in hundredths of 万元, for amounts */ delta: number | null }
export type RemovedRow = { label: string; cells: Cell[] }
export type TableDiff = {
  key: string
  title: string
  status: 'same' | 'changed' | 'added' | 'removed'
  /** row and column indexes in the newer table */
  changed: CellChange[]
  addedRows: number[]
  removedRows: RemovedRow[]
  addedColumns: string[]
  removedColumns: string[]
}

const hundredths = (v: Cell): number | null => (typeof v === 'number' ? Math.round(v * 100) : v === null ? 0 : null)

export function rowLabelOf(row: Cell[]): string {
  return row.filter((v): v is string => typeof v === 'string' && v.trim() !== '').join(' ').trim()
}

/**
 * The label a reader uses for one cell's row: the run of text cells just left of it — code and name in a
 * classification table, and in a two-sided summary the item on the cell's own side (收入 or 支出).
 */
export function cellRowLabel(row: Cell[], col: number): string {
  let end = Math.min(col, row.length) - 1
  while (end >= 0 && typeof row[end] !== 'string') end--
  if (end < 0) return rowLabelOf(row)
  let start = end
  while (start > 0 && typeof row[start - 1] === 'string') start--
  return rowLabelOf(row.slice(start, end + 1)) || rowLabelOf(row)
}

function rowKeys(rows: Cell[][]): string[] {
  const seen = new Map<string, number>()
  return rows.map((r) => {
    const label = rowLabelOf(r)
    const n = seen.get(label) ?? 0
    seen.set(label, n + 1)
    return `${label}#${n}`
  })
}

function sameCell(a: Cell, b: Cell): boolean {
  if (typeof a === 'string' || typeof b === 'string') return (a ?? '') === (b ?? '')
  return hundredths(a) === hundredths(b)
}

export function diffTable(before: FixtureTable | undefined, after: FixtureTable | undefined): TableDiff {
  const base = after ?? before
  if (!base) throw new Error('diffTable needs at least one table')
  const empty = { changed: [], addedRows: [], removedRows: [], addedColumns: [], removedColumns: [] }
  if (!before) return { key: base.key, title: base.title, status: 'added', ...empty, addedRows: after!.rows.map((_, i) => i) }
  if (!after) return { key: base.key, title: base.title, status: 'removed', ...empty, removedRows: before.rows.map((r) => ({ label: rowLabelOf(r), cells: r })) }
  const beforeCol = new Map(before.columns.map((c, i) => [c, i]))
  const afterCols = new Set(after.columns)
  const beforeRows = new Map(rowKeys(before.rows).map((k, i) => [k, i]))
  const afterKeys = rowKeys(after.rows)
  const changed: CellChange[] = []
  const addedRows: number[] = []
  afterKeys.forEach((k, r) => {
    const br = beforeRows.get(k)
    if (br === undefined) {
      addedRows.push(r)
      return
    }
    beforeRows.delete(k)
    const row = after.rows[r]!
    after.columns.forEach((label, c) => {
      const bc = beforeCol.get(label)
      if (bc === undefined) return
      const a = row[c] ?? null
      const b = before.rows[br]![bc] ?? null
      if (sameCell(b, a)) return
      const ha = hundredths(a)
      const hb = hundredths(b)
      changed.push({ row: r, col: c, before: b, after: a, delta: ha !== null && hb !== null && (typeof a === 'number' || typeof b === 'number') ? ha - hb : null })
    })
  })
  const removedRows = [...beforeRows.values()].sort((x, y) => x - y).map((i) => ({ label: rowLabelOf(before.rows[i]!), cells: before.rows[i]! }))
  const addedColumns = after.columns.filter((c) => !beforeCol.has(c))
  const removedColumns = before.columns.filter((c) => !afterCols.has(c))
  const same = changed.length === 0 && addedRows.length === 0 && removedRows.length === 0 && addedColumns.length === 0 && removedColumns.length === 0
  return { key: after.key, title: after.title, status: same ? 'same' : 'changed', changed, addedRows, removedRows, addedColumns, removedColumns }
}

/** Every table of either side, in the newer side's order. */
export function diffTables(before: FixtureTable[], after: FixtureTable[]): TableDiff[] {
  const b = new Map(before.map((t) => [t.key, t]))
  const out = after.map((t) => diffTable(b.get(t.key), t))
  for (const t of before) if (!after.some((a) => a.key === t.key)) out.push(diffTable(t, undefined))
  return out
}

/** A signed amount in hundredths as printed: 12345 → "+123.45", −5 → "-0.05". Integer arithmetic only. */
export function formatDelta(h: number): string {
  const sign = h > 0 ? '+' : h < 0 ? '-' : ''
  const abs = Math.abs(h)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function countChanges(diffs: TableDiff[]): number {
  return diffs.reduce((n, d) => n + d.changed.length + d.addedRows.length + d.removedRows.length, 0)
}
