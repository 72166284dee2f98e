import { DisclosureDocumentView } from '@/components/document/disclosure-document-view'
import { BudgetTableView } from '@/components/tables/budget-table-view'
import { DOCUMENT_CSS } from '@/lib/document/document-css'
import { NOTES_PART_ID, TABLES_PART_ID, tableAnchor } from '@/lib/document/model'
import { budgetSubject, urls } from '@/lib/portal/format'
import type { DisclosureView } from '@/lib/portal/view'
import { ServerHtml } from './server-html'
import { registerServerHtml } from './server-html-registry'

/** Anchor prefix of the document view inside the portal page. */
export const DOC_PREFIX = 'doc-'

/** Where the page's own table of contents points for table `key` and for the notes. */
export function documentAnchors(v: DisclosureView): { tables: string; table: (key: string) => string; notes: string } {
  if (v.documentHtml) return { tables: TABLES_PART_ID, table: (key) => tableAnchor(key), notes: NOTES_PART_ID }
  if (v.document) return { tables: 'tables', table: (key) => `${DOC_PREFIX}${tableAnchor(key)}`, notes: `${DOC_PREFIX}${NOTES_PART_ID}` }
  return { tables: 'tables', table: (key) => key, notes: 'notes' }
}

/**
 * 部门预算公开表 and 情况说明 on the public page: the complete document as the notes/documents module
 * draws it for the web, PDF and Word (buildDocumentModel, issue 4) — the nine tables and sections 一 to 九
 * with their tables — embedded as the module's markup (renderHtml, the same as DisclosureDocumentView;
 * see DisclosureView.documentHtml for why a string), or through DisclosureDocumentView if that markup
 * cannot be cut out. Its cover and 目录 repeat the page's heading and table of contents and are hidden
 * here (globals.css, portal section). When no document can be built, the nine tables are shown with
 * BudgetTableView and the notes are pointed to in the downloads.
 */
export function DisclosureContent({ v }: { v: DisclosureView }) {
  if (v.documentHtml) {
    // the documents module's own markup (every text escaped there); its part titles are this page's h2s.
    // It reaches the browser once, in the HTML (ServerHtml), not again in the RSC payload.
    const id = `portal-doc-${v.id}`
    registerServerHtml(id, v.documentHtml)
    return (
      <div className="portal-section portal-document">
        <style href="disclosure-document" precedence="default">
          {DOCUMENT_CSS}
        </style>
        <ServerHtml id={id} src={`${urls.disclosure(budgetSubject(v).code, v.year)}/content${v.revision < v.latestRevision ? `?revision=${v.revision}` : ''}`} />
      </div>
    )
  }
  if (v.document) {
    return (
      <section aria-labelledby="tables" className="portal-section portal-document">
        <h2 id="tables">{budgetSubject(v).level}公开表与情况说明</h2>
        <DisclosureDocumentView model={v.document} headingLevel={2} idPrefix={DOC_PREFIX} showToc={false} />
      </section>
    )
  }
  const s = budgetSubject(v)
  const dept = `${s.code} ${s.name}`
  return (
    <>
      <section aria-labelledby="tables" className="portal-section">
        <h2 id="tables">{s.level}公开表</h2>
        {v.tables.map((t) => (
          <BudgetTableView key={t.key} id={t.key} table={t} department={dept} year={v.year} />
        ))}
      </section>
      <section aria-labelledby="notes" className="portal-section">
        <h2 id="notes">情况说明</h2>
        <p>
          情况说明见完整公开文档：<a href={urls.document(s.code, v.year, 'html')}>网页版</a>、<a href={urls.document(s.code, v.year, 'pdf')}>PDF</a>。
        </p>
        {v.projects.length > 0 && (
          <>
            <h3>预算项目</h3>
            <ul className="project-list">
              {v.projects.map((p) => (
                <li key={p.code}>
                  <strong>{p.name}</strong>
                  {p.purpose && <p className="muted">{p.purpose}</p>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}
