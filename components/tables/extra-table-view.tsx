import type { ExtraTable } from '@/lib/budget/extra-table'
import { headerCells } from '@/lib/exchange/columns'

const AMOUNT = new Set(['total', 'general_budget', 'gov_fund', 'state_capital', 'special_account', 'business', 'business_operating', 'other', 'unit_funds', 'carryover', 'basic', 'project', 'unit_price'])

/**
 * A table a workbook printed beyond its template (项目支出表, 政府采购预算表, 绩效目标表 …), shown as it was
 * printed: title, 单位 when it stated one, its header rows and its cells (amounts with two decimals), its
 * note. A real <table>; a form without a header is shown as its rows.
 */
export function ExtraTableView({ table, id, department, year }: { table: ExtraTable; id: string; department?: string; year?: number }) {
  const { depth, cells } = headerCells(table.columns)
  const rows = Array.from({ length: table.columns.length ? depth : 0 }, (_, level) => cells.filter((c) => c.row === level))
  const fmt = (v: string | number | null, c: number) => (v === null ? '' : typeof v === 'number' && AMOUNT.has(table.concepts[c] ?? '') ? v.toFixed(2) : String(v))
  return (
    <section className="budget-table" id={id} aria-labelledby={`${id}-title`} data-testid="extra-table">
      <h3 id={`${id}-title`} className="budget-table__title">
        {table.title}
      </h3>
      <div className="budget-table__meta">
        <span>{department}</span>
        <span>{year ? `预算年度：${year}` : ''}</span>
        <span>{table.amountUnit ? `单位：${table.amountUnit}` : ''}</span>
      </div>
      <div className="budget-table__scroll" tabIndex={0} role="region" aria-labelledby={`${id}-title`}>
        <table>
          <caption className="visually-hidden">
            {table.title}
            {table.amountUnit ? `（单位：${table.amountUnit}）` : ''}
          </caption>
          {rows.length > 0 && (
            <thead>
              {rows.map((r, level) => (
                <tr key={level}>
                  {r.map((h) => (
                    <th key={h.col} scope="col" colSpan={h.colSpan > 1 ? h.colSpan : undefined} rowSpan={h.rowSpan > 1 ? h.rowSpan : undefined}>
                      {h.label}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
          )}
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((v, c) => (
                  <td key={c} className={typeof v === 'number' && AMOUNT.has(table.concepts[c] ?? '') ? 'num' : undefined}>
                    {fmt(v, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.note && <p className="budget-table__note">{table.note}</p>}
    </section>
  )
}
