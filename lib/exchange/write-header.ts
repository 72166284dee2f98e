import type ExcelJS from 'exceljs'
import type { HeaderCell } from './columns'
import { neutralise } from './text'

/**
 * Writes a table's header cells (from `headerCells`) with their merges, the top row at `top` and the first
 * column at `left` (1-based), every covered cell styled: the one header writer of the nine tables' sheets and
 * of the tables beyond the template.
 */
export function writeHeaderCells(ws: ExcelJS.Worksheet, cells: HeaderCell[], top: number, left: number, style: Partial<ExcelJS.Style>): void {
  for (const h of cells) {
    const r = top + h.row
    const c = left + h.col
    if (h.colSpan > 1 || h.rowSpan > 1) ws.mergeCells(r, c, r + h.rowSpan - 1, c + h.colSpan - 1)
    ws.getCell(r, c).value = neutralise(h.label)
    for (let rr = r; rr < r + h.rowSpan; rr++) for (let cc = c; cc < c + h.colSpan; cc++) ws.getCell(rr, cc).style = style
  }
}
