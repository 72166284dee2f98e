import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import { scopeOf } from './find-disclosure'

/** What the person types to confirm deleting a draft. */
export const DELETE_CONFIRMATION = '删除'

/**
 * Deletes a draft its owner no longer wants (e.g. a wrong import): only a draft that was never submitted,
 * only by whoever may edit it, only after the typed confirmation and on the version they saw. One audit
 * row records what was deleted (kept without the disclosure link, since the disclosure is gone).
 */
export async function deleteDraft(actor: Actor, input: { disclosureId: string; version: number; confirm: string }): Promise<{ year: number }> {
  if (input.confirm.trim() !== DELETE_CONFIRMATION) throw new AppError('VALIDATION', `请输入“${DELETE_CONFIRMATION}”确认删除草稿`, [{ path: 'confirm', message: `请输入“${DELETE_CONFIRMATION}”确认` }])
  return db().$transaction(async (tx) => {
    const d = await tx.disclosure.findUnique({ where: { id: input.disclosureId }, include: { department: { select: { code: true, name: true, regionId: true } } } })
    if (!d) throw notFound('该预算公开')
    requirePermission(actor, 'disclosure.edit', scopeOf(d))
    if (d.status !== 'draft' || d.submittedAt) throw new AppError('LOCKED', '只能删除从未提交过的草稿；已提交、已退回、已审核或已公开的预算不能删除')
    const gone = await tx.disclosure.deleteMany({ where: { id: d.id, version: input.version, status: 'draft' } })
    if (gone.count === 0) throw new AppError('CONFLICT', '草稿已被他人修改（或在其他窗口中修改），未删除。请重新加载后再确认。')
    await audit(tx, actor, { disclosureId: null, action: 'delete', entity: 'disclosure', entityId: d.id, before: { department: `${d.department.code} ${d.department.name}`, year: d.year, unitCode: d.unitCode, revision: d.revision, source: d.source, status: d.status, version: d.version } })
    return { year: d.year }
  })
}
