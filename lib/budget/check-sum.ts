import type { Finding, Severity } from './findings'
import { classifyDifference, wan } from './findings'
import { cellToNumber } from './money'
import type { BudgetTable } from './table'
import { rowLabel } from './table'
import type { TableKey } from './template'

/** The tables of a disclosure by key, for the rules that read across them. */
export type TableSet = Partial<Record<TableKey, BudgetTable>>
/** A cell address in one of the tables; row and col are indexes into the printed table. */
export type CellRef = { t: BudgetTable; r: number; c: number }

export type Emit = (f: Finding) => void

export const value = (ref: CellRef): number | null => {
  const v = ref.t.rows[ref.r]?.[ref.c]
  return typeof v === 'number' ? v : null
}

export function describeCell(ref: CellRef): string {
  return `${ref.t.title}「${rowLabel(ref.t, ref.r, ref.c)}」行「${ref.t.columns[ref.c]?.label ?? ''}」列`
}

/**
 * target = Σ parts, with rounding tolerance. `what` says in Chinese what the parts are.
 * `severityOnError` lets informational identities (三公 against economic lines) report warnings.
 */
export function checkSum(emit: Emit, rule: string, target: CellRef, parts: CellRef[], what: string, severityOnError: Severity = 'error'): void {
  let expected = 0
  let rounded = 0
  for (const p of parts) {
    const v = value(p)
    if (v !== null) {
      expected += v
      rounded++
    }
  }
  reportSum(emit, rule, target.t, target.r, target.c, expected, rounded, what, severityOnError)
}

/** checkSum of cells in one column of `t`, given by row: the tree rules make thousands of these. */
export function checkColumnSum(emit: Emit, rule: string, t: BudgetTable, r: number, c: number, partRows: readonly number[], what: string): void {
  let expected = 0
  let rounded = 0
  for (const pr of partRows) {
    const v = t.rows[pr]?.[c]
    if (typeof v === 'number') {
      expected += v
      rounded++
    }
  }
  reportSum(emit, rule, t, r, c, expected, rounded, what, 'error')
}

/** checkSum of cells in one row of `t`, given by column. */
export function checkRowSum(emit: Emit, rule: string, t: BudgetTable, r: number, c: number, partCols: readonly number[], what: string): void {
  const row = t.rows[r]
  let expected = 0
  let rounded = 0
  for (const pc of partCols) {
    const v = row?.[pc]
    if (typeof v === 'number') {
      expected += v
      rounded++
    }
  }
  reportSum(emit, rule, t, r, c, expected, rounded, what, 'error')
}

/** Compares the target cell with Σ of its `rounded` printed parts (= `expected`) and reports a difference. */
function reportSum(emit: Emit, rule: string, t: BudgetTable, r: number, c: number, expected: number, rounded: number, what: string, severityOnError: Severity): void {
  const v = t.rows[r]?.[c]
  const actual = typeof v === 'number' ? v : null
  const diff = (actual ?? 0) - expected
  const kind = classifyDifference(diff, rounded)
  if (!kind) return
  const severity = kind === 'rounding' ? 'rounding' : severityOnError
  const tail = kind === 'rounding' ? `，相差 ${wan(Math.abs(diff))}，属各单元格分别四舍五入造成的尾差` : `，相差 ${wan(Math.abs(diff))}`
  // the row label and column label once each: hundreds of 尾差 findings are normal in a large budget
  const label = rowLabel(t, r, c)
  const column = t.columns[c]?.label ?? ''
  emit({
    rule,
    severity,
    table: t.key,
    row: r,
    col: c,
    rowLabel: label,
    column,
    expected: cellToNumber(expected),
    actual: actual === null ? null : cellToNumber(actual),
    message: `${t.title}「${label}」行「${column}」列为 ${wan(actual)}，按${what}应为 ${wan(expected)}${tail}`,
  })
}
