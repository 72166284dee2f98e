import Link from 'next/link'

const PAGES = [
  ['', '报表编制'],
  ['/notes', '情况说明'],
  ['/performance', '绩效目标'],
  ['/procurement', '政府采购与资产'],
  ['/preview', '预览与下载'],
] as const

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
