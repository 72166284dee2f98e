import type { Metadata } from 'next'
import Link from 'next/link'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { urls } from '@/lib/portal/format'
import { loadRegions } from '@/lib/portal/server/browse'
import { RegionYearChips } from '@/components/portal/region-year-chips'

/** Always fresh: a few indexed queries, cheaper than keeping a cache of them right. */
export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '按地区浏览 — 预算公开' }

export default async function RegionsPage() {
  const regions = await loadRegions()
  return (
    <div className="portal">
      <Breadcrumbs items={[{ href: '/', label: '公开目录' }, { label: '按地区浏览' }]} />
      <h1>按地区浏览</h1>
      {regions.length === 0 ? (
        <p>暂无已公开的部门预算。</p>
      ) : (
        <ul className="region-list">
          {regions.map((r) => (
            <li key={r.code} className="card">
              <h2>
                <Link href={urls.region(r.code)}>
                  {r.province}
                  {r.name}
                </Link>
              </h2>
              <p className="muted">{r.financeBureau}</p>
              <RegionYearChips region={r} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
