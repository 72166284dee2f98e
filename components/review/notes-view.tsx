'use client'

import type { NotesSection, SectionDiff } from '@/lib/workflow/notes'
import s from './review.module.css'

/**
 * The notes section by section. With a comparison, removed paragraphs are shown struck through and added
 * ones marked; a paragraph can be chosen for a comment (click, or Enter when focused).
 */
export function NotesView({ sections, diff, comments, selected, onSelect }: { sections: NotesSection[]; diff?: SectionDiff[] | null; comments: Map<string, number>; selected?: { section: string; paragraph: number } | null; onSelect?: (section: string, paragraph: number) => void }) {
  if (sections.length === 0 && !diff?.length) return <p className="muted">尚未填写情况说明。</p>
  const byKey = new Map(diff?.map((d) => [d.key, d]))
  const paragraph = (section: string, i: number, text: string, extra = '') => {
    const n = comments.get(`${section}:${i}`) ?? 0
    const sel = selected?.section === section && selected.paragraph === i
    return (
      <p
        key={`${section}-${i}`}
        className={[s.paragraph, extra, n ? s.commented : '', sel ? s.selected : ''].filter(Boolean).join(' ')}
        tabIndex={onSelect ? 0 : undefined}
        data-section={section}
        data-paragraph={i}
        onClick={onSelect ? () => onSelect(section, i) : undefined}
        onKeyDown={onSelect ? (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onSelect(section, i)) : undefined}
      >
        {text}
        {n > 0 && <span className={s.marker} aria-label={`${n} 条意见`}>意见{n > 1 ? ` ${n}` : ''}</span>}
      </p>
    )
  }
  const order = diff ? diff.map((d) => d.key) : sections.map((x) => x.key)
  return (
    <div data-testid="notes">
      {order.map((key) => {
        const sec = sections.find((x) => x.key === key)
        const d = byKey.get(key)
        return (
          <section key={key} className="card" style={{ marginBottom: 12 }}>
            <h3 style={{ margin: '0 0 6px', fontSize: 16 }}>
              {sec?.title ?? d?.title}
              {d && d.status !== 'same' && <span className="badge badge-warning" style={{ marginLeft: 8 }}>{d.status === 'added' ? '新增' : d.status === 'removed' ? '已删除' : '有修改'}</span>}
            </h3>
            {d
              ? d.ops.map((op, i) =>
                  op.op === 'removed' ? (
                    <p key={`r${i}`} className={`${s.paragraph} ${s.opRemoved}`}>
                      <span className={s.srOnly}>删除：</span>
                      {op.text}
                    </p>
                  ) : (
                    paragraph(key, op.index!, op.text, op.op === 'added' ? s.opAdded : '')
                  ),
                )
              : sec!.paragraphs.map((p, i) => paragraph(key, i, p))}
          </section>
        )
      })}
    </div>
  )
}
