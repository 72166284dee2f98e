'use client'

import { memo } from 'react'
import { ChoiceEditor } from './choice-editor'
import type { GridRow } from './grid-model'
import type { GridColumnDef } from './grid-types'
import { focusAtEnd, isAmountColumn, showCell } from './grid-types'

export type Editing = { row: number; col: number; value: string; mode: 'enter' | 'edit' }
export type CellHandlers = {
  down: (row: number, col: number, e: React.MouseEvent) => void
  enter: (row: number, col: number) => void
  dbl: (row: number, col: number) => void
  change: (v: string) => void
  editorKey: (e: React.KeyboardEvent<HTMLInputElement>) => void
  accept: (v: string, key: 'Enter' | 'Tab' | 'ShiftTab' | 'click') => void
  blur: () => void
}

type Props = {
  gridId: string
  row: GridRow | null
  index: number
  columns: GridColumnDef[]
  labels: Map<string, string>[]
  offsets: (number | undefined)[]
  /** the selected columns of this row, or null */
  selL: number
  selR: number
  cursorCol: number
  editing: Editing | null
  className: string
  errors: Record<string, string> | undefined
  h: CellHandlers
  newRowLabel?: string
  /** the blank row's defaults, shown faintly: what a new row starts from */
  placeholder?: Record<string, string> | null
}

/** One row of the grid. Memoised: a keystroke re-renders only the rows it changes. */
export const GridRowView = memo(function GridRowView(p: Props) {
  const isNew = p.row === null
  return (
    <tr role="row" aria-rowindex={p.index + 2} className={`${p.className}${isNew ? ' new-row' : ''}`} data-row-id={p.row?.id}>
      <th scope="row" role="rowheader" className="seq sticky-l" style={{ left: 0 }} title={isNew ? p.newRowLabel : undefined}>
        {isNew ? '＋' : p.index + 1}
      </th>
      {p.columns.map((col, j) => {
        const v = p.row?.values[col.key] ?? ''
        const hint = isNew ? (p.placeholder?.[col.key] ?? '') : ''
        const selected = j >= p.selL && j <= p.selR
        const cursor = j === p.cursorCol
        const err = p.errors?.[col.key]
        const edit = p.editing && p.editing.col === j ? p.editing : null
        const cls = [isAmountColumn(col) ? 'num' : '', col.kind === 'readonly' ? 'ro' : '', col.sticky === 'left' ? 'sticky-l' : col.sticky === 'right' ? 'sticky-r' : '', cursor ? 'cursor' : '', err ? 'cell-error' : ''].filter(Boolean).join(' ')
        return (
          <td
            key={col.key}
            id={`${p.gridId}-r${p.index}-c${j}`}
            role="gridcell"
            aria-colindex={j + 2}
            aria-selected={selected}
            aria-readonly={col.kind === 'readonly' || undefined}
            aria-invalid={err ? true : undefined}
            className={cls}
            style={col.sticky === 'left' ? { left: p.offsets[j] } : col.sticky === 'right' ? { right: 0 } : undefined}
            title={err}
            onMouseDown={(e) => p.h.down(p.index, j, e)}
            onMouseEnter={() => p.h.enter(p.index, j)}
            onDoubleClick={() => p.h.dbl(p.index, j)}
          >
            {edit ? (
              col.kind === 'choice' ? (
                <ChoiceEditor id={`${p.gridId}-ed`} label={`第 ${p.index + 1} 行 ${col.label}`} options={(p.row && col.optionsFor?.(p.row.values)) || col.options || []} showCode={!!col.showCode} value={edit.value} onChange={p.h.change} onAccept={p.h.accept} onKeyDown={p.h.editorKey} onBlur={p.h.blur} invalid={!!err} />
              ) : (
                <input ref={focusAtEnd} className="grid-editor" aria-label={`第 ${p.index + 1} 行 ${col.label}`} inputMode={col.kind === 'amount' ? 'decimal' : undefined} value={edit.value} onChange={(e) => p.h.change(e.target.value)} onKeyDown={p.h.editorKey} onBlur={p.h.blur} aria-invalid={!!err || undefined} />
              )
            ) : (
              <div className={hint ? 'cell cell-hint' : 'cell'}>{showCell(col, v || hint, p.labels[j])}</div>
            )}
          </td>
        )
      })}
    </tr>
  )
})

/** The body's rows: all of them, or (virtualised) those in view between two spacer rows that keep the scroll height. */
export function renderBody(a: { total: number; virtual: boolean; items: { index: number; start: number; end: number }[]; totalSize: number; colSpan: number; row: (i: number) => React.ReactNode }): React.ReactNode {
  if (!a.virtual) return Array.from({ length: a.total }, (_, i) => a.row(i))
  const top = a.items[0]?.start ?? 0
  const bottom = a.totalSize - (a.items.at(-1)?.end ?? 0)
  return [
    top > 0 && (
      <tr key="__top" aria-hidden="true" style={{ height: top }}>
        <td colSpan={a.colSpan} />
      </tr>
    ),
    ...a.items.map((vi) => a.row(vi.index)),
    bottom > 0 && (
      <tr key="__bottom" aria-hidden="true" style={{ height: bottom }}>
        <td colSpan={a.colSpan} />
      </tr>
    ),
  ]
}
