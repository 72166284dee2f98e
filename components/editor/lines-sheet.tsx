'use client'

import { useCallback, useMemo } from 'react'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import type { TLineList } from '@/lib/disclosure/schemas'
import type { LineContext } from './line-columns'
import { blankLine, describePasteErrors, lineColumns } from './line-columns'
import type { useLinesSync } from './use-lines-sync'
import { RowConflicts, SyncStatus } from './sheet-parts'

type Sync = ReturnType<typeof useLinesSync>
export type LineFilter = { label: string; ids: Set<string> } | null

/** Revenue or expenditure lines in the spreadsheet grid, autosaved; conflicts and errors shown where they are. */
export function LinesSheet({ list, ctx, sync, canEdit, flagged, focusRowId, filter, onClearFilter }: { list: TLineList; ctx: LineContext; sync: Sync; canEdit: boolean; flagged: Set<string>; focusRowId: string | null; filter: LineFilter; onClearFilter: () => void }) {
  const columns = useMemo(() => lineColumns(list, ctx), [list, ctx])
  const rows = useMemo(() => (filter ? sync.rows.filter((r) => filter.ids.has(r.id)) : sync.rows), [filter, sync.rows])
  const byId = useMemo(() => new Map(sync.rows.map((r, i) => [r.id, { r, i }])), [sync.rows])
  const { errorsOf, serverErrors, conflicts, check } = sync
  const cellErrors = useCallback((id: string) => {
    const x = byId.get(id)
    return serverErrors.get(id) ?? (x ? errorsOf(x.r, x.i) : undefined)
  }, [byId, errorsOf, serverErrors])
  const rowClass = useCallback((id: string) => (conflicts.has(id) ? 'row-conflict' : flagged.has(id) ? 'row-flagged' : focusRowId === id ? 'row-highlight' : ''), [conflicts, flagged, focusRowId])
  const blank = useCallback(() => blankLine(list, ctx), [list, ctx])
  const checkPaste = useCallback((patch: Parameters<typeof describePasteErrors>[1]) => describePasteErrors(list, patch, check), [list, check])
  const label = list === 'expenditure' ? '支出明细' : '收入明细'
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
      <RowConflicts conflicts={conflicts} byId={byId} columns={columns} what="" onResolve={sync.resolve} />
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
          canEdit && <SyncStatus status={sync.status} testId={`save-state-${list}`} columns={columns} rows={rows} firstInvalid={sync.firstInvalid} invalidRows={sync.invalidRows} />
        }
      />
    </div>
  )
}
