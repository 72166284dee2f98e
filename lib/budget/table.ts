import type { AmountUnit } from './money'
import { cellToNumber } from './money'
import { presentTable } from './present'
import type { TableKey } from './template'
import { z } from 'zod'
import { jsonColumn } from './json-column'

/**
 * A table as printed. Amount cells hold Printed hundredths (integers); text and code cells hold strings;
 * quantity cells hold plain numbers. `meta` says what each row is, so validation rules can find cells by
 * meaning (a code, a fixed row id) whether the table was derived from lines or read from a workbook.
 */
export type Cell = string | number | null
export type ColumnKind = 'code' | 'name' | 'label' | 'amount' | 'quantity' | 'text'
export type ColumnInfo = { id: string; label: string; kind: ColumnKind }
export type RowMeta =
  | { kind: 'total'; id: 'total' }
  | { kind: 'code'; id: string; code: string; level: number }
  | { kind: 'fixed'; id: string }
  /** Two-sided summary tables: one id for the income side, one for the expenditure side. */
  | { kind: 'pair'; left: string | null; right: string | null }
  | { kind: 'item'; id: string }

export type BudgetTable = {
  key: TableKey
  title: string
  columns: ColumnInfo[]
  rows: Cell[][]
  meta: RowMeta[]
  note?: string
  /**
   * How the table is printed when not as held (docs/decisions/010): the template's, attached by
   * withPresentation (lib/budget/present.ts). Rules never read it; toFixtureTable does.
   */
  presentation?: Presentation
  /** How the source printed it (unit, split code columns), so an export prints it that way again. */
  layout?: PrintedLayout
}

/** A 三公 table printed across: the printed item columns ("组/列" headers) and the row each one shows. */
export type Presentation = { orientation: 'horizontal'; columns: { label: string; row: string }[]; labelColumn?: false }

/**
 * What a source printed differently from the kernel's one code column and 万元: the unit the amounts
 * are printed (and held) in, and the code printed split over 类 / 款 / 项 columns (their printed
 * headers, in order). Readers fill it; toFixtureTable prints the table that way again.
 */
export type PrintedLayout = { amountUnit?: AmountUnit; codeParts?: string[] }

export type FixtureTable = { key: string; title: string; columns: string[]; rows: (string | number | null)[][]; note?: string; amountUnit?: AmountUnit; codeParts?: string[] }

/** Split code widths: 类 3 digits, 款 and 项 2 each. */
const PART_WIDTH = [3, 2, 2]

/** "2070101" over the printed code columns: ['207','01','01']; a 类 row ['207', null, null]. */
export function splitCode(code: string | null, parts: number): (string | null)[] {
  const out: (string | null)[] = []
  let at = 0
  for (let i = 0; i < parts; i++) {
    const w = PART_WIDTH[i] ?? 2
    const piece = code && code.length >= at + w ? code.slice(at, at + w) : null
    out.push(piece)
    at += w
  }
  if (code && at < code.length) out[parts - 1] = `${out[parts - 1] ?? ''}${code.slice(at)}`
  return out
}

/** A fixture-format table with its code column split back into the printed 类 / 款 / 项 columns. */
export function applyCodeParts(ft: FixtureTable): FixtureTable {
  const parts = ft.codeParts
  if (!parts?.length) return ft
  const ci = 0
  const { codeParts: _omit, ...rest } = ft
  return {
    ...rest,
    columns: [...parts, ...ft.columns.slice(ci + 1)],
    rows: ft.rows.map((r) => [...splitCode(typeof r[ci] === 'string' ? r[ci] : r[ci] === null ? null : String(r[ci]), parts.length), ...r.slice(ci + 1)]),
  }
}

const ZFixtureTables = z.array(z.object({ key: z.string(), title: z.string(), columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))), note: z.string().optional() }))

/** Printed tables in a Json column: Disclosure.declaredTables (an import's tables as declared) and SubmissionSnapshot.tables. */
export const fixtureTablesColumn = jsonColumn<FixtureTable[]>('报表（FixtureTable[]）', ZFixtureTables)

/** The JSON format of ../shared/fixtures and of GET …/tables: the table as printed (turned across when its presentation says so). */
export function toFixtureTable(t: BudgetTable): FixtureTable {
  const across = presentTable(t)
  if (across) return t.layout?.amountUnit ? { ...across, amountUnit: t.layout.amountUnit } : across
  const out: FixtureTable = {
    key: t.key,
    title: t.title,
    columns: t.columns.map((c) => c.label),
    rows: t.rows.map((r) => r.map((v, i) => (v !== null && t.columns[i]!.kind === 'amount' ? cellToNumber(v as number) : v))),
  }
  if (t.note) out.note = t.note
  if (t.layout?.amountUnit) out.amountUnit = t.layout.amountUnit
  if (t.layout?.codeParts?.length && t.columns[0]?.kind === 'code') out.codeParts = t.layout.codeParts
  return out
}

export function columnIndex(t: BudgetTable, id: string): number {
  return t.columns.findIndex((c) => c.id === id)
}

export function rowIndexById(t: BudgetTable, id: string, side?: 'left' | 'right'): number {
  return t.meta.findIndex((m) => {
    if (m.kind === 'pair') return side ? m[side] === id : m.left === id || m.right === id
    return m.id === id
  })
}

/** The label a reader would use for row r; in two-sided summaries, the label on column c's side. */
export function rowLabel(t: BudgetTable, r: number, c?: number): string {
  const m = t.meta[r]
  const row = t.rows[r] ?? []
  if (m?.kind === 'code') return `${m.code} ${String(row[1] ?? '')}`.trim()
  if (m?.kind === 'total') return '合计'
  if (m?.kind === 'pair') {
    const side = c !== undefined && c >= 2 ? row[2] : row[0]
    if (typeof side === 'string') return side
  }
  const first = row.find((v) => typeof v === 'string')
  return typeof first === 'string' ? first : `第${r + 1}行`
}
