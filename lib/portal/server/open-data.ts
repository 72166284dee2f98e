import 'server-only'
import type { Catalogue } from '@/lib/budget/catalogue'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { disclosureInclude, subjectOf, toBudgetData, unitOf } from '@/lib/disclosure/server/to-budget-data'
import { db } from '@/lib/server/db'
import type { OpenDataDisclosure, OpenDataFile, PackageScope } from '../datapackage'
import { buildDatapackage, expenditureCsv, revenueCsv, tablesCsv } from '../datapackage'
import { findPublished, fixtureTables, PUBLIC, publicTables } from './disclosure-data'

async function toOpenData(d: DisclosureFull): Promise<OpenDataDisclosure> {
  const data = toBudgetData(d)
  return {
    region: { code: d.department.region.code, name: d.department.region.name, province: d.department.region.province },
    department: { code: d.department.code, name: d.department.name },
    unit: unitOf(d),
    year: d.year,
    revision: d.revision,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    units: data.units.map((u) => ({ code: u.code, name: u.name })),
    projects: data.projects.map((p) => ({ code: p.code, name: p.name })),
    expenditure: data.expenditure.map((l) => ({ unitCode: l.unitCode, functionCode: l.functionCode, economicCode: l.economicCode, fund: l.fund, category: l.category, projectCode: l.projectCode ?? null, amount: l.amount })),
    revenue: data.revenue.map((l) => ({ unitCode: l.unitCode, functionCode: l.functionCode, source: l.source, amount: l.amount })),
    tables: fixtureTables(await publicTables(d)),
  }
}

export type OpenDataSet = { scope: PackageScope; list: OpenDataDisclosure[]; catalogues: Map<number, Catalogue> }

export async function loadDisclosureOpenData(code: string, year: number): Promise<OpenDataSet | null> {
  const d = await findPublished(code, year)
  if (!d) return null
  // a unit's own 单位预算 is named by the unit
  const s = subjectOf(d)
  return { scope: { kind: 'disclosure', code: s.code, name: s.name, year, ...(d.unitCode ? { level: 'unit' as const } : {}) }, list: [await toOpenData(d)], catalogues: new Map([[year, await loadCatalogue(year)]]) }
}

/** Every published department of a region in a year (latest revision each). */
export async function loadRegionOpenData(regionCode: string, year: number): Promise<OpenDataSet | null> {
  const region = await db().region.findUnique({ where: { code: regionCode } })
  if (!region) return null
  // the latest published revision of each department: the portal's read model (by index), not every revision
  const entries = await db().portalEntry.findMany({ where: { regionId: region.id, year }, select: { disclosureId: true } })
  if (entries.length === 0) return null
  const all = await db().disclosure.findMany({ where: { AND: [PUBLIC, { id: { in: entries.map((e) => e.disclosureId) } }] }, include: disclosureInclude })
  const latest = all.sort((a, b) => a.department.code.localeCompare(b.department.code, 'en', { numeric: true }))
  const list: OpenDataDisclosure[] = []
  for (const d of latest) list.push(await toOpenData(d))
  return { scope: { kind: 'region', code: region.code, name: `${region.province}${region.name}`, year }, list, catalogues: new Map([[year, await loadCatalogue(year)]]) }
}

/** The body and content type of one file of an open-data package. */
/** A UTF-8 byte-order mark before each CSV: Excel otherwise opens UTF-8 Chinese text as mojibake (issue 12). */
export const CSV_BOM = '\uFEFF'

export function renderOpenDataFile(set: OpenDataSet, file: OpenDataFile, homepage: string): { body: string; contentType: string } {
  const cat = (y: number) => set.catalogues.get(y)!
  switch (file) {
    case 'datapackage.json':
      return { body: JSON.stringify(buildDatapackage(set.scope, set.list, homepage), null, 2), contentType: 'application/json; charset=utf-8' }
    case 'expenditure.csv':
      return { body: CSV_BOM + expenditureCsv(set.list, cat), contentType: 'text/csv; charset=utf-8' }
    case 'revenue.csv':
      return { body: CSV_BOM + revenueCsv(set.list, cat), contentType: 'text/csv; charset=utf-8' }
    case 'tables.csv':
      return { body: CSV_BOM + tablesCsv(set.list), contentType: 'text/csv; charset=utf-8' }
  }
}
