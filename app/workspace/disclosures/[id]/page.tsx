import { notFound, redirect } from 'next/navigation'
import { DeleteDraftForm } from '@/components/editor/delete-draft-form'
import { DisclosureEditor } from '@/components/editor/disclosure-editor'
import { YearReviewPanel } from '@/components/workspace/year-review-panel'
import { getYearReview } from '@/lib/disclosure/server/year-review'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import { disclosureFindings } from '@/lib/workflow/server/disclosure-findings'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'

export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}`)
  const [state, review] = await Promise.all([getEditorState(actor, id), getYearReview(actor, id)]).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  const findings = await disclosureFindings(actor, id)
  return (
    <>
      {/* a copy of an earlier year: every text still naming that year, whichever page edits it */}
      <YearReviewPanel disclosureId={id} review={review} />
      <DisclosureEditor initial={state} initialFindings={findings} />
      {state.status === 'draft' && state.canEdit && <DeleteDraftForm disclosureId={state.id} version={state.version} year={state.year} />}
    </>
  )
}
