import { notFound, redirect } from 'next/navigation'
import { ProcurementEditor } from '@/components/notes/procurement-editor'
import { getProcurementState } from '@/lib/notes/server/procurement'
import { findBudgetSubject } from '@/lib/document/server/budget-subject'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'
export const metadata = { title: '政府采购与资产 — 预算公开' }

export default async function ProcurementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await getActor()
  if (!actor) redirect(`/login?callbackUrl=/workspace/disclosures/${id}/procurement`)
  // whose budget: a unit's own 单位预算 is headed so (docs/decisions/009)
  const [state, subject] = await Promise.all([getProcurementState(actor, id), findBudgetSubject(actor, id)]).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  return <ProcurementEditor initial={state} subject={subject} />
}
