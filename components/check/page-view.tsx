'use client'

import type { InspectedPage } from '@/lib/check/view'
import type { PageBox } from '@/lib/check/highlight'
import type { CheckFinding } from '@/lib/check/types'

const flat = (s: string) => s.replace(/\s+/g, '')

/**
 * The page a finding is on: the page as printed (an image rendered on demand for the reviewer who
 * uploaded the document — a PDF's page, or a DOCX's as LibreOffice lays it out), and beside it the
 * page's extracted text with the finding's sentence or row marked.
 */
export function PageView({ finding, pages, image, documentName, marks }: { finding: CheckFinding; pages: InspectedPage[]; image: string | null; documentName: string; marks: PageBox[] }) {
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
      {image && finding.page ? (
        <div style={{ position: 'relative', width: '100%', maxWidth: 680, marginBottom: 8 }}>
          <img
            key={`${image}-${finding.page}`}
            src={`/api/review/inspect/page?doc=${encodeURIComponent(image)}&page=${finding.page}`}
            alt={`「${documentName}」第 ${finding.page} 页的页面图像${finding.quote ? `，问题所在语句：${finding.quote.slice(0, 60)}` : finding.table ? `，问题所在表格：${finding.table}` : ''}${marks.length ? '（已在图中用黄色框标出）' : ''}`}
            data-testid="inspect-page-image"
            style={{ display: 'block', width: '100%', height: 'auto', border: '1px solid var(--line)', borderRadius: 6, background: '#fff' }}
          />
          {marks.map((b, i) => (
            <span
              key={i}
              aria-hidden="true"
              data-testid="inspect-image-mark"
              style={{ position: 'absolute', left: `${b.x * 100}%`, top: `${b.y * 100}%`, width: `${b.w * 100}%`, height: `${b.h * 100}%`, background: 'rgba(255, 214, 0, 0.35)', outline: '2px solid #b45309', borderRadius: 2, pointerEvents: 'none' }}
            />
          ))}
        </div>
      ) : null}
      <p className="muted" style={{ fontSize: 12, margin: '4px 0' }}>
        本页提取的文字（问题所在的语句或行已标出）：
      </p>
      {/* a scrolling region: reachable with Tab and scrolled with the arrow keys (axe: scrollable-region-focusable) */}
      <div tabIndex={0} role="region" aria-label={`${finding.page ? `第 ${page.page} 页` : '全文'}的文字（可用方向键滚动）`} style={{ border: '1px solid var(--line)', borderRadius: 6, padding: 12, maxHeight: 560, overflow: 'auto', fontSize: 13, background: '#fff', whiteSpace: 'pre-wrap' }}>
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
