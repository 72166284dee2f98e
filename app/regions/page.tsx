import type { Metadata } from 'next'
import Link from 'next/link'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { urls } from '@/lib/portal/format'
import { loadRegions } from '@/lib/portal/server/browse'

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
              <ul className="year-chips" aria-label={`${r.name}已公开年度`}>
                {r.years.map((y) => (
                  <li key={y.year}>
                    <Link href={urls.regionYear(r.code, y.year)}>
                      {y.year} 年<span className="muted">（{y.departments} 个部门）</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
