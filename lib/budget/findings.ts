import { formatPrinted, printed } from './money'
import type { TableKey } from './template'

export type Severity = 'error' | 'warning' | 'rounding'

/** Where a finding points: a table cell, an entry line's field, or a part of the disclosure. */
export type Finding = {
  rule: string
  severity: Severity
  message: string
  table?: TableKey
  /** 0-based row and column in the printed table (fixture format: no 序号 column, no 栏次 row). */
  row?: number
  col?: number
  rowLabel?: string
  column?: string
  expected?: number | null
  actual?: number | null
  /** Entry lines: which list, which line (id or 0-based index) and which field. */
  line?: { list: 'revenue' | 'expenditure' | 'projects' | 'threePublic' | 'procurement' | 'fixedAssets' | 'units'; index: number; id?: string; field?: string }
  suggestions?: { code: string; name: string }[]
  /** Filled in by the workbook importer. */
  sheet?: string
  cell?: string
}

export type FindingSummary = { error: number; warning: number; rounding: number }

export function summarise(findings: Finding[]): FindingSummary {
  const s: FindingSummary = { error: 0, warning: 0, rounding: 0 }
  for (const f of findings) s[f.severity]++
  return s
}

/** An amount cell (printed hundredths, a table's plain number) as printed text; '空' when blank. */
export const wan = (cell: number | null | undefined): string => (cell === null || cell === undefined ? '空' : formatPrinted(printed(cell)))

/**
 * Classifies a printed total against the sum of its printed parts.
 * Every printed cell is its exact value rounded on its own, so each carries an error below half a
 * hundredth; a total of n rounded parts can differ from Σ parts by less than (n + 1) / 2 hundredths,
 * i.e. by at most ⌊n / 2⌋ whole hundredths. Anything within that is 尾差; anything beyond is an error.
 * Absent (blank) parts are exact zeros and carry no rounding. See docs/decisions/003-rounding.md.
 */
export function classifyDifference(diff: number, roundedParts: number): Severity | null {
  if (diff === 0) return null
  return Math.abs(diff) <= Math.floor(roundedParts / 2) ? 'rounding' : 'error'
}
