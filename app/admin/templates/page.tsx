import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { TemplateCopyForm } from '@/components/admin/template-copy-form'
import { getActor } from '@/lib/server/auth'
import { can } from '@/lib/server/authz'
import { listTemplates } from '@/lib/templates/server/manage-templates'

export const dynamic = 'force-dynamic'
export const metadata = { title: '表样模板 — 预算公开' }

export default async function TemplatesPage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/admin/templates')
  if (!can(actor, 'template.manage')) notFound()
  const list = await listTemplates(actor)
  return (
    <>
      <h1>表样模板</h1>
      <p className="muted">九张表的表名、列标题、行次、合计行和表注都来自模板。新年度可复制上一年模板后修改，不需要重新部署；预算按年度自动使用编号年度不晚于本年的最新模板。</p>
      <TemplateCopyForm keys={list.map((t) => t.key)} />
      <table className="list-table" style={{ marginTop: 16 }}>
        <thead>
          <tr>
            <th scope="col">模板编号</th>
            <th scope="col">名称</th>
            <th scope="col">使用该模板的预算</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {list.map((t) => (
            <tr key={t.key}>
              <td>{t.key}</td>
              <td>{t.name}</td>
              <td>{t.disclosures}</td>
              <td>
                <Link href={`/admin/templates/${t.key}`}>修改标签</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
