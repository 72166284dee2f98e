import Link from 'next/link'
import type { BudgetSubject } from '@/lib/document/model'

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
