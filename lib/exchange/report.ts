import type { Catalogue } from '../budget/catalogue'
import type { Finding, FindingSummary, Severity } from '../budget/findings'
import { summarise } from '../budget/findings'
import { findingsAsPrinted } from '../budget/present'
import { tablesFromFixture } from '../budget/read-tables'
import type { BudgetTable } from '../budget/table'
import { TABLE_KEYS } from '../budget/template'
import { validateTables } from '../budget/validate-tables'
import type { ParsedWorkbook } from './parse-workbook'

/** One finding of the validation report, located in the workbook (sheet + A1 cell) and in the table. */
export type ReportFinding = {
  rule: string
  severity: Severity
  table: string | null
  sheet: string | null
  cell: string | null
  rowLabel: string | null
  column: string | null
  expected: number | null
  actual: number | null
  message: string
}
export type ValidationReport = { findings: ReportFinding[]; summary: FindingSummary }

const ORDER: Record<Severity, number> = { error: 0, warning: 1, rounding: 2 }

/**
 * Validates what was read with the same kernel as entered data: the template's identities, the
 * year's catalogue (unknown codes, names that do not match) and the rounding policy. Every finding
 * that points at a table cell gets the sheet and A1 address the cell was read from.
 */
export function validateParsed(parsed: ParsedWorkbook, catalogue: Catalogue | undefined): { report: ValidationReport; tables: BudgetTable[] } {
  const year = parsed.meta.year ?? catalogue?.year ?? new Date().getFullYear()
  // a table whose columns were not understood has one structural finding already, and no arithmetic
  const unreadable = new Set(parsed.tables.filter((p) => p.unreadable).map((p) => p.table.key))
  const { tables, findings: readFindings, across } = tablesFromFixture(
    parsed.tables.filter((p) => !p.unreadable).map((p) => p.table),
    parsed.template,
    year,
  )
  // the kernel's findings point at the tables as it holds them. A 三公 table the sheet prints across
  // (docs/decisions/010) is turned to the cells of the grid it was read from, and they find their sheet
  // cells through the parsed locations; a table the sheet prints upright — the template may print it
  // across, the reader takes either — is printed as held, and its findings are left as they are
  const kernel = validateTables(tables, parsed.template, catalogue, unreadable).filter((f) => !(f.rule === 'table.missing' && f.table && unreadable.has(f.table)))
  const all: Finding[] = [...parsed.findings, ...findingsAsPrinted([...readFindings, ...kernel], across)]
  const located = all.map((f) => locate(f, parsed))
  const tableOrder = (k: string | null) => (k === null ? -1 : TABLE_KEYS.indexOf(k as (typeof TABLE_KEYS)[number]))
  const indexed = located.map((f, i) => ({ f, i, row: all[i]!.row ?? -1, col: all[i]!.col ?? -1 }))
  indexed.sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || tableOrder(a.f.table) - tableOrder(b.f.table) || a.row - b.row || a.col - b.col || a.i - b.i)
  const findings = indexed.map((x) => x.f)
  return { report: { findings, summary: summarise(all) }, tables }
}

function locate(f: Finding, parsed: ParsedWorkbook): ReportFinding {
  let sheet = f.sheet ?? null
  let cell = f.cell ?? null
  const p = f.table ? parsed.tables.find((t) => t.table.key === f.table) : undefined
  if (p && !cell) {
    sheet = p.loc.sheet
    if (f.row !== undefined && p.loc.rows[f.row] !== undefined) cell = `${p.loc.cols[f.col ?? 0] ?? p.loc.cols[0] ?? 'A'}${p.loc.rows[f.row]}`
    else if (/empty_note/.test(f.rule) && p.loc.noteCell) cell = p.loc.noteCell
    else cell = p.loc.titleCell
  }
  return {
    rule: f.rule,
    severity: f.severity,
    table: f.table ?? null,
    sheet,
    cell,
    rowLabel: f.rowLabel ?? null,
    column: f.column ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
  }
}
