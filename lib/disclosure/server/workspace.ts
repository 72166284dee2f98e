import 'server-only'
import type { Actor } from '@/lib/server/authz'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'

type SignedIn = NonNullable<Actor>

/**
 * The disclosures an actor works on, newest year first: an accountant's own department's (a unit
 * accountant's own unit's), a reviewer's region's, every one for an admin. Always within
 * readableDisclosures(actor), so the workspace cannot list what the actor may not read.
 */
export async function workspaceDisclosures(actor: SignedIn) {
  const own = actor.role === 'accountant' ? (actor.unitCode ? { departmentId: actor.departmentId ?? '__none__', unitCode: actor.unitCode } : { departmentId: actor.departmentId ?? '__none__' }) : actor.role === 'reviewer' ? { department: { regionId: actor.regionId ?? '__none__' } } : {}
  return db().disclosure.findMany({
    where: { AND: [readableDisclosures(actor), own] },
    include: { department: { include: { region: true, units: true } } },
    orderBy: [{ year: 'desc' }, { department: { code: 'asc' } }, { unitCode: 'asc' }],
  })
}

/** The actor's own department with its units in order, or null (reviewers, admins). */
export async function actorDepartment(actor: SignedIn) {
  return actor.departmentId ? db().department.findUnique({ where: { id: actor.departmentId }, include: { units: { orderBy: [{ position: 'asc' }, { code: 'asc' }] } } }) : null
}

/** The actor's own region (a reviewer's), or null. */
export async function actorRegion(actor: SignedIn) {
  return actor.regionId ? db().region.findUnique({ where: { id: actor.regionId } }) : null
}
