import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import type { TComment, TDeleteComment } from '../schemas'
import { bumpVersion, openForAction } from './open'
import { checkAnchor, reviewedContent } from './review-material'

/** A reviewer's comment on a table cell or a notes paragraph of a submitted disclosure. */
export async function addComment(actor: Actor, input: TComment): Promise<{ version: number; commentId: string }> {
  return db().$transaction(async (tx) => {
    const d = await openForAction(tx, actor, input, 'disclosure.comment')
    const content = await reviewedContent(tx, d.id)
    checkAnchor(input.anchor, content)
    const version = await bumpVersion(tx, d, input.version)
    const c = await tx.reviewComment.create({ data: { disclosureId: d.id, authorId: actor!.id, anchor: input.anchor, body: input.body, version: content.version ?? input.version } })
    await audit(tx, actor, { disclosureId: d.id, action: 'comment', entity: 'reviewComment', entityId: c.id, after: { anchor: input.anchor, body: input.body } })
    return { version, commentId: c.id }
  })
}

/** A reviewer withdraws their own comment while the submission is still under review. */
export async function deleteComment(actor: Actor, input: TDeleteComment): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const d = await openForAction(tx, actor, input, 'disclosure.comment')
    const c = await tx.reviewComment.findFirst({ where: { id: input.commentId, disclosureId: d.id } })
    if (!c) throw notFound('该意见')
    if (c.authorId !== actor!.id) throw new AppError('FORBIDDEN', '只能撤回自己写的意见')
    if (c.resolvedAt) throw new AppError('LOCKED', '该意见属于此前的审核轮次，不能撤回')
    const version = await bumpVersion(tx, d, input.version)
    await tx.reviewComment.delete({ where: { id: c.id } })
    await audit(tx, actor, { disclosureId: d.id, action: 'delete', entity: 'reviewComment', entityId: c.id, before: { anchor: c.anchor, body: c.body } })
    return { version }
  })
}
