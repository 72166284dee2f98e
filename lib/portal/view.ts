/**
 * What the public pages show, as plain serialisable data: the types components import. Pure (no server
 * code); lib/portal/server/* (browse, disclosure-view, frozen-revisions) builds these values.
 */
import type { ExtraTable } from '@/lib/budget/extra-table'
import type { FixtureTable } from '@/lib/budget/table'
import type { DocumentModel } from '@/lib/document/model'
import type { ComparedTable, compareFunctionClasses, IndicatorChange } from './compare'
import type { DisclosureFigures } from './figures'

export type RegionSummary = { code: string; name: string; province: string; financeBureau: string; years: { year: number; departments: number }[] }

/** One page of /regions: its regions, the provinces with their region counts (the filter), the page. */
export type RegionPage = { regions: RegionSummary[]; provinces: { province: string; regions: number }[]; province: string | null; page: number; pages: number; pageSize: number; total: number }

export type PublishedEntry = { department: { code: string; name: string }; region: { code: string; name: string; province: string }; year: number; revision: number; publishedAt: string | null }

export type RegionYearListing = {
  region: { code: string; name: string; province: string; financeBureau: string }
  year: number
  years: number[]
  departments: { code: string; name: string; revision: number; publishedAt: string | null }[]
}

export type FrozenRevision = { code: string; name: string; year: number; revision: number; label: string; href: string }

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
