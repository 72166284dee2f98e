import type { DocLine } from './types'

/** A word of a PDF page with its box (points), as `pdftotext -tsv` or pdf.js give it. */
export type PdfWord = { page: number; left: number; top: number; width: number; height: number; text: string }

/**
 * Lines of PDF pages from positioned words. A table's columns are taken from its 栏次 row (the
 * column numbers printed under the header): every row of the table is cut into cells at the
 * midpoints between those numbers, so a blank cell stays a blank cell. Rows of a table without a
 * 栏次 row are cut where the gap between words is wide.
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
    // 栏次 rows on the page: their column centres
    const lanci = rows
      .map((r, i) => ({ i, r }))
      .filter(({ r }) => r[0]!.text === '栏次' && r.slice(1).every((w, k) => w.text === String(k + 1)) && r.length >= 3)
      .map(({ i, r }) => ({ i, top: r[0]!.top, centres: r.map((w) => w.left + w.width / 2) }))
    rows.forEach((r, i) => {
      const text = joinWords(r)
      const grid = lanci.filter((l) => l.i <= i).pop() ?? lanci.find((l) => l.i > i && l.top - r[0]!.top < 80)
      let cells: string[] | null = null
      if (grid && r.length > 1 && !isFarFrom(grid.top, r[0]!.top) && !/^[-—–\s\d]+$/.test(text)) {
        const c = grid.centres
        const bounds = c.slice(1).map((x, k) => (x + c[k]!) / 2)
        cells = new Array<string>(c.length).fill('')
        for (const w of r) {
          const x = w.left + w.width / 2
          let k = bounds.findIndex((b) => x < b)
          if (k < 0) k = c.length - 1
          cells[k] = cells[k] ? `${cells[k]}${/[\u4e00-\u9fff]$/.test(cells[k]!) && /^[\u4e00-\u9fff]/.test(w.text) ? '' : ' '}${w.text}` : w.text
        }
      } else if (r.length > 1) {
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
        if (parts.length > 1 && parts.some((x) => /^-?[\d,]+(\.\d+)?$/.test(x))) cells = parts
      }
      out.push({ page: p, text, cells })
    })
  }
  return out
}

const isFarFrom = (a: number, b: number) => Math.abs(a - b) > 600

function joinWords(r: PdfWord[]): string {
  let s = ''
  for (const w of r) s += s && !(/[\u4e00-\u9fff，。；：、（）“”]$/.test(s) && /^[\u4e00-\u9fff，。；：、（）“”\d]/.test(w.text)) ? ` ${w.text}` : w.text
  return s
}

/** Parses `pdftotext -tsv` output into words. */
export function parsePdftotextTsv(tsv: string): { words: PdfWord[]; pageCount: number } {
  const words: PdfWord[] = []
  let pageCount = 0
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t')
    if (f.length < 12) continue
    const page = Number(f[1])
    pageCount = Math.max(pageCount, page)
    if (f[0] !== '5') continue
    const text = f.slice(11).join('\t').trim()
    if (!text) continue
    words.push({ page, left: Number(f[6]), top: Number(f[7]), width: Number(f[8]), height: Number(f[9]), text })
  }
  return { words, pageCount }
}
