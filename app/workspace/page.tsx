import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getActor } from '@/lib/server/auth'
import { STATUS_LABELS } from '@/lib/server/authz'
import { actorDepartment, workspaceDisclosures } from '@/lib/disclosure/server/workspace'
import { NewDisclosureForm } from '@/components/workspace/new-disclosure-form'
import { DeadlineText } from '@/components/workflow/deadline-text'
import { deadlineInfo } from '@/lib/workflow/deadline'

export const dynamic = 'force-dynamic'

export default async function WorkspacePage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/workspace')
  const [list, dept] = await Promise.all([workspaceDisclosures(actor), actorDepartment(actor)])
  // whose budget a new year starts: the department's (its own lines, or summed from its units) or a unit's (docs/decisions/009)
  const levels = !dept
    ? []
    : actor.unitCode
      ? dept.units.filter((u) => u.code === actor.unitCode).map((u) => ({ value: `unit:${u.code}`, label: `单位预算：${u.code} ${u.name}` }))
      : [{ value: '', label: '部门预算（录入全部明细）' }, ...(dept.units.length > 1 ? [{ value: 'consolidate', label: '部门预算（由所属单位的单位预算汇总）' }] : []), ...(dept.units.length > 1 ? dept.units.map((u) => ({ value: `unit:${u.code}`, label: `单位预算：${u.code} ${u.name}` })) : [])]
  const unitName = (d: (typeof list)[number]) => d.department.units.find((u) => u.code === d.unitCode)?.name ?? d.unitCode
  return (
    <>
      <h1>{dept ? `${dept.code} ${dept.name}` : actor.role === 'reviewer' ? '本地区部门预算' : '全部部门预算'}</h1>
      {actor.role === 'accountant' && dept && <p><Link className="btn" href="/workspace/import">从 Excel 导入预算报表</Link></p>}
      {actor.role === 'accountant' && dept && (
        <NewDisclosureForm nextYear={Math.max(new Date().getFullYear() + 1, ...list.map((d) => d.year + 1))} years={[...new Set(list.filter((d) => d.source === 'lines').map((d) => d.year))]} levels={levels} />
      )}
      {(actor.role === 'reviewer' || actor.role === 'admin') && (
        <p>
          <Link className="btn btn-primary" href="/review">
            进入审核工作台
          </Link>
        </p>
      )}
      {list.length === 0 && <p>暂无预算公开。</p>}
      <div className="cards">
        {list.map((d) => (
          <div key={d.id} className="card">
            <div style={{ display: 'flex', justifyContent: 'space-between' }}>
              <strong>{d.unitCode ? `${d.year} 年单位预算：${unitName(d)}` : `${d.year} 年部门预算${d.source === 'consolidated' ? '（单位汇总）' : ''}`}</strong>
              <span className={`badge badge-${d.status}`}>{STATUS_LABELS[d.status]}</span>
            </div>
            <p className="muted" style={{ margin: '6px 0' }}>
              {d.department.code} {d.department.name} · 第 {d.revision} 版
            </p>
            {d.approvedAt && (
              <p style={{ margin: '0 0 6px', fontSize: 14 }}>
                <DeadlineText info={deadlineInfo(d, new Date())!} />
              </p>
            )}
            <Link className="btn btn-primary" href={`/workspace/disclosures/${d.id}`}>
              {d.status === 'draft' || d.status === 'returned' ? '编辑' : '查看'}
            </Link>{' '}
            {actor.role === 'accountant' && (
              <Link className="btn" href={`/workspace/disclosures/${d.id}/submit`}>
                {d.status === 'draft' || d.status === 'returned' ? '提交审核' : d.status === 'published' ? '更正与版本' : '审核进度'}
              </Link>
            )}{' '}
            {actor.role !== 'accountant' && d.status !== 'draft' && (
              <Link className="btn" href={`/review/disclosures/${d.id}`}>
                审核
              </Link>
            )}{' '}
            {d.status === 'published' && (
              <Link className="btn" href={`/disclosures/${d.unitCode || d.department.code}/${d.year}`}>
                公开页面
              </Link>
            )}
          </div>
        ))}
      </div>
    </>
  )
}
