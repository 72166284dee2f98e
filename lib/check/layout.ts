import type { PdfWord } from './pdf-table'
import { columnEdges, cutRow, headerRows } from './pdf-table'
import type { DocLine } from './types'

export type { PdfWord }

/**
 * Lines of PDF pages from positioned words. A table with a 栏次 row (the column numbers printed under
 * the header) is cut into cells by `lib/check/pdf-table.ts`: columns from the 栏次 numbers and the
 * body's alignment, so a blank cell stays blank; header cells spanning columns repeated in each, a
 * header cell wrapped over lines read as one. Rows of a table without a 栏次 row are cut where the gap
 * between words is wide.
 */
export function linesFromWords(words: PdfWord[], pageCount: number): DocLine[] {
  const out: DocLine[] = []
  for (let p = 1; p <= pageCount; p++) {
    const ws = words.filter((w) => w.page === p).sort((a, b) => a.top - b.top || a.left - b.left)
    const rows: PdfWord[][] = []
    for (const w of ws) {
      const last = rows[rows.length - 1]
      const mid = w.top + w.height / 2
      if (last && Math.abs(last[0]!.top + last[0]!.height / 2 - mid) < Math.max(3, w.height * 0.45)) last.push(w)
      else rows.push([w])
    }
    rows.forEach((r) => r.sort((a, b) => a.left - b.left))
    const regions = tableRegions(rows)
    const done = new Set<number>()
    for (let i = 0; i < rows.length; i++) {
      if (done.has(i)) continue
      const region = regions.find((g) => g.caption === i || g.headStart === i || (g.caption === null && g.lanci === i))
      if (region) {
        const lanci = rows[region.lanci]!
        const centres = lanci.map(centre)
        const body = rows.slice(region.lanci + 1, region.end)
        const edges = columnEdges(centres, body)
        if (region.caption !== null) out.push(lineOf(p, rows[region.caption]!, cutRow(rows[region.caption]!, edges)))
        for (const h of headerRows(rows.slice(region.headStart, region.lanci).flat(), edges)) out.push({ page: p, text: [...new Set(h.filter(Boolean))].join(' '), cells: h })
        out.push(lineOf(p, lanci, cutRow(lanci, edges)))
        for (const r of body) out.push(lineOf(p, r, /^[-—–\s\d]+$/.test(joinWords(r)) && r.length === 1 ? null : cutRow(r, edges)))
        for (let k = region.caption ?? region.headStart; k < region.end; k++) done.add(k)
        i = region.end - 1
        continue
      }
      out.push(lineOf(p, rows[i]!, gapCells(rows[i]!)))
    }
  }
  return out
}

const centre = (w: PdfWord) => w.left + w.width / 2
const lineOf = (page: number, r: PdfWord[], cells: string[] | null): DocLine => ({ page, text: joinWords(r), cells })
const isLanci = (r: PdfWord[]) => r.length >= 3 && r[0]!.text === '栏次' && r.slice(1).every((w, k) => w.text === String(k + 1))
const CAPTION = /单位[:：](?![^（(]*[）)])|预算年度|截[止至](?:时间|日期)?[:：]|编制(?:单位|部门)[:：]/
const PAGE_NO = /^[-—–\s]*\d{1,3}[-—–\s]*$/

type Region = { caption: number | null; headStart: number; lanci: number; end: number }

/** Each 栏次 row's table on the page: its caption line, its header rows above, its body rows below. */
function tableRegions(rows: PdfWord[][]): Region[] {
  const lanci = rows.flatMap((r, i) => (isLanci(r) ? [i] : []))
  const out: Region[] = []
  let floor = 0
  lanci.forEach((li, n) => {
    const h = rows[li]![0]!.height
    let k = li - 1
    // the header goes up to the caption line (单位：/预算年度…), never past a title or prose (another font size, a long line, a wide gap)
    const sameSize = (r: PdfWord[]) => r.every((w) => Math.abs(w.height - h) <= 0.15 * h)
    while (k >= floor && !CAPTION.test(joinWords(rows[k]!)) && sameSize(rows[k]!) && rows[li]![0]!.top - rows[k]![0]!.top < 10 * h && rows[k + 1]![0]!.top - rows[k]![0]!.top < 3 * h && joinWords(rows[k]!).length <= 60) k--
    const caption = k >= floor && CAPTION.test(joinWords(rows[k]!)) ? k : null
    const headStart = k + 1
    const next = lanci[n + 1] ?? rows.length
    let end = li + 1
    while (end < next && end < rows.length) {
      const t = joinWords(rows[end]!)
      // the table ends at a page number, a note, the next table's caption, a wide gap, or text in another font size (a heading, prose)
      const sizeDiffers = rows[end]!.some((w) => Math.abs(w.height - h) > 0.15 * h)
      if (PAGE_NO.test(t) || /^注[:：]/.test(t) || CAPTION.test(t) || sizeDiffers || rows[end]![0]!.top - rows[end - 1]![0]!.top > 2.5 * h) break
      end++
    }
    out.push({ caption, headStart, lanci: li, end })
    floor = end
  })
  // a following table's header starts where the previous body ended
  return out
}

/** Cells of a row outside a 栏次 table: cut where the gap between words is wide (kept only when an amount is among them). */
function gapCells(r: PdfWord[]): string[] | null {
  if (r.length < 2) return null
  const parts: string[] = []
  let cur = r[0]!.text
  for (let k = 1; k < r.length; k++) {
    const gap = r[k]!.left - (r[k - 1]!.left + r[k - 1]!.width)
    if (gap > r[k]!.height * 1.2) {
      parts.push(cur)
      cur = r[k]!.text
    } else cur += gap > r[k]!.height * 0.2 && !/[\u4e00-\u9fff]/.test(cur.slice(-1) + r[k]!.text[0]) ? ` ${r[k]!.text}` : r[k]!.text
  }
  parts.push(cur)
  return parts.length > 1 && parts.some((x) => /^-?[\d,]+(\.\d+)?$/.test(x)) ? parts : null
}

function joinWords(r: PdfWord[]): string {
  let s = ''
  for (const w of r) s += s && !(/[\u4e00-\u9fff，。；：、（）“”]$/.test(s) && /^[\u4e00-\u9fff，。；：、（）“”\d]/.test(w.text)) ? ` ${w.text}` : w.text
  return s
}

/** Parses `pdftotext -tsv` output into words, with each page's size (points). */
export function parsePdftotextTsv(tsv: string): { words: PdfWord[]; pageCount: number; sizes: Map<number, { width: number; height: number }> } {
  const words: PdfWord[] = []
  const sizes = new Map<number, { width: number; height: number }>()
  let pageCount = 0
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t')
    if (f.length < 12) continue
    const page = Number(f[1])
    pageCount = Math.max(pageCount, page)
    if (f[0] === '1') sizes.set(page, { width: Number(f[8]), height: Number(f[9]) })
    if (f[0] !== '5') continue
    const text = f.slice(11).join('\t').trim()
    if (!text) continue
    words.push({ page, left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]), text })
  }
  return { words, pageCount, sizes }
}
