import type PDFKit from 'pdfkit'
import { FONT_BOLD, FONT_REGULAR } from './fonts'

type Doc = PDFKit.PDFDocument

/** A cell placed at a column, spanning columns and rows like a merged spreadsheet cell. */
export type GridCell = { col: number; text: string; colSpan?: number; rowSpan?: number; align?: 'left' | 'center' | 'right'; bold?: boolean; fill?: string }
export type GridColumn = { wrap: boolean; align: 'left' | 'center' | 'right' }

export type GridSpec = {
  columns: GridColumn[]
  /** Rows drawn once before the header (a 绩效目标表's project rows). */
  intro?: GridCell[][]
  /** Header rows, repeated at the top of every page the table runs onto. */
  header: GridCell[][]
  body: GridCell[][]
  /** Fixed column widths as fractions of the available width; otherwise fitted to the content. */
  fractions?: number[]
}

export type GridLayout = { spec: GridSpec; widths: number[]; fontSize: number; heights: { intro: number[]; header: number[]; body: number[] } }

const PAD_X = 3
const PAD_Y = 2.5

function measure(doc: Doc, text: string, bold: boolean, fontSize: number): number {
  doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(fontSize)
  let w = 0
  for (const line of text.split('\n')) w = Math.max(w, doc.widthOfString(line))
  return w
}

/** The narrowest a wrapping column may get: four characters, or its longest unbreakable run (numbers, codes). */
function minWidth(doc: Doc, text: string, fontSize: number): number {
  doc.font(FONT_REGULAR).fontSize(fontSize)
  let w = doc.widthOfString('四个汉字')
  for (const run of text.match(/[\x21-\x7e]+/g) ?? []) w = Math.max(w, doc.widthOfString(run))
  return w
}

/**
 * Column widths that fill `avail`: every column at its content's natural width when that fits
 * (extra space shared out), else wrapping columns give up width down to their minimum. Returns null
 * when even that does not fit at this font size (the caller tries smaller type or landscape).
 */
export function fitWidths(doc: Doc, spec: GridSpec, avail: number, fontSize: number, allowWrap: boolean): number[] | null {
  if (spec.fractions) return spec.fractions.map((f) => f * avail)
  const n = spec.columns.length
  const natural = new Array<number>(n).fill(0)
  const min = new Array<number>(n).fill(0)
  const headerMin = measure(doc, '汉字汉', true, fontSize)
  for (const row of spec.body) {
    for (const c of row) {
      if ((c.colSpan ?? 1) !== 1) continue
      const w = measure(doc, c.text, !!c.bold, fontSize) + 2 * PAD_X + 1
      natural[c.col] = Math.max(natural[c.col]!, w)
      min[c.col] = Math.max(min[c.col]!, spec.columns[c.col]!.wrap ? minWidth(doc, c.text, fontSize) + 2 * PAD_X + 1 : w)
    }
  }
  for (let i = 0; i < n; i++) {
    natural[i] = Math.max(natural[i]!, headerMin + 2 * PAD_X)
    min[i] = Math.max(min[i]!, headerMin + 2 * PAD_X)
  }
  // header cells spanning one column must fit their longest unbreakable word
  for (const row of [...spec.header, ...(spec.intro ?? [])]) for (const c of row) if ((c.colSpan ?? 1) === 1) min[c.col] = Math.max(min[c.col]!, minWidth(doc, c.text, fontSize) + 2 * PAD_X)
  const total = natural.reduce((s, v) => s + v, 0)
  if (total <= avail) {
    // spare width first lets single-column headers stand on fewer lines (up to six characters a line),
    // then is shared in proportion to the content
    const want = natural.map((w) => w)
    for (const row of spec.header) {
      for (const c of row) {
        if ((c.colSpan ?? 1) !== 1) continue
        const label = Math.min(measure(doc, c.text, true, fontSize), measure(doc, '六个汉字汉字', true, fontSize)) + 2 * PAD_X + 1
        want[c.col] = Math.max(want[c.col]!, label)
      }
    }
    const deficit = want.reduce((s, v, i) => s + v - natural[i]!, 0)
    const spare = avail - total
    const grown = deficit > 0 ? natural.map((w, i) => w + ((want[i]! - w) * Math.min(spare, deficit)) / deficit) : natural
    const left = avail - grown.reduce((s, v) => s + v, 0)
    const g = grown.reduce((s, v) => s + v, 0)
    return grown.map((w) => w + (left * w) / g)
  }
  if (!allowWrap) return null
  const need = total - avail
  const give = natural.map((w, i) => (spec.columns[i]!.wrap ? Math.max(0, w - min[i]!) : 0))
  const canGive = give.reduce((s, v) => s + v, 0)
  if (canGive < need) return null
  return natural.map((w, i) => w - (need * give[i]!) / canGive)
}

const spanWidth = (widths: number[], c: GridCell) => widths.slice(c.col, c.col + (c.colSpan ?? 1)).reduce((s, v) => s + v, 0)

function textHeight(doc: Doc, c: GridCell, width: number, fontSize: number): number {
  doc.font(c.bold ? FONT_BOLD : FONT_REGULAR).fontSize(fontSize)
  return doc.heightOfString(c.text || ' ', { width: Math.max(4, width - 2 * PAD_X), lineGap: 1 }) + 2 * PAD_Y
}

function rowHeights(doc: Doc, rows: GridCell[][], widths: number[], fontSize: number): number[] {
  const h = rows.map((row) => Math.max(fontSize + 2 * PAD_Y + 2, ...row.filter((c) => (c.rowSpan ?? 1) === 1).map((c) => textHeight(doc, c, spanWidth(widths, c), fontSize))))
  rows.forEach((row, r) => {
    for (const c of row) {
      const span = c.rowSpan ?? 1
      if (span === 1) continue
      const need = textHeight(doc, c, spanWidth(widths, c), fontSize)
      const have = h.slice(r, r + span).reduce((s, v) => s + v, 0)
      if (need > have) h[Math.min(h.length - 1, r + span - 1)]! += need - have
    }
  })
  return h
}

export function layoutGrid(doc: Doc, spec: GridSpec, widths: number[], fontSize: number): GridLayout {
  return { spec, widths, fontSize, heights: { intro: rowHeights(doc, spec.intro ?? [], widths, fontSize), header: rowHeights(doc, spec.header, widths, fontSize), body: rowHeights(doc, spec.body, widths, fontSize) } }
}

function drawCell(doc: Doc, c: GridCell, x: number, y: number, w: number, h: number, fontSize: number, defaultAlign: 'left' | 'center' | 'right', header: boolean): void {
  if (c.fill || header) doc.rect(x, y, w, h).fill(c.fill ?? '#eef0f2')
  doc.lineWidth(0.5).strokeColor('#333333').rect(x, y, w, h).stroke()
  if (!c.text) return
  doc.fillColor('#000000').font(c.bold || header ? FONT_BOLD : FONT_REGULAR).fontSize(fontSize)
  const tw = Math.max(4, w - 2 * PAD_X)
  const th = doc.heightOfString(c.text, { width: tw, lineGap: 1 })
  doc.text(c.text, x + PAD_X, y + Math.max(PAD_Y, (h - th) / 2), { width: tw, align: c.align ?? (header ? 'center' : defaultAlign), lineGap: 1, lineBreak: true, height: h })
}

function drawRows(doc: Doc, L: GridLayout, rows: GridCell[][], heights: number[], from: number, to: number, x0: number, y0: number, header: boolean): number {
  const xs = [x0]
  for (const w of L.widths) xs.push(xs[xs.length - 1]! + w)
  const ys = [y0]
  for (let r = from; r < to; r++) ys.push(ys[ys.length - 1]! + heights[r]!)
  for (let r = 0; r < to; r++) {
    for (const c of rows[r] ?? []) {
      const span = c.rowSpan ?? 1
      const start = Math.max(r, from)
      const end = Math.min(r + span, to)
      if (end <= start || (r < from && r + span <= from)) continue
      if (r < from && start !== from) continue
      const x = xs[c.col]!
      const w = spanWidth(L.widths, c)
      const y = ys[start - from]!
      const h = ys[end - from]! - y
      drawCell(doc, c, x, y, w, h, L.fontSize, L.spec.columns[c.col]?.align ?? 'left', header)
    }
  }
  return ys[ys.length - 1]!
}

/**
 * Draws the grid from `y`, breaking pages at `bottom`: `newPage()` adds a page (and its caption) and
 * returns where the table continues; the header rows are drawn again at the top of each page.
 */
export function drawGrid(doc: Doc, L: GridLayout, x: number, y: number, bottom: number, newPage: () => number): number {
  const headerH = L.heights.header.reduce((s, v) => s + v, 0)
  const introH = L.heights.intro.reduce((s, v) => s + v, 0)
  const firstBody = L.heights.body[0] ?? 0
  if (y + introH + headerH + firstBody > bottom) y = newPage()
  if (L.spec.intro?.length) y = drawRows(doc, L, L.spec.intro, L.heights.intro, 0, L.spec.intro.length, x, y, false)
  y = drawRows(doc, L, L.spec.header, L.heights.header, 0, L.spec.header.length, x, y, true)
  let from = 0
  while (from < L.spec.body.length) {
    let to = from
    let h = 0
    while (to < L.spec.body.length && (to === from || y + h + L.heights.body[to]! <= bottom)) {
      if (to > from && y + h + L.heights.body[to]! > bottom) break
      h += L.heights.body[to]!
      to++
    }
    y = drawRows(doc, L, L.spec.body, L.heights.body, from, to, x, y, false)
    from = to
    if (from < L.spec.body.length) {
      y = newPage()
      y = drawRows(doc, L, L.spec.header, L.heights.header, 0, L.spec.header.length, x, y, true)
    }
  }
  return y
}
