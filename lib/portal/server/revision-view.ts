import 'server-only'
import type { DocumentModel } from '@/lib/document/model'
import { renderHtml } from '@/lib/document/render-html'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import { storedExtraTables } from '@/lib/budget/extra-table'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import type { DisclosureView } from './disclosure-view'
import { fixtureTables, publicFigures, publicTables } from './disclosure-data'

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

/** The <article> of renderHtml's standalone document, or null when its shape is not the expected one. */
export function documentArticle(html: string): string | null {
  const start = html.indexOf('<article class="dd"')
  const end = html.lastIndexOf('</article>')
  return start >= 0 && end > start ? html.slice(start, end + '</article>'.length) : null
}

/** What a published revision's page shows of that revision alone: frozen with the revision (its view.json). */
export type RevisionView = Omit<DisclosureView, 'history' | 'previous' | 'revisions' | 'latestRevision'>

/** The page's document: the <article> markup, or the model when the markup's shape is unexpected. */
export function documentParts(model: DocumentModel | null): Pick<DisclosureView, 'document' | 'documentHtml'> {
  if (!model) return { document: null, documentHtml: null }
  const article = documentArticle(renderHtml(model))
  // plain JSON: the view is stored as such
  return article ? { document: null, documentHtml: article } : { document: JSON.parse(JSON.stringify(model)) as DocumentModel, documentHtml: null }
}

/**
 * The revision's own part of its page, built once when it is published (lib/portal/server/revision-files.ts):
 * tables, figures, projects, units and the complete document with its 情况说明 and 名词解释.
 */
export async function revisionView(d: DisclosureFull, model: DocumentModel | null): Promise<RevisionView> {
  const tables = await publicTables(d)
  const figures = await publicFigures(d, tables)
  const fixture = fixtureTables(tables)
  return {
    id: d.id,
    department: { code: d.department.code, name: d.department.name },
    unit: d.unitCode ? subjectOf(d) : null,
    region: { code: d.department.region.code, name: d.department.region.name, province: d.department.region.province },
    year: d.year,
    revision: d.revision,
    publishedAt: iso(d.publishedAt),
    approvedAt: iso(d.approvedAt),
    correctionNote: d.correctionNote,
    tables: fixture.filter((t) => NINE_TABLE_KEYS.includes(t.key as never)),
    extraTables: fixture.filter((t) => !NINE_TABLE_KEYS.includes(t.key as never)),
    beyondTemplate: storedExtraTables(d),
    figures,
    projects: d.projects.map((p) => ({ code: p.code, name: p.name, purpose: p.purpose })),
    units: d.department.units.map((u) => ({ code: u.code, name: u.name })),
    ...documentParts(model),
    source: d.source,
  }
}

