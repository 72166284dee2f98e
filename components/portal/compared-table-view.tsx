import type { ComparedTable } from '@/lib/portal/compare'
import { signedPct, signedWan, wan } from '@/lib/portal/format'

/** One of the nine tables in two years: for each amount column the current, base and change. */
export function ComparedTableView({ t, year, base }: { t: ComparedTable; year: number; base: number }) {
  const titleId = `cmp-${t.key}-title`
  return (
    <section className="budget-table compared-table" id={`cmp-${t.key}`} aria-labelledby={titleId}>
      <h3 id={titleId} className="budget-table__title">
        {t.title}
      </h3>
      {t.rows.length === 0 ? (
        <p className="muted">两个年度本表均无数据。</p>
      ) : (
        <div className="budget-table__scroll" tabIndex={0} role="region" aria-labelledby={titleId}>
          <table>
            <caption className="visually-hidden">
              {t.title}：{year} 年与 {base} 年比较，单位：万元
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  项目
                </th>
                {t.columns.map((c) => (
                  <th key={c.id} scope="colgroup" colSpan={4}>
                    {c.label}
                  </th>
                ))}
              </tr>
              <tr>
                {t.columns.map((c) => [
                  <th key={`${c.id}-cur`} scope="col" className="num">
                    {year} 年
                  </th>,
                  <th key={`${c.id}-base`} scope="col" className="num">
                    {base} 年
                  </th>,
                  <th key={`${c.id}-diff`} scope="col" className="num">
                    增减额
                  </th>,
                  <th key={`${c.id}-pct`} scope="col" className="num">
                    增减率
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r) => (
                <tr key={r.key} className={r.total ? 'total' : undefined}>
                  <th scope="row" className={`level-${r.level}`}>
                    {r.label}
                  </th>
                  {r.cells.map((c, i) => [
                    <td key={`${i}-c`} className="num">
                      {wan(c.current)}
                    </td>,
                    <td key={`${i}-b`} className="num">
                      {wan(c.base)}
                    </td>,
                    <td key={`${i}-d`} className={`num ${c.diff > 0 ? 'up' : c.diff < 0 ? 'down' : ''}`.trim()}>
                      {signedWan(c.diff)}
                    </td>,
                    <td key={`${i}-p`} className="num">
                      {signedPct(c.pm)}
                    </td>,
                  ])}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
