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
