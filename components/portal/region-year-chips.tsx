import Link from 'next/link'
import { urls } from '@/lib/portal/format'
import type { RegionSummary } from '@/lib/portal/view'

/** A region's published years, each linking to that year's departments. */
export function RegionYearChips({ region }: { region: Pick<RegionSummary, 'code' | 'name' | 'years'> }) {
  return (
    <ul className="year-chips" aria-label={`${region.name}已公开年度`}>
      {region.years.map((y) => (
        <li key={y.year}>
          <Link href={urls.regionYear(region.code, y.year)}>
            {y.year} 年<span className="muted">（{y.departments} 个部门）</span>
          </Link>
        </li>
      ))}
    </ul>
  )
}

/** A region as a card in a list: its name linking to its page, optionally its finance bureau, and its years. */
export function RegionCard({ region, bureau = false }: { region: Pick<RegionSummary, 'code' | 'name' | 'province' | 'years'> & { financeBureau?: string }; bureau?: boolean }) {
  return (
    <li className="card">
      <h3>
        <Link href={urls.region(region.code)}>
          {region.province}
          {region.name}
        </Link>
      </h3>
      {bureau && region.financeBureau && <p className="muted">{region.financeBureau}</p>}
      <RegionYearChips region={region} />
    </li>
  )
}
