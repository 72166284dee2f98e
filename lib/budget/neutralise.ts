/**
 * The one output-neutralising rule for every file a spreadsheet may open (CSV, XLSX, open data):
 * text starting with = + - @, a tab, CR or LF could be taken for a formula (`=HYPERLINK(…)`, `+1+cmd|…`,
 * `@SUM(…)`, `-2+3`), so it is written with a leading apostrophe. A plain negative number written as text
 * ("-12.34", "-1,234.50") is left alone: it reads back as the same number and runs nothing.
 * `unneutralise` removes exactly this apostrophe again, so reading an exported file keeps the text.
 */
const FORMULA_START = /^[=+\-@\t\r\n]/
const PLAIN_NEGATIVE = /^-(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

export function neutralise(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NEGATIVE.test(s) ? `'${s}` : s
}

export function unneutralise(s: string): string {
  return s.length > 1 && s[0] === "'" && FORMULA_START.test(s.slice(1)) && !PLAIN_NEGATIVE.test(s.slice(1)) ? s.slice(1) : s
}

/** One CSV field (RFC 4180) of a value: text neutralised, then quoted when it holds a comma, quote or line break; numbers as numbers. */
export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const s = typeof v === 'number' ? String(v) : neutralise(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}
