import 'server-only'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import { urls } from '../format'
import { PUBLIC } from './disclosure-data'
import type { FrozenRevision } from '../view'
export type { FrozenRevision } from '../view'

/** A shared edit an admin makes: each reaches drafts and new revisions only (docs/decisions/015). */
export type SharedChange = { kind: 'glossary'; regionId: string } | { kind: 'catalogue'; year: number } | { kind: 'template'; key: string }

const whereOf = (c: SharedChange): Prisma.DisclosureWhereInput =>
  c.kind === 'glossary' ? { department: { regionId: c.regionId } } : c.kind === 'catalogue' ? { year: c.year } : { template: { key: c.key } }

/**
 * The published revisions a change would have touched had they not been frozen: those whose printed
 * documents use the region's 名词解释, the year's catalogue, or the template. The admin pages list them
 * ("已公开的 N 个版本不受影响（已冻结）", components/admin/frozen-revisions-note.tsx).
 */
export async function publishedRevisionsTouchedBy(change: SharedChange, limit = 200): Promise<FrozenRevision[]> {
  const rows = await db().disclosure.findMany({
    where: { AND: [PUBLIC, whereOf(change)] },
    orderBy: [{ year: 'desc' }, { department: { code: 'asc' } }, { unitCode: 'asc' }, { revision: 'asc' }],
    take: limit,
    select: { year: true, revision: true, unitCode: true, department: { select: { code: true, name: true, units: { select: { code: true, name: true } } } } },
  })
  return rows.map((r) => {
    const s = subjectOf(r)
    return { code: s.code, name: s.name, year: r.year, revision: r.revision, label: `${s.name} ${r.year} 年第 ${r.revision} 版`, href: `${urls.disclosure(s.code, r.year)}/revisions/${r.revision}` }
  })
}
