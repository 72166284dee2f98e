import Link from 'next/link'
import type { FrozenRevision } from '@/lib/portal/view'

/**
 * "已公开的 N 个版本不受影响（已冻结）：…" under an admin's shared edit (名词解释, 科目, 表样模板): the published
 * revisions it would have touched, each frozen at its publication (docs/decisions/015); the edit reaches
 * drafts and new revisions only.
 */
export function FrozenRevisionsNote({ list, what }: { list: FrozenRevision[]; what: string }) {
  if (list.length === 0) return <p className="muted">{what}的修改适用于草稿和今后的新版本；目前没有已公开的版本使用它。</p>
  return (
    <p className="muted" role="note">
      {what}的修改只适用于草稿和今后的新版本。已公开的 {list.length}
      {list.length >= 200 ? '+' : ''} 个版本不受影响（已冻结）：
      {list.slice(0, 20).map((r, i) => (
        <span key={`${r.code}-${r.year}-${r.revision}`}>
          {i > 0 ? '、' : ''}
          <Link href={r.href}>{r.label}</Link>
        </span>
      ))}
      {list.length > 20 ? ' 等' : ''}
    </p>
  )
}
