import 'server-only'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import { compareFunctionClasses, compareIndicators, compareTables } from '../compare'
import { indicatorsOf } from '../figures'
import { db } from '@/lib/server/db'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { findPublished, findPublishedYears, PUBLIC, publicTables } from './disclosure-data'
import { findPublishedRef, findPublishedYearRefs, publishedFigures, publishedJson } from './published-files'
import type { RevisionView } from './revision-view'
import type { RevisionInfo, DisclosureView, TableComparisonView } from '../view'
export type { RevisionInfo, DisclosureView, TableComparisonView } from '../view'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export { documentArticle } from './revision-view'
export type { RevisionView } from './revision-view'

async function revisionsOf(departmentId: string, unitCode: string, year: number): Promise<RevisionInfo[]> {
  // the revisions of this budget: the department's (unitCode '') or the one unit's
  const list = await db().disclosure.findMany({ where: { AND: [PUBLIC, { departmentId, unitCode, year }] }, orderBy: { revision: 'asc' }, select: { revision: true, publishedAt: true, correctionNote: true } })
  return list.map((r) => ({ revision: r.revision, publishedAt: iso(r.publishedAt), correctionNote: r.correctionNote }))
}

/**
 * The public view of a published disclosure, or null when there is none (drafts are never found): the
 * revision's stored view, with the figures of the other published years from their own stored files,
 * so nothing on the page is recomputed from today's catalogue, glossary or template.
 */
export async function loadDisclosureView(code: string, year: number, revision?: number): Promise<DisclosureView | null> {
  const ref = await findPublishedRef(code, year, revision)
  if (!ref) return null
  const own = await publishedJson<RevisionView>(ref.id, 'view.json')
  const years = await findPublishedYearRefs(ref.departmentId, ref.unitCode)
  const figuresByYear = await publishedFigures(years.filter((y) => y.year !== ref.year).map((y) => y.id))
  const history: DisclosureView['history'] = years.map((y) => ({ year: y.year, figures: y.year === ref.year ? own.figures : figuresByYear.get(y.id)! }))
  const prev = [...years].reverse().find((y) => y.year < ref.year)
  let previous: DisclosureView['previous'] = null
  if (prev) {
    const pf = history.find((h) => h.year === prev.year)!.figures
    previous = { year: prev.year, indicators: compareIndicators(indicatorsOf(own.figures), indicatorsOf(pf)), functionClasses: compareFunctionClasses(own.figures, pf) }
  }
  const revisions = await revisionsOf(ref.departmentId, ref.unitCode, ref.year)
  const { figures, ...rest } = own
  return { ...rest, latestRevision: Math.max(...revisions.map((r) => r.revision), ref.revision), revisions, figures, history, previous }
}

/** The nine tables of `year` against those of `base`, row by row (both published, latest revisions). */
export async function loadTableComparison(code: string, year: number, base: number): Promise<TableComparisonView | null> {
  if (year === base) return null
  const [cur, old] = await Promise.all([findPublished(code, year), findPublished(code, base)])
  // the same budget in both years: the same department, and the same unit's 单位预算 or the department's own
  if (!cur || !old || cur.departmentId !== old.departmentId || cur.unitCode !== old.unitCode) return null
  const years = (await findPublishedYears(cur.departmentId, cur.unitCode)).map((y) => y.year)
  const [ct, ot] = await Promise.all([publicTables(cur), publicTables(old)])
  return {
    department: { code: cur.department.code, name: cur.department.name },
    unit: cur.unitCode ? subjectOf(cur) : null,
    region: { code: cur.department.region.code, name: cur.department.region.name, province: cur.department.region.province },
    year,
    base,
    years,
    tables: compareTables(ct, ot, NINE_TABLE_KEYS),
  }
}
