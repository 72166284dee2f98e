import type { PdfWord } from './pdf-table'

/** A rectangle on a page, in fractions of the page's width and height (for an overlay on its image). */
export type PageBox = { x: number; y: number; w: number; h: number }

const flat = (s: string) => s.replace(/\s+/g, '')

/**
 * Where a finding's sentence is printed on its page: the words (in the page's reading order) its text
 * covers, one box per printed line. Empty when the sentence's first characters are not on the page
 * (nothing is marked rather than the wrong place).
 */
export function quoteBoxes(words: PdfWord[], size: { width: number; height: number }, quote: string): PageBox[] {
  const q = flat(quote)
  const probe = q.slice(0, 12)
  if (probe.length < 4 || !size.width || !size.height) return []
  let text = ''
  const at: number[] = []
  for (const w of words) {
    at.push(text.length)
    text += flat(w.text)
  }
  const s = text.indexOf(probe)
  if (s < 0) return []
  const e = s + q.length
  const hit = words.filter((w, i) => at[i]! < e && at[i]! + flat(w.text).length > s)
  const lines: PdfWord[][] = []
  for (const w of hit) {
    const line = lines.find((l) => Math.abs(l[0]!.top - w.top) < w.height * 0.5)
    if (line) line.push(w)
    else lines.push([w])
  }
  const pad = 1.5
  return lines.map((l) => {
    const left = Math.min(...l.map((w) => w.left)) - pad
    const right = Math.max(...l.map((w) => w.left + w.width)) + pad
    const top = Math.min(...l.map((w) => w.top)) - pad
    const bottom = Math.max(...l.map((w) => w.top + w.height)) + pad
    return { x: left / size.width, y: top / size.height, w: (right - left) / size.width, h: (bottom - top) / size.height }
  })
}
