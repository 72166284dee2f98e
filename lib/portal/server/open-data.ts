import 'server-only'
import { db } from '@/lib/server/db'
import type { OpenDataDisclosure, OpenDataFile, PackageScope } from '../datapackage'
import { buildDatapackage } from '../datapackage'
import { ensureRevisionFiles, findPublishedRef } from './published-files'
import type { OpenDataMeta } from './revision-files'
import { FILE } from './revision-files'
import { revisionStore } from './revision-store'

/**
 * A package as served: its scope, the revisions in it (without their lines) and each CSV resource as
 * the revisions' stored files (docs/decisions/015): a region's package is assembled from the stored
 * per-disclosure files, so no disclosure is reloaded or recomputed per request.
 */
export type OpenDataSet = { scope: PackageScope; list: OpenDataDisclosure[]; parts: Record<Exclude<OpenDataFile, 'datapackage.json'>, string[]> }

const CSV_FILES = ['expenditure.csv', 'revenue.csv', 'tables.csv'] as const

async function setOf(scope: PackageScope, ids: string[]): Promise<OpenDataSet> {
  await ensureRevisionFiles(ids)
  const store = revisionStore()
  const metas = await store.getMany(ids, FILE.openData('meta.json'))
  const list = ids.map((id) => (JSON.parse(metas.get(id)!.body.toString('utf8')) as OpenDataMeta).disclosure)
  const parts = {} as OpenDataSet['parts']
  for (const f of CSV_FILES) {
    const got = await store.getMany(ids, FILE.openData(f))
    parts[f] = ids.map((id) => got.get(id)!.body.toString('utf8'))
  }
  return { scope, list, parts }
}

export async function loadDisclosureOpenData(code: string, year: number): Promise<OpenDataSet | null> {
  const ref = await findPublishedRef(code, year)
  if (!ref) return null
  await ensureRevisionFiles([ref.id])
  const meta = JSON.parse((await revisionStore().get(ref.id, FILE.openData('meta.json')))!.body.toString('utf8')) as OpenDataMeta
  return setOf(meta.scope, [ref.id])
}

/** Every published department of a region in a year (latest revision each). */
export async function loadRegionOpenData(regionCode: string, year: number): Promise<OpenDataSet | null> {
  const region = await db().region.findUnique({ where: { code: regionCode } })
  if (!region) return null
  // the latest published revision of each department: the portal's read model (by index), not every revision
  const entries = await db().portalEntry.findMany({ where: { regionId: region.id, year }, select: { disclosureId: true, departmentCode: true } })
  if (entries.length === 0) return null
  const latest = entries.sort((a, b) => a.departmentCode.localeCompare(b.departmentCode, 'en', { numeric: true }))
  return setOf({ kind: 'region', code: region.code, name: `${region.province}${region.name}`, year }, latest.map((d) => d.disclosureId))
}

/** CSV files of one header each: the first part whole, the others without their header line. */
function joinCsv(parts: string[]): string {
  return parts.map((p, i) => (i === 0 ? p : p.slice(p.indexOf('\r\n') + 2))).join('')
}

/** The body and content type of one file of an open-data package. */
/** A UTF-8 byte-order mark before each CSV: Excel otherwise opens UTF-8 Chinese text as mojibake (issue 12). */
export const CSV_BOM = '\uFEFF'

const withBom = (csv: string) => (csv.startsWith(CSV_BOM) ? csv : CSV_BOM + csv)

export function renderOpenDataFile(set: OpenDataSet, file: OpenDataFile, homepage: string): { body: string; contentType: string } {
  if (file === 'datapackage.json') return { body: JSON.stringify(buildDatapackage(set.scope, set.list, homepage), null, 2), contentType: 'application/json; charset=utf-8' }
  return { body: withBom(joinCsv(set.parts[file])), contentType: 'text/csv; charset=utf-8' }
}
