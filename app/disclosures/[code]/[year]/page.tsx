import { notFound } from 'next/navigation'
import { BudgetTableView } from '@/components/tables/budget-table-view'
import { toFixtureTable } from '@/lib/budget/table'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import { getActor } from '@/lib/server/auth'
import { STATUS_LABELS } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'

export const dynamic = 'force-dynamic'

export default async function DisclosurePage({ params }: { params: Promise<{ code: string; year: string }> }) {
  const { code, year } = await params
  if (!/^\d{4}$/.test(year)) notFound()
  const actor = await getActor()
  const d = await findReadableDisclosure(actor, code, Number(year)).catch((e) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound()
    throw e
  })
  const { tables } = await computeFor(d)
  const nine = tables.filter((t) => NINE_TABLE_KEYS.includes(t.key)).map(toFixtureTable)
  const dept = `${d.department.code} ${d.department.name}`
  return (
    <>
      <h1>
        {d.department.name} {d.year} 年部门预算信息公开
      </h1>
      <p className="muted">
        {d.department.region.province} {d.department.region.name} · 状态：{STATUS_LABELS[d.status]}
        {d.publishedAt ? ` · 公开日期：${d.publishedAt.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })}` : ''}
      </p>
      <nav aria-label="目录" className="card no-print">
        <strong>部门预算公开表</strong>
        <ol>
          {nine.map((t) => (
            <li key={t.key}>
              <a href={`#${t.key}`}>{t.title}</a>
            </li>
          ))}
        </ol>
        <a className="btn" href={`/api/disclosures/${d.department.code}/${d.year}/tables`}>
          下载数据（JSON）
        </a>
      </nav>
      {nine.map((t) => (
        <BudgetTableView key={t.key} id={t.key} table={t} department={dept} year={d.year} />
      ))}
    </>
  )
}
