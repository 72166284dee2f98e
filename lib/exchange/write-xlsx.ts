import ExcelJS from 'exceljs'
import type { ColumnKind, FixtureTable } from '../budget/table'
import { applyCodeParts } from '../budget/table'
import type { Template } from '../budget/template'
import { columnKinds, headerCells } from './columns'
import { neutralise } from './text'
import type { ExtraTable } from '../budget/extra-table'
import { addExtraSheet } from './write-extra'
import { writeHeaderCells } from './write-header'

export type ExportInput = {
  department: { code: string; name: string }
  year: number
  tables: FixtureTable[]
  template?: Template
  /** Whose budget (docs/decisions/009): a department's 部门预算 (absent) or a unit's own 单位预算. */
  level?: 'department' | 'unit'
  /** Tables beyond the template an import kept as printed (项目支出表 …): exported after the template's. */
  extraTables?: ExtraTable[]
}

const FONT = '宋体'
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }
const HEAD_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: BORDER,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
}
const STYLE: Record<ColumnKind | 'seq', Partial<ExcelJS.Style>> = {
  seq: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER },
  code: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' }, border: BORDER, numFmt: '@' },
  name: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  label: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  text: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true }, border: BORDER },
  amount: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BORDER, numFmt: '0.00' },
  quantity: { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BORDER, numFmt: 'General' },
}
const BOLD = (s: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> => ({ ...s, font: { ...s.font, bold: true } })
const BOLD_STYLE = Object.fromEntries(Object.entries(STYLE).map(([k, s]) => [k, BOLD(s)])) as Record<ColumnKind | 'seq', Partial<ExcelJS.Style>>
const WIDTH: Record<ColumnKind, number> = { code: 13, name: 34, label: 30, text: 26, amount: 15, quantity: 10 }

const TOTAL_RE = /^(合计|总计|本年收入合计|本年支出合计|收入总计|支出总计|“?三公”?经费小计)$/

/** Excel forbids : \ / ? * [ ] in sheet names and allows 31 characters. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, '').slice(0, 31) || '表'
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)}(${i})`
  used.add(name)
  return name
}

/**
 * The official layout: title, "code name | 预算年度 | 单位：万元", merged multi-row headers from the
 * "/" in column labels, 栏次, 序号, amounts with two decimals, borders, A4 landscape fitted to the
 * page width with the header rows repeated on every page, the table's note under it. One sheet per table.
 */
export async function writeXlsx(input: ExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '预算公开'
  wb.title = `${input.department.code} ${input.department.name} ${input.year} 年${input.level === 'unit' ? '单位预算' : '部门预算'}`
  const used = new Set<string>()
  for (const t of input.tables) addSheet(wb, t, input, sheetName(t.title, used))
  for (const t of input.extraTables ?? []) addExtraSheet(wb, t, input, sheetName(t.title, used))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function addSheet(wb: ExcelJS.Workbook, held: FixtureTable, input: ExportInput, name: string): void {
  // as the source printed it: its unit, its code split over 类 / 款 / 项 columns (PrintedLayout)
  const t = applyCodeParts(held)
  const kinds = columnKinds(t, input.template, input.year)
  const n = t.columns.length + 1 // + 序号
  const { depth, cells } = headerCells(t.columns)
  const headTop = 3
  const lanci = headTop + depth
  const ws = wb.addWorksheet(name, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headTop}:${lanci}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
    views: [{ state: 'frozen', ySplit: lanci, xSplit: 0 }],
  })
  ws.columns = [{ width: 6 }, ...kinds.map((k) => ({ width: WIDTH[k] }))]

  ws.mergeCells(1, 1, 1, n)
  const title = ws.getCell(1, 1)
  title.value = t.title
  title.style = { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }
  ws.getRow(1).height = 32

  const meta = { font: { name: FONT, size: 10 }, alignment: { vertical: 'middle' as const } }
  const dept = ws.getCell(2, 1)
  dept.value = neutralise(`${input.department.code} ${input.department.name}`)
  dept.style = meta
  const yearCol = Math.max(2, Math.ceil(n / 2))
  if (yearCol < n) {
    const y = ws.getCell(2, yearCol)
    y.value = `预算年度：${input.year}`
    y.style = { ...meta, alignment: { horizontal: 'center', vertical: 'middle' } }
  }
  const unit = ws.getCell(2, n)
  unit.value = `单位：${t.amountUnit ?? '万元'}`
  unit.style = { ...meta, alignment: { horizontal: 'right', vertical: 'middle' } }

  ws.mergeCells(headTop, 1, headTop + depth - 1, 1)
  const seqHead = ws.getCell(headTop, 1)
  seqHead.value = '序号'
  for (let r = headTop; r < headTop + depth; r++) ws.getCell(r, 1).style = HEAD_STYLE
  writeHeaderCells(ws, cells, headTop, 2, HEAD_STYLE)
  const lanciRow = ws.getRow(lanci)
  lanciRow.values = ['栏次', ...t.columns.map((_, i) => i + 1)]
  for (let c = 1; c <= n; c++) lanciRow.getCell(c).style = HEAD_STYLE

  t.rows.forEach((row, i) => {
    const r = ws.getRow(lanci + 1 + i)
    const isTotal = row.some((v) => typeof v === 'string' && TOTAL_RE.test(v.replace(/\s/g, '')))
    const styles = isTotal ? BOLD_STYLE : STYLE
    r.values = [i + 1, ...row.map((v) => (typeof v === 'string' ? neutralise(v) : v))]
    r.getCell(1).style = styles.seq
    kinds.forEach((k, c) => {
      r.getCell(c + 2).style = styles[k]
    })
  })

  const notes = t.note ? t.note.split('\n') : []
  notes.forEach((line, i) => {
    const r = lanci + 1 + t.rows.length + i
    ws.mergeCells(r, 1, r, n)
    const cell = ws.getCell(r, 1)
    cell.value = neutralise(line)
    cell.style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }
  })
}
