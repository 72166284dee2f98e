import Link from 'next/link'
import type { ReactNode } from 'react'
import type { BudgetSubject } from '@/lib/document/model'
import type { DisclosureStatus } from '@/lib/domain/status'
import { STATUS_LABELS } from '@/lib/domain/status'

const PAGES = [
  ['', '报表编制'],
  ['/notes', '情况说明'],
  ['/performance', '绩效目标'],
  ['/procurement', '政府采购与资产'],
  ['/preview', '预览与下载'],
] as const

type Unit = BudgetSubject['unit'] | undefined

/** A department's own budget (the editors' default subject). */
export const DEPARTMENT: BudgetSubject = { level: 'department', unit: null }

/** The sub-navigation's title: “2024 年部门预算”, or a unit's own “2024 年单位预算” (docs/decisions/009). */
export const budgetTitle = (year: number, unit: Unit): string => `${year} 年${unit ? '单位预算' : '部门预算'}`

/** A page's heading, as the tables editor heads it: “2024 年部门预算”, or “2024 年单位预算：测试市医疗保障局本级”. */
export const budgetHeading = (year: number, unit: Unit): string => `${year} 年${unit ? `单位预算：${unit.name}` : '部门预算'}`

/** Links between the parts of a disclosure's editing: the tables, the notes, the targets, procurement, the preview. */
export function DisclosureSubnav({ id, current, title }: { id: string; current: (typeof PAGES)[number][0]; title: string }) {
  return (
    <nav aria-label={`${title}的编制页面`} className="no-print" style={{ display: 'flex', gap: 6, flexWrap: 'wrap', margin: '4px 0 16px', borderBottom: '2px solid var(--line)' }}>
      {PAGES.map(([path, label]) => (
        <Link
          key={path}
          href={`/workspace/disclosures/${id}${path}`}
          aria-current={path === current ? 'page' : undefined}
          style={{ padding: '8px 14px', textDecoration: 'none', marginBottom: -2, borderBottom: `3px solid ${path === current ? 'var(--brand)' : 'transparent'}`, color: path === current ? 'var(--fg)' : 'var(--muted)', fontWeight: path === current ? 600 : 400 }}
        >
          {label}
        </Link>
      ))}
    </nav>
  )
}

/**
 * The top of every editing page of a disclosure: the breadcrumb (工作台 / 地区 / 部门), the heading with
 * whose budget it is, the page and the status, and the sub-navigation. `extra` goes in the heading
 * after the status (the tables editor's export menu).
 */
export function EditorHeader(props: {
  id: string
  year: number
  status: DisclosureStatus
  department: { code: string; name: string; region?: string }
  unit: Unit
  current: (typeof PAGES)[number][0]
  extra?: ReactNode
}) {
  const { id, year, status, department, unit, current } = props
  const page = PAGES.find(([path]) => path === current)![1]
  return (
    <>
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/workspace">工作台</Link> / {department.region ? `${department.region} / ` : ''}
        {department.code} {department.name}
      </p>
      <h1>
        {budgetHeading(year, unit)}
        {current ? ` · ${page}` : ''} <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>
        {props.extra}
      </h1>
      <DisclosureSubnav id={id} current={current} title={budgetTitle(year, unit)} />
    </>
  )
}
