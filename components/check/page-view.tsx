'use client'

import type { InspectedPage } from '@/lib/check/view'
import type { CheckFinding } from '@/lib/check/types'

const flat = (s: string) => s.replace(/\s+/g, '')

/** The page a finding is on, as extracted text, with the finding's sentence or row marked. */
export function PageView({ finding, pages }: { finding: CheckFinding; pages: InspectedPage[] }) {
  const page = pages.find((p) => p.page === (finding.page ?? 1)) ?? pages[0]
  if (!page) return <p className="muted">没有可显示的页面。</p>
  const quote = finding.quote ? flat(finding.quote).slice(0, 24) : null
  const row = finding.row ? flat(finding.row.split(' ').pop() ?? finding.row) : null
  const hit = (l: string) => {
    const f = flat(l)
    return (quote && quote.length > 4 && (f.includes(quote) || quote.includes(f.slice(0, 24)) && f.length > 8)) || (row && row.length > 1 && f.includes(row))
  }
  return (
    <figure style={{ margin: 0 }} data-testid="inspect-page">
      <figcaption style={{ fontWeight: 600, marginBottom: 6 }}>{finding.page ? `第 ${page.page} 页` : '全文'}</figcaption>
      <div style={{ border: '1px solid var(--line)', borderRadius: 6, padding: 12, maxHeight: 560, overflow: 'auto', fontSize: 13, background: '#fff', whiteSpace: 'pre-wrap' }}>
        {page.lines.map((l, i) =>
          hit(l) ? (
            <mark key={i} style={{ display: 'block', background: '#fff3b0' }} data-testid="inspect-mark">
              {l.replace(/\t/g, '　')}
            </mark>
          ) : (
            <div key={i}>{l.replace(/\t/g, '　') || '\u00a0'}</div>
          ),
        )}
      </div>
    </figure>
  )
}
