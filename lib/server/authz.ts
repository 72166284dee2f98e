import 'server-only'
import type { Prisma } from '@/src/generated/prisma/client'
import type { DisclosureStatus, Role } from '@/lib/domain/status'
import { DISCLOSURE_STATUSES, STATUS_LABELS } from '@/lib/domain/status'
import { AppError, notFound } from './errors'

export type { DisclosureStatus, Role } from '@/lib/domain/status'
export { ROLE_LABELS, STATUS_LABELS } from '@/lib/domain/status'
/** `unitCode`: a unit accountant's unit (they work on that unit's 单位预算 only); absent or null for a department accountant. */
export type Actor = { id: string; role: Role; name: string; departmentId: string | null; regionId: string | null; unitCode?: string | null } | null
/** `unitCode`: the unit of a 单位预算; '' or absent for the department's budget. */
export type DisclosureScope = { departmentId: string; regionId: string; status: DisclosureStatus; unitCode?: string }

/** An accountant's own work: their department's disclosures, and for a unit accountant only their unit's. */
function ownWork(actor: NonNullable<Actor>, scope: DisclosureScope): boolean {
  if (actor.role !== 'accountant' || actor.departmentId !== scope.departmentId) return false
  return !actor.unitCode || actor.unitCode === (scope.unitCode ?? '')
}

export const ACTIONS = [
  'disclosure.read',
  'disclosure.edit',
  'disclosure.create',
  'disclosure.import',
  'disclosure.submit',
  'disclosure.correct',
  'disclosure.comment',
  'disclosure.return',
  'disclosure.approve',
  'disclosure.publish',
  'review.queue',
  'document.inspect',
  'audit.read',
  'catalogue.manage',
  'template.manage',
  'glossary.manage',
  'user.manage',
  'account.password',
] as const
export type Action = (typeof ACTIONS)[number]

const EDITABLE: DisclosureStatus[] = ['draft', 'returned']

/**
 * The single permission table. Anything not listed here is denied.
 * Reads: the public sees published disclosures; an accountant their department's; a reviewer
 * everything submitted in their region; an admin all.
 */
export function can(actor: Actor, action: Action, scope?: DisclosureScope): boolean {
  switch (action) {
    case 'disclosure.read':
      if (!scope) return false
      if (scope.status === 'published') return true
      if (!actor) return false
      if (actor.role === 'admin') return true
      if (actor.role === 'accountant') return ownWork(actor, scope)
      if (actor.role === 'reviewer') return actor.regionId === scope.regionId && scope.status !== 'draft'
      return false
    case 'disclosure.edit':
      return !!actor && !!scope && ownWork(actor, scope) && EDITABLE.includes(scope.status)
    case 'disclosure.create':
    case 'disclosure.import':
      // creating a year's disclosure, or replacing an editable one's data from a workbook
      return !!actor && !!scope && ownWork(actor, scope) && (action === 'disclosure.create' || EDITABLE.includes(scope.status))
    case 'disclosure.submit':
      return !!actor && !!scope && ownWork(actor, scope) && EDITABLE.includes(scope.status)
    case 'disclosure.correct':
      return !!actor && !!scope && ownWork(actor, scope) && scope.status === 'published'
    case 'disclosure.comment':
    case 'disclosure.return':
    case 'disclosure.approve':
      return !!actor && !!scope && actor.role === 'reviewer' && actor.regionId === scope.regionId && scope.status === 'submitted'
    case 'disclosure.publish':
      return !!actor && !!scope && actor.role === 'reviewer' && actor.regionId === scope.regionId && scope.status === 'approved'
    case 'review.queue':
      // without a scope: opening the review workspace; with one: reviewing that disclosure (its region's reviewers, admins)
      return !!actor && (actor.role === 'admin' || (actor.role === 'reviewer' && (!scope || actor.regionId === scope.regionId)))
    case 'document.inspect':
      // checking published documents uploaded by a reviewer (预决算公开检查): reviewers and admins, no disclosure scope
      return !!actor && (actor.role === 'admin' || actor.role === 'reviewer')
    case 'audit.read':
      // without a scope: opening the audit log at all (the rows are then filtered by region, see lib/workflow/server/list-audit.ts)
      return !!actor && (actor.role === 'admin' || (actor.role === 'reviewer' && (!scope || actor.regionId === scope.regionId)))
    case 'catalogue.manage':
    case 'template.manage':
    case 'glossary.manage':
    case 'user.manage':
      return actor?.role === 'admin'
    case 'account.password':
      // changing one's own password: every signed-in user
      return !!actor
    default: {
      // an action missing from this table is a compile error here and denied at run time
      const never: never = action
      void never
      return false
    }
  }
}

/**
 * Throws unless allowed. A disclosure the actor may not even read answers 404, so its existence does
 * not leak; one they can read but not change answers 403 (or 423 when only its status forbids it).
 */
export function requirePermission(actor: Actor, action: Action, scope?: DisclosureScope): void {
  if (can(actor, action, scope)) return
  if (scope && !can(actor, 'disclosure.read', scope)) throw notFound('该预算公开')
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  // allowed for this actor and disclosure in another status: only the status stands in the way
  if (scope && ALL_STATUSES.some((status) => can(actor, action, { ...scope, status }))) {
    const what = action === 'disclosure.edit' || action === 'disclosure.import' || action === 'disclosure.submit' ? '修改' : '执行此操作'
    throw new AppError('LOCKED', `该预算公开当前状态为“${STATUS_LABELS[scope.status]}”，不能${what}`)
  }
  throw new AppError('FORBIDDEN', '您没有执行此操作的权限')
}

/** Prisma filter for the disclosures an actor may read, so that a query cannot forget the scope. */
export function readableDisclosures(actor: Actor): Prisma.DisclosureWhereInput {
  if (!actor) return { status: 'published' }
  switch (actor.role) {
    case 'admin':
      return {}
    case 'accountant':
      return { OR: [{ status: 'published' }, actor.unitCode ? { departmentId: actor.departmentId ?? '__none__', unitCode: actor.unitCode } : { departmentId: actor.departmentId ?? '__none__' }] }
    case 'reviewer':
      return { OR: [{ status: 'published' }, { department: { regionId: actor.regionId ?? '__none__' }, status: { not: 'draft' } }] }
  }
}

const ALL_STATUSES: readonly DisclosureStatus[] = DISCLOSURE_STATUSES
