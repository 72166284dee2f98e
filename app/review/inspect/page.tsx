import { redirect } from 'next/navigation'
import { InspectWorkspace } from '@/components/check/inspect-workspace'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'
import { inspectorRegionName } from '@/lib/check/server/inspect'

export const dynamic = 'force-dynamic'

export default async function InspectPage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/review/inspect')
  if (!can(actor, 'document.inspect')) {
    return (
      <>
        <h1>公开文件检查</h1>
        <p className="alert alert-error">公开文件检查仅供财政局审核人员和系统管理员使用。</p>
      </>
    )
  }
  const region = await inspectorRegionName(actor)
  return (
    <>
      <h1>公开文件检查</h1>
      <p className="muted">上传本地区已公开的部门预算文件（PDF、Word .docx 或文本，可一次多份），逐份检查报表与说明文字，并下载地区检查汇总。</p>
      <InspectWorkspace region={region} />
    </>
  )
}
