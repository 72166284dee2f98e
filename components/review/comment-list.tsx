'use client'

import type { TAnchor } from '@/lib/workflow/schemas'
import type { CommentView } from '@/lib/workflow/view'
import { chinaTime } from '@/lib/workflow/format'
import s from './review.module.css'

/** Review comments with where they point; the text is rendered as text (React escapes it), never as HTML. */
export function CommentList({ comments, onGo, onDelete, canDeleteOf, empty = '暂无审核意见。' }: { comments: CommentView[]; onGo?: (a: TAnchor) => void; onDelete?: (c: CommentView) => void; canDeleteOf?: (c: CommentView) => boolean; empty?: string }) {
  if (comments.length === 0) return <p className="muted">{empty}</p>
  return (
    <ol className={s.comments} aria-label="审核意见" data-testid="comments">
      {comments.map((c) => (
        <li key={c.id} className={`${s.comment} ${c.resolvedAt ? s.resolved : ''}`} data-testid="comment">
          <div className={s.where}>
            {onGo && c.anchor.kind !== 'general' ? (
              <button type="button" className={s.linkBtn} onClick={() => onGo(c.anchor)}>
                {c.where}
              </button>
            ) : (
              c.where
            )}
          </div>
          <p className={s.body}>{c.body}</p>
          <div className={s.meta}>
            {c.author} · {chinaTime(c.createdAt)}
            {c.resolvedAt ? ` · 已于 ${chinaTime(c.resolvedAt)} 重新提交` : ' · 待处理'}
            {onDelete && canDeleteOf?.(c) && (
              <>
                {' · '}
                <button type="button" className={s.linkBtn} onClick={() => onDelete(c)}>
                  撤回
                </button>
              </>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
