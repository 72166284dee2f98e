'use client'

import type { SaveStatus } from './use-autosave'

const TEXT: Record<SaveStatus, string> = { saved: '已保存', dirty: '未保存', saving: '保存中…', error: '未保存：有错误', conflict: '未保存：与他人的修改冲突' }
const TONE: Record<SaveStatus, { color: string; background: string }> = {
  saved: { color: '#1b5e20', background: '#e8f5e9' },
  dirty: { color: '#5d4037', background: '#fff3e0' },
  saving: { color: '#0d47a1', background: '#e3f2fd' },
  error: { color: '#8e0000', background: '#ffebee' },
  conflict: { color: '#8e0000', background: '#ffebee' },
}

/** The editor's save state as people read it, announced politely to screen readers. */
export function SaveStateBadge({ status, testId = 'save-state' }: { status: SaveStatus; testId?: string }) {
  return (
    <span role="status" aria-live="polite" data-testid={testId} data-status={status} style={{ ...TONE[status], padding: '2px 10px', borderRadius: 12, fontSize: 13, fontWeight: 600, whiteSpace: 'nowrap' }}>
      {TEXT[status]}
    </span>
  )
}
