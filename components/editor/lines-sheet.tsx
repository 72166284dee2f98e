'use client'

import { useCallback, useMemo } from 'react'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import { showCell } from '@/components/grid/grid-types'
import type { TLineList } from '@/lib/disclosure/schemas'
import type { LineContext } from './line-columns'
import { blankLine, describePasteErrors, lineColumns } from './line-columns'
import type { useLinesSync } from './use-lines-sync'

type Sync = ReturnType<typeof useLinesSync>
export type LineFilter = { label: string; ids: Set<string> } | null

const STATUS = { saved: '已保存', saving: '保存中…', unsaved: '未保存' } as const

/** Revenue or expenditure lines in the spreadsheet grid, autosaved; conflicts and errors shown where they are. */
export function LinesSheet({ list, ctx, sync, canEdit, flagged, focusRowId, filter, onClearFilter }: { list: TLineList; ctx: LineContext; sync: Sync; canEdit: boolean; flagged: Set<string>; focusRowId: string | null; filter: LineFilter; onClearFilter: () => void }) {
  const columns = useMemo(() => lineColumns(list, ctx), [list, ctx])
  const rows = useMemo(() => (filter ? sync.rows.filter((r) => filter.ids.has(r.id)) : sync.rows), [filter, sync.rows])
  const byId = useMemo(() => new Map(sync.rows.map((r, i) => [r.id, { r, i }])), [sync.rows])
  const { errorsOf, serverErrors, conflicts, check } = sync
  const cellErrors = useCallback((id: string) => {
    const x = byId.get(id)
    return serverErrors.get(id) ?? (x ? errorsOf(x.r) : undefined)
  }, [byId, errorsOf, serverErrors])
  const rowClass = useCallback((id: string) => (conflicts.has(id) ? 'row-conflict' : flagged.has(id) ? 'row-flagged' : focusRowId === id ? 'row-highlight' : ''), [conflicts, flagged, focusRowId])
  const blank = useCallback(() => blankLine(list, ctx), [list, ctx])
  const checkPaste = useCallback((patch: Parameters<typeof describePasteErrors>[1]) => describePasteErrors(list, patch, check), [list, check])
  const label = list === 'expenditure' ? '支出明细' : '收入明细'
  // a line held back by an error: the status says which row and column, and why (the cell is outlined in red)
  const fi = sync.firstInvalid
  const fiRow = fi ? rows.findIndex((r) => r.id === fi.id) : -1
  const invalidNote = fi
    ? `（第 ${(fiRow >= 0 ? fiRow : fi.row) + 1} 行「${columns.find((c) => c.key === fi.key)?.label ?? fi.key}」：${fi.message}${sync.invalidRows > 1 ? `；共 ${sync.invalidRows} 行待修正` : ''}，修正后自动保存）`
    : ''
  return (
    <div>
      {filter && (
        <p className="alert alert-ok" data-testid="line-filter">
          正在查看构成「{filter.label}」的 {rows.length} 行明细。{' '}
          <button type="button" className="link" onClick={onClearFilter}>
            显示全部明细
          </button>
        </p>
      )}
      {[...conflicts.values()].map((c) => {
        const x = byId.get(c.id)
        if (!x) return null
        const changed = columns.filter((col) => c.theirs && (c.theirs[col.key] ?? '') !== (x.r.values[col.key] ?? '').trim())
        return (
          <div key={c.id} className="alert alert-error" role="alert" data-testid="line-conflict">
            第 {x.i + 1} 行在您修改期间已被他人{c.theirs ? '修改' : '删除'}。
            {c.theirs && (
              <span>
                {changed.map((col) => `${col.label}：您的「${showCell(col, x.r.values[col.key] ?? '', new Map(col.options ?? []))}」，对方的「${showCell(col, c.theirs![col.key] ?? '', new Map(col.options ?? []))}」`).join('；')}
              </span>
            )}{' '}
            <button type="button" className="btn btn-sm" onClick={() => sync.resolve(c.id, 'mine')}>
              保留我的
            </button>{' '}
            <button type="button" className="btn btn-sm" onClick={() => sync.resolve(c.id, 'theirs')}>
              采用对方的
            </button>
          </div>
        )
      })}
      <SpreadsheetGrid
        label={label}
        testId={`grid-${list}`}
        columns={columns}
        rows={rows}
        canEdit={canEdit}
        canAddRows={!filter}
        blankRow={blank}
        onApply={sync.apply}
        checkPaste={checkPaste}
        rowClass={rowClass}
        cellErrors={cellErrors}
        focusRowId={focusRowId}
        toolbar={
          canEdit && (
            <span className={`save-state save-${sync.status}`} data-testid={`save-state-${list}`} role="status">
              {STATUS[sync.status]}
              {invalidNote}
            </span>
          )
        }
      />
    </div>
  )
}
