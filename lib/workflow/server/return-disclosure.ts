import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { TReturn } from '../schemas'
import { moveStatus, openForAction } from './open'
import { reviewedContent } from './review-material'

/** 退回修改: the reason becomes a general comment beside the cell and paragraph comments already made. */
export async function returnDisclosure(actor: Actor, input: TReturn): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const d = await openForAction(tx, actor, input, 'disclosure.return')
    const content = await reviewedContent(tx, d.id)
    const moved = await moveStatus(tx, d, input.version, 'return')
    const reason = await tx.reviewComment.create({ data: { disclosureId: d.id, authorId: actor!.id, anchor: { kind: 'general' }, body: input.reason, version: content.version ?? input.version } })
    const open = await tx.reviewComment.count({ where: { disclosureId: d.id, resolvedAt: null } })
    await audit(tx, actor, {
      disclosureId: d.id,
      action: 'return',
      entity: 'disclosure',
      entityId: d.id,
      before: { status: moved.from, version: input.version },
      after: { status: moved.to, version: moved.version, reason: input.reason, reasonCommentId: reason.id, openComments: open },
    })
    return { version: moved.version }
  })
}
