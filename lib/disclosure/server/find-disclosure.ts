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
 * The latest revision of a department's disclosure for a year that the actor may read.
 * `code` is the department's code or the code of one of its units.
 */
export async function findReadableDisclosure(actor: Actor, code: string, year: number): Promise<DisclosureFull> {
  const d = await db().disclosure.findFirst({
    where: {
      AND: [readableDisclosures(actor), { year }, { department: { OR: [{ code }, { units: { some: { code } } }] } }],
    },
    orderBy: { revision: 'desc' },
    include: disclosureInclude,
  })
  if (!d) throw notFound(`${code} 的 ${year} 年预算公开`)
  return d
}

export async function findDisclosureById(actor: Actor, id: string): Promise<DisclosureFull> {
  const d = await db().disclosure.findFirst({ where: { AND: [readableDisclosures(actor), { id }] }, include: disclosureInclude })
  if (!d) throw notFound('该预算公开')
  return d
}
