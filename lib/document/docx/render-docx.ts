import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  InternalHyperlink,
  LeaderType,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { ISectionOptions } from 'docx'
import type { NotesBlock, TextTable } from '@/lib/notes/types'
import type { RenderedOverall, RenderedTarget } from '@/lib/performance/render'
import type { DocumentModel, DocumentTable } from '../model'
import { levelTitles, NOTES_PART_ID, sectionAnchor, TABLES_PART_ID } from '../model'
import type { PlacedCell } from '../table-cells'
import { budgetTableGrid, OVERALL_FRACTIONS, overallGrid, targetGrid } from '../table-cells'

const BODY_FONT = '宋体'
const HEAD_FONT = '黑体'
/** A4 in twips, and the writing width upright and across. */
const PAGE = { w: 11906, h: 16838 }
const MARGIN = { portrait: 1134, landscape: 850 }
const WIDTH = { portrait: PAGE.w - 2 * MARGIN.portrait, landscape: PAGE.h - 2 * MARGIN.landscape }
type Orientation = 'portrait' | 'landscape'

/** Word bookmark names: letters, digits and underscores, starting with a letter. */
const bm = (id: string) => `_${id}`.replace(/[^A-Za-z0-9_]/g, '_').replace(/^_/, 'b_').slice(0, 40)

const run = (text: string, o: { bold?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text, bold: !!o.bold, size: o.size ?? 21, font: { eastAsia: o.bold ? HEAD_FONT : BODY_FONT, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, ...(o.color ? { color: o.color } : {}) })

/** Text width in “character units” (a CJK character is 1, ASCII about half) for sizing table columns. */
function units(s: string): number {
  let n = 0
  for (const ch of s) n += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1
  return n
}

/**
 * The complete disclosure as an editable Word document (docx): real tables with merged header cells
 * and header rows that repeat on every page, landscape sections for wide tables, a 目录 of page
 * references to bookmarks (fields: LibreOffice fills them in on opening, Word on updating), page numbers in the footer.
 */
export async function renderDocx(m: DocumentModel): Promise<Buffer> {
  // 部门预算 or a unit's 单位预算 (docs/decisions/009)
  const titles = levelTitles(m.level, m.year)
  const sections: ISectionOptions[] = []
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 18 })] })] })
  const section = (orientation: Orientation, children: (Paragraph | Table)[]): ISectionOptions => ({
    properties: {
      page: {
        size: { width: PAGE.w, height: PAGE.h, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN[orientation], bottom: MARGIN[orientation], left: MARGIN[orientation], right: MARGIN[orientation] },
      },
    },
    footers: { default: footer },
    children,
  })

  // cover and 目录
  sections.push(
    section('portrait', [
      ...Array.from({ length: 8 }, () => new Paragraph({ children: [] })),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(m.department.name, { bold: true, size: 52 })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [run(titles.subtitle, { bold: true, size: 56 })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${titles.codeLabel}：${m.department.code}`, { size: 24 })] }),
      ...(m.region ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(`${m.region.province}${m.region.name}`, { size: 24 })] })] : []),
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(m.dateLine, { size: 24 })] }),
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run('目  录', { bold: true, size: 36 })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [run(m.title, { bold: true, size: 24 })] }),
      ...m.toc.map(
        (e) =>
          new Paragraph({
            indent: { left: e.level === 2 ? 480 : 0 },
            spacing: { before: 60, after: 60 },
            tabStops: [{ type: TabStopType.RIGHT, position: WIDTH.portrait, leader: LeaderType.DOT }],
            children: [
              new InternalHyperlink({ anchor: bm(e.id), children: [run(e.title, { bold: e.level === 1, size: e.level === 1 ? 24 : 22 })] }),
              ...(e.level === 2 ? [new TextRun({ text: '\t', size: 22 }), new PageReference(bm(e.id))] : []),
            ],
          }),
      ),
    ]),
  )

  // 部门预算公开表 (单位预算公开表): a section per table, upright or across as it needs
  m.tables.forEach((t, i) => {
    const { table, orientation } = budgetTable(t)
    const title = new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new Bookmark({ id: bm(t.id), children: [run(t.table.title, { bold: true, size: 32 })] }), ...(i === 0 ? [new Bookmark({ id: bm(TABLES_PART_ID), children: [] })] : [])],
    })
    sections.push(section(orientation, [title, captionLine(t.caption, orientation), table, ...(t.table.note ? [new Paragraph({ spacing: { before: 120 }, children: [run(t.table.note, { size: 18 })] })] : [])]))
  })

  // the template's 部门（单位）整体绩效目标表 (Henan 预算11表), upright after the nine tables
  if (m.overall) {
    const o = m.overall
    const title = new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      children: [new Bookmark({ id: bm(o.id), children: [run(o.target.title, { bold: true, size: 32 })] }), ...(m.tables.length === 0 ? [new Bookmark({ id: bm(TABLES_PART_ID), children: [] })] : [])],
    })
    sections.push(section('portrait', [title, captionLine(o.caption, 'portrait'), overallTable(o.target)]))
  }

  // 情况说明: upright, with a section across for a wide table inside it
  let current: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new Bookmark({ id: bm(NOTES_PART_ID), children: [run(m.notes.title, { bold: true, size: 32 })] })] }),
    para(m.notes.preamble),
  ]
  const flush = (o: Orientation) => {
    if (current.length) sections.push(section(o, current))
    current = []
  }
  for (const s of m.notes.sections) {
    current.push(new Paragraph({ spacing: { before: 240, after: 120 }, keepNext: true, children: [new Bookmark({ id: bm(sectionAnchor(s.id)), children: [run(s.title, { bold: true, size: 26 })] })] }))
    for (const b of s.blocks) {
      if (b.kind === 'budgetTable') {
        const { table, orientation } = budgetTable({ id: '', table: b.table.table, caption: b.table.caption })
        const parts = [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true, children: [run(b.table.table.title, { bold: true, size: 26 })] }),
          captionLine(b.table.caption, orientation),
          table,
          ...(b.table.table.note ? [new Paragraph({ spacing: { before: 120 }, children: [run(b.table.table.note, { size: 18 })] })] : []),
        ]
        if (orientation === 'landscape') {
          flush('portrait')
          sections.push(section('landscape', parts))
        } else current.push(...parts)
        continue
      }
      current.push(...blockParts(b))
    }
  }
  flush('portrait')

  const doc = new Document({
    title: m.title,
    subject: titles.subtitle,
    creator: '预算公开',
    description: `${m.department.code} ${m.department.name} ${titles.subtitle}（${titles.tablesPart}与情况说明）`,
    keywords: `${titles.name},信息公开`,
    styles: { default: { document: { run: { font: { eastAsia: BODY_FONT, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    // the 目录's page references are fields: LibreOffice lays them out on opening, Word updates them when asked
    features: { updateFields: true },
    sections,
  })
  return Packer.toBuffer(doc)
}

function para(text: string, o: { lead?: string; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: o.indent === false ? {} : { firstLine: 420 },
    spacing: { line: 360, after: 60 },
    children: [...(o.lead ? [run(o.lead, { bold: true })] : []), run(text)],
  })
}

function blockParts(b: NotesBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [run(b.text, { bold: true })] })]
    case 'paragraph':
      return [para(b.text, b.lead ? { lead: b.lead } : {})]
    case 'textTable':
      return [new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 }, children: [run(b.table.title, { bold: true })] }), textTable(b.table)]
    case 'performanceTable':
      return [targetTable(b.target), new Paragraph({ children: [] })]
    case 'budgetTable':
      return []
  }
}

function captionLine(c: DocumentTable['caption'], o: Orientation): Paragraph {
  const w = WIDTH[o]
  return new Paragraph({
    tabStops: [
      { type: TabStopType.CENTER, position: Math.round(w / 2) },
      { type: TabStopType.RIGHT, position: w },
    ],
    spacing: { after: 80 },
    children: [run(c.left, { size: 18 }), run(`\t${c.middle ?? ''}`, { size: 18 }), run(`\t${c.right}`, { size: 18 })],
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '333333' }
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER }

function cell(c: PlacedCell, width: number, o: { header?: boolean; size?: number } = {}): TableCell {
  const align = c.align === 'right' ? AlignmentType.RIGHT : c.align === 'center' || o.header ? AlignmentType.CENTER : AlignmentType.LEFT
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 50, right: 50, top: 20, bottom: 20 },
    ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    ...(o.header ? { shading: { type: ShadingType.CLEAR, fill: 'EEF0F2', color: 'auto' } } : {}),
    children: c.text.split('\n').map((line) => new Paragraph({ alignment: align, children: [run(line, { bold: !!c.bold || !!o.header, size: o.size ?? 18 })] })),
  })
}

function rowsOf(cells: PlacedCell[][], widths: number[], o: { header?: boolean; size?: number }): TableRow[] {
  return cells.map(
    (row) =>
      new TableRow({
        ...(o.header ? { tableHeader: true } : {}),
        cantSplit: true,
        children: row.map((c) => cell(c, widths.slice(c.col, c.col + (c.colSpan ?? 1)).reduce((s, v) => s + v, 0), o)),
      }),
  )
}

function fitted(natural: number[], min: number[], avail: number): number[] {
  const total = natural.reduce((s, v) => s + v, 0)
  if (total <= avail) return natural.map((v) => Math.round(v + ((avail - total) * v) / total))
  const give = natural.map((v, i) => v - min[i]!)
  const canGive = give.reduce((s, v) => s + v, 0)
  const need = total - avail
  if (canGive <= 0) return natural.map((v) => Math.round((v * avail) / total))
  const f = Math.min(1, need / canGive)
  const w = natural.map((v, i) => v - give[i]! * f)
  const t2 = w.reduce((s, v) => s + v, 0)
  return w.map((v) => Math.round((v * avail) / t2))
}

/** One of the nine tables (or a table of the notes) as a Word table, upright when it fits. */
function budgetTable(t: DocumentTable): { table: Table; orientation: Orientation } {
  const g = budgetTableGrid(t.table)
  const n = t.table.columns.length + 1
  const size = 18 // 9 pt
  const twipsPerUnit = (size / 2) * 20 + 6
  const natural = new Array<number>(n).fill(2.5)
  const min = new Array<number>(n).fill(2.5)
  for (const row of g.body) for (const c of row) if ((c.colSpan ?? 1) === 1) natural[c.col] = Math.max(natural[c.col]!, units(c.text) + 0.8)
  for (let i = 1; i < n; i++) min[i] = g.kinds[i - 1] === 'text' ? 4 : natural[i]!
  min[0] = natural[0]!
  const nat = natural.map((u) => u * twipsPerUnit)
  const mins = min.map((u) => u * twipsPerUnit)
  const orientation: Orientation = nat.reduce((s, v) => s + v, 0) <= WIDTH.portrait && n <= 9 ? 'portrait' : 'landscape'
  const widths = fitted(nat, mins, WIDTH[orientation])
  const table = new Table({
    width: { size: WIDTH[orientation], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [...rowsOf(g.header, widths, { header: true, size }), ...rowsOf(g.body, widths, { size })],
  })
  return { table, orientation }
}

function textTable(t: TextTable): Table {
  const n = t.columns.length
  const natural = t.columns.map((c, i) => Math.max(units(c), ...t.rows.map((r) => units(r[i] ?? ''))) + 1)
  const widths = fitted(
    natural.map((u) => u * 200),
    natural.map(() => 5 * 200),
    WIDTH.portrait,
  )
  return new Table({
    width: { size: WIDTH.portrait, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      ...rowsOf([t.columns.map((text, col) => ({ col, text }))], widths, { header: true, size: 19 }),
      ...rowsOf(
        t.rows.map((r) => r.slice(0, n).map((text, col) => ({ col, text }))),
        widths,
        { size: 19 },
      ),
    ],
  })
}

function targetTable(t: RenderedTarget): Table {
  const fractions = [0.13, 0.14, 0.19, 0.23, 0.13, 0.18]
  const widths = fractions.map((f) => Math.round(f * WIDTH.portrait))
  const g = targetGrid(t)
  return new Table({
    width: { size: WIDTH.portrait, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [
      ...rowsOf(g.intro, widths, { size: 18 }),
      ...rowsOf(g.header, widths, { header: true, size: 18 }),
      ...rowsOf(g.body, widths, { size: 18 }),
    ],
  })
}

/** The 部门（单位）整体绩效目标表 as one Word table: labels bold and shaded, merged cells as printed. */
function overallTable(t: RenderedOverall): Table {
  const widths = OVERALL_FRACTIONS.map((f) => Math.round(f * WIDTH.portrait))
  return new Table({
    width: { size: WIDTH.portrait, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: overallGrid(t, { breakLabels: true }).map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map((c) => cell(c, widths.slice(c.col, c.col + (c.colSpan ?? 1)).reduce((s, v) => s + v, 0), { header: !!c.bold, size: 18 })),
        }),
    ),
  })
}
