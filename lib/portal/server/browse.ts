import 'server-only'
import { db } from '@/lib/server/db'
import { Prisma } from '@/src/generated/prisma/client'
import type { RegionPage, RegionSummary, PublishedEntry, RegionYearListing } from '../view'
export type { RegionPage, RegionSummary, PublishedEntry, RegionYearListing } from '../view'

/**
 * The portal's lists read the read model kept at publication (PortalEntry, PortalRegionYear:
 * lib/portal/server/publication-index.ts, docs/decisions/020-portal-scale.md): a few rows by index,
 * whatever the number of published disclosures. Departments' budgets only: a unit's 单位预算 is part of
 * its department's (docs/decisions/009).
 */
const REGION = { code: true, name: true, province: true, financeBureau: true } as const

function summaries(regions: { id: string; code: string; name: string; province: string; financeBureau: string }[], counts: { regionId: string; year: number; departments: number }[]): RegionSummary[] {
  return regions
    .map(({ id, ...info }) => ({
      ...info,
      years: counts
        .filter((c) => c.regionId === id && c.departments > 0)
        .map((c) => ({ year: c.year, departments: c.departments }))
        .sort((a, b) => b.year - a.year),
    }))
    .filter((r) => r.years.length > 0)
    .sort((a, b) => a.province.localeCompare(b.province, 'zh-CN') || a.code.localeCompare(b.code))
}

/** Regions with published disclosures, and for each the years and how many departments published (every region: for tests and small tools — pages use loadRegionPage). */
export async function loadRegions(): Promise<RegionSummary[]> {
  const counts = await db().portalRegionYear.findMany({ where: { departments: { gt: 0 } } })
  const ids = [...new Set(counts.map((c) => c.regionId))]
  const regions = ids.length ? await db().region.findMany({ where: { id: { in: ids } }, select: { id: true, ...REGION } }) : []
  return summaries(regions, counts)
}

/** A region `r` with at least one published department (the read model's region-years). */
const PUBLISHED = Prisma.sql`EXISTS (SELECT 1 FROM "PortalRegionYear" y WHERE y."regionId" = r."id" AND y."departments" > 0)`

/** Regions per page of /regions. */
export const REGIONS_PER_PAGE = 30

/**
 * One page of the regions with published disclosures, by province then code (docs/decisions/020-portal-scale.md,
 * addendum 3): the page's regions are read through the Region (province, code) index under a LIMIT, so a
 * request reads and renders `pageSize` regions however many there are; the provinces' region counts (for the
 * province filter and the page count) are one aggregate over the region keys.
 */
export async function loadRegionPage(opts: { province?: string; page?: number; pageSize?: number } = {}): Promise<RegionPage> {
  const pageSize = Math.min(Math.max(opts.pageSize ?? REGIONS_PER_PAGE, 1), 100)
  const province = opts.province || undefined
  const provinces = (
    await db().$queryRaw<{ province: string; regions: number }[]>`SELECT r."province", COUNT(*)::int AS regions FROM "Region" r WHERE ${PUBLISHED} GROUP BY r."province" ORDER BY r."province"`
  ).sort((a, b) => a.province.localeCompare(b.province, 'zh-CN'))
  const total = province ? (provinces.find((p) => p.province === province)?.regions ?? 0) : provinces.reduce((n, p) => n + p.regions, 0)
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(opts.page ?? 1, 1), pages)
  const rows = total
    ? await db().$queryRaw<{ id: string; code: string; name: string; province: string; financeBureau: string }[]>(regionPageSql(province, pageSize, (page - 1) * pageSize))
    : []
  const counts = rows.length ? await db().portalRegionYear.findMany({ where: { regionId: { in: rows.map((r) => r.id) }, departments: { gt: 0 } } }) : []
  const byId = new Map(summaries(rows, counts).map((s) => [s.code, s]))
  return { regions: rows.map((r) => byId.get(r.code)!).filter(Boolean), provinces, province: province ?? null, page, pages, pageSize, total }
}

/** The statement of one page of regions (exported for the EXPLAIN test). */
export function regionPageSql(province: string | undefined, limit: number, offset: number): Prisma.Sql {
  const where = province ? Prisma.sql`r."province" = ${province} AND ${PUBLISHED}` : PUBLISHED
  return Prisma.sql`SELECT r."id", r."code", r."name", r."province", r."financeBureau" FROM "Region" r WHERE ${where} ORDER BY r."province", r."code" LIMIT ${limit} OFFSET ${offset}`
}

/**
 * The regions that published most recently (at most `limit`), for the front page: the newest publications
 * are read through the publishedAt index (a fixed window of them), then, if that window holds fewer than
 * `limit` regions, the first regions of /regions fill up the list — bounded reads either way, so the front
 * page does not grow with the number of regions; /regions lists them all, a page at a time.
 */
export async function loadRecentRegions(limit = 12, window = 200): Promise<RegionSummary[]> {
  const recent = await db().portalEntry.findMany({ where: { publishedAt: { not: null } }, orderBy: { publishedAt: 'desc' }, take: window, select: { regionId: true } })
  const ids = [...new Set(recent.map((r) => r.regionId))].slice(0, limit)
  if (ids.length < limit) {
    const more = await db().$queryRaw<{ id: string }[]>(regionPageSql(undefined, limit, 0))
    for (const r of more) if (ids.length < limit && !ids.includes(r.id)) ids.push(r.id)
  }
  if (ids.length === 0) return []
  const [regions, counts] = await Promise.all([
    db().region.findMany({ where: { id: { in: ids } }, select: { id: true, ...REGION } }),
    db().portalRegionYear.findMany({ where: { regionId: { in: ids }, departments: { gt: 0 } } }),
  ])
  const byCode = new Map(summaries(regions, counts).map((r) => [r.code, r]))
  const codeOf = new Map(regions.map((r) => [r.id, r.code]))
  return ids.map((id) => byCode.get(codeOf.get(id) ?? '')).filter((r): r is RegionSummary => r !== undefined)
}

/** One region's summary (its published years), or null. */
export async function loadRegion(code: string): Promise<RegionSummary | null> {
  const region = await db().region.findUnique({ where: { code }, select: { id: true, ...REGION } })
  if (!region) return null
  const counts = await db().portalRegionYear.findMany({ where: { regionId: region.id } })
  return summaries([region], counts)[0] ?? null
}

/** The most recently published disclosures (latest revision each), newest first. */
export async function loadRecent(limit = 10): Promise<PublishedEntry[]> {
  const rows = await db().portalEntry.findMany({ where: { publishedAt: { not: null } }, orderBy: { publishedAt: 'desc' }, take: limit })
  const regions = await db().region.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.regionId))] } }, select: { id: true, code: true, name: true, province: true } })
  const byId = new Map(regions.map(({ id, ...r }) => [id, r]))
  return rows.map((r) => ({ department: { code: r.departmentCode, name: r.departmentName }, region: byId.get(r.regionId)!, year: r.year, revision: r.revision, publishedAt: r.publishedAt?.toISOString() ?? null }))
}

/** Published departments of a region in a year (latest revision each), by department code. */
export async function loadRegionYear(regionCode: string, year: number): Promise<RegionYearListing | null> {
  const region = await db().region.findUnique({ where: { code: regionCode }, select: { id: true, ...REGION } })
  if (!region) return null
  const [counts, rows] = await Promise.all([
    db().portalRegionYear.findMany({ where: { regionId: region.id, departments: { gt: 0 } }, select: { year: true } }),
    db().portalEntry.findMany({ where: { regionId: region.id, year }, orderBy: { departmentCode: 'asc' }, select: { departmentCode: true, departmentName: true, revision: true, publishedAt: true } }),
  ])
  const years = counts.map((c) => c.year).sort((a, b) => b - a)
  if (!years.includes(year)) return null
  const departments = rows
    .map((r) => ({ code: r.departmentCode, name: r.departmentName, revision: r.revision, publishedAt: r.publishedAt?.toISOString() ?? null }))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
  const { id: _id, ...info } = region
  return { region: info, year, years, departments }
}
