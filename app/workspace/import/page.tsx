import Link from 'next/link'
import { redirect } from 'next/navigation'
import { ImportWorkbench } from '@/components/exchange/import-workbench'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'
import { actorDepartment } from '@/lib/disclosure/server/workspace'

export const dynamic = 'force-dynamic'
export const metadata = { title: '导入预算报表 — 预算公开' }

export default async function ImportPage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/workspace/import')
  const dept = await actorDepartment(actor)
  const allowed = !!dept && can(actor, 'disclosure.create', { departmentId: dept.id, regionId: dept.regionId, status: 'draft', unitCode: actor.unitCode ?? '' })
  return (
    <>
      <p className="muted" style={{ margin: 0 }}>
        <Link href="/workspace">工作台</Link> / 导入预算报表
      </p>
      <h1>导入预算报表{dept ? `：${dept.code} ${dept.name}` : ''}</h1>
      {allowed && dept ? <ImportWorkbench department={{ code: dept.code, name: dept.name }} /> : <p className="alert alert-warn">只有部门的会计可以导入本部门的预算报表。</p>}
    </>
  )
}
