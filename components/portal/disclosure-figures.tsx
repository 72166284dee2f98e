import Link from 'next/link'
import type { ReactNode } from 'react'
import { cellToNumber } from '@/lib/budget/money'
import { formatPerMille, personnelShare } from '@/lib/portal/figures'
import { budgetSubject, chineseDate, signedPct, signedWan, urls, wan } from '@/lib/portal/format'
import type { DisclosureView } from '@/lib/portal/view'
import { FunctionClassChart, ShareChart, ThreePublicHistoryChart } from './charts'

/** A chart with its caption and the data table that is its text alternative. */
export function ChartFigure({ id, title, summary, chart, table }: { id: string; title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  return (
    <figure className="portal-figure" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <strong>{title}</strong>
        <span className="muted">{summary}</span>
      </figcaption>
      {chart}
      {/* the table scrolls sideways on a phone, not the figure: a scrolling region must be reachable by keyboard */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}（数据表）`}>
        {table}
      </div>
    </figure>
  )
}

export function KeyFigures({ v }: { v: DisclosureView }) {
  const f = v.figures
  const items: [string, string, string][] = [
    ['支出合计', wan(f.total), '万元'],
    ['基本支出', wan(f.basic), '万元'],
    ['项目支出', wan(f.project), '万元'],
    ['“三公”经费', wan(f.threePublic), '万元'],
    ['机关运行经费', wan(f.operating), '万元'],
    ['人员经费占一般公共预算支出', formatPerMille(personnelShare(f)), ''],
  ]
  return (
    <section aria-labelledby="key-figures" className="portal-section">
      <h2 id="key-figures">主要数据</h2>
      <dl className="key-figures">
        {items.map(([label, value, unit]) => (
          <div key={label} className="key-figure">
            <dt>{label}</dt>
            <dd>
              <span className="key-figure__value">{value}</span> {unit && <span className="key-figure__unit">{unit}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

export function FunctionClassFigure({ v }: { v: DisclosureView }) {
  const rows = v.figures.byFunctionClass
  if (rows.length === 0) return null
  const top = [...rows].sort((a, b) => b.total - a.total)[0]!
  return (
    <ChartFigure
      id="chart-function"
      title="支出按功能分类（类）"
      summary={`共 ${rows.length} 类，最大为${top.name} ${wan(top.total)} 万元。`}
      chart={<FunctionClassChart data={rows.map((r) => ({ name: r.name, basic: cellToNumber(r.basic), project: cellToNumber(r.project) }))} />}
      table={
        <table className="data-table">
          <caption>支出按功能分类（类），单位：万元</caption>
          <thead>
            <tr>
              <th scope="col">科目</th>
              <th scope="col" className="num">合计</th>
              <th scope="col" className="num">基本支出</th>
              <th scope="col" className="num">项目支出</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  {r.code} {r.name}
                </th>
                <td className="num">{wan(r.total)}</td>
                <td className="num">{wan(r.basic)}</td>
                <td className="num">{wan(r.project)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  )
}

export function BasicProjectFigure({ v }: { v: DisclosureView }) {
  const f = v.figures
  const parts = [
    { name: '基本支出', value: f.basic, colour: 1 },
    { name: '项目支出', value: f.project, colour: 0 },
    ...(f.otherCategories ? [{ name: '其他支出', value: f.otherCategories, colour: 3 }] : []),
  ]
  if (f.total === 0) return null
  return (
    <ChartFigure
      id="chart-basic-project"
      title="基本支出与项目支出"
      summary={`基本支出占 ${formatPerMille(Math.round((f.basic * 1000) / f.total))}，项目支出占 ${formatPerMille(Math.round((f.project * 1000) / f.total))}。`}
      chart={<ShareChart data={parts.map((p) => ({ name: p.name, value: cellToNumber(p.value), colour: p.colour }))} />}
      table={
        <table className="data-table">
          <caption>基本支出与项目支出，单位：万元</caption>
          <thead>
            <tr>
              <th scope="col">支出类型</th>
              <th scope="col" className="num">金额</th>
              <th scope="col" className="num">占支出合计</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.name}>
                <th scope="row">{p.name}</th>
                <td className="num">{wan(p.value)}</td>
                <td className="num">{formatPerMille(Math.round((p.value * 1000) / f.total))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">支出合计</th>
              <td className="num">{wan(f.total)}</td>
              <td className="num">100.0%</td>
            </tr>
          </tfoot>
        </table>
      }
    />
  )
}

export function ThreePublicHistoryFigure({ v }: { v: DisclosureView }) {
  const h = v.history
  const years = h.map((x) => x.year)
  const summary = h.length > 1 ? `${years[0]}—${years[years.length - 1]} 年共 ${h.length} 个已公开年度。` : `目前只有 ${v.year} 年已公开。`
  return (
    <ChartFigure
      id="chart-three-public"
      title="财政拨款“三公”经费（历年）"
      summary={summary}
      chart={<ThreePublicHistoryChart data={h.map((x) => ({ year: `${x.year}`, abroad: cellToNumber(x.figures.threePublicDetail.abroad), vehicle: cellToNumber(x.figures.threePublicDetail.vehiclePurchase + x.figures.threePublicDetail.vehicleOperation), reception: cellToNumber(x.figures.threePublicDetail.reception) }))} />}
      table={
        <table className="data-table">
          <caption>财政拨款“三公”经费，单位：万元</caption>
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col" className="num">合计</th>
              <th scope="col" className="num">因公出国（境）费</th>
              <th scope="col" className="num">公务用车购置费</th>
              <th scope="col" className="num">公务用车运行维护费</th>
              <th scope="col" className="num">公务接待费</th>
            </tr>
          </thead>
          <tbody>
            {h.map((x) => (
              <tr key={x.year} aria-current={x.year === v.year ? 'true' : undefined}>
                <th scope="row">{x.year === v.year ? `${x.year} 年（本年）` : <Link href={urls.disclosure(budgetSubject(v).code, x.year)}>{x.year} 年</Link>}</th>
                <td className="num">{wan(x.figures.threePublicDetail.total)}</td>
                <td className="num">{wan(x.figures.threePublicDetail.abroad)}</td>
                <td className="num">{wan(x.figures.threePublicDetail.vehiclePurchase)}</td>
                <td className="num">{wan(x.figures.threePublicDetail.vehicleOperation)}</td>
                <td className="num">{wan(x.figures.threePublicDetail.reception)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  )
}

export function YearOverYear({ v }: { v: DisclosureView }) {
  const p = v.previous
  return (
    <section aria-labelledby="yoy" className="portal-section">
      <h2 id="yoy">与上年比较</h2>
      {!p ? (
        <p>本部门没有 {v.year} 年以前已公开的预算，暂无可比较的年度。</p>
      ) : (
        <>
          <p>
            与 {p.year} 年已公开预算相比（单位：万元）。
            <Link href={urls.compare(budgetSubject(v).code, v.year, p.year)}>逐表比较 {v.year} 年与 {p.year} 年的九张报表</Link>
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                主要数据：{v.year} 年与 {p.year} 年，单位：万元
              </caption>
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col" className="num">{v.year} 年</th>
                  <th scope="col" className="num">{p.year} 年</th>
                  <th scope="col" className="num">增减额</th>
                  <th scope="col" className="num">增减率</th>
                </tr>
              </thead>
              <tbody>
                {p.indicators.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td className="num">{wan(c.current)}</td>
                    <td className="num">{wan(c.base)}</td>
                    <td className="num">{signedWan(c.diff)}</td>
                    <td className="num">{signedPct(c.pm)}</td>
                  </tr>
                ))}
                {p.functionClasses.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">
                      其中：{c.code} {c.name}
                    </th>
                    <td className="num">{wan(c.current)}</td>
                    <td className="num">{wan(c.base)}</td>
                    <td className="num">{signedWan(c.diff)}</td>
                    <td className="num">{signedPct(c.pm)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}

export function RevisionHistory({ v }: { v: DisclosureView }) {
  if (v.revisions.length <= 1 && !v.correctionNote) return null
  return (
    <section aria-labelledby="revisions" className="portal-section">
      <h2 id="revisions">版本记录</h2>
      <ol className="revision-list">
        {v.revisions.map((r) => (
          <li key={r.revision}>
            {r.revision === v.revision ? (
              <strong aria-current="page">第 {r.revision} 版（当前查看）</strong>
            ) : (
              <Link href={r.revision === v.latestRevision ? urls.disclosure(budgetSubject(v).code, v.year) : urls.revision(budgetSubject(v).code, v.year, r.revision)}>第 {r.revision} 版</Link>
            )}
            {r.publishedAt && <span className="muted"> · {chineseDate(r.publishedAt)}公开</span>}
            {r.correctionNote && <p className="correction-note">更正说明：{r.correctionNote}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}
