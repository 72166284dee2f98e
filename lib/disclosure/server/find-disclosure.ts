import type { Prisma } from '@/src/generated/prisma/client'
import type { Actor, DisclosureScope, DisclosureStatus } from '@/lib/server/authz'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { notFound } from '@/lib/server/errors'
import type { DisclosureFull } from './to-budget-data'
import { disclosureInclude } from './to-budget-data'

export function scopeOf(d: { departmentId: string; status: DisclosureStatus; department: { regionId: string } }): DisclosureScope {
  return { departmentId: d.departmentId, regionId: d.department.regionId, status: d.status }
}

/**
 * A department's disclosure for a year that the actor may read. `code` is the department's code or the
 * code of one of its units. With `revision`, exactly that revision (each published revision stays
 * readable after a correction); without it, the latest published revision, or — for those who may read
 * unpublished work — the latest revision when none is published yet.
 */
export async function findReadableDisclosure(actor: Actor, code: string, year: number, opts: { revision?: number } = {}): Promise<DisclosureFull> {
  const scope: Prisma.DisclosureWhereInput[] = [readableDisclosures(actor), { year }, { department: { OR: [{ code }, { units: { some: { code } } }] } }]
  const find = (extra: Prisma.DisclosureWhereInput) => db().disclosure.findFirst({ where: { AND: [...scope, extra] }, orderBy: { revision: 'desc' }, include: disclosureInclude })
  const d = opts.revision !== undefined ? await find({ revision: opts.revision }) : ((await find({ status: 'published' })) ?? (await find({})))
  if (!d) throw notFound(`${code} 的 ${year} 年预算公开${opts.revision !== undefined ? `（第 ${opts.revision} 版）` : ''}`)
  return d
}

export async function findDisclosureById(actor: Actor, id: string): Promise<DisclosureFull> {
  const d = await db().disclosure.findFirst({ where: { AND: [readableDisclosures(actor), { id }] }, include: disclosureInclude })
  if (!d) throw notFound('该预算公开')
  return d
}
