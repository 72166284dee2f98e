import 'server-only'
import { db } from '@/lib/server/db'
import type { RegionSummary, PublishedEntry, RegionYearListing } from '../view'
export type { RegionSummary, PublishedEntry, RegionYearListing } from '../view'

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

/** Regions with published disclosures, and for each the years and how many departments published. */
export async function loadRegions(): Promise<RegionSummary[]> {
  const counts = await db().portalRegionYear.findMany({ where: { departments: { gt: 0 } } })
  const ids = [...new Set(counts.map((c) => c.regionId))]
  const regions = ids.length ? await db().region.findMany({ where: { id: { in: ids } }, select: { id: true, ...REGION } }) : []
  return summaries(regions, counts)
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
