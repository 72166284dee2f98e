'use client'

import type { NotesFinding } from '@/lib/notes/types'

const LABEL = { error: '错误', warning: '提示', rounding: '尾差' } as const
const ORDER = { error: 0, warning: 1, rounding: 2 } as const

/** Findings of the notes, errors first, each with a button that takes the accountant to the field to fix. */
export function NotesFindings({ findings, onGo, goLabel, okText = '没有发现问题：文字中的数字与报表一致，增减均已说明原因。' }: { findings: NotesFinding[]; onGo?: (f: NotesFinding) => void; goLabel?: (f: NotesFinding) => string | null; okText?: string }) {
  if (findings.length === 0)
    return (
      <p className="alert alert-ok" role="status" data-testid="notes-findings">
        {okText}
      </p>
    )
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return (
    <ul className="findings" aria-label="情况说明校验结果" data-testid="notes-findings">
      {sorted.map((f, i) => {
        const go = goLabel ? goLabel(f) : '定位'
        return (
          <li key={i} className={f.severity} data-rule={f.rule}>
            <span className={`badge badge-${f.severity}`}>{LABEL[f.severity]}</span> {f.message}
            {onGo && go && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => onGo(f)}>
                  {go}
                </button>
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}
