import { notFound, redirect } from 'next/navigation'
import { SubmitPanel } from '@/components/workflow/submit-panel'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { getSubmitState } from '@/lib/workflow/server/submit-state'

export const dynamic = 'force-dynamic'

export default async function SubmitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}/submit`)
  const state = await getSubmitState(actor, id).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  return <SubmitPanel state={state} />
}
