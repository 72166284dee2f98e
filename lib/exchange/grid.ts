/**
 * A workbook as a plain grid: what each cell shows, and whether it came from a formula. Merged
 * cells carry their master's value in every covered cell, so a two-row header reads the same
 * whether the exporter filled the covered cells or left them blank. No spreadsheet library here:
 * any source (an .xlsx through load-workbook.ts, a table extracted from a PDF or DOCX) becomes this.
 */
export type RawCell = {
  v: string | number | boolean | Date | null
  /** The formula text when the cell holds one; `v` is then its cached result. */
  formula?: string
  /** A formula whose result was never computed and saved (written by a program, not by Excel). */
  noResult?: boolean
  /** An error value such as #REF! or #DIV/0!. */
  error?: string
}
export type RawSheet = { name: string; rows: (RawCell | undefined)[][]; rowCount: number; colCount: number }
export type RawWorkbook = { sheets: RawSheet[] }

/** The text a cell shows, for matching titles and headers ('' when empty or not text-like). */
export function cellText(c: RawCell | undefined): string {
  if (!c || c.v === null) return ''
  if (typeof c.v === 'string') return c.v
  if (typeof c.v === 'number') return String(c.v)
  return ''
}

/** A merged range, 0-based and inclusive. */
export type MergedRange = { top: number; left: number; bottom: number; right: number }

/**
 * A grid of cell strings (or numbers) and its merged ranges as a sheet: each merged range's
 * top-left value is copied into every cell it covers, as load-workbook does for an .xlsx.
 */
export function sheetFromGrid(name: string, cells: (string | number | null | undefined)[][], merges: MergedRange[] = []): RawSheet {
  const rows: (RawCell | undefined)[][] = cells.map((r) => r.map((v) => (v === null || v === undefined || v === '' ? undefined : { v })))
  for (const m of merges) {
    const master = rows[m.top]?.[m.left]
    if (!master) continue
    for (let r = m.top; r <= m.bottom; r++) {
      rows[r] ??= []
      for (let c = m.left; c <= m.right; c++) if (!(r === m.top && c === m.left)) rows[r]![c] = { ...master }
    }
  }
  const colCount = Math.max(0, ...rows.map((r) => r.length))
  return { name, rows, rowCount: rows.length, colCount }
}
