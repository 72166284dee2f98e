import type { FixtureTable } from '@/lib/budget/table'
import { BudgetTableHead } from './budget-table-head'
import { evenColumns } from './even-columns'

const fmt = (v: string | number | null, isAmount: boolean) => (v === null ? '' : typeof v === 'number' && isAmount ? v.toFixed(2) : String(v))

export type CellMark = { row: number; col: number; severity: 'error' | 'warning' | 'rounding' }

/**
 * One published table: title, unit line, multi-level header with 栏次, 序号 column, amounts with two
 * decimals, the note under it. A real <table> with header cells, for screen readers and printing.
 * A table of one label column and amounts (the 三公 table, also printed across) gives its amount
 * columns equal widths (evenAmountColumns).
 */
export function BudgetTableView({ table, department, year, unit = '万元', marks = [], highlight, id }: { table: FixtureTable; department?: string; year?: number; unit?: string; marks?: CellMark[]; highlight?: { row?: number; col?: number } | null; id?: string }) {
  const amountCol = table.columns.map((c, i) => table.rows.some((r) => typeof r[i] === 'number') && !/数量/.test(c))
  const markAt = new Map(marks.map((m) => [`${m.row}:${m.col}`, m.severity]))
  const { tableProps, colgroup } = evenColumns(table)
  return (
    <section className="budget-table" id={id} aria-labelledby={`${table.key}-title`}>
      <h3 id={`${table.key}-title`} className="budget-table__title">
        {table.title}
      </h3>
      <div className="budget-table__meta">
        <span>{department}</span>
        <span>{year ? `预算年度：${year}` : ''}</span>
        <span>单位：{unit}</span>
      </div>
      {/* focusable so keyboard users can scroll a wide table; the caption names the table for screen readers */}
      <div className="budget-table__scroll" tabIndex={0} role="region" aria-labelledby={`${table.key}-title`}>
        <table {...tableProps}>
          <caption className="visually-hidden">
            {table.title}（单位：{unit}）
          </caption>
          {colgroup}
          <BudgetTableHead columns={table.columns} />
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r} className={row[1] === '合计' || row[0] === '合计' ? 'total' : undefined}>
                <td className="seq">{r + 1}</td>
                {row.map((v, c) => {
                  const mark = markAt.get(`${r}:${c}`)
                  const hl = highlight && highlight.row === r && (highlight.col === undefined || highlight.col === c)
                  return (
                    <td key={c} className={[amountCol[c] ? 'num' : '', mark ? `mark-${mark}` : '', hl ? 'highlight' : ''].join(' ').trim() || undefined} data-row={r} data-col={c}>
                      {fmt(v, amountCol[c] ?? false)}
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
