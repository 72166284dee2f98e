import type { Metadata } from 'next'
import Link from 'next/link'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { urls } from '@/lib/portal/format'
import { loadRegionPage } from '@/lib/portal/server/browse'
import { pageNumber } from '@/lib/server/request'
import { RegionCard } from '@/components/portal/region-year-chips'
import type { RegionSummary } from '@/lib/portal/view'

/** Always fresh: a few indexed queries, cheaper than keeping a cache of them right. */
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '按地区浏览 — 预算公开' }

type Props = { searchParams: Promise<{ province?: string | string[]; page?: string | string[] }> }
const one = (v: string | string[] | undefined) => ((Array.isArray(v) ? v[0] : v) ?? '').trim().slice(0, 40)

/** The regions with published budgets, grouped by province, a page at a time (/regions?province=…&page=…). */
export default async function RegionsPage({ searchParams }: Props) {
  const sp = await searchParams
  const province = one(sp.province)
  const data = await loadRegionPage({ province: province || undefined, page: pageNumber(sp.page, 10_000) })
  const groups: { province: string; regions: RegionSummary[] }[] = []
  for (const r of data.regions) {
    const last = groups[groups.length - 1]
    if (last?.province === r.province) last.regions.push(r)
    else groups.push({ province: r.province, regions: [r] })
  }
  const first = (data.page - 1) * data.pageSize + 1
  return (
    <div className="portal">
      <Breadcrumbs items={[{ href: '/', label: '公开目录' }, { label: '按地区浏览' }]} />
      <h1>按地区浏览</h1>
      {data.total === 0 && !province ? (
        <p>暂无已公开的部门预算。</p>
      ) : (
        <>
          {data.provinces.length > 1 && (
            <nav aria-label="按省份筛选" className="province-filter">
              <ul className="year-chips">
                <li>
                  <Link href={urls.regions()} aria-current={province ? undefined : 'page'}>
                    全部<span className="muted">（{data.provinces.reduce((n, p) => n + p.regions, 0)} 个地区）</span>
                  </Link>
                </li>
                {data.provinces.map((p) => (
                  <li key={p.province}>
                    <Link href={urls.regions(p.province)} aria-current={p.province === province ? 'page' : undefined}>
                      {p.province}
                      <span className="muted">（{p.regions} 个地区）</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <p className="muted" aria-live="polite">
            {data.total === 0
              ? `${province}暂无已公开部门预算的地区。`
              : `${province || '全部省份'}共 ${data.total} 个地区已公开部门预算${data.pages > 1 ? `，第 ${first}–${first + data.regions.length - 1} 个` : ''}。`}
          </p>
          {groups.map((g) => (
            <section key={g.province} aria-label={g.province} className="portal-section">
              <h2>
                {g.province}
                {data.pages > 1 && <span className="muted">（共 {data.provinces.find((p) => p.province === g.province)?.regions ?? g.regions.length} 个地区）</span>}
              </h2>
              <ul className="region-list">
                {g.regions.map((r) => (
                  <RegionCard key={r.code} region={r} bureau />
                ))}
              </ul>
            </section>
          ))}
          {data.pages > 1 && (
            <nav aria-label="地区分页" className="pager">
              {data.page > 1 && <Link href={urls.regions(province || undefined, data.page - 1)}>上一页</Link>}
              <span>
                第 {data.page} / {data.pages} 页
              </span>
              {data.page < data.pages && <Link href={urls.regions(province || undefined, data.page + 1)}>下一页</Link>}
            </nav>
          )}
        </>
      )}
    </div>
  )
}
