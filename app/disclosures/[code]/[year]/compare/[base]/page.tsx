import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { ComparedTableView } from '@/components/portal/compared-table-view'
import { budgetSubject, urls } from '@/lib/portal/format'
import { cachedTableComparison } from '@/lib/portal/server/cache'

/** Year-over-year comparison of the nine tables, /disclosures/<code>/<year>/compare/<base year>. */
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams(): { code: string; year: string; base: string }[] {
  return []
}

type Params = { params: Promise<{ code: string; year: string; base: string }> }

async function load({ params }: Params) {
  const { code, year, base } = await params
  if (!/^\d{4}$/.test(year) || !/^\d{4}$/.test(base)) return null
  return cachedTableComparison(decodeURIComponent(code), Number(year), Number(base))
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const v = await load(props)
  if (!v) return { title: '未找到 — 预算公开' }
  const s = budgetSubject(v)
  return { title: `${s.name} ${v.year} 年与 ${v.base} 年${s.level}比较 — 预算公开` }
}

export default async function Page(props: Params) {
  const v = await load(props)
  if (!v) notFound()
  const others = v.years.filter((y) => y !== v.year)
  // a unit's own 单位预算 is named by the unit (docs/decisions/009)
  const s = budgetSubject(v)
  return (
    <article className="portal" aria-labelledby="cmp-title">
      <Breadcrumbs
        items={[
          { href: '/', label: '公开目录' },
          { href: urls.region(v.region.code), label: `${v.region.province}${v.region.name}` },
          { href: urls.disclosure(s.code, v.year), label: `${s.name} ${v.year} 年` },
          { label: `与 ${v.base} 年比较` },
        ]}
      />
      <h1 id="cmp-title">
        {s.name} {v.year} 年与 {v.base} 年{s.level}比较
      </h1>
      <p className="muted">
        逐表逐行比较两个年度已公开的{s.level}公开表（单位：万元）。按科目编码与固定项目对齐；某一年度没有的行按 0 计；两个年度均为空的行不列出。增减率以 {v.base} 年为基数，基数为 0 时不计算（—）。
      </p>
      {others.length > 1 && (
        <nav aria-label="选择比较年度" className="year-links">
          <span>与其他年度比较：</span>
          <ul>
            {others.map((y) => (
              <li key={y}>{y === v.base ? <span aria-current="page">{y}</span> : <Link href={urls.compare(s.code, v.year, y)}>{y}</Link>}</li>
            ))}
          </ul>
        </nav>
      )}
      <p>
        <Link href={urls.disclosure(s.code, v.year)}>返回 {v.year} 年公开页面</Link> · <Link href={urls.disclosure(s.code, v.base)}>查看 {v.base} 年公开页面</Link>
      </p>
      {v.tables.map((t) => (
        <ComparedTableView key={t.key} t={t} year={v.year} base={v.base} />
      ))}
    </article>
  )
}
