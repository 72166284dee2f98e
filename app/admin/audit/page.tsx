import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getActor } from '@/lib/server/auth'
import { can, STATUS_LABELS } from '@/lib/server/authz'
import { fieldLabel, valueText } from '@/lib/workflow/audit-labels'
import { chinaTime } from '@/lib/workflow/format'
import { listAudit } from '@/lib/workflow/server/list-audit'
import { idParam, pageNumber } from '@/lib/server/request'

export const dynamic = 'force-dynamic'

const ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  paste: '粘贴导入',
  import: '导入',
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '公开',
  correct: '创建更正版本',
  comment: '审核意见',
  copy: '复制',
}
const ENTITY_LABELS: Record<string, string> = {
  expenditure: '支出明细',
  revenue: '收入明细',
  project: '项目',
  threePublic: '“三公”经费',
  disclosure: '预算公开',
  reviewComment: '审核意见',
  catalogue: '科目表',
  template: '表样模板',
  notes: '情况说明',
  performanceTarget: '绩效目标',
  performanceOverall: '部门整体绩效目标',
  procurement: '政府采购与固定资产',
  glossary: '名词解释',
}

const STATUS_VALUES = { status: STATUS_LABELS as Record<string, string> }
const label = (field: string) => fieldLabel(field)
const value = (field: string, v: string | null) => valueText(field, v, STATUS_VALUES)

type Search = { disclosure?: string; action?: string; page?: string }

/** The audit log: every change and status change, who and when, before → after. Admins: all; reviewers: their region's. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams
  const sp = { ...raw, disclosure: idParam(raw.disclosure) }
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/admin/audit')
  if (!can(actor, 'audit.read')) {
    return (
      <>
        <h1>审计日志</h1>
        <p className="alert alert-error">审计日志仅供财政局审核人员和系统管理员查阅。</p>
      </>
    )
  }
  const page = pageNumber(sp.page)
  const action = sp.action && sp.action in ACTION_LABELS ? sp.action : undefined
  const log = await listAudit(actor, { ...(sp.disclosure ? { disclosureId: sp.disclosure } : {}), ...(action ? { action } : {}), page })
  const href = (p: number) => `/admin/audit?${new URLSearchParams({ ...(sp.disclosure ? { disclosure: sp.disclosure } : {}), ...(action ? { action } : {}), page: String(p) }).toString()}`
  return (
    <>
      <h1>审计日志{actor.role === 'reviewer' ? '（本地区）' : ''}</h1>
      <form className="toolbar" method="get" aria-label="筛选">
        <label htmlFor="audit-action">操作</label>
        <select id="audit-action" name="action" defaultValue={action ?? ''}>
          <option value="">全部</option>
          {Object.entries(ACTION_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        {sp.disclosure && <input type="hidden" name="disclosure" value={sp.disclosure} />}
        <button className="btn" type="submit">
          筛选
        </button>
        {(sp.disclosure || action) && <Link href="/admin/audit">清除筛选</Link>}
        <span className="muted">共 {log.total} 条</span>
      </form>
      {log.rows.length === 0 ? (
        <p>没有审计记录。</p>
      ) : (
        <table className="list-table" data-testid="audit-log">
          <thead>
            <tr>
              <th scope="col">时间（北京时间）</th>
              <th scope="col">操作人</th>
              <th scope="col">预算公开</th>
              <th scope="col">操作</th>
              <th scope="col">变更内容（原值 → 新值）</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={r.id}>
                <td style={{ whiteSpace: 'nowrap' }}>{chinaTime(r.at)}</td>
                <td>{r.actor ?? '系统'}</td>
                <td>
                  {r.disclosure ? (
                    <Link href={`/admin/audit?disclosure=${r.disclosure.id}`}>
                      {r.disclosure.region} {r.disclosure.code} {r.disclosure.name} {r.disclosure.year} 年{r.disclosure.revision > 1 ? `（第 ${r.disclosure.revision} 版）` : ''}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>
                  {ACTION_LABELS[r.action] ?? '其他操作'} · {ENTITY_LABELS[r.entity] ?? '其他'}
                </td>
                <td>
                  {r.changes.length === 0 ? (
                    '—'
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 16, fontSize: 13 }}>
                      {r.changes.map((c) => (
                        <li key={c.field} style={{ overflowWrap: 'anywhere' }}>
                          {c.field && <strong>{label(c.field)}：</strong>}
                          {value(c.field, c.before)} → {value(c.field, c.after)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.pages > 1 && (
        <nav aria-label="分页" className="toolbar">
          {page > 1 && <Link href={href(page - 1)}>上一页</Link>}
          <span>
            第 {page} / {log.pages} 页
          </span>
          {page < log.pages && <Link href={href(page + 1)}>下一页</Link>}
        </nav>
      )}
    </>
  )
}
