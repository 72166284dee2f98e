import type { DocLine } from './types'

const flat = (s: string) => s.replace(/\s+/g, '')
/** A line's text as printed: a cell merged over columns (repeated in the model) once. */
export const keyOf = (l: DocLine) => flat(l.cells ? l.cells.filter((c, i) => c && c !== l.cells![i - 1]).join('') : l.text)

/**
 * Pages for a document whose own format has none (a DOCX without explicit page breaks): each line is
 * found, in reading order, in the text of the pages of the same document laid out by a word processor
 * (LibreOffice's PDF), and takes the page it is found on. A line not found (or too short to be told
 * apart) takes the page of the line before it. Null when too few lines are found for the pages to be
 * trusted — the caller then keeps the document's explicit breaks.
 */
export function pagesFromLaidOutText(lines: DocLine[], pageTexts: string[]): { lines: DocLine[]; pageCount: number } | null {
  const starts: number[] = []
  let all = ''
  for (const t of pageTexts) {
    starts.push(all.length)
    all += flat(t)
  }
  const pageAt = (pos: number) => {
    let p = 0
    while (p + 1 < starts.length && starts[p + 1]! <= pos) p++
    return p + 1
  }
  let cursor = 0
  let page = 1
  let found = 0
  let tried = 0
  const out = lines.map((l) => {
    const key = keyOf(l)
    // a line's first characters: long enough to be told apart, short enough to survive a line wrapped or a cell split
    const probe = key.slice(0, 16)
    if (probe.length >= 4) {
      tried++
      // the next occurrence not far ahead (a repeated heading or table header is found at its own place)
      const at = all.indexOf(probe, cursor)
      if (at >= 0 && at - cursor < 20_000) {
        found++
        page = pageAt(at)
        cursor = at + Math.min(probe.length, key.length)
      }
    }
    return { ...l, page }
  })
  if (tried === 0 || found / tried < 0.6) return null
  return { lines: out, pageCount: pageTexts.length }
}
