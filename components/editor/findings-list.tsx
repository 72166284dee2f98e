'use client'

import type { LocatedFinding } from '@/lib/workflow/view'

const SEVERITY_LABEL = { error: '错误', warning: '提示', rounding: '尾差' } as const

/** Findings, errors first; each one that points somewhere is a link to its line or table cell. */
export function FindingsList({ findings, onGo }: { findings: LocatedFinding[]; onGo: (f: LocatedFinding) => void }) {
  const order = { error: 0, warning: 1, rounding: 2 }
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity])
  if (sorted.length === 0) return <p className="alert alert-ok">校验通过：表内、表间的勾稽关系全部相符，科目均在本年度科目表中。</p>
  return (
    <ul className="findings" aria-label="校验结果">
      {sorted.map((f, i) => (
        <li key={i} className={f.severity} data-rule={f.rule}>
          <span className={`badge badge-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span> {f.message}
          {(f.line || f.table) && (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onGo(f)}>
                {f.lines ? `查看构成此数的 ${f.lines.ids.length} 行${f.lines.list === 'revenue' ? '收入' : '支出'}明细` : f.line ? `定位到${f.line.list === 'revenue' ? '收入' : '支出'}明细第 ${f.line.index + 1} 行` : '在表中查看'}
              </button>
            </>
          )}
          <span className="muted" style={{ fontSize: 12, marginLeft: 8 }}>
            规则 {f.rule}
          </span>
        </li>
      ))}
    </ul>
  )
}
