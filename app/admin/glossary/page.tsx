import { notFound, redirect } from 'next/navigation'
import { GlossaryEditor } from '@/components/notes/glossary-editor'
import { FrozenRevisionsNote } from '@/components/admin/frozen-revisions-note'
import { getGlossaryState } from '@/lib/notes/server/glossary'
import { publishedRevisionsTouchedBy } from '@/lib/portal/server/frozen-revisions'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'

export const dynamic = 'force-dynamic'
export const metadata = { title: '名词解释 — 预算公开' }

/** Admins edit each region's 名词解释 (section 八 of every disclosure of the region). */
export default async function GlossaryPage({ searchParams }: { searchParams: Promise<{ region?: string }> }) {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/admin/glossary')
  if (!can(actor, 'glossary.manage')) notFound()
  const { region } = await searchParams
  const state = await getGlossaryState(actor, region ?? null)
  const frozen = state.regionId ? await publishedRevisionsTouchedBy({ kind: 'glossary', regionId: state.regionId }) : []
  return (
    <>
      <h1>名词解释</h1>
      <p className="muted">按地区维护情况说明第八部分“名词解释”的条目；该地区所有部门预算公开文档使用同一份名词解释。</p>
      <FrozenRevisionsNote list={frozen} what="本地区名词解释" />
      <GlossaryEditor key={state.regionId ?? 'none'} initial={state} />
    </>
  )
}
