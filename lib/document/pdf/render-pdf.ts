import PDFDocument from 'pdfkit'
import type { NoteBudgetTable, NotesBlock, TextTable } from '@/lib/notes/types'
import type { RenderedTarget } from '@/lib/performance/render'
import type { DocumentModel, DocumentOverallTable, DocumentTable } from '../model'
import { levelTitles, NOTES_PART_ID, sectionAnchor, TABLES_PART_ID } from '../model'
import type { PlacedCell } from '../table-cells'
import { budgetTableGrid, OVERALL_FRACTIONS, overallGrid, targetGrid } from '../table-cells'
import { FONT_BOLD, FONT_REGULAR, registerFonts } from './fonts'
import type { GridColumn, GridLayout, GridSpec } from './grid'
import { drawGrid, fitWidths, layoutGrid } from './grid'

type Doc = PDFKit.PDFDocument
type Orientation = 'portrait' | 'landscape'

const A4 = { w: 595.28, h: 841.89 }
/** Content box per orientation (points): 2 cm margins upright, 1.4 cm on landscape table pages. */
const BOX: Record<Orientation, { left: number; right: number; top: number; bottom: number }> = {
  portrait: { left: 56.7, right: A4.w - 56.7, top: 56.7, bottom: A4.h - 62 },
  landscape: { left: 40, right: A4.h - 40, top: 40, bottom: A4.w - 46 },
}
const BODY_SIZE = 10.5
const TABLE_SIZES = [9, 8.5, 8, 7.5]

/**
 * The complete disclosure as a PDF (pdfkit): A4, wide tables on landscape pages, table headers
 * repeated on every page a table runs onto, Noto Sans SC embedded (text extractable), a 目录 with
 * the real page numbers (filled in once the pages exist), bookmarks and page numbers.
 */
export async function renderPdf(m: DocumentModel): Promise<Buffer> {
  // 部门预算 or a unit's 单位预算 (docs/decisions/009)
  const titles = levelTitles(m.level, m.year)
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: BOX.portrait.top, bottom: A4.h - BOX.portrait.bottom, left: BOX.portrait.left, right: A4.w - BOX.portrait.right },
    bufferPages: true,
    autoFirstPage: false,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: m.title, Author: m.department.name, Subject: titles.subtitle, Keywords: `${titles.name},信息公开`, Creator: '预算公开', Producer: '预算公开 (pdfkit)' },
  })
  registerFonts(doc)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve())
    doc.on('error', reject)
  })
  const r = new Renderer(doc)
  r.cover(m)
  const tocPages = r.reserveToc(m)
  r.tables(m)
  r.notes(m)
  r.fillToc(m, tocPages)
  r.pageNumbers()
  doc.end()
  await done
  return Buffer.concat(chunks)
}

class Renderer {
  private orientation: Orientation = 'portrait'
  private y = 0
  /** Page index (0-based) where each anchor starts. */
  readonly pages = new Map<string, number>()
  constructor(private readonly doc: Doc) {}

  private get box() {
    return BOX[this.orientation]
  }
  private get width() {
    return this.box.right - this.box.left
  }
  private pageIndex(): number {
    const r = this.doc.bufferedPageRange()
    return r.start + r.count - 1
  }
  private addPage(o: Orientation = 'portrait'): void {
    this.orientation = o
    const b = BOX[o]
    const [w, h] = o === 'portrait' ? [A4.w, A4.h] : [A4.h, A4.w]
    this.doc.addPage({ size: 'A4', layout: o, margins: { top: b.top, bottom: h - b.bottom, left: b.left, right: w - b.right } })
    this.y = b.top
  }
  private anchor(id: string, title?: string, parent?: PDFKit.PDFOutline): PDFKit.PDFOutline | undefined {
    this.pages.set(id, this.pageIndex())
    this.doc.addNamedDestination(id)
    return title ? (parent ?? this.doc.outline).addItem(title) : undefined
  }
  /** Room for `h` more points on this page, else a new page of the same orientation. */
  private need(h: number): void {
    if (this.y + h > this.box.bottom) this.addPage(this.orientation)
  }
  private text(s: string, o: { size?: number; bold?: boolean; align?: 'left' | 'center' | 'right' | 'justify'; indent?: number; gap?: number; lead?: string } = {}): void {
    const d = this.doc
    const size = o.size ?? BODY_SIZE
    d.fillColor('#000000')
    if (o.lead) {
      d.font(FONT_BOLD).fontSize(size).text(o.lead, this.box.left, this.y, { width: this.width, indent: o.indent ?? 0, lineGap: 4, continued: true })
      d.font(FONT_REGULAR).text(s, { lineGap: 4, align: o.align ?? 'justify' })
    } else {
      d.font(o.bold ? FONT_BOLD : FONT_REGULAR)
        .fontSize(size)
        .text(s, this.box.left, this.y, { width: this.width, align: o.align ?? 'justify', indent: o.indent ?? 0, lineGap: 4 })
    }
    // pdfkit may have continued the text on a new page (same orientation as the document default)
    if (d.page.layout !== this.orientation) this.orientation = d.page.layout as Orientation
    this.y = d.y + (o.gap ?? 4)
  }

  cover(m: DocumentModel): void {
    this.addPage()
    const d = this.doc
    const mid = A4.h * 0.36
    d.lineWidth(2).strokeColor('#a4161a').moveTo(this.box.left, mid - 60).lineTo(this.box.right, mid - 60).stroke()
    this.y = mid - 30
    const titles = levelTitles(m.level, m.year)
    this.text(m.department.name, { size: 26, bold: true, align: 'center', gap: 18 })
    this.text(titles.subtitle, { size: 28, bold: true, align: 'center', gap: 28 })
    d.lineWidth(0.8).strokeColor('#a4161a').moveTo(this.box.left + 80, this.y).lineTo(this.box.right - 80, this.y).stroke()
    this.y += 24
    this.text(`${titles.codeLabel}：${m.department.code}`, { size: 12, align: 'center', gap: 6 })
    if (m.region) this.text(`${m.region.province}${m.region.name}`, { size: 12, align: 'center', gap: 6 })
    this.text(m.dateLine, { size: 12, align: 'center' })
  }

  private tocLines(m: DocumentModel): number {
    return m.toc.length
  }
  reserveToc(m: DocumentModel): number[] {
    const perPage = Math.floor((BOX.portrait.bottom - BOX.portrait.top - 60) / 24)
    const count = Math.max(1, Math.ceil(this.tocLines(m) / perPage))
    const pages: number[] = []
    for (let i = 0; i < count; i++) {
      this.addPage()
      pages.push(this.pageIndex())
    }
    return pages
  }
  fillToc(m: DocumentModel, pages: number[]): void {
    const d = this.doc
    const perPage = Math.floor((BOX.portrait.bottom - BOX.portrait.top - 60) / 24)
    const b = BOX.portrait
    m.toc.forEach((e, i) => {
      const p = Math.floor(i / perPage)
      d.switchToPage(pages[p]!)
      if (i % perPage === 0) {
        d.fillColor('#000000').font(FONT_BOLD).fontSize(18).text(p === 0 ? '目  录' : '目录（续）', b.left, b.top, { width: b.right - b.left, align: 'center' })
        if (p === 0) {
          d.font(FONT_BOLD).fontSize(12).text(m.title, b.left, b.top + 30, { width: b.right - b.left, align: 'center' })
        }
      }
      const y = b.top + 64 + (i % perPage) * 24
      const page = this.pages.get(e.id)
      const num = page === undefined ? '' : String(page + 1)
      const x = b.left + (e.level === 2 ? 24 : 0)
      d.font(e.level === 1 ? FONT_BOLD : FONT_REGULAR).fontSize(e.level === 1 ? 12 : 11)
      const tw = d.widthOfString(e.title)
      const nw = d.widthOfString(num)
      d.text(e.title, x, y, { lineBreak: false, goTo: e.id })
      if (e.level === 2) {
        const dots = '.'.repeat(Math.max(3, Math.floor((b.right - x - tw - nw - 16) / d.widthOfString('.'))))
        d.fillColor('#666666').text(dots, x + tw + 6, y, { lineBreak: false })
        d.fillColor('#000000').text(num, b.right - nw, y, { lineBreak: false, goTo: e.id })
      }
    })
  }

  pageNumbers(): void {
    const d = this.doc
    const range = d.bufferedPageRange()
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      d.switchToPage(i)
      const w = d.page.width
      const h = d.page.height
      const saved = d.page.margins.bottom
      d.page.margins.bottom = 0
      d.font(FONT_REGULAR).fontSize(9).fillColor('#333333').text(`— ${i + 1} —`, 0, h - 30, { width: w, align: 'center', lineBreak: false })
      d.page.margins.bottom = saved
    }
  }

  // ── 部门预算公开表 (单位预算公开表) ──
  tables(m: DocumentModel): void {
    let part: PDFKit.PDFOutline | undefined
    m.tables.forEach((t, i) => {
      const { spec, layout, orientation } = this.fitTable(t, 'auto')
      this.addPage(orientation)
      if (i === 0) part = this.anchor(TABLES_PART_ID, m.tablesTitle)
      this.anchor(t.id, t.table.title, part)
      this.drawTitledTable(t.table.title, t.caption, spec, layout, t.table.note)
    })
    if (m.overall) this.overallTable(m.overall, part ?? this.anchor(TABLES_PART_ID, m.tablesTitle))
  }

  /** The 部门（单位）整体绩效目标表 on its own upright page(s): labels shaded, rows breaking across pages. */
  private overallTable(o: DocumentOverallTable, part: PDFKit.PDFOutline | undefined): void {
    this.addPage('portrait')
    this.anchor(o.id, o.target.title, part)
    const body = overallGrid(o.target, { breakLabels: true }).map((row) => row.map((c) => (c.bold ? { ...c, fill: '#eef0f2' } : c)))
    const columns: GridColumn[] = OVERALL_FRACTIONS.map((_, i) => ({ wrap: true, align: i === 0 ? 'center' : 'left' }))
    const spec: GridSpec = { columns, header: [], body, fractions: OVERALL_FRACTIONS }
    const layout = layoutGrid(this.doc, spec, fitWidths(this.doc, spec, this.width, 9, true)!, 9)
    this.drawTitledTable(o.target.title, o.caption, spec, layout)
  }

  private gridSpec(cells: { header: PlacedCell[][]; body: PlacedCell[][]; intro?: PlacedCell[][] }, columns: GridColumn[], fractions?: number[]): GridSpec {
    const spec: GridSpec = { columns, header: cells.header, body: cells.body }
    if (cells.intro) spec.intro = cells.intro
    if (fractions) spec.fractions = fractions
    return spec
  }

  /** Portrait when the table fits upright without wrapping a cell; else landscape, smaller type, then wrapping names. */
  private fitTable(t: DocumentTable | NoteBudgetTable, want: 'auto' | Orientation): { spec: GridSpec; layout: GridLayout; orientation: Orientation } {
    const grid = budgetTableGrid(t.table)
    const columns: GridColumn[] = [{ wrap: false, align: 'center' }, ...grid.kinds.map((k) => ({ wrap: k === 'text', align: k === 'amount' || k === 'quantity' ? ('right' as const) : ('left' as const) }))]
    const spec = this.gridSpec(grid, columns)
    const tries: [Orientation, number, boolean][] = []
    const orients: Orientation[] = want === 'auto' ? ['portrait', 'landscape'] : [want]
    for (const o of orients) for (const s of TABLE_SIZES.slice(0, 2)) tries.push([o, s, false])
    for (const o of orients) for (const s of TABLE_SIZES) tries.push([o, s, false])
    tries.push([orients[orients.length - 1]!, TABLE_SIZES[TABLE_SIZES.length - 1]!, true])
    for (const [o, size, wrap] of tries) {
      const widths = fitWidths(this.doc, spec, BOX[o].right - BOX[o].left, size, wrap)
      if (widths) return { spec, layout: layoutGrid(this.doc, spec, widths, size), orientation: o }
    }
    // nothing fits: equal widths at the smallest size, wrapping everything
    const o = orients[orients.length - 1]!
    const n = columns.length
    const widths = new Array<number>(n).fill((BOX[o].right - BOX[o].left) / n)
    return { spec, layout: layoutGrid(this.doc, spec, widths, TABLE_SIZES[TABLE_SIZES.length - 1]!), orientation: o }
  }

  private caption(c: DocumentTable['caption']): void {
    const d = this.doc
    const b = this.box
    d.font(FONT_REGULAR).fontSize(9).fillColor('#000000')
    d.text(c.left, b.left, this.y, { width: this.width, align: 'left', lineBreak: false })
    if (c.middle) d.text(c.middle, b.left, this.y, { width: this.width, align: 'center', lineBreak: false })
    d.text(c.right, b.left, this.y, { width: this.width, align: 'right', lineBreak: false })
    this.y += 16
  }

  private drawTitledTable(title: string, caption: DocumentTable['caption'], spec: GridSpec, layout: GridLayout, note?: string): void {
    this.text(title, { size: 15, bold: true, align: 'center', gap: 8 })
    this.caption(caption)
    this.y = drawGrid(this.doc, layout, this.box.left, this.y, this.box.bottom, () => {
      this.addPage(this.orientation)
      this.caption(caption)
      return this.y
    })
    this.y += 6
    if (note) this.text(note, { size: 9, align: 'left' })
    void spec
  }

  // ── 部门预算信息公开情况说明 (单位预算信息公开情况说明) ──
  notes(m: DocumentModel): void {
    this.addPage('portrait')
    const part = this.anchor(NOTES_PART_ID, levelTitles(m.level, m.year).notesPart)
    this.text(m.notes.title, { size: 16, bold: true, align: 'center', gap: 14 })
    this.text(m.notes.preamble, { indent: 21, gap: 8 })
    for (const s of m.notes.sections) {
      if (this.orientation !== 'portrait') this.addPage('portrait')
      this.need(70)
      this.anchor(sectionAnchor(s.id), s.title, part)
      this.text(s.title, { size: 13, bold: true, align: 'left', gap: 8 })
      for (const b of s.blocks) this.block(b)
      this.y += 6
    }
  }

  private block(b: NotesBlock): void {
    if (this.orientation !== 'portrait') this.addPage('portrait')
    switch (b.kind) {
      case 'heading':
        this.need(50)
        this.text(b.text, { bold: true, align: 'left', gap: 4 })
        return
      case 'paragraph':
        this.need(20)
        this.text(b.text, { indent: 21, ...(b.lead ? { lead: b.lead } : {}) })
        return
      case 'textTable':
        this.textTable(b.table)
        return
      case 'budgetTable':
        this.noteTable(b.table)
        return
      case 'performanceTable':
        this.targetTable(b.target)
        return
    }
  }

  private textTable(t: TextTable): void {
    const columns: GridColumn[] = t.columns.map(() => ({ wrap: true, align: 'left' }))
    const spec: GridSpec = {
      columns,
      header: [t.columns.map((text, col) => ({ col, text }))],
      body: t.rows.map((row) => row.map((text, col) => ({ col, text }))),
    }
    const widths = fitWidths(this.doc, spec, this.width, 9.5, true) ?? columns.map(() => this.width / columns.length)
    const layout = layoutGrid(this.doc, spec, widths, 9.5)
    this.need(60)
    this.text(t.title, { bold: true, align: 'center', gap: 6 })
    this.y = drawGrid(this.doc, layout, this.box.left, this.y, this.box.bottom, () => {
      this.addPage('portrait')
      return this.y
    })
    this.y += 10
  }

  private noteTable(t: NoteBudgetTable): void {
    const { spec, layout, orientation } = this.fitTable(t, 'auto')
    if (orientation !== this.orientation) this.addPage(orientation)
    else this.need(90)
    this.drawTitledTable(t.table.title, t.caption, spec, layout, t.table.note)
    this.y += 6
  }

  private targetTable(t: RenderedTarget): void {
    const g = targetGrid(t)
    const columns: GridColumn[] = [
      { wrap: true, align: 'center' },
      { wrap: true, align: 'center' },
      { wrap: true, align: 'left' },
      { wrap: true, align: 'left' },
      { wrap: true, align: 'center' },
      { wrap: true, align: 'left' },
    ]
    const spec = this.gridSpec(g, columns, [0.13, 0.14, 0.19, 0.23, 0.13, 0.18])
    const layout = layoutGrid(this.doc, spec, fitWidths(this.doc, spec, this.width, 9, true)!, 9)
    this.y = drawGrid(this.doc, layout, this.box.left, this.y, this.box.bottom, () => {
      this.addPage('portrait')
      return this.y
    })
    this.y += 12
  }
}
