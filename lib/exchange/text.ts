import { normaliseName } from '../budget/catalogue'

/**
 * Comparison key for titles and header labels as real exports spell them: no whitespace, full-width
 * brackets, no quotation marks of any kind (“三公” / "三公" / 三公), a year of the label as YYYY,
 * 代码 and 编码 alike.
 */
const keys = new Map<string, string>()

export function textKey(s: string): string {
  // the same header and title texts recur on every sheet and for every candidate template
  let k = keys.get(s)
  if (k === undefined) {
    k = computeKey(s)
    if (keys.size > 20_000) keys.clear()
    keys.set(s, k)
  }
  return k
}

function computeKey(s: string): string {
  return normaliseName(s)
    .replace(/[“”"'‘’「」『』]/g, '')
    .replace(/[:]/g, '：')
    .replace(/\d{4}年/g, 'YYYY年')
    .replace(/代码/g, '编码') // 科目代码 / 科目编码 name the same column
}

/** Excel column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = ''
  let n = col
  while (n > 0) {
    const m = (n - 1) % 26
    s = String.fromCharCode(65 + m) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** "D9" → { row: 9, col: 4 }. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(a)
  if (!m) return null
  let col = 0
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64)
  return { row: Number(m[2]), col }
}

export const address = (row: number, col: number): string => `${columnLetter(col)}${row}`

/** Trims ASCII and full-width spaces (U+3000) and non-breaking spaces. */
export function cleanText(s: string): string {
  return s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')
}

/** The one output-neutralising rule (lib/budget/neutralise.ts), re-exported for the workbook reader and writers. */
export { neutralise, unneutralise } from '@/lib/budget/neutralise'

export { editDistance } from '@/lib/budget/catalogue'
