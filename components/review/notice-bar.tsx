'use client'

import { useEffect, useRef } from 'react'
import type { Notice } from './use-workflow-action'

export function NoticeBar({ notice, onReload, pending }: { notice: Notice; onReload: () => void; pending: boolean }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (notice && notice.kind !== 'ok') ref.current?.scrollIntoView({ block: 'center' })
  }, [notice])
  if (!notice) return pending ? <p className="muted" aria-live="polite">正在处理…</p> : null
  return (
    <div ref={ref} className={`alert ${notice.kind === 'ok' ? 'alert-ok' : notice.kind === 'conflict' ? 'alert-warn' : 'alert-error'}`} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="notice">
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
