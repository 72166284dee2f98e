import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { DisclosureDocumentView } from '@/components/document/disclosure-document-view'
import { budgetHeading, budgetTitle, DisclosureSubnav } from '@/components/document/disclosure-subnav'
import { DocumentDownloads } from '@/components/document/document-downloads'
import { NotesFindings } from '@/components/notes/notes-findings'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { getActor } from '@/lib/server/auth'
import { STATUS_LABELS } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'
export const metadata = { title: '预览与下载 — 预算公开' }

/** The complete disclosure as it will be published, with the notes' findings and the PDF / Word / web downloads. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}/preview`)
  const d = await findDisclosureById(actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  const model = await buildDocumentModel(d)
  const findings = model.notes.findings
  // a unit's own 单位预算 is named by the unit, and its documents are reached by the unit's code (docs/decisions/009)
  const subject = subjectOf(d)
  const unit = d.unitCode ? subject : null
  return (
    <>
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/workspace">工作台</Link> / {d.department.region.name} / {d.department.code} {d.department.name}
      </p>
      <h1>
        {budgetHeading(d.year, unit)} · 预览与下载 <span className={`badge badge-${d.status}`}>{STATUS_LABELS[d.status]}</span>
      </h1>
      <DisclosureSubnav id={d.id} current="/preview" title={budgetTitle(d.year, unit)} />
      <DocumentDownloads code={subject.code} year={d.year} revision={d.revision} />
      {findings.length > 0 && (
        <details className="no-print" style={{ margin: '0 0 16px' }} open={findings.some((f) => f.severity === 'error')}>
          <summary>
            情况说明的校验结果：错误 {findings.filter((f) => f.severity === 'error').length} 条，提示 {findings.filter((f) => f.severity === 'warning').length} 条
          </summary>
          {/* links outside the <summary>: a summary is one button, it must not contain other controls */}
          <p style={{ margin: '6px 0' }}>
            在<Link href={`/workspace/disclosures/${d.id}/notes`}>情况说明</Link>、<Link href={`/workspace/disclosures/${d.id}/performance`}>绩效目标</Link>页修改。
          </p>
          <NotesFindings findings={findings} />
        </details>
      )}
      <div style={{ border: '1px solid var(--line)', borderRadius: 8, padding: '8px 16px', background: '#fff' }} data-testid="document-preview">
        <DisclosureDocumentView model={model} headingLevel={2} />
      </div>
    </>
  )
}
