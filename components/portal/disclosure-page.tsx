import Link from 'next/link'
import { budgetSubject, chineseDate, urls } from '@/lib/portal/format'
import type { DisclosureView } from '@/lib/portal/view'
import { Breadcrumbs } from './breadcrumbs'
import { HashTarget } from './hash-target'
import { DisclosureContent, documentAnchors } from './disclosure-notes'
import { BasicProjectFigure, FunctionClassFigure, KeyFigures, RevisionHistory, ThreePublicHistoryFigure, YearOverYear } from './disclosure-figures'
import { disclosureDownloads, Downloads } from './downloads'
import { ExtraTableView } from '../tables/extra-table-view'

/** The public page of one published disclosure (latest revision, or an earlier one). */
export function DisclosurePage({ v }: { v: DisclosureView }) {
  const anchors = documentAnchors(v)
  const outdated = v.revision < v.latestRevision
  const years = v.history.map((h) => h.year)
  // a unit's own 单位预算 (docs/decisions/009) is named, headed and linked by the unit
  const s = budgetSubject(v)
  return (
    <article className="portal disclosure" aria-labelledby="disclosure-title">
      <HashTarget />
      <Breadcrumbs
        items={[
          { href: '/', label: '公开目录' },
          { href: urls.region(v.region.code), label: `${v.region.province}${v.region.name}` },
          { href: urls.regionYear(v.region.code, v.year), label: `${v.year} 年` },
          ...(v.unit ? [{ label: v.department.name }] : []),
          { label: s.name },
        ]}
      />
      <h1 id="disclosure-title">
        {s.name} {v.year} 年{s.level}信息公开
      </h1>
      <p className="muted disclosure__meta">
        <span>
          {v.region.province}
          {v.region.name}
        </span>
        <span>{v.unit ? `单位编码 ${v.unit.code}` : `部门编码 ${v.department.code}`}</span>
        {v.publishedAt && <span>{chineseDate(v.publishedAt)}公开</span>}
        <span>
          第 {v.revision} 版{v.revision > 1 ? '（更正）' : ''}
        </span>
      </p>
      {outdated && (
        <p className="notice" role="note">
          您正在查看第 {v.revision} 版，该版本已被更正。<Link href={urls.disclosure(s.code, v.year)}>查看最新的第 {v.latestRevision} 版</Link>
        </p>
      )}
      {v.correctionNote && !outdated && <p className="notice">更正说明：{v.correctionNote}</p>}
      {years.length > 1 && (
        <nav aria-label="其他年度" className="year-links">
          <span>年度：</span>
          <ul>
            {years.map((y) => (
              <li key={y}>{y === v.year ? <span aria-current="page">{y}</span> : <Link href={urls.disclosure(s.code, y)}>{y}</Link>}</li>
            ))}
          </ul>
        </nav>
      )}
      <nav aria-label="本页目录" className="card no-print page-toc">
        <strong>本页目录</strong>
        <ol>
          <li>
            <a href="#key-figures">主要数据</a>
          </li>
          <li>
            <a href="#charts">图表</a>
          </li>
          <li>
            <a href="#yoy">与上年比较</a>
          </li>
          <li>
            <a href={`#${anchors.tables}`}>{s.level}公开表</a>
            <ol>
              {v.tables.map((t) => (
                <li key={t.key}>
                  <a href={`#${anchors.table(t.key)}`}>{t.title}</a>
                </li>
              ))}
            </ol>
          </li>
          <li>
            <a href={`#${anchors.notes}`}>情况说明</a>
          </li>
          <li>
            <a href="#downloads">下载</a>
          </li>
        </ol>
      </nav>
      <KeyFigures v={v} />
      <section aria-labelledby="charts" className="portal-section">
        <h2 id="charts">图表</h2>
        <div className="figure-grid">
          <FunctionClassFigure v={v} />
          <BasicProjectFigure v={v} />
          <ThreePublicHistoryFigure v={v} />
        </div>
      </section>
      <YearOverYear v={v} />
      <DisclosureContent v={v} />
      {(v.beyondTemplate ?? []).length > 0 && (
        <section aria-labelledby="beyond-template" className="portal-section">
          <h2 id="beyond-template">其他公开表</h2>
          {v.beyondTemplate!.map((t, i) => (
            <ExtraTableView key={i} id={`extra-${i}`} table={t} department={`${s.code} ${s.name}`} year={v.year} />
          ))}
        </section>
      )}
      <Downloads groups={disclosureDownloads(s.code, v.year)} />
      <RevisionHistory v={v} />
    </article>
  )
}
