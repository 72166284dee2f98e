import 'server-only'
import { scopeOf } from '@/lib/disclosure/server/find-disclosure'
import type { Action, Actor, DisclosureStatus } from '@/lib/server/authz'
import { can, requirePermission, STATUS_LABELS } from '@/lib/server/authz'
import type { Tx } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import type { Prisma } from '@/src/generated/prisma/client'
import type { WorkflowAction } from '../transitions'
import { transition, WORKFLOW_ACTION_LABELS } from '../transitions'

export const conflict = () => new AppError('CONFLICT', '该预算公开已被他人修改或状态已变化，您的这次操作未生效，内容均未丢失。请重新加载后再操作。')

export type Opened = Prisma.DisclosureGetPayload<{ include: { department: true } }>

/**
 * Loads a disclosure for a mutation, in the caller's transaction: not readable → 404 (its existence does
 * not leak); a version other than the one the user saw → 409; then the permission for `action`.
 */
export async function openForAction(tx: Tx, actor: Actor, input: { disclosureId: string; version: number }, action: Action): Promise<Opened> {
  const d = await tx.disclosure.findUnique({ where: { id: input.disclosureId }, include: { department: true } })
  if (!d || !can(actor, 'disclosure.read', scopeOf(d))) throw notFound('该预算公开')
  if (d.version !== input.version) throw conflict()
  requirePermission(actor, action, scopeOf(d))
  return d
}

/**
 * Takes one workflow step: the status moves along the transition table and the version goes up, on the
 * condition that neither changed since the disclosure was opened. Of two concurrent steps on one version,
 * the second finds no row and is refused.
 */
export async function moveStatus(tx: Tx, d: Opened, version: number, action: WorkflowAction, data: Prisma.DisclosureUpdateManyMutationInput = {}): Promise<{ from: DisclosureStatus; to: DisclosureStatus; version: number }> {
  const t = transition(d.status, action)
  if (!t || t.newRevision) throw new AppError('LOCKED', `该预算公开当前状态为“${STATUS_LABELS[d.status]}”，不能${WORKFLOW_ACTION_LABELS[action]}`)
  const r = await tx.disclosure.updateMany({ where: { id: d.id, version, status: d.status }, data: { ...data, status: t.to, version: { increment: 1 } } })
  if (r.count === 0) throw conflict()
  return { from: d.status, to: t.to, version: version + 1 }
}

/** A change that is not a status change (a comment): the version check and bump alone. */
export async function bumpVersion(tx: Tx, d: Opened, version: number): Promise<number> {
  const r = await tx.disclosure.updateMany({ where: { id: d.id, version, status: d.status }, data: { version: { increment: 1 } } })
  if (r.count === 0) throw conflict()
  return version + 1
}
