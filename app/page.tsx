import Link from 'next/link'
import { SearchForm } from '@/components/portal/search-form'
import { chineseDate, urls } from '@/lib/portal/format'
import { loadRecent, loadRecentRegions } from '@/lib/portal/server/browse'
import { RegionCard } from '@/components/portal/region-year-chips'

/** Always fresh: a few indexed queries, cheaper than keeping a cache of them right. */
export const dynamic = 'force-dynamic'

/** Regions on the front page (those that published most recently); /regions lists them all, a page at a time. */
const HOME_REGIONS = 12

/** The public portal's front page: search, browse by region and year, recent publications. */
export default async function HomePage() {
  const [regions, recent] = await Promise.all([loadRecentRegions(HOME_REGIONS), loadRecent(10)])
  return (
    <div className="portal home">
      <section className="home__hero" aria-labelledby="home-title">
        <h1 id="home-title">部门预算信息公开</h1>
        <p>经财政部门审核后公开的部门预算：九张报表、情况说明、图表与历年比较，数据可下载、可复用。</p>
        <SearchForm />
      </section>
      {regions.length === 0 ? (
        <p>暂无已公开的部门预算。</p>
      ) : (
        <div className="home__grid">
          <section aria-labelledby="browse" className="portal-section">
            <h2 id="browse">按地区和年度浏览</h2>
            <p className="muted">最近公开预算的地区在前：</p>
            <ul className="region-list">
              {regions.map((r) => (
                <RegionCard key={r.code} region={r} />
              ))}
            </ul>
            <p>
              <Link href={urls.regions()}>全部地区（按省份分页浏览）</Link>
            </p>
          </section>
          <section aria-labelledby="recent" className="portal-section">
            <h2 id="recent">最近公开</h2>
            <table className="data-table recent-table">
              <caption className="visually-hidden">最近公开的部门预算</caption>
              <thead>
                <tr>
                  <th scope="col">部门</th>
                  <th scope="col">年度</th>
                  <th scope="col">地区</th>
                  <th scope="col">公开日期</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((d) => (
                  <tr key={`${d.department.code}-${d.year}`}>
                    <th scope="row">
                      <Link href={urls.disclosure(d.department.code, d.year)}>{d.department.name}</Link>
                    </th>
                    <td>{d.year} 年</td>
                    <td>{d.region.name}</td>
                    <td>{chineseDate(d.publishedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </div>
  )
}
