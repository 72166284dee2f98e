import 'server-only'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { db } from '@/lib/server/db'
import type { Tx } from '@/lib/server/db'
import { Prisma } from '@/src/generated/prisma/client'
import { toTsvector } from '../search-grams'
import type { SearchRow } from '../search-rows'
import { searchRowsOf } from '../search-rows'

/**
 * The portal's read model, maintained at publication (docs/decisions/020-portal-scale.md):
 *   PortalEntry       one row per department and year: its latest published revision (department budgets;
 *                     a unit's 单位预算 is inside its department's, docs/decisions/009)
 *   PortalRegionYear  how many departments of a region published for a year
 *   PortalSearchText  what can be found in the entry, with the anchor of the place on its page
 * so that the front page, the region pages and search read a few rows by index, whatever the number of
 * published disclosures.
 */
export const entryId = (departmentId: string, year: number) => `${departmentId}-${year}`

export async function indexPublished(disclosureId: string): Promise<boolean> {
  const d = await db().disclosure.findUnique({ where: { id: disclosureId }, include: disclosureInclude })
  if (!d || d.status !== 'published' || d.unitCode !== '') return false
  const model = await buildDocumentModel(d)
  const region = d.department.region
  const rows = searchRowsOf(model, { region: `${region.province}${region.name}`, projects: d.projects.map((p) => ({ code: p.code, name: p.name })) })
  await db().$transaction(
    async (tx) => {
      const id = entryId(d.departmentId, d.year)
      // one indexing of a department-year at a time (a publication and a start-up repair may meet)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${id}))`
      // the disclosure indexed under another department or year before (moved by a data correction)
      for (const stale of await tx.portalEntry.findMany({ where: { disclosureId: d.id, NOT: { id } } })) {
        await tx.portalSearchText.deleteMany({ where: { entryId: stale.id } })
        await tx.portalEntry.delete({ where: { id: stale.id } })
        await refreshRegionYear(tx, stale.regionId, stale.year)
      }
      const current = await tx.portalEntry.findUnique({ where: { id }, select: { revision: true } })
      if (current && current.revision > d.revision) return
      const data = { departmentId: d.departmentId, year: d.year, disclosureId: d.id, revision: d.revision, regionId: region.id, departmentCode: d.department.code, departmentName: d.department.name, publishedAt: d.publishedAt }
      await tx.portalEntry.upsert({ where: { id }, create: { id, ...data }, update: data })
      await replaceSearchRows(tx, id, d.year, rows)
      await refreshRegionYear(tx, region.id, d.year)
    },
    { timeout: 60_000 },
  )
  return true
}

export async function replaceSearchRows(tx: Tx, entry: string, year: number, rows: SearchRow[]): Promise<void> {
  await tx.portalSearchText.deleteMany({ where: { entryId: entry } })
  for (let i = 0; i < rows.length; i += 200) {
    const values = rows.slice(i, i + 200).map((r) => Prisma.sql`(${entry}, ${year}, ${r.kind}, ${r.anchor}, ${r.label}, ${r.text}, ${toTsvector(r.text)}::tsvector)`)
    await tx.$executeRaw`INSERT INTO "PortalSearchText" ("entryId", "year", "kind", "anchor", "label", "text", "tsv") VALUES ${Prisma.join(values)}`
  }
}

export async function refreshRegionYear(tx: Tx, regionId: string, year: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "PortalRegionYear" ("regionId", "year", "departments")
    SELECT ${regionId}, ${year}, COUNT(*)::int FROM "PortalEntry" WHERE "regionId" = ${regionId} AND "year" = ${year}
    ON CONFLICT ("regionId", "year") DO UPDATE SET "departments" = EXCLUDED."departments"`
}

/**
 * Index every latest published department budget the read model does not have yet (or has at an older
 * revision): after the seed, at start-up, and to repair a publication whose indexing failed. Reads all
 * published disclosures once — for start-up and scripts, never per request.
 */
export async function indexMissingPublications(): Promise<number> {
  const missing = await db().$queryRaw<{ id: string }[]>`
    SELECT l."id" FROM (
      SELECT DISTINCT ON (d."departmentId", d."year") d."id", d."departmentId", d."year", d."revision"
      FROM "Disclosure" d WHERE d."status" = 'published' AND d."unitCode" = ''
      ORDER BY d."departmentId", d."year", d."revision" DESC
    ) l
    LEFT JOIN "PortalEntry" e ON e."departmentId" = l."departmentId" AND e."year" = l."year"
    WHERE e."id" IS NULL OR e."revision" < l."revision"`
  let n = 0
  for (const m of missing) if (await indexPublished(m.id)) n++
  return n
}
