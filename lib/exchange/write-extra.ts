import type ExcelJS from 'exceljs'
import type { ExtraTable } from '../budget/extra-table'
import { headerCells } from './columns'
import { writeHeaderCells } from './write-header'
import { neutralise } from './text'

const FONT = '宋体'
const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } }
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }
const HEAD: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: BORDER, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } }
const CELL: Partial<ExcelJS.Style> = { font: { name: FONT, size: 10 }, alignment: { vertical: 'middle', wrapText: true }, border: BORDER }
const AMOUNT = new Set(['total', 'general_budget', 'gov_fund', 'state_capital', 'special_account', 'business', 'business_operating', 'other', 'unit_funds', 'carryover', 'unit_price'])

/**
 * A table beyond the template (lib/budget/extra-table.ts) on its own sheet, as it was printed: the
 * title, the department / year / 单位 line (单位 only when the table stated one), its header rows from
 * the "/" in its column labels, its rows cell by cell and its note. Read back by extra-tables.ts.
 */
export function addExtraSheet(wb: ExcelJS.Workbook, t: ExtraTable, who: { department: { code: string; name: string }; year: number }, name: string): void {
  const n = Math.max(1, t.columns.length, ...t.rows.map((r) => r.length))
  const ws = wb.addWorksheet(name, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
  ws.columns = Array.from({ length: n }, (_, c) => ({ width: t.concepts[c] === 'seq' ? 6 : AMOUNT.has(t.concepts[c] ?? '') ? 15 : 24 }))
  if (n > 1) ws.mergeCells(1, 1, 1, n)
  const title = ws.getCell(1, 1)
  title.value = neutralise(t.title)
  title.style = { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } }
  const meta = { font: { name: FONT, size: 10 } }
  ws.getCell(2, 1).value = neutralise(`${who.department.code} ${who.department.name}`)
  ws.getCell(2, 1).style = meta
  if (n > 2) {
    ws.getCell(2, Math.max(2, Math.ceil(n / 2))).value = `预算年度：${who.year}`
  }
  if (t.amountUnit) ws.getCell(2, Math.max(n, 3)).value = `单位：${t.amountUnit}`
  let r = 3
  if (t.columns.length) {
    const { depth, cells } = headerCells(t.columns)
    writeHeaderCells(ws, cells, r, 1, HEAD)
    r += depth
  }
  for (const values of t.rows) {
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1)
      if (v !== null) cell.value = typeof v === 'string' ? neutralise(v) : v
      cell.style = typeof v === 'number' && AMOUNT.has(t.concepts[c] ?? '') ? { ...CELL, numFmt: '#,##0.00', alignment: { horizontal: 'right', vertical: 'middle' } } : CELL
    })
    r++
  }
  for (const line of t.note ? t.note.split('\n') : []) {
    if (n > 1) ws.mergeCells(r, 1, r, n)
    ws.getCell(r, 1).value = neutralise(line)
    ws.getCell(r, 1).style = { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } }
    r++
  }
}
