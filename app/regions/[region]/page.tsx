import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { urls } from '@/lib/portal/format'
import { cache } from 'react'
import { loadRegion } from '@/lib/portal/server/browse'

/** Always fresh: a few indexed queries, cheaper than keeping a cache of them right. */
export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ region: string }> }

/** Once per render (metadata and page share it). */
const loadByCode = cache((code: string) => loadRegion(code))

async function load({ params }: Params) {
  const { region } = await params
  return loadByCode(decodeURIComponent(region))
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const r = await load(props)
  return { title: r ? `${r.province}${r.name}部门预算公开 — 预算公开` : '未找到 — 预算公开' }
}

/** A region's published years, /regions/<地区代码>. */
export default async function RegionPage(props: Params) {
  const r = await load(props)
  if (!r) notFound()
  return (
    <div className="portal">
      <Breadcrumbs items={[{ href: '/', label: '公开目录' }, { href: '/regions', label: '按地区浏览' }, { label: `${r.province}${r.name}` }]} />
      <h1>
        {r.province}
        {r.name}部门预算公开
      </h1>
      <p className="muted">{r.financeBureau}审核后公开。请选择预算年度，查看各部门的公开内容与部门间比较。</p>
      <ul className="year-chips year-chips--large">
        {r.years.map((y) => (
          <li key={y.year}>
            <Link href={urls.regionYear(r.code, y.year)}>
              {y.year} 年<span className="muted">（{y.departments} 个部门）</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
