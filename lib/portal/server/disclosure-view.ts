import 'server-only'
import type { ExtraTable } from '@/lib/budget/extra-table'
import type { FixtureTable } from '@/lib/budget/table'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import type { ComparedTable, IndicatorChange } from '../compare'
import { compareFunctionClasses, compareIndicators, compareTables } from '../compare'
import type { DisclosureFigures } from '../figures'
import { indicatorsOf } from '../figures'
import type { DocumentModel } from '@/lib/document/model'
import { db } from '@/lib/server/db'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { findPublished, findPublishedYears, PUBLIC, publicTables } from './disclosure-data'
import { findPublishedRef, findPublishedYearRefs, publishedFigures, publishedJson } from './published-files'
import type { RevisionView } from './revision-view'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export type RevisionInfo = { revision: number; publishedAt: string | null; correctionNote: string | null }

/** Everything the public disclosure page shows, as plain JSON (it is cached as such). */
export type DisclosureView = {
  id: string
  department: { code: string; name: string }
  /** A unit's own 单位预算 (docs/decisions/009): the unit, whose code names the page; null for a department's budget. */
  unit: { code: string; name: string } | null
  region: { code: string; name: string; province: string }
  year: number
  revision: number
  latestRevision: number
  publishedAt: string | null
  approvedAt: string | null
  correctionNote: string | null
  revisions: RevisionInfo[]
  /** The nine tables, then the procurement and fixed-asset tables when the template has them. */
  tables: FixtureTable[]
  extraTables: FixtureTable[]
  /** Tables an imported workbook printed beyond its template (项目支出表 …), as printed; absent in views frozen before. */
  beyondTemplate?: ExtraTable[]
  figures: DisclosureFigures
  /** Every published year of the department (latest revision each), oldest first: 三公 over the years. */
  history: { year: number; figures: DisclosureFigures }[]
  /** The closest earlier published year, for the year-over-year comparison. */
  previous: { year: number; indicators: IndicatorChange[]; functionClasses: ReturnType<typeof compareFunctionClasses> } | null
  projects: { code: string; name: string; purpose: string | null }[]
  units: { code: string; name: string }[]
  /**
   * The complete document (nine tables and 情况说明) as the PDF/DOCX/web renderers draw it (issue 4);
   * null if it cannot be built, and the page then shows the nine tables on its own.
   */
  document: DocumentModel | null
  /**
   * The same document as markup (lib/document/render-html: the markup and styles of
   * DisclosureDocumentView, every text escaped), its <article> only. The page embeds this string rather
   * than the React tree: a React tree of a few thousand table cells travels twice (HTML and the RSC
   * payload, as verbose JSON), which made the cached page three times heavier and half as fast to serve.
   * When set, `document` is null (it is not needed twice).
   */
  documentHtml: string | null
  source: string
}

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

export type TableComparisonView = {
  department: { code: string; name: string }
  /** A unit's own 单位预算 compared (docs/decisions/009); null for a department's budget. */
  unit: { code: string; name: string } | null
  region: { code: string; name: string; province: string }
  year: number
  base: number
  years: number[]
  tables: ComparedTable[]
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
