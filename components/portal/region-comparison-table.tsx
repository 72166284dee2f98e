'use client'

import type { ColumnDef, SortingState } from '@tanstack/react-table'
import { flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable } from '@tanstack/react-table'
import Link from 'next/link'
import { useId, useMemo, useState } from 'react'
import { formatPrintedNumber } from '@/lib/budget/money'
import { formatPerMille } from '@/lib/portal/figures'

/** One department's row: amounts in printed hundredths of 万元, the share in per-mille (null: undefined). */
export type ComparisonTableRow = {
  code: string
  name: string
  href: string
  total: number
  basic: number
  project: number
  threePublic: number
  operating: number
  personnel: number
  personnelShare: number | null
}

const AMOUNT_COLUMNS: { id: keyof ComparisonTableRow; label: string }[] = [
  { id: 'total', label: '支出合计' },
  { id: 'basic', label: '基本支出' },
  { id: 'project', label: '项目支出' },
  { id: 'threePublic', label: '“三公”经费' },
  { id: 'operating', label: '机关运行经费' },
  { id: 'personnel', label: '人员经费' },
]

/**
 * Cross-department comparison, sortable by any column (TanStack Table). The header buttons sort,
 * aria-sort tells screen readers the order, and a live region announces it. Server-rendered in code
 * order, so the table reads the same without JavaScript.
 */
export function RegionComparisonTable({ rows, caption, totals }: { rows: ComparisonTableRow[]; caption: string; totals: Omit<ComparisonTableRow, 'code' | 'name' | 'href'> }) {
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const filterId = useId()
  const columns = useMemo<ColumnDef<ComparisonTableRow>[]>(
    () => [
      {
        id: 'name',
        accessorFn: (r) => `${r.code} ${r.name}`,
        header: '部门',
        sortingFn: (a, b) => a.original.code.localeCompare(b.original.code, 'en', { numeric: true }),
        cell: ({ row }) => (
          <Link href={row.original.href}>
            <span className="dept-code">{row.original.code}</span> {row.original.name}
          </Link>
        ),
      },
      ...AMOUNT_COLUMNS.map(
        (c): ColumnDef<ComparisonTableRow> => ({
          id: c.id,
          accessorFn: (r) => r[c.id] as number,
          header: c.label,
          sortDescFirst: true,
          cell: ({ getValue }) => formatPrintedNumber(getValue() as number),
        }),
      ),
      {
        id: 'personnelShare',
        accessorFn: (r) => r.personnelShare ?? -1,
        header: '人员经费占比',
        sortDescFirst: true,
        cell: ({ row }) => formatPerMille(row.original.personnelShare),
      },
    ],
    [],
  )
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    globalFilterFn: (row, _id, value: string) => `${row.original.code} ${row.original.name}`.toLowerCase().includes(String(value).trim().toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  })
  const sorted = sorting[0]
  const sortedLabel = sorted ? `${String(table.getColumn(sorted.id)?.columnDef.header ?? '')}${sorted.desc ? '从高到低' : '从低到高'}` : '部门编码'
  const visible = table.getRowModel().rows
  return (
    <div className="comparison">
      <div className="comparison__tools">
        <label htmlFor={filterId}>筛选部门</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="部门名称或编码" autoComplete="off" />
        <p className="muted" aria-live="polite">
          按{sortedLabel}排序，显示 {visible.length} / {rows.length} 个部门。
        </p>
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table comparison-table">
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted()
                  return (
                    <th key={h.id} scope="col" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'} className={h.column.id === 'name' ? undefined : 'num'}>
                      <button type="button" className="sort-button" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true" className="sort-indicator">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) =>
                  cell.column.id === 'name' ? (
                    <th key={cell.id} scope="row">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className="num">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total">
              <th scope="row">全部 {rows.length} 个部门合计</th>
              {AMOUNT_COLUMNS.map((c) => (
                <td key={c.id} className="num">
                  {formatPrintedNumber(totals[c.id as keyof typeof totals] as number)}
                </td>
              ))}
              <td className="num">{formatPerMille(totals.personnelShare)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}
