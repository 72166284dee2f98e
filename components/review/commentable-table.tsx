'use client'

import type { KeyboardEvent } from 'react'
import { useState } from 'react'
import type { FixtureTable } from '@/lib/budget/table'
import { formatDelta } from '@/lib/workflow/diff'
import { BudgetTableHead } from '../tables/budget-table-head'
import { evenColumns } from '../tables/even-columns'
import s from './review.module.css'

export type CellChangeMark = { before: string | number | null; delta: number | null }

const fmt = (v: string | number | null, amount: boolean) => (v === null ? '' : typeof v === 'number' && amount ? v.toFixed(2) : String(v))

/**
 * A printed table the reviewer can comment on: one tab stop, arrow keys move between cells, Enter (or a
 * click) selects the cell for a comment. Changed cells (against the chosen comparison) and commented
 * cells are marked, with the marks also spelled out for screen readers.
 */
export function CommentableTable(props: {
  table: FixtureTable
  department: string
  year: number
  changes?: Map<string, CellChangeMark>
  addedRows?: Set<number>
  comments?: Map<string, number>
  selected?: { row: number; col: number } | null
  onSelect?: (row: number, col: number) => void
}) {
  const { table, changes, addedRows, comments, selected, onSelect } = props
  const { tableProps, colgroup } = evenColumns(table)
  const amount = table.columns.map((c, i) => table.rows.some((r) => typeof r[i] === 'number') && !/数量/.test(c))
  const [focus, setFocus] = useState<{ row: number; col: number }>({ row: 0, col: Math.max(0, amount.findIndex(Boolean)) })
  const interactive = !!onSelect

  const move = (e: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => {
    const d: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onSelect?.(row, col)
      return
    }
    const step = d[e.key]
    if (!step) return
    e.preventDefault()
    const r = Math.min(Math.max(row + step[0], 0), table.rows.length - 1)
    const c = Math.min(Math.max(col + step[1], 0), table.columns.length - 1)
    setFocus({ row: r, col: c })
    const el = e.currentTarget.closest('table')?.querySelector<HTMLElement>(`[data-row="${r}"][data-col="${c}"]`)
    el?.focus()
  }

  return (
    <section className="budget-table" aria-labelledby={`rv-${table.key}-title`} id={`rv-${table.key}`}>
      <h3 id={`rv-${table.key}-title`} className="budget-table__title">
        {table.title}
      </h3>
      <div className="budget-table__meta">
        <span>{props.department}</span>
        <span>预算年度：{props.year}</span>
        <span>单位：万元</span>
      </div>
      <div className="budget-table__scroll">
        {/* keyboard-navigable cells with a selection: an ARIA grid (aria-selected is allowed on grid cells, not on table cells) */}
        <table data-testid={`review-table-${table.key}`} {...tableProps} role={interactive ? 'grid' : undefined} aria-labelledby={interactive ? `rv-${table.key}-title` : undefined}>
          {colgroup}
          <BudgetTableHead columns={table.columns} lanci={false} />
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={addedRows?.has(r) ? s.addedRow : undefined}>
                <th scope="row" className="seq" style={{ fontWeight: 'normal' }}>
                  {r + 1}
                  {addedRows?.has(r) && <span className={s.srOnly}>（新增行）</span>}
                </th>
                {row.map((v, c) => {
                  const key = `${r}:${c}`
                  const ch = changes?.get(key)
                  const n = comments?.get(key) ?? 0
                  const isSel = selected?.row === r && selected.col === c
                  const cls = [amount[c] ? 'num' : '', interactive ? s.cell : '', ch ? s.changed : '', n ? s.commented : '', isSel ? s.selected : ''].filter(Boolean).join(' ')
                  return (
                    <td
                      key={c}
                      className={cls || undefined}
                      data-row={r}
                      data-col={c}
                      tabIndex={interactive ? (focus.row === r && focus.col === c ? 0 : -1) : undefined}
                      aria-selected={interactive ? isSel : undefined}
                      onClick={interactive ? () => (setFocus({ row: r, col: c }), onSelect!(r, c)) : undefined}
                      onKeyDown={interactive ? (e) => move(e, r, c) : undefined}
                    >
                      {fmt(v, amount[c] ?? false)}
                      {ch && (
                        <span className={s.was}>
                          原 {fmt(ch.before, amount[c] ?? false) || '空'}
                          {ch.delta !== null && ch.delta !== 0 ? `（${formatDelta(ch.delta)}）` : ''}
                        </span>
                      )}
                      {n > 0 && (
                        <span className={s.marker} aria-label={`${n} 条意见`}>
                          意见{n > 1 ? ` ${n}` : ''}
                        </span>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="budget-table__note">{table.note}</p>}
    </section>
  )
}
