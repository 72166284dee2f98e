import { headerRows } from '@/lib/budget/header-rows'

/** The multi-level header of a published table (序号, grouped column headers, optionally the 栏次 row). */
export function BudgetTableHead({ columns, lanci = true }: { columns: string[]; lanci?: boolean }) {
  const head = headerRows(columns)
  return (
    <thead>
      {head.map((cells, level) => (
        <tr key={level}>
          {level === 0 && (
            <th rowSpan={head.length} scope="col" className="seq">
              序号
            </th>
          )}
          {cells.map((c) => (
            <th key={`${level}-${c.col}`} colSpan={c.colSpan} rowSpan={c.rowSpan} scope={c.colSpan > 1 ? 'colgroup' : 'col'}>
              {c.label}
            </th>
          ))}
        </tr>
      ))}
      {lanci && (
        <tr className="lanci">
          <th scope="row" className="seq">
            栏次
          </th>
          {columns.map((_, i) => (
            <td key={i}>{i + 1}</td>
          ))}
        </tr>
      )}
    </thead>
  )
}
