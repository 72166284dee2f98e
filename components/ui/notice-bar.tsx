'use client'

import { useEffect, useRef } from 'react'

export type NoticeMessage = { kind: 'ok' | 'error' | 'conflict'; text: string } | null

/**
 * The result of the last save or decision: a status for success, an alert for errors, and for a stale
 * save (conflict) the offer to reload. Errors scroll into view so they are not missed below the fold.
 */
export function NoticeBar({ notice, onReload, pending, testId = 'notice' }: { notice: NoticeMessage; onReload: () => void; pending?: boolean; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (notice && notice.kind !== 'ok') ref.current?.scrollIntoView({ block: 'center' })
  }, [notice])
  if (!notice) return pending ? <p className="muted" aria-live="polite">正在处理…</p> : null
  return (
    <div ref={ref} className={`alert ${notice.kind === 'ok' ? 'alert-ok' : notice.kind === 'conflict' ? 'alert-warn' : 'alert-error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid={testId}>
      {notice.text}
      {notice.kind === 'conflict' && (
        <>
          {' '}
          <button className="btn" type="button" onClick={onReload} disabled={pending}>
            重新加载
          </button>
        </>
      )}
    </div>
  )
}
