'use client'

import type { ColumnDef } from '@tanstack/react-table'
import { getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import type { GridRow, History, Move, Patch, Pos, Selection } from './grid-model'
import { clampPos, clearRange, deleteRows, emptyHistory, fillDown, move, parseTsv, record, rectOf, redoStep, toTsv, undoStep, writeBlock } from './grid-model'
import type { CellHandlers, Editing } from './grid-row'
import { GridRowView, renderBody } from './grid-row'
import type { GridColumnDef } from './grid-types'
import { isAmountColumn, parseCell, showCell } from './grid-types'
import { GridToolbar, GridTotals } from './grid-chrome'
import { planPaste } from './grid-paste'

const VIRTUAL_FROM = 200
const ROW_HEIGHT = 35

export type SpreadsheetGridProps = {
  label: string
  testId?: string
  columns: GridColumnDef[]
  rows: GridRow[]
  canEdit: boolean
  /** a blank row at the bottom where typing adds a row */
  canAddRows: boolean
  blankRow?: () => Record<string, string>
  /** every change (typing, paste, fill, clear, delete, undo, redo) as one patch */
  onApply: (patch: Patch) => void
  /** a pasted block is refused whole when this names an error (Chinese, with row and column) */
  checkPaste?: (patch: Patch) => string | null
  rowClass?: (id: string) => string
  cellErrors?: (id: string) => Record<string, string> | undefined
  /** move the cursor to this row (a finding's line) */
  focusRowId?: string | null
  toolbar?: React.ReactNode
  /** label of the totals row; amount columns are summed */
  totalLabel?: string
  /** the row under the cursor (a detail panel beside the grid follows it) */
  onCursorRow?: (id: string | null) => void
}

/**
 * One spreadsheet grid for every list the accountant types (lines, projects, 三公, procurement,
 * indicators). TanStack Table is the table model; the interaction model (grid-model.ts) is Excel's:
 * Tab reaches the grid; arrows, Tab/Shift+Tab, Enter/Shift+Enter move; typing replaces a cell, F2 edits
 * it, Esc cancels; Shift+arrows or a mouse drag select a range; Ctrl+C/Ctrl+V copy and paste TSV;
 * Ctrl+D fills down; Delete clears; Ctrl+- deletes the selected rows; Ctrl+Z/Ctrl+Y undo and redo.
 */
export function SpreadsheetGrid(p: SpreadsheetGridProps) {
  const gridId = useId().replace(/:/g, '')
  const cols = p.columns
  const keys = useMemo(() => cols.map((c) => c.key), [cols])
  const addable = p.canEdit && p.canAddRows
  const total = p.rows.length + (addable ? 1 : 0)
  const [sel, setSel] = useState<Selection>({ anchor: { row: 0, col: 0 }, cursor: { row: 0, col: 0 } })
  const [editing, setEditing] = useState<Editing | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const history = useRef<History>(emptyHistory)
  const [, bump] = useState(0)
  const tableRef = useRef<HTMLTableElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  // long lists render only the rows in view (and a margin): a keystroke costs the same at 50 or 5,000 lines
  const virtual = total > VIRTUAL_FROM
  const rv = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12, enabled: virtual })
  const dragging = useRef(false)
  const mouseUp = useCallback(() => void (dragging.current = false), [])
  const live = useRef({ rows: p.rows, sel, editing, total })
  live.current = { rows: p.rows, sel, editing, total }

  const labels = useMemo(() => cols.map((c) => new Map(c.options ?? [])), [cols])
  const blankRow = p.blankRow
  const placeholder = useMemo(() => blankRow?.() ?? null, [blankRow])
  const offsets = useMemo(() => {
    let left = 44
    return cols.map((c) => {
      if (c.sticky !== 'left') return undefined
      const at = left
      left += c.width
      return at
    })
  }, [cols])
  const tanColumns = useMemo<ColumnDef<GridRow>[]>(() => cols.map((c) => ({ id: c.key, header: c.label, accessorFn: (r) => r.values[c.key] ?? '' })), [cols])
  const table = useReactTable({ data: p.rows, columns: tanColumns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id })
  const modelRows = table.getRowModel().rows

  const apply = useCallback(
    (patch: Patch, remember = true) => {
      if (!patch.changes.length) return
      if (remember) {
        history.current = record(history.current, patch)
        bump((n) => n + 1)
      }
      p.onApply(patch)
    },
    [p],
  )

  const focusGrid = () => tableRef.current?.focus({ preventScroll: true })
  const goTo = (pos: Pos, extend = false) => {
    const c = clampPos(pos, live.current.total, cols.length)
    setSel((s) => (extend ? { anchor: s.anchor, cursor: c } : { anchor: c, cursor: c }))
  }

  // keep the cursor's cell in view
  useEffect(() => {
    if (virtual) rv.scrollToIndex(sel.cursor.row, { align: 'auto' })
    document.getElementById(`${gridId}-r${sel.cursor.row}-c${sel.cursor.col}`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sel.cursor.row, sel.cursor.col, gridId, virtual])
  useEffect(() => {
    if (!p.focusRowId) return
    const i = p.rows.findIndex((r) => r.id === p.focusRowId)
    if (i >= 0) {
      setSel({ anchor: { row: i, col: 0 }, cursor: { row: i, col: cols.length - 1 } })
      focusGrid()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [p.focusRowId])
  const onCursorRow = p.onCursorRow
  useEffect(() => onCursorRow?.(p.rows[sel.cursor.row]?.id ?? null), [sel.cursor.row, p.rows, onCursorRow])
  // a shrinking list never leaves the cursor outside the grid
  useEffect(() => {
    if (total > 0 && (sel.cursor.row >= total || sel.anchor.row >= total)) setSel((s) => ({ anchor: clampPos(s.anchor, total, cols.length), cursor: clampPos(s.cursor, total, cols.length) }))
  }, [total, sel, cols.length])

  const startEdit = (pos: Pos, value: string | null, mode: Editing['mode']) => {
    const col = cols[pos.col]
    if (!p.canEdit || !col || col.kind === 'readonly') return false
    const stored = p.rows[pos.row]?.values[col.key] ?? ''
    // an enumeration is edited as its label (基本支出), a code as its code
    const current = col.kind === 'choice' && !col.showCode && stored ? (labels[pos.col]?.get(stored) ?? stored) : stored
    const next: Editing = { row: pos.row, col: pos.col, value: value ?? current, mode }
    live.current.editing = next
    flushSync(() => setEditing(next))
    return true
  }

  const commit = (value: string, then: Move | null) => {
    const ed = live.current.editing
    if (!ed) return
    live.current.editing = null
    const col = cols[ed.col]!
    const parsed = parseCell(col, value)
    apply(writeBlock(live.current.rows, keys, { row: ed.row, col: ed.col }, [[parsed]], p.blankRow ?? (() => ({})), '输入'))
    setEditing(null)
    const rowsAfter = ed.row >= live.current.rows.length ? live.current.rows.length + 1 : live.current.rows.length
    const totalAfter = rowsAfter + (addable ? 1 : 0)
    const at = { row: ed.row, col: ed.col }
    const c = then ? move(at, then, totalAfter, cols.length) : at
    setSel({ anchor: c, cursor: c })
    focusGrid()
  }
  const cancel = () => {
    live.current.editing = null
    setEditing(null)
    focusGrid()
  }

  const handlers = useRef<CellHandlers>(null as unknown as CellHandlers)
  handlers.current = {
    down: (row, col, e) => {
      if (live.current.editing && live.current.editing.row === row && live.current.editing.col === col) return
      if (live.current.editing) commit(live.current.editing.value, null)
      e.preventDefault()
      dragging.current = true
      goTo({ row, col }, e.shiftKey)
      focusGrid()
    },
    enter: (row, col) => {
      if (dragging.current) setSel((s) => ({ anchor: s.anchor, cursor: { row, col } }))
    },
    dbl: (row, col) => void startEdit({ row, col }, null, 'edit'),
    change: (v) => {
      const ed = live.current.editing
      if (!ed) return
      const next = { ...ed, value: v }
      live.current.editing = next
      setEditing(next)
    },
    accept: (v, key) => commit(v, key === 'Enter' ? 'down' : key === 'Tab' ? 'next' : key === 'ShiftTab' ? 'prev' : null),
    blur: () => {
      if (live.current.editing) commit(live.current.editing.value, null)
    },
    editorKey: (e) => {
      const ed = live.current.editing
      if (!ed || e.nativeEvent.isComposing) return
      const arrows: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
      if (e.key === 'Enter') {
        e.preventDefault()
        commit(ed.value, e.shiftKey ? 'up' : 'down')
      } else if (e.key === 'Tab') {
        e.preventDefault()
        commit(ed.value, e.shiftKey ? 'prev' : 'next')
      } else if (e.key === 'Escape') {
        e.preventDefault()
        cancel()
      } else if (ed.mode === 'enter' && arrows[e.key]) {
        e.preventDefault()
        commit(ed.value, arrows[e.key]!)
      }
      e.stopPropagation()
    },
  }
  const h = useMemo<CellHandlers>(
    () => ({
      down: (r, c, e) => handlers.current.down(r, c, e),
      enter: (r, c) => handlers.current.enter(r, c),
      dbl: (r, c) => handlers.current.dbl(r, c),
      change: (v) => handlers.current.change(v),
      editorKey: (e) => handlers.current.editorKey(e),
      accept: (v, k) => handlers.current.accept(v, k),
      blur: () => handlers.current.blur(),
    }),
    [],
  )
  useEffect(() => (window.addEventListener('mouseup', mouseUp), () => window.removeEventListener('mouseup', mouseUp)), [mouseUp])

  const undo = () => {
    const s = undoStep(history.current)
    if (!s) return
    history.current = s.history
    bump((n) => n + 1)
    apply(s.patch, false)
  }
  const redo = () => {
    const s = redoStep(history.current)
    if (!s) return
    history.current = s.history
    bump((n) => n + 1)
    apply(s.patch, false)
  }
  const deleteSelectedRows = () => {
    const r = rectOf(sel)
    // a grid of fixed rows (三公 items, asset categories) has no rows to delete
    if (!p.canEdit || !p.canAddRows || r.top >= p.rows.length) return
    const patch = deleteRows(p.rows, r.top, r.bottom)
    apply(patch)
    setMessage(`已删除 ${patch.changes.length} 行（Ctrl+Z 撤销）`)
    const c = clampPos({ row: r.top, col: sel.cursor.col }, p.rows.length - patch.changes.length + (addable ? 1 : 0), cols.length)
    setSel({ anchor: c, cursor: c })
  }

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    if (editing || e.target !== tableRef.current || e.nativeEvent.isComposing) return
    const ctrl = e.ctrlKey || e.metaKey
    const k = e.key
    const arrows: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
    const r = rectOf(sel)
    const handled = () => e.preventDefault()
    if (arrows[k]) {
      handled()
      let c = move(sel.cursor, arrows[k]!, total, cols.length)
      if (ctrl) c = k === 'ArrowUp' ? { row: 0, col: c.col } : k === 'ArrowDown' ? { row: total - 1, col: c.col } : k === 'ArrowLeft' ? { row: c.row, col: 0 } : { row: c.row, col: cols.length - 1 }
      goTo(c, e.shiftKey)
    } else if (k === 'Tab') {
      const c = move(sel.cursor, e.shiftKey ? 'prev' : 'next', total, cols.length)
      if (c.row === sel.cursor.row && c.col === sel.cursor.col) return // the first or last cell: Tab leaves the grid
      handled()
      goTo(c)
    } else if (k === 'Enter') {
      handled()
      goTo(move(sel.cursor, e.shiftKey ? 'up' : 'down', total, cols.length))
    } else if (k === 'Home' || k === 'End') {
      handled()
      goTo(move(sel.cursor, ctrl ? (k === 'Home' ? 'top' : 'bottom') : k === 'Home' ? 'home' : 'end', total, cols.length), e.shiftKey)
    } else if (k === 'F2') {
      handled()
      startEdit(sel.cursor, null, 'edit')
    } else if (k === 'Escape') {
      setMessage(null)
    } else if (ctrl && (k === 'z' || k === 'Z') && !e.shiftKey) {
      handled()
      undo()
    } else if (ctrl && (k === 'y' || k === 'Y' || ((k === 'z' || k === 'Z') && e.shiftKey))) {
      handled()
      redo()
    } else if (ctrl && (k === 'd' || k === 'D')) {
      handled()
      if (p.canEdit) apply(fillDown(p.rows, keys, r))
    } else if (ctrl && (k === 'a' || k === 'A')) {
      handled()
      setSel({ anchor: { row: 0, col: 0 }, cursor: { row: Math.max(0, p.rows.length - 1), col: cols.length - 1 } })
    } else if (ctrl && (k === '-' || k === 'Delete')) {
      handled()
      deleteSelectedRows()
    } else if (e.shiftKey && k === ' ') {
      handled()
      setSel({ anchor: { row: sel.anchor.row, col: 0 }, cursor: { row: sel.cursor.row, col: cols.length - 1 } })
    } else if (k === 'Delete') {
      handled()
      if (p.canEdit) apply(clearRange(p.rows, keys, r, (key) => cols.find((c) => c.key === key)?.empty ?? ''))
    } else if (k === 'Backspace') {
      // as in Excel: the cell emptied and open for typing (also how to type Chinese into it)
      handled()
      startEdit(sel.cursor, '', 'enter')
    } else if (!ctrl && !e.altKey && (k.length === 1 || k === 'Process')) {
      const started = startEdit(sel.cursor, k === 'Process' ? '' : k, 'enter')
      if (started && k !== 'Process') handled()
    }
  }

  const onCopy = (e: React.ClipboardEvent) => {
    if (editing) return
    e.preventDefault()
    e.clipboardData.setData('text/plain', toTsv(p.rows, keys, rectOf(sel), (key, v) => {
      const c = cols.find((x) => x.key === key)!
      return c.kind === 'choice' && !c.showCode ? showCell(c, v, labels[cols.indexOf(c)]) : v
    }))
  }
  const onPaste = (e: React.ClipboardEvent) => {
    if (editing || !p.canEdit) return
    e.preventDefault()
    const cells = parseTsv(e.clipboardData.getData('text/plain'))
    if (!cells.length) return
    const planned = planPaste({ rows: p.rows, columns: cols, rect: rectOf(sel), cells, canGrow: addable, blank: p.blankRow ?? (() => ({})) })
    if ('error' in planned) {
      setMessage(planned.error)
      return
    }
    const { patch, at, height, width } = planned
    const problem = p.checkPaste?.(patch)
    if (problem) {
      setMessage(problem)
      return
    }
    apply(patch)
    setMessage(`已粘贴 ${height} 行`)
    setSel({ anchor: at, cursor: { row: at.row + height - 1, col: Math.min(cols.length - 1, at.col + width - 1) } })
  }

  const rect = rectOf(sel)
  const selectedRows = rect.bottom >= p.rows.length ? Math.max(0, p.rows.length - rect.top) : rect.bottom - rect.top + 1

  return (
    <div className="sheet" data-testid={p.testId}>
      <GridToolbar label={p.label} canEdit={p.canEdit} canDeleteRows={p.canAddRows} undoLabel={history.current.undo.at(-1)?.label ?? null} canRedo={history.current.redo.length > 0} selectedRows={selectedRows} rect={rect} onUndo={undo} onRedo={redo} onDeleteRows={deleteSelectedRows}>
        {p.toolbar}
      </GridToolbar>
      {message && (
        <p className="alert alert-warn sheet-msg" role="status" data-testid="grid-message">
          {message}
        </p>
      )}
      <div className="grid-wrap" ref={scrollRef}>
        <table
          ref={tableRef}
          className="grid sheet-grid"
          role="grid"
          tabIndex={0}
          aria-label={p.label}
          aria-multiselectable="true"
          aria-rowcount={total + 1}
          aria-colcount={cols.length + 1}
          aria-activedescendant={editing ? undefined : `${gridId}-r${sel.cursor.row}-c${sel.cursor.col}`}
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onPaste={onPaste}
          style={{ width: 44 + cols.reduce((s, c) => s + c.width, 0) }}
        >
          <colgroup>
            <col style={{ width: 44 }} />
            {cols.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id} role="row" aria-rowindex={1}>
                <th scope="col" className="seq sticky-l" style={{ left: 0 }}>
                  行
                </th>
                {hg.headers.map((hd, j) => {
                  const c = cols[j]!
                  return (
                    <th key={hd.id} scope="col" role="columnheader" aria-colindex={j + 2} className={[isAmountColumn(c) ? 'num' : '', c.sticky === 'left' ? 'sticky-l' : c.sticky === 'right' ? 'sticky-r' : ''].join(' ')} style={c.sticky === 'left' ? { left: offsets[j] } : c.sticky === 'right' ? { right: 0 } : undefined}>
                      {c.label}
                    </th>
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {renderBody({ total, virtual, items: virtual ? rv.getVirtualItems() : [], totalSize: virtual ? rv.getTotalSize() : 0, colSpan: cols.length + 1, row: (i) => {
              const inSel = i >= rect.top && i <= rect.bottom
              const mr = modelRows[i]
              const common = { gridId, index: i, columns: cols, labels, offsets, selL: inSel ? rect.left : -1, selR: inSel ? rect.right : -2, cursorCol: sel.cursor.row === i ? sel.cursor.col : -1, editing: editing?.row === i ? editing : null, h }
              if (!mr) return <GridRowView key="__new" {...common} row={null} className="" errors={undefined} newRowLabel="在此输入新增一行" placeholder={placeholder} />
              return <GridRowView key={mr.id} {...common} row={mr.original} className={p.rowClass?.(mr.id) ?? ''} errors={p.cellErrors?.(mr.id)} />
            } })}
          </tbody>
          <GridTotals columns={cols} rows={p.rows} offsets={offsets} rowIndex={total + 2} totalLabel={p.totalLabel} />
        </table>
      </div>
    </div>
  )
}
