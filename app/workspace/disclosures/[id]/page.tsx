import { notFound, redirect } from 'next/navigation'
import { DeleteDraftForm } from '@/components/editor/delete-draft-form'
import { DisclosureEditor } from '@/components/editor/disclosure-editor'
import { YearReviewPanel } from '@/components/workspace/year-review-panel'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { yearReviewOf } from '@/lib/disclosure/server/year-review'
import { editorStateOf } from '@/lib/disclosure/server/editor-state'
import { findingsOf } from '@/lib/workflow/server/disclosure-findings'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'

export default async function EditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}`)
  // read once (the actor's read scope applies), then state, year review and findings from the same data;
  // the tables are computed once for all three (computeFor keeps its result with the loaded disclosure)
  const d = await findDisclosureById(actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  const [state, review, findings] = await Promise.all([editorStateOf(actor, d), yearReviewOf(actor, d), findingsOf(d)])
  return (
    <>
      {/* a copy of an earlier year: every text still naming that year, whichever page edits it */}
      <YearReviewPanel disclosureId={id} review={review} />
      <DisclosureEditor initial={state} initialFindings={findings} />
      {state.status === 'draft' && state.canEdit && <DeleteDraftForm disclosureId={state.id} version={state.version} year={state.year} />}
    </>
  )
}
