'use client'

import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { markYearReviewedAction } from '@/lib/disclosure/actions'
import type { YearReview } from '@/lib/disclosure/view'

/**
 * A disclosure copied from an earlier year: the texts that still name that year, each with where to
 * change it and “已核对” when it is right as it is (e.g. a multi-year project that started then).
 * `parts`: only the flags of this page's parts. Until every flag is changed or checked, the submission
 * gate lists them as warnings.
 */
/**
 * Flags marked in this page session, by disclosure: the router may remount the panel with the page's
 * earlier server data after an action (its client cache), and a checked flag must not come back.
 */
const checked = new Map<string, Set<string>>()

export function YearReviewPanel({ disclosureId, review, parts }: { disclosureId: string; review: YearReview | null; parts?: string[] }) {
  const [done, setDone] = useState<string[]>(() => [...(checked.get(disclosureId) ?? [])])
  const [error, setError] = useState<string | null>(null)
  const router = useRouter()
  const [pending, setPending] = useState<string | null>(null)
  if (!review) return null
  const flags = review.flags.filter((f) => (!parts || parts.includes(f.part)) && !done.includes(f.key))
  if (flags.length === 0) return null
  // not in a transition: the flag goes as soon as the server has recorded it
  const mark = async (key: string) => {
    setPending(key)
    setError(null)
    try {
      const r = await markYearReviewedAction(disclosureId, key)
      if (r.ok) {
        checked.set(disclosureId, new Set([...(checked.get(disclosureId) ?? []), key]))
        setDone((d) => [...d, key])
        // the page's data as the server now has it (the flag gone)
        router.refresh()
      }
      else setError(r.message)
    } catch {
      setError('操作失败，请稍后再试')
    } finally {
      setPending(null)
    }
  }
  return (
    <section className="alert alert-warn" aria-label="复制自上年的文字须核对" data-testid="year-review" style={{ display: 'block' }}>
      <h2 style={{ margin: '0 0 4px', fontSize: 16 }}>
        本预算复制自 {review.fromYear} 年，以下 {flags.length} 处文字仍提到 {review.fromYear} 年，请核对
      </h2>
      <p style={{ margin: '0 0 8px', fontSize: 13 }}>修改文字（改后重新打开本页即不再列出），或确认无误后点“已核对”。提交审核前须逐处处理。</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {flags.map((f) => (
          <li key={f.key} data-testid="year-flag" data-key={f.key} style={{ marginBottom: 4 }}>
            <strong>{f.where}</strong>：“{f.snippet}” <Link href={f.href}>去修改</Link>
            {review.canEdit && (
              <>
                {' '}
                <button type="button" className="btn" style={{ padding: '0 8px' }} disabled={pending !== null} onClick={() => void mark(f.key)} aria-label={`已核对：${f.where}`}>
                  已核对
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
