import type { GridRow, Patch, Pos, Rect } from './grid-model'
import { writeBlock } from './grid-model'
import type { GridColumnDef } from './grid-types'
import { parseCell } from './grid-types'

/**
 * What Ctrl+V does with the clipboard's cells at the selection: a block written from the range's top
 * left (growing rows when the grid may), one value over a range fills the range, as in Excel; labels
 * and "code name" cells become values. Refused whole, in Chinese, when it would overflow a fixed grid
 * or write into a column the system computes.
 */
export function planPaste(a: { rows: GridRow[]; columns: GridColumnDef[]; rect: Rect; cells: string[][]; canGrow: boolean; blank: () => Record<string, string> }): { patch: Patch; at: Pos; height: number; width: number } | { error: string } {
  const { rows, columns: cols, rect: r, cells } = a
  const block = cells.length === 1 && cells[0]!.length === 1 && (r.bottom > r.top || r.right > r.left) ? Array.from({ length: Math.min(r.bottom, rows.length - 1) - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => cells[0]![0]!)) : cells
  const at = { row: r.top, col: r.left }
  const parsed = block.map((row) => row.map((v, j) => (cols[at.col + j] ? parseCell(cols[at.col + j]!, v) : v)))
  if (!a.canGrow && at.row + parsed.length > rows.length) return { error: `粘贴的 ${parsed.length} 行超出表格（本表不能增加行），未粘贴` }
  if (cols.slice(at.col, at.col + (parsed[0]?.length ?? 0)).some((c) => c.kind === 'readonly')) return { error: '粘贴区域包含由系统计算的列，未粘贴' }
  const patch = writeBlock(rows, cols.map((c) => c.key), at, parsed, a.blank, `粘贴 ${parsed.length} 行`)
  return { patch, at, height: parsed.length, width: parsed[0]?.length ?? 1 }
}
