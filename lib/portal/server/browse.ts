import 'server-only'
import { db } from '@/lib/server/db'
import { PUBLIC } from './disclosure-data'

export type RegionSummary = { code: string; name: string; province: string; financeBureau: string; years: { year: number; departments: number }[] }
export type PublishedEntry = { department: { code: string; name: string }; region: { code: string; name: string; province: string }; year: number; revision: number; publishedAt: string | null }

/** Regions with published disclosures, and for each the years and how many departments published. */
export async function loadRegions(): Promise<RegionSummary[]> {
  // departments' budgets: a unit's 单位预算 is part of its department's (docs/decisions/009)
  const rows = await db().disclosure.findMany({
    where: { AND: [PUBLIC, { unitCode: '' }] },
    select: { year: true, departmentId: true, department: { select: { region: { select: { code: true, name: true, province: true, financeBureau: true } } } } },
  })
  const byRegion = new Map<string, { info: Omit<RegionSummary, 'years'>; years: Map<number, Set<string>> }>()
  for (const r of rows) {
    const reg = r.department.region
    let e = byRegion.get(reg.code)
    if (!e) byRegion.set(reg.code, (e = { info: reg, years: new Map() }))
    let s = e.years.get(r.year)
    if (!s) e.years.set(r.year, (s = new Set()))
    s.add(r.departmentId)
  }
  return [...byRegion.values()]
    .map(({ info, years }) => ({ ...info, years: [...years].map(([year, s]) => ({ year, departments: s.size })).sort((a, b) => b.year - a.year) }))
    .sort((a, b) => a.province.localeCompare(b.province, 'zh-CN') || a.code.localeCompare(b.code))
}

/** The most recently published disclosures (latest revision each), newest first. */
export async function loadRecent(limit = 10): Promise<PublishedEntry[]> {
  const rows = await db().disclosure.findMany({
    where: { AND: [PUBLIC, { unitCode: '' }] },
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { year: 'desc' }],
    take: limit * 3,
    select: { year: true, revision: true, publishedAt: true, departmentId: true, department: { select: { code: true, name: true, region: { select: { code: true, name: true, province: true } } } } },
  })
  const seen = new Set<string>()
  const out: PublishedEntry[] = []
  for (const r of rows) {
    const k = `${r.departmentId}:${r.year}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push({ department: { code: r.department.code, name: r.department.name }, region: r.department.region, year: r.year, revision: r.revision, publishedAt: r.publishedAt?.toISOString() ?? null })
    if (out.length >= limit) break
  }
  return out
}

export type RegionYearListing = {
  region: { code: string; name: string; province: string; financeBureau: string }
  year: number
  years: number[]
  departments: { code: string; name: string; revision: number; publishedAt: string | null }[]
}

/** Published departments of a region in a year (latest revision each), by department code. */
export async function loadRegionYear(regionCode: string, year: number): Promise<RegionYearListing | null> {
  const region = await db().region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true, province: true, financeBureau: true } })
  if (!region) return null
  const rows = await db().disclosure.findMany({
    where: { AND: [PUBLIC, { unitCode: '', department: { regionId: region.id } }] },
    orderBy: [{ revision: 'desc' }],
    select: { year: true, revision: true, publishedAt: true, departmentId: true, department: { select: { code: true, name: true } } },
  })
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a)
  if (!years.includes(year)) return null
  const seen = new Set<string>()
  const departments = rows
    .filter((r) => r.year === year && !seen.has(r.departmentId) && (seen.add(r.departmentId), true))
    .map((r) => ({ code: r.department.code, name: r.department.name, revision: r.revision, publishedAt: r.publishedAt?.toISOString() ?? null }))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
  const { id: _id, ...info } = region
  return { region: info, year, years, departments }
}
