'use client'

import { useMemo } from 'react'
import type { GridRow, Rect } from './grid-model'
import { sumColumn } from './grid-sum'
import type { GridColumnDef } from './grid-types'
import { isAmountColumn } from './grid-types'

/** The grid's toolbar: undo and redo (naming the change), deleting the selected rows as one step, the selection's size. */
export function GridToolbar(p: { label: string; canEdit: boolean; canDeleteRows: boolean; undoLabel: string | null; canRedo: boolean; selectedRows: number; rect: Rect; onUndo: () => void; onRedo: () => void; onDeleteRows: () => void; children?: React.ReactNode }) {
  const { rect } = p
  return (
    <div className="sheet-bar no-print" role="toolbar" aria-label={`${p.label} 工具栏`}>
      {p.canEdit && (
        <>
          <button type="button" className="btn btn-sm" onClick={p.onUndo} disabled={!p.undoLabel} title="Ctrl+Z">
            撤销{p.undoLabel ? `（${p.undoLabel}）` : ''}
          </button>
          <button type="button" className="btn btn-sm" onClick={p.onRedo} disabled={!p.canRedo} title="Ctrl+Y">
            重做
          </button>
          {p.canDeleteRows && (
            <button type="button" className="btn btn-sm" onClick={p.onDeleteRows} disabled={p.selectedRows < 1} title="Ctrl+-">
              删除所选行（{p.selectedRows} 行）
            </button>
          )}
        </>
      )}
      {p.children}
      <span className="muted sheet-sel" aria-live="polite">
        {rect.bottom > rect.top || rect.right > rect.left ? `已选 ${rect.bottom - rect.top + 1} 行 × ${rect.right - rect.left + 1} 列` : ''}
      </span>
    </div>
  )
}

/** The totals row, kept in view at the bottom: every amount column summed in exact 分. */
export function GridTotals({ columns, rows, offsets, rowIndex, totalLabel }: { columns: GridColumnDef[]; rows: GridRow[]; offsets: (number | undefined)[]; rowIndex: number; totalLabel?: string | undefined }) {
  const sums = useMemo(() => columns.map((c) => (isAmountColumn(c) && !c.noTotal ? sumColumn(rows, c.key) : null)), [columns, rows])
  return (
    <tfoot>
      <tr role="row" aria-rowindex={rowIndex} className="sheet-total">
        <th scope="row" className="seq sticky-l" style={{ left: 0 }} />
        {columns.map((c, j) => (
          <td key={c.key} role="gridcell" aria-colindex={j + 2} className={[sums[j] !== null ? 'num' : '', c.sticky === 'left' ? 'sticky-l' : c.sticky === 'right' ? 'sticky-r' : ''].join(' ')} style={c.sticky === 'left' ? { left: offsets[j] } : c.sticky === 'right' ? { right: 0 } : undefined} data-testid={sums[j] !== null ? `grid-total-${c.key}` : undefined}>
            <div className="cell">{sums[j] !== null ? sums[j] : j === 0 ? (totalLabel ?? `合计（${rows.length} 行）`) : ''}</div>
          </td>
        ))}
      </tr>
    </tfoot>
  )
}
