'use client'

import { useRouter } from 'next/navigation'
import { startTransition, useState, useTransition } from 'react'
import type { WorkflowResult } from '@/lib/workflow/actions'

export type Notice = { kind: 'ok' | 'error' | 'conflict'; text: string; fields?: Record<string, string> } | null

/**
 * Runs a workflow server action and re-reads the page's data on success. A refused stale version
 * (CONFLICT) becomes a notice with a 重新加载 button; field errors are kept for the form to place.
 */
export function useWorkflowAction() {
  const router = useRouter()
  const [pending, start] = useTransition()
  const [notice, setNotice] = useState<Notice>(null)
  const run = (p: () => Promise<WorkflowResult>, after?: (r: Extract<WorkflowResult, { ok: true }>) => void) =>
    start(async () => {
      const r = await p()
      // one transition for the message and the re-read page, so the message never shows beside stale data
      startTransition(() => {
        if (r.ok) {
          setNotice({ kind: 'ok', text: r.message })
          after?.(r)
          if (r.redirectTo && r.redirectTo.startsWith('/workspace/')) router.push(r.redirectTo)
          else router.refresh()
        } else {
          setNotice({ kind: r.code === 'CONFLICT' ? 'conflict' : 'error', text: r.message, fields: Object.fromEntries(r.fields.map((f) => [f.path, f.message])) })
        }
      })
    })
  const reload = () =>
    start(() => {
      setNotice(null)
      router.refresh()
    })
  return { run, pending, notice, setNotice, reload }
}
