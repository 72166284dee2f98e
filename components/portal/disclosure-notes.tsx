import { urls } from '@/lib/portal/format'
import type { DisclosureView } from '@/lib/portal/server/disclosure-view'

/**
 * 情况说明 on the public page.
 *
 * INTEGRATION POINT (issue 4, notes/documents): when components/document/disclosure-document-view.tsx
 * exports DisclosureDocumentView and lib/document/server/build-document.ts exports
 * buildDocumentModel(disclosure), render the notes here with them:
 *   const model = await buildDocumentModel(disclosure)   // in loadDisclosureView, kept in the view
 *   <DisclosureDocumentView model={model} />
 * Until then the page shows the nine tables (above) and points to the complete document downloads,
 * which include the notes.
 */
export function DisclosureNotesSection({ v }: { v: DisclosureView }) {
  return (
    <section aria-labelledby="notes" className="portal-section">
      <h2 id="notes">情况说明</h2>
      <p>
        部门职责及机构设置、预算安排总体情况、机关运行经费、“三公”经费、预算绩效、政府采购与国有资产等情况说明，见完整公开文档：
        <a href={urls.document(v.department.code, v.year, 'html')}>网页版</a>、<a href={urls.document(v.department.code, v.year, 'pdf')}>PDF</a>。
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
  )
}
