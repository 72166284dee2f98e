import 'server-only'
import type { Prisma } from '@/src/generated/prisma/client'
import type { Actor, DisclosureScope, DisclosureStatus } from '@/lib/server/authz'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { notFound } from '@/lib/server/errors'
import type { DisclosureFull } from './to-budget-data'
import { disclosureInclude } from './to-budget-data'

export function scopeOf(d: { departmentId: string; status: DisclosureStatus; unitCode?: string; department: { regionId: string } }): DisclosureScope {
  return { departmentId: d.departmentId, regionId: d.department.regionId, status: d.status, unitCode: d.unitCode ?? '' }
}

/**
 * Which disclosures a code names: a department's code names its department budget (unitCode ''); a
 * unit's code names that unit's own budget (单位预算) when it has one for the year, else the budget
 * of the unit's department (docs/decisions/009-unit-and-department-budgets.md).
 */
export async function disclosureTargets(code: string, year: number, extra: Prisma.DisclosureWhereInput = {}): Promise<Prisma.DisclosureWhereInput[]> {
  // unique-index lookups only: a relation filter "department code OR one of its units' codes" defeats the
  // (departmentId, unitCode, year) index and scans every disclosure of the year (docs/decisions/020)
  const [unit, department] = await Promise.all([
    db().unit.findUnique({ where: { code }, select: { code: true, departmentId: true } }),
    db().department.findUnique({ where: { code }, select: { id: true } }),
  ])
  if (unit) {
    const own = await db().disclosure.count({ where: { AND: [extra, { year, departmentId: unit.departmentId, unitCode: unit.code }] } })
    if (own > 0) return [{ departmentId: unit.departmentId, unitCode: unit.code }]
  }
  const departmentIds = [...new Set([department?.id, unit?.departmentId].filter((id): id is string => id !== undefined))]
  return departmentIds.map((departmentId) => ({ departmentId, unitCode: '' }))
}

export type ReadableRef = { id: string; status: DisclosureStatus; revision: number }

/**
 * Which disclosure for a year the actor may read, without its data. `code` is the department's code or
 * the code of one of its units (the unit's own budget when it has one, else the department's). With
 * `revision`, exactly that revision (each published revision stays readable after a correction); without
 * it, the latest published revision, or — for those who may read unpublished work — the latest revision
 * when none is published yet. A published one is then served from its stored files (lib/portal).
 */
export async function findReadableRef(actor: Actor, code: string, year: number, opts: { revision?: number } = {}): Promise<ReadableRef> {
  const readable = readableDisclosures(actor)
  const scope: Prisma.DisclosureWhereInput[] = [readable, { year }, { OR: await disclosureTargets(code, year, readable) }]
  const find = (extra: Prisma.DisclosureWhereInput) => db().disclosure.findFirst({ where: { AND: [...scope, extra] }, orderBy: { revision: 'desc' }, select: { id: true, status: true, revision: true } })
  const d = opts.revision !== undefined ? await find({ revision: opts.revision }) : ((await find({ status: 'published' })) ?? (await find({})))
  if (!d) throw notFound(`${code} 的 ${year} 年预算公开${opts.revision !== undefined ? `（第 ${opts.revision} 版）` : ''}`)
  return d
}

/** The disclosure findReadableRef names, with all its data (for computing drafts and building files). */
export async function findReadableDisclosure(actor: Actor, code: string, year: number, opts: { revision?: number } = {}): Promise<DisclosureFull> {
  const ref = await findReadableRef(actor, code, year, opts)
  return findDisclosureById(actor, ref.id)
}

export async function findDisclosureById(actor: Actor, id: string): Promise<DisclosureFull> {
  const d = await db().disclosure.findFirst({ where: { AND: [readableDisclosures(actor), { id }] }, include: disclosureInclude })
  if (!d) throw notFound('该预算公开')
  return d
}
