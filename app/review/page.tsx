import Link from 'next/link'
import { redirect } from 'next/navigation'
import { DeadlineText } from '@/components/workflow/deadline-text'
import { getActor } from '@/lib/server/auth'
import { can, STATUS_LABELS } from '@/lib/server/authz'
import { actorRegion } from '@/lib/disclosure/server/workspace'
import { chinaTime } from '@/lib/workflow/format'
import type { QueueRow } from '@/lib/workflow/server/review-queue'
import { reviewQueue } from '@/lib/workflow/server/review-queue'

export const dynamic = 'force-dynamic'

function QueueTable({ rows, caption, showRegion }: { rows: QueueRow[]; caption: string; showRegion: boolean }) {
  return (
    <table className="list-table" data-testid="review-queue">
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '6px 0' }}>{caption}</caption>
      <thead>
        <tr>
          {showRegion && <th scope="col">地区</th>}
          <th scope="col">部门</th>
          <th scope="col">年度</th>
          <th scope="col">状态</th>
          <th scope="col">提交时间</th>
          <th scope="col">校验</th>
          <th scope="col">待处理意见</th>
          <th scope="col">公开期限</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            {showRegion && <td>{r.region.name}</td>}
            <td>
              {r.department.code} {r.department.name}
              {r.unit && <div className="muted">单位预算：{r.unit.code} {r.unit.name}</div>}
            </td>
            <td>
              {r.year}
              {r.revision > 1 ? `（第 ${r.revision} 版，更正）` : ''}
            </td>
            <td>
              <span className={`badge badge-${r.status}`}>{STATUS_LABELS[r.status]}</span>
            </td>
            <td>{r.submittedAt ? chinaTime(r.submittedAt) : '—'}</td>
            <td>
              <span className="badge badge-error">错误 {r.summary.error}</span> <span className="badge badge-warning">提示 {r.summary.warning}</span> <span className="badge badge-rounding">尾差 {r.summary.rounding}</span>
              {r.summaryAsSubmitted && (
                <div className="muted" style={{ fontSize: 12 }} title="提交时的校验结果；打开审核页面时按当前科目表重新校验">
                  提交时
                </div>
              )}
            </td>
            <td>{r.openComments}</td>
            <td>{r.deadline ? <DeadlineText info={r.deadline} /> : r.status === 'submitted' ? '审核通过后起算' : '—'}</td>
            <td>
              <Link className={r.status === 'submitted' || r.status === 'approved' ? 'btn btn-primary' : 'btn'} href={`/review/disclosures/${r.id}`} aria-label={`${r.status === 'submitted' ? '审核' : '查看'} ${r.department.name} ${r.year} 年`}>
                {r.status === 'submitted' ? '审核' : r.status === 'approved' ? '公开' : '查看'}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/review')
  if (!can(actor, 'review.queue')) {
    return (
      <>
        <h1>审核工作台</h1>
        <p className="alert alert-error">审核工作台仅供财政局审核人员和系统管理员使用。</p>
      </>
    )
  }
  const requested = Number((await searchParams).page) || 1
  const { queue, overdue, counts, page, pages } = await reviewQueue(actor, new Date(), { page: requested })
  const region = await actorRegion(actor)
  const admin = actor.role === 'admin'
  return (
    <>
      <h1>审核工作台{region ? ` — ${region.financeBureau}` : admin ? ' — 全部地区' : ''}</h1>
      <p className="muted">
        待审核 {counts.submitted} 份 · 已审核待公开 {counts.approved} 份 · 已退回 {counts.returned} 份
        {can(actor, 'document.inspect') && (
          <>
            {' · '}
            <Link href="/review/inspect">公开文件检查</Link>
          </>
        )}
        {can(actor, 'audit.read') && (
          <>
            {' · '}
            <Link href="/admin/audit">审计日志</Link>
          </>
        )}
      </p>
      <section aria-labelledby="overdue-title" className="card" style={{ marginBottom: 16 }}>
        <h2 id="overdue-title" style={{ marginTop: 0 }}>
          逾期未公开（批复后超过 20 日）
        </h2>
        {overdue.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            没有逾期未公开的预算。
          </p>
        ) : (
          overdue.map((g) => (
            <div key={g.region.id} data-testid="overdue-region">
              <h3 style={{ fontSize: 15, margin: '8px 0 4px' }}>
                {g.region.name}（{g.rows.length} 份）
              </h3>
              <ul style={{ margin: 0 }}>
                {g.rows.map((r) => (
                  <li key={r.id}>
                    <Link href={`/review/disclosures/${r.id}`}>
                      {r.department.code} {r.department.name} {r.year} 年
                    </Link>{' '}
                    — {r.deadline && <DeadlineText info={r.deadline} />}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
      {queue.length === 0 ? <p>目前没有需要处理的预算公开。</p> : <QueueTable rows={queue} caption={pages > 1 ? `审核队列（待审核在前，第 ${page} / ${pages} 页）` : '审核队列（待审核在前）'} showRegion={admin} />}
      {pages > 1 && (
        <nav aria-label="审核队列分页" className="toolbar">
          {page > 1 && <Link href={`/review?page=${page - 1}`}>上一页</Link>}
          <span>
            第 {page} / {pages} 页
          </span>
          {page < pages && <Link href={`/review?page=${page + 1}`}>下一页</Link>}
        </nav>
      )}
    </>
  )
}
