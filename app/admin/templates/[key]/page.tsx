import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { FrozenRevisionsNote } from '@/components/admin/frozen-revisions-note'
import { TemplateLabelEditor } from '@/components/admin/template-label-editor'
import { editableLabels } from '@/lib/budget/template-labels'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'
import { publishedRevisionsTouchedBy } from '@/lib/portal/server/frozen-revisions'
import { getTemplate } from '@/lib/templates/server/manage-templates'

export const dynamic = 'force-dynamic'

export default async function TemplateEditPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/admin/templates/${key}`)
  if (!can(actor, 'template.manage')) notFound()
  const template = await getTemplate(actor, key).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  const frozen = await publishedRevisionsTouchedBy({ kind: 'template', key })
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        <Link href="/admin/templates">表样模板</Link> / {key}
      </p>
      <h1>{template.name}</h1>
      <FrozenRevisionsNote list={frozen} what="本模板" />
      <TemplateLabelEditor templateKey={key} groups={editableLabels(template)} />
    </>
  )
}
