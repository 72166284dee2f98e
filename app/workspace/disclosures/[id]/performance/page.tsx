import { notFound, redirect } from 'next/navigation'
import { PerformanceEditor } from '@/components/performance/performance-editor'
import { YearReviewPanel } from '@/components/workspace/year-review-panel'
import { getYearReview } from '@/lib/disclosure/server/year-review'
import { getPerformanceState } from '@/lib/performance/server/get-performance-state'
import { findBudgetSubject } from '@/lib/document/server/budget-subject'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'
export const metadata = { title: '绩效目标 — 预算公开' }

export default async function PerformancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}/performance`)
  // whose budget: a unit's own 单位预算 is headed so (docs/decisions/009)
  const [state, subject, review] = await Promise.all([getPerformanceState(actor, id), findBudgetSubject(actor, id), getYearReview(actor, id)]).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  return <PerformanceEditor initial={state} subject={subject} banner={<YearReviewPanel disclosureId={id} review={review} parts={['targets']} />} />
}
