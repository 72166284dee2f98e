'use client'

import type { GridRow } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { showCell } from '@/components/grid/grid-types'
import type { Conflict } from './line-merge'
import type { SaveStatus } from './use-row-sync'

const STATUS = { saved: '已保存', saving: '保存中…', unsaved: '未保存' } as const

/** Rows another person changed while this person typed: both values side by side, and the choice. */
export function RowConflicts({ conflicts, byId, columns, what, onResolve }: { conflicts: Map<string, Conflict>; byId: Map<string, { r: GridRow; i: number }>; columns: GridColumnDef[]; what: string; onResolve: (id: string, keep: 'mine' | 'theirs') => void }) {
  return (
    <>
      {[...conflicts.values()].map((c) => {
        const x = byId.get(c.id)
        if (!x) return null
        const typed = columns.filter((col) => col.kind !== 'readonly')
        const changed = typed.filter((col) => c.theirs && (c.theirs[col.key] ?? '') !== (x.r.values[col.key] ?? '').trim())
        return (
          <div key={c.id} className="alert alert-error" role="alert" data-testid="line-conflict">
            第 {x.i + 1} 行{what}在您修改期间已被他人{c.theirs ? '修改' : '删除'}。
            {c.theirs && <span>{changed.map((col) => `${col.label}：您的「${showCell(col, x.r.values[col.key] ?? '', new Map(col.options ?? []))}」，对方的「${showCell(col, c.theirs![col.key] ?? '', new Map(col.options ?? []))}」`).join('；')}</span>}{' '}
            <button type="button" className="btn btn-sm" onClick={() => onResolve(c.id, 'mine')}>
              保留我的
            </button>{' '}
            <button type="button" className="btn btn-sm" onClick={() => onResolve(c.id, 'theirs')}>
              采用对方的
            </button>
          </div>
        )
      })}
    </>
  )
}

/** 已保存 / 保存中 / 未保存, and the first row held back by an error: row, column and why (Chinese). */
export function SyncStatus({ status, testId, columns, rows, firstInvalid, invalidRows }: { status: SaveStatus; testId: string; columns: GridColumnDef[]; rows: GridRow[]; firstInvalid: { id: string; row: number; key: string; message: string } | null; invalidRows: number }) {
  const fi = firstInvalid
  const fiRow = fi ? rows.findIndex((r) => r.id === fi.id) : -1
  const note = fi ? `（第 ${(fiRow >= 0 ? fiRow : fi.row) + 1} 行「${columns.find((c) => c.key === fi.key)?.label ?? fi.key}」：${fi.message}${invalidRows > 1 ? `；共 ${invalidRows} 行待修正` : ''}，修正后自动保存）` : ''
  return (
    <span className={`save-state save-${status}`} data-testid={testId} role="status">
      {STATUS[status]}
      {note}
    </span>
  )
}
