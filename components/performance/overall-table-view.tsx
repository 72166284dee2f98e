import type { DocumentOverallTable } from '@/lib/document/model'
import { OVERALL_TABLE_KEY } from '@/lib/document/model'
import { OVERALL_FRACTIONS, overallGrid } from '@/lib/document/table-cells'

const SR = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const

/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) in the web document (DisclosureDocumentView): the same
 * grid and markup as the standalone HTML (lib/document/render-html.ts), labels as header cells.
 */
export function OverallTableView({ table: o, anchor, headingLevel }: { table: DocumentOverallTable; anchor: string; headingLevel: number }) {
  const H = `h${Math.min(6, headingLevel)}` as 'h3'
  const titleId = `${anchor}-title`
  return (
    <div className="dd-table dd-target dd-overall" id={anchor} data-table={OVERALL_TABLE_KEY}>
      <H id={titleId}>{o.target.title}</H>
      <div className="dd-caption">
        <span>{o.caption.left}</span>
        {o.caption.middle && <span>{o.caption.middle}</span>}
        <span>{o.caption.right}</span>
      </div>
      <div className="dd-scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
        <table>
          <caption style={SR}>
            {o.target.title}（{o.caption.right}）
          </caption>
          <colgroup>
            {OVERALL_FRACTIONS.map((f, i) => (
              <col key={i} style={{ width: `${Math.round(f * 1000) / 10}%` }} />
            ))}
          </colgroup>
          <tbody>
            {overallGrid(o.target).map((row, r) => (
              <tr key={r}>
                {row.map((c) => {
                  const span = { colSpan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan && c.rowSpan > 1 ? c.rowSpan : undefined }
                  if (c.bold)
                    return (
                      <th key={c.col} scope={c.col === 0 ? 'row' : 'col'} {...span}>
                        {c.text}
                      </th>
                    )
                  const cls = c.align === 'right' ? 'num' : c.align === 'center' ? 'center' : c.text.includes('\n') ? 'goals' : undefined
                  return (
                    <td key={c.col} className={cls} {...span}>
                      {c.text}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
