import { notFound, redirect } from 'next/navigation'
import { ReviewWorkspace } from '@/components/review/review-workspace'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { getReviewState } from '@/lib/workflow/server/review-state'

export const dynamic = 'force-dynamic'

export default async function ReviewDisclosurePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/review/disclosures/${id}`)
  const state = await getReviewState(actor, id).catch((e) => {
    if (e instanceof AppError && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound()
    throw e
  })
  return <ReviewWorkspace state={state} />
}
