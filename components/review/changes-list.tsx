import type { FixtureTable } from '@/lib/budget/table'
import type { TableDiff } from '@/lib/workflow/diff'
import { cellRowLabel, formatDelta, rowLabelOf } from '@/lib/workflow/diff'
import s from './review.module.css'

const show = (v: string | number | null) => (v === null ? '空' : typeof v === 'number' ? v.toFixed(2) : v)

/** The differences of a comparison as sentences, table by table. */
export function ChangesList({ diffs, tables }: { diffs: TableDiff[]; tables: FixtureTable[] }) {
  const changed = diffs.filter((d) => d.status !== 'same')
  if (changed.length === 0) return <p className="alert alert-ok">各表与比较对象完全相同。</p>
  return (
    <div data-testid="changes">
      {changed.map((d) => {
        const t = tables.find((x) => x.key === d.key)
        return (
          <section key={d.key} className="card" style={{ marginBottom: 12 }}>
            <h3 style={{ margin: '0 0 6px', fontSize: 16 }}>
              {d.title}
              {d.status === 'added' ? '（新增的表）' : d.status === 'removed' ? '（已删除的表）' : ''}
            </h3>
            <ul className={s.diffList}>
              {d.changed.map((c) => (
                <li key={`${c.row}:${c.col}`}>
                  第 {c.row + 1} 行「{t ? cellRowLabel(t.rows[c.row] ?? [], c.col) : ''}」「{t?.columns[c.col] ?? ''}」：{show(c.before)} → {show(c.after)}
                  {c.delta !== null && c.delta !== 0 ? `（${formatDelta(c.delta)}）` : ''}
                </li>
              ))}
              {d.addedRows.map((r) => (
                <li key={`a${r}`}>新增第 {r + 1} 行「{t ? rowLabelOf(t.rows[r] ?? []) : ''}」</li>
              ))}
              {d.removedRows.map((r, i) => (
                <li key={`r${i}`}>删除行「{r.label}」</li>
              ))}
              {d.addedColumns.map((c) => (
                <li key={`ac${c}`}>新增列「{c}」</li>
              ))}
              {d.removedColumns.map((c) => (
                <li key={`rc${c}`}>删除列「{c}」</li>
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}
