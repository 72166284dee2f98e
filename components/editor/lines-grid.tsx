'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import type { ColumnDef } from '@tanstack/react-table'
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FieldPath, Resolver } from 'react-hook-form'
import { Controller, useForm } from 'react-hook-form'
import type { ActionResult } from '@/lib/disclosure/actions'
import type { TLineList } from '@/lib/disclosure/schemas'
import { ZExpenditureLineInput, ZRevenueLineInput } from '@/lib/disclosure/schemas'
import type { EditorLine } from '@/lib/disclosure/server/editor-state'
import type { CodeEntry } from './code-picker'
import { CodePicker } from './code-picker'
import type { GridColumn } from './grid-columns'
import { EMPTY_ROW, formatYuanDisplay, GRID_COLUMNS } from './grid-columns'

type Props = {
  list: TLineList
  rows: EditorLine[]
  canEdit: boolean
  units: { code: string; name: string }[]
  projects: { code: string; name: string }[]
  catalogue: { function: CodeEntry[]; economic: CodeEntry[] }
  flagged: Set<string>
  highlightId: string | null
  onSave: (id: string | null, values: Record<string, string>) => Promise<ActionResult>
  onDelete: (id: string) => Promise<ActionResult>
  onPaste: (text: string) => Promise<ActionResult>
}

type Sel = { row: number; col: number }

/**
 * The entry grid. Keyboard: arrows move, Enter/F2 edits a cell, Enter saves it, Esc cancels, Tab moves
 * on, Delete removes the row; the last row adds a new line (Enter saves it). A block copied from Excel
 * can be pasted anywhere in the grid. Every save goes through the server, which validates with the same
 * zod schema as this form and answers with the recomputed tables.
 */
export function LinesGrid(p: Props) {
  const columns = GRID_COLUMNS[p.list]
  const [sel, setSel] = useState<Sel | null>(null)
  const [editing, setEditing] = useState<{ row: number; col: number; value: string; error?: string } | null>(null)
  const wrapRef = useRef<HTMLDivElement>(null)
  const unitNames = useMemo(() => new Map(p.units.map((u) => [u.code, u.name])), [p.units])
  const projectNames = useMemo(() => new Map(p.projects.map((x) => [x.code, x.name])), [p.projects])
  const fnNames = useMemo(() => new Map(p.catalogue.function), [p.catalogue.function])
  const ecNames = useMemo(() => new Map(p.catalogue.economic), [p.catalogue.economic])

  const display = (col: GridColumn, v: string | null | undefined): string => {
    if (!v) return ''
    switch (col.type) {
      case 'unit':
        return `${v} ${unitNames.get(v) ?? ''}`
      case 'function':
        return `${v} ${fnNames.get(v) ?? '（未知科目）'}`
      case 'economic':
        return `${v} ${ecNames.get(v) ?? '（未知科目）'}`
      case 'project':
        return `${projectNames.get(v) ?? v}`
      case 'select':
        return col.options?.find((o) => o.value === v)?.label ?? v
      case 'amount':
        return formatYuanDisplay(v)
    }
  }

  const tanColumns = useMemo<ColumnDef<EditorLine>[]>(
    () => [
      { id: 'seq', header: '行', cell: (c) => c.row.index + 1 },
      ...columns.map(
        (col): ColumnDef<EditorLine> => ({
          id: col.key,
          header: col.label,
          accessorFn: (r) => (r as unknown as Record<string, string | null>)[col.key] ?? '',
          cell: (c) => display(col, c.getValue() as string),
        }),
      ),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, unitNames, projectNames, fnNames, ecNames],
  )
  const table = useReactTable({ data: p.rows, columns: tanColumns, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id })

  useEffect(() => {
    if (!p.highlightId) return
    const i = p.rows.findIndex((r) => r.id === p.highlightId)
    if (i >= 0) {
      setSel({ row: i, col: 0 })
      wrapRef.current?.querySelector(`[data-row-id="${p.highlightId}"]`)?.scrollIntoView({ block: 'center' })
      wrapRef.current?.focus()
    }
  }, [p.highlightId, p.rows])

  const startEdit = (row: number, col: number) => {
    if (!p.canEdit) return
    const r = p.rows[row]
    if (!r) return
    const key = columns[col]!.key
    setEditing({ row, col, value: String((r as unknown as Record<string, string | null>)[key] ?? '') })
  }

  const commitEdit = async (value: string, move?: 'next' | 'down') => {
    if (!editing) return
    const r = p.rows[editing.row]!
    const col = columns[editing.col]!
    const values: Record<string, string> = {}
    for (const c of columns) values[c.key] = String((r as unknown as Record<string, string | null>)[c.key] ?? '')
    values[col.key] = value
    const res = await p.onSave(r.id, values)
    if (!res.ok) {
      const fe = res.fields.find((f) => f.path === col.key) ?? res.fields[0]
      setEditing({ ...editing, value, error: fe?.message ?? res.message })
      return
    }
    const next = move === 'next' ? { row: editing.row, col: Math.min(editing.col + 1, columns.length - 1) } : move === 'down' ? { row: Math.min(editing.row + 1, p.rows.length - 1), col: editing.col } : { row: editing.row, col: editing.col }
    setEditing(null)
    setSel(next)
    wrapRef.current?.focus()
  }

  const onGridKey = async (e: React.KeyboardEvent) => {
    if (editing || !sel) return
    if ((e.target as HTMLElement).closest('input,select,textarea')) return
    const last = p.rows.length - 1
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault()
        if (sel.row >= last) {
          ;(wrapRef.current?.querySelector('.new-row input, .new-row select') as HTMLElement | null)?.focus()
          setSel(null)
        } else setSel({ ...sel, row: sel.row + 1 })
        break
      case 'ArrowUp':
        e.preventDefault()
        setSel({ ...sel, row: Math.max(0, sel.row - 1) })
        break
      case 'ArrowLeft':
        e.preventDefault()
        setSel({ ...sel, col: Math.max(0, sel.col - 1) })
        break
      case 'ArrowRight':
        e.preventDefault()
        setSel({ ...sel, col: Math.min(columns.length - 1, sel.col + 1) })
        break
      case 'Enter':
      case 'F2':
        e.preventDefault()
        startEdit(sel.row, sel.col)
        break
      case 'Delete': {
        e.preventDefault()
        const r = p.rows[sel.row]
        if (r && p.canEdit && window.confirm(`删除第 ${sel.row + 1} 行？`)) {
          await p.onDelete(r.id)
          setSel({ ...sel, row: Math.max(0, Math.min(sel.row, p.rows.length - 2)) })
        }
        break
      }
    }
  }

  const onPaste = async (e: React.ClipboardEvent) => {
    if (!p.canEdit) return
    const text = e.clipboardData.getData('text/plain')
    const target = e.target as HTMLElement
    // a single value pasted into one input is an ordinary paste
    if (target.closest('input,select,textarea') && !/[\t\n]/.test(text.trim())) return
    e.preventDefault()
    await p.onPaste(text)
  }

  return (
    <div className="grid-wrap" ref={wrapRef} tabIndex={-1} onKeyDown={(e) => void onGridKey(e)} onPaste={(e) => void onPaste(e)} data-testid={`grid-${p.list}`}>
      <table className="grid" role="grid" aria-label={p.list === 'expenditure' ? '支出明细' : '收入明细'} aria-rowcount={p.rows.length + 2}>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => (
                <th key={h.id} scope="col" style={{ width: columns.find((c) => c.key === h.id)?.width }}>
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row, ri) => (
            <tr key={row.id} data-row-id={row.id} className={[p.flagged.has(row.id) ? 'row-flagged' : '', p.highlightId === row.id ? 'row-highlight' : ''].join(' ')}>
              {row.getVisibleCells().map((cell, ci) => {
                if (ci === 0) return <td key={cell.id} className="muted" style={{ textAlign: 'center', width: 44 }}>{ri + 1}</td>
                const col = columns[ci - 1]!
                const isSel = sel?.row === ri && sel.col === ci - 1
                const isEdit = editing?.row === ri && editing.col === ci - 1
                return (
                  <td
                    key={cell.id}
                    role="gridcell"
                    aria-selected={isSel || undefined}
                    className={[col.type === 'amount' ? 'num' : '', isEdit && editing?.error ? 'cell-error' : ''].join(' ')}
                    onClick={() => setSel({ row: ri, col: ci - 1 })}
                    onDoubleClick={() => startEdit(ri, ci - 1)}
                  >
                    {isEdit ? (
                      <CellEditor
                        col={col}
                        value={editing.value}
                        error={editing.error}
                        units={p.units}
                        projects={p.projects}
                        catalogue={p.catalogue}
                        onChange={(v) => setEditing({ ...editing, value: v })}
                        onCommit={(v, move) => void commitEdit(v, move)}
                        onCancel={() => {
                          setEditing(null)
                          wrapRef.current?.focus()
                        }}
                      />
                    ) : (
                      <div className="cell">{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
          {p.canEdit && <NewRow list={p.list} columns={columns} units={p.units} projects={p.projects} catalogue={p.catalogue} onSave={(v) => p.onSave(null, v)} />}
        </tbody>
      </table>
    </div>
  )
}

function CellEditor({
  col,
  value,
  error,
  units,
  projects,
  catalogue,
  onChange,
  onCommit,
  onCancel,
}: {
  col: GridColumn
  value: string
  error?: string
  units: Props['units']
  projects: Props['projects']
  catalogue: Props['catalogue']
  onChange: (v: string) => void
  onCommit: (v: string, move?: 'next' | 'down') => void
  onCancel: () => void
}) {
  const keys = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      onCommit(value, 'down')
    } else if (e.key === 'Tab') {
      e.preventDefault()
      onCommit(value, 'next')
    } else if (e.key === 'Escape') onCancel()
  }
  return (
    <div onKeyDown={keys}>
      {col.type === 'function' || col.type === 'economic' ? (
        <CodePicker autoFocus label={col.label} entries={col.type === 'function' ? catalogue.function : catalogue.economic} value={value} onChange={onChange} invalid={!!error} />
      ) : col.type === 'unit' || col.type === 'select' || col.type === 'project' ? (
        <select autoFocus aria-label={col.label} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error || undefined}>
          {col.type === 'project' && <option value="">（无）</option>}
          {(col.type === 'unit' ? units.map((u) => ({ value: u.code, label: `${u.code} ${u.name}` })) : col.type === 'project' ? projects.map((x) => ({ value: x.code, label: x.name })) : (col.options ?? [])).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input autoFocus aria-label={col.label} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error || undefined} />
      )}
      {error && (
        <div className="field-error" role="alert" style={{ padding: '2px 8px', whiteSpace: 'normal' }}>
          {error}
        </div>
      )}
    </div>
  )
}

function NewRow({ list, columns, units, projects, catalogue, onSave }: { list: TLineList; columns: GridColumn[]; units: Props['units']; projects: Props['projects']; catalogue: Props['catalogue']; onSave: (v: Record<string, string>) => Promise<ActionResult> }) {
  const schema = list === 'revenue' ? ZRevenueLineInput : ZExpenditureLineInput
  const defaults = { ...EMPTY_ROW[list], unitCode: units[0]?.code ?? '' }
  const form = useForm<Record<string, string>>({ resolver: zodResolver(schema as never) as unknown as Resolver<Record<string, string>>, defaultValues: defaults, mode: 'onSubmit' })
  const firstRef = useRef<HTMLInputElement | null>(null)
  const [serverError, setServerError] = useState<string | null>(null)
  const submit = form.handleSubmit(async (values) => {
    setServerError(null)
    const res = await onSave(values)
    if (!res.ok) {
      for (const f of res.fields) form.setError(f.path as FieldPath<Record<string, string>>, { message: f.message })
      if (!res.fields.length) setServerError(res.message)
      return
    }
    // keep unit, fund, category and source: the next line usually shares them
    form.reset({ ...values, functionCode: '', economicCode: '', projectCode: '', amount: '' })
    setTimeout(() => (form.getValues('functionCode') === '' ? (document.querySelector(`[data-testid="new-${list}-functionCode"] input`) as HTMLInputElement | null)?.focus() : undefined), 0)
  })
  const errors = form.formState.errors
  return (
    <tr className="new-row" onKeyDown={(e) => {
      if (e.key === 'Enter' && !(e.target as HTMLElement).closest('[role="combobox"][aria-expanded="true"]')) {
        e.preventDefault()
        void submit()
      }
    }}>
      <td className="muted" style={{ textAlign: 'center' }} title="新增一行：填写后按 Enter 保存">
        ＋
      </td>
      {columns.map((col, i) => {
        const err = errors[col.key]?.message as string | undefined
        return (
          <td key={col.key} className={err ? 'cell-error' : undefined} data-testid={`new-${list}-${col.key}`}>
            <Controller
              control={form.control}
              name={col.key}
              render={({ field }) =>
                col.type === 'function' || col.type === 'economic' ? (
                  <CodePicker ref={i === 1 ? firstRef : undefined} label={`新增行 ${col.label}`} entries={col.type === 'function' ? catalogue.function : catalogue.economic} value={field.value ?? ''} onChange={field.onChange} invalid={!!err} name={col.key} />
                ) : col.type === 'amount' ? (
                  <input aria-label={`新增行 ${col.label}`} inputMode="decimal" placeholder="0.00" {...field} aria-invalid={!!err || undefined} />
                ) : (
                  <select aria-label={`新增行 ${col.label}`} {...field} aria-invalid={!!err || undefined}>
                    {col.type === 'project' && <option value="">（无）</option>}
                    {(col.type === 'unit' ? units.map((u) => ({ value: u.code, label: `${u.code} ${u.name}` })) : col.type === 'project' ? projects.map((x) => ({ value: x.code, label: x.name })) : (col.options ?? [])).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                )
              }
            />
            {err && (
              <div className="field-error" role="alert" style={{ padding: '2px 8px', whiteSpace: 'normal', maxWidth: 320 }}>
                {err}
              </div>
            )}
          </td>
        )
      })}
      {serverError && (
        <td className="field-error" role="alert">
          {serverError}
        </td>
      )}
    </tr>
  )
}
