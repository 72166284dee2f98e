import { normaliseName } from './catalogue'
import type { Finding } from './findings'
import { numberToPrinted, printedCell } from './money'
import type { BudgetTable, Cell, ColumnInfo, ColumnKind, FixtureTable, RowMeta } from './table'
import type { TableKey, TableTemplate, Template } from './template'
import { fillYear, TABLE_KEYS, templateTable } from './template'
import type { PrintedGrid } from './present'
import { acrossColumns, presentationFor, readAcross } from './present'

const norm = (s: unknown) => (typeof s === 'string' ? normaliseName(s) : '')
const ORDINAL = /^(?:[(（]?[一二三四五六七八九十]+[)）、.．]|[(（]?\d+[)）、.．]|其中[:：])\s*/
/** A row label without its printed numbering ("一、", "1. ", "（二）", "其中："): numbering varies by what a budget has. */
export const unnumbered = (s: string): string => normaliseName(s).replace(ORDINAL, '').replace(/\s+/g, '')
/** The template row a printed label names: the exact label, else the same words numbered otherwise. */
function findRow<T extends { label: string }>(rows: readonly T[], printed: string): T | undefined {
  if (!printed) return undefined
  return rows.find((x) => normaliseName(x.label) === printed) ?? rows.find((x) => unnumbered(x.label) === unnumbered(printed))
}
const sameLabel = (label: string, printed: string) => !!printed && (normaliseName(label) === printed || unnumbered(label) === unnumbered(printed))

/** The columns a template table prints, with their ids and kinds, in order. */
export function templateColumns(tt: TableTemplate, year: number): ColumnInfo[] {
  switch (tt.kind) {
    case 'function_tree':
    case 'economic_tree':
    case 'unit_breakdown':
      return tt.columns.map((c) => ({ id: c.id, label: c.label, kind: c.id === 'code' ? 'code' : c.id === 'name' ? 'name' : 'amount' }))
    case 'income_expenditure_summary':
      return [
        { id: 'in_label', label: tt.columns[0], kind: 'label' },
        { id: 'in_amount', label: tt.columns[1], kind: 'amount' },
        { id: 'out_label', label: tt.columns[2], kind: 'label' },
        { id: 'out_amount', label: tt.columns[3], kind: 'amount' },
      ]
    case 'fiscal_summary':
      return [
        { id: 'in_label', label: tt.columns[0], kind: 'label' },
        { id: 'in_amount', label: tt.columns[1], kind: 'amount' },
        { id: 'out_label', label: tt.columns[2], kind: 'label' },
        ...tt.expenditureColumns.map((c): ColumnInfo => ({ id: c.id, label: c.label, kind: 'amount' })),
      ]
    case 'three_public':
      return [{ id: 'label', label: tt.labelColumn, kind: 'label' }, ...tt.fundColumns.map((c): ColumnInfo => ({ id: c.id, label: c.label, kind: 'amount' }))]
    case 'procurement':
      return tt.columns.map((c) => ({
        id: c.id,
        label: fillYear(c.label, year),
        kind: (['project_name', 'item_name', 'unit'].includes(c.id) ? 'text' : c.id === 'catalogue_code' ? 'code' : c.id === 'quantity' ? 'quantity' : 'amount') as ColumnKind,
      }))
    case 'fixed_assets':
      return [
        { id: 'label', label: tt.columns[0], kind: 'label' },
        { id: 'quantity', label: tt.columns[1], kind: 'quantity' },
        { id: 'value', label: tt.columns[2], kind: 'amount' },
      ]
  }
}

/**
 * The columns a table is printed with, as a workbook may hold it: the template's columns, and for a
 * table the template prints across (docs/decisions/010) first its printed columns — the label column
 * and one amount column per item, ids `row:<item row id>`. Readers take the set a sheet's header matches best.
 */
export function printedColumnSets(tt: TableTemplate, year: number): ColumnInfo[][] {
  const own = templateColumns(tt, year)
  if ((tt.kind === 'function_tree' || tt.kind === 'economic_tree') && tt.variants?.length) {
    return [own, ...tt.variants.map((v) => templateColumns({ ...tt, columns: v.columns }, year))]
  }
  if (tt.kind !== 'three_public' || tt.orientation !== 'horizontal') return [own]
  const across: ColumnInfo[] = [{ id: 'label', label: tt.labelColumn, kind: 'label' }, ...acrossColumns(tt).map((c): ColumnInfo => ({ id: `row:${c.row}`, label: c.label, kind: 'amount' }))]
  return [across, own]
}

/** Assigns row meanings to printed rows by their labels and codes, following the template. */
export function rowMetaFor(tt: TableTemplate, rows: Cell[][], onUnknown: (r: number, label: string) => void): RowMeta[] {
  switch (tt.kind) {
    case 'function_tree':
    case 'economic_tree':
      return rows.map((row, r): RowMeta => {
        const code = typeof row[0] === 'string' ? row[0].trim() : row[0] === null ? '' : String(row[0])
        if (code && /^\d+$/.test(code)) return { kind: 'code', id: code, code, level: [3, 5, 7].indexOf(code.length) + 1 || 0 }
        if (norm(row[1]) === normaliseName(tt.totalLabel)) return { kind: 'total', id: 'total' }
        onUnknown(r, String(row[1] ?? row[0] ?? ''))
        return { kind: 'item', id: `row:${r}` }
      })
    case 'income_expenditure_summary':
    case 'fiscal_summary': {
      const L = tt.labels
      const fixedLeft: [string, string][] = [
        [L.currentIncome, 'current_income'],
        [L.carryIn, 'carry_in'],
        [L.grandIncome, 'grand_income'],
      ]
      const fixedRight: [string, string][] = [
        [L.currentExpenditure, 'current_expenditure'],
        [L.carryOut, 'carry_out'],
        [L.grandExpenditure, 'grand_expenditure'],
      ]
      const carryRows = tt.kind === 'fiscal_summary' ? tt.carryRows : []
      let afterCarry = false
      const rightCol = 2
      return rows.map((row, r): RowMeta => {
        const l = norm(row[0])
        const rt = norm(row[rightCol])
        let left: string | null = null
        let right: string | null = null
        if (l) {
          const fixed = fixedLeft.find(([lab]) => sameLabel(lab, l))
          if (fixed) {
            left = fixed[1]
            if (fixed[1] === 'carry_in') afterCarry = true
          } else {
            const pool = afterCarry ? carryRows : tt.incomeRows
            left = findRow(pool, l)?.id ?? null
            if (!left) onUnknown(r, String(row[0]))
          }
        }
        if (rt) {
          const fixed = fixedRight.find(([lab]) => sameLabel(lab, rt))
          right = fixed ? fixed[1] : (findRow(tt.expenditureRows, rt)?.id ?? null)
          if (!right) onUnknown(r, String(row[rightCol]))
        }
        return { kind: 'pair', left, right }
      })
    }
    case 'three_public':
    case 'fixed_assets':
      return rows.map((row, r): RowMeta => {
        const id = findRow(tt.rows, norm(row[0]))?.id
        if (!id) onUnknown(r, String(row[0] ?? ''))
        return { kind: 'fixed', id: id ?? `row:${r}` }
      })
    case 'procurement':
      return rows.map((row, r): RowMeta => (norm(row[0]) === normaliseName(tt.totalLabel) ? { kind: 'total', id: 'total' } : { kind: 'item', id: `item:${r}` }))
    case 'unit_breakdown': {
      const ci = tt.columns.findIndex((c) => c.id === 'code')
      const ni = tt.columns.findIndex((c) => c.id === 'name')
      return rows.map((row, r): RowMeta => {
        const code = ci >= 0 && row[ci] !== null && row[ci] !== undefined ? String(row[ci]).trim() : ''
        if (code) return { kind: 'item', id: `unit:${code}` }
        if (ni >= 0 && norm(row[ni]) === normaliseName(tt.totalLabel)) return { kind: 'total', id: 'total' }
        onUnknown(r, String(row[ni] ?? ''))
        return { kind: 'item', id: `row:${r}` }
      })
    }
  }
}

/**
 * Reads tables in the fixture JSON format (amounts as printed numbers) into BudgetTables
 * the validator understands. Unknown tables, columns or rows are reported, never guessed.
 *
 * A table the template prints across carries that presentation whichever way it was read, so it is
 * printed across from here on; `across` holds only the tables that were actually read across, each
 * with the grid it was read from, so that findings on what was read (the import report) are turned
 * to the printed cells for those only (findingsAsPrinted) — a table printed upright keeps the kernel's
 * positions, which are its printed ones.
 */
export function tablesFromFixture(fixtures: FixtureTable[], template: Template, year: number): { tables: BudgetTable[]; findings: Finding[]; across: Map<TableKey, PrintedGrid> } {
  const findings: Finding[] = []
  const tables: BudgetTable[] = []
  const acrossGrids = new Map<TableKey, PrintedGrid>()
  for (const printed of fixtures) {
    const key = printed.key as TableKey
    const tt = TABLE_KEYS.includes(key) ? templateTable(template, key) : undefined
    if (!tt) {
      findings.push({ rule: 'table.unknown', severity: 'warning', message: `无法识别的表“${printed.title}”，已忽略` })
      continue
    }
    // a table printed across (docs/decisions/010) is read back into the vertical one the rules read
    const across = tt.kind === 'three_public' && tt.orientation === 'horizontal' ? readAcross(printed, tt) : null
    if (across) {
      findings.push(...across.findings)
      acrossGrids.set(key, across.grid)
    }
    const ft = across?.table ?? printed
    // the column set (the template's, or a variant it names) the printed labels match best
    const expected = bestColumnSet(printedColumnSets(tt, year), ft.columns)
    const columns: ColumnInfo[] = ft.columns.map((label, i) => {
      const byLabel = expected.find((c) => normaliseName(c.label) === normaliseName(label))
      const col = byLabel ?? expected[i]
      if (!byLabel) findings.push({ rule: 'table.column_unknown', severity: 'warning', table: key, col: i, column: label, message: `${ft.title}的列“${label}”与模板不符${col ? `，按位置视为“${col.label}”` : ''}` })
      return col ? { ...col, label } : { id: `col:${i}`, label, kind: 'text' }
    })
    const rows = ft.rows.map((row, r) =>
      row.map((v, c): Cell => {
        const kind = columns[c]?.kind
        if (v === null || v === undefined) return null
        if (kind === 'amount') {
          if (typeof v !== 'number') {
            findings.push({ rule: 'amount.not_number', severity: 'error', table: key, row: r, col: c, column: columns[c]!.label, message: `${ft.title}第 ${r + 1} 行“${columns[c]!.label}”应为金额，实为“${String(v)}”` })
            return null
          }
          return printedCell(numberToPrinted(v))
        }
        return v
      }),
    )
    const meta = rowMetaFor(tt, rows, (r, label) =>
      findings.push({ rule: 'table.row_unknown', severity: 'warning', table: key, row: r, rowLabel: label, message: `${ft.title}第 ${r + 1} 行“${label}”不是模板中的行` }),
    )
    const table: BudgetTable = { key, title: ft.title, columns, rows, meta }
    if (ft.note) table.note = ft.note
    if (printed.amountUnit || printed.codeParts?.length) table.layout = { ...(printed.amountUnit ? { amountUnit: printed.amountUnit } : {}), ...(printed.codeParts?.length ? { codeParts: printed.codeParts } : {}) }
    const presentation = presentationFor(tt)
    if (presentation) table.presentation = presentation
    tables.push(table)
  }
  return { tables, findings, across: acrossGrids }
}

function bestColumnSet(sets: ColumnInfo[][], labels: string[]): ColumnInfo[] {
  if (sets.length === 1) return sets[0]!
  const keys = new Set(labels.map((l) => normaliseName(l)))
  let best = sets[0]!
  let score = -1
  for (const set of sets) {
    const s = set.filter((c) => keys.has(normaliseName(c.label))).length
    if (s > score) [best, score] = [set, s]
  }
  return best
}
