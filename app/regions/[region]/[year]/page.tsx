import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { Downloads } from '@/components/portal/downloads'
import { RegionComparisonTable } from '@/components/portal/region-comparison-table'
import type { ComparisonTableRow } from '@/components/portal/region-comparison-table'
import { perMille, personnelShare } from '@/lib/portal/figures'
import { chineseDate, urls } from '@/lib/portal/format'
import { cachedRegionComparison, cachedRegionYear } from '@/lib/portal/server/cache'

/**
 * A region's departments in a year and their comparison, /regions/<地区代码>/<年度>.
 * Cached like the disclosure pages; a publication in any region revalidates that year's region pages.
 */
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams(): { region: string; year: string }[] {
  return []
}

type Params = { params: Promise<{ region: string; year: string }> }

async function load({ params }: Params) {
  const { region, year } = await params
  if (!/^\d{4}$/.test(year)) return null
  const code = decodeURIComponent(region)
  const [listing, comparison] = await Promise.all([cachedRegionYear(code, Number(year)), cachedRegionComparison(code, Number(year))])
  return listing && comparison ? { listing, comparison } : null
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const v = await load(props)
  if (!v) return { title: '未找到 — 预算公开' }
  const r = v.listing.region
  return { title: `${r.province}${r.name} ${v.listing.year} 年部门预算 — 预算公开`, description: `${r.province}${r.name} ${v.listing.year} 年已公开的 ${v.listing.departments.length} 个部门预算，及部门间“三公”经费、机关运行经费、人员经费占比的比较。` }
}

export default async function RegionYearPage(props: Params) {
  const v = await load(props)
  if (!v) notFound()
  const { listing, comparison } = v
  const r = listing.region
  const year = listing.year
  const rows: ComparisonTableRow[] = comparison.rows.map((c) => ({
    code: c.code,
    name: c.name,
    href: urls.disclosure(c.code, year),
    total: c.total,
    basic: c.basic,
    project: c.project,
    threePublic: c.threePublic,
    operating: c.operating,
    personnel: c.personnel,
    personnelShare: personnelShare(c),
  }))
  const sum = (k: 'total' | 'basic' | 'project' | 'threePublic' | 'operating' | 'personnel' | 'generalBudget') => comparison.rows.reduce((a, c) => a + c[k], 0)
  const totals = { total: sum('total'), basic: sum('basic'), project: sum('project'), threePublic: sum('threePublic'), operating: sum('operating'), personnel: sum('personnel'), personnelShare: perMille(sum('personnel'), sum('generalBudget')) }
  return (
    <div className="portal">
      <Breadcrumbs items={[{ href: '/', label: '公开目录' }, { href: urls.region(r.code), label: `${r.province}${r.name}` }, { label: `${year} 年` }]} />
      <h1>
        {r.province}
        {r.name} {year} 年部门预算
      </h1>
      <p className="muted">
        {r.financeBureau}审核后公开的 {listing.departments.length} 个部门。
      </p>
      {listing.years.length > 1 && (
        <nav aria-label="其他年度" className="year-links">
          <span>年度：</span>
          <ul>
            {listing.years.map((y) => (
              <li key={y}>{y === year ? <span aria-current="page">{y}</span> : <Link href={urls.regionYear(r.code, y)}>{y}</Link>}</li>
            ))}
          </ul>
        </nav>
      )}
      <section aria-labelledby="comparison" className="portal-section">
        <h2 id="comparison">部门间比较</h2>
        <p className="muted">
          单位：万元。“三公”经费为财政拨款安排的因公出国（境）费、公务用车购置及运维费和公务接待费；机关运行经费为行政单位和参照公务员法管理单位的财政拨款公用经费（与情况说明一致）；人员经费占比为人员经费占一般公共预算支出的比重。点击列标题排序。
        </p>
        <RegionComparisonTable rows={rows} totals={totals} caption={`${r.name} ${year} 年各部门预算比较（单位：万元）`} />
      </section>
      <section aria-labelledby="departments" className="portal-section">
        <h2 id="departments">部门目录</h2>
        <ul className="department-list">
          {listing.departments.map((d) => (
            <li key={d.code}>
              <Link href={urls.disclosure(d.code, year)}>
                <span className="dept-code">{d.code}</span> {d.name}
              </Link>
              <span className="muted">
                {d.publishedAt ? ` ${chineseDate(d.publishedAt)}公开` : ''}
                {d.revision > 1 ? ` · 第 ${d.revision} 版（更正）` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <Downloads
        title="下载本地区本年度开放数据"
        groups={[
          {
            group: '开放数据包（Fiscal Data Package）',
            links: [
              { href: urls.regionOpenData(r.code, year, 'datapackage.json'), label: '数据包描述 datapackage.json', type: 'JSON' },
              { href: urls.regionOpenData(r.code, year, 'expenditure.csv'), label: '全部部门支出明细', type: 'CSV' },
              { href: urls.regionOpenData(r.code, year, 'revenue.csv'), label: '全部部门收入明细', type: 'CSV' },
              { href: urls.regionOpenData(r.code, year, 'tables.csv'), label: '全部部门公开表逐格数据', type: 'CSV' },
            ],
          },
        ]}
      />
    </div>
  )
}
