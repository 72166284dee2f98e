import type { Metadata } from 'next'
import Link from 'next/link'
import { Breadcrumbs } from '@/components/portal/breadcrumbs'
import { SearchForm } from '@/components/portal/search-form'
import { chineseDate, urls } from '@/lib/portal/format'
import { searchPublished } from '@/lib/portal/server/search'
import { pageNumber } from '@/lib/server/request'
import type { SearchMatch } from '@/lib/portal/server/search'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> }

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
const PAGE_SIZE = 20
const KIND_LABEL: Record<SearchMatch['kind'], string> = { department: '部门', region: '地区', project: '项目', procurement: '政府采购', code: '科目', table: '报表', notes: '情况说明' }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = one((await searchParams).q).trim()
  return { title: q ? `“${q.slice(0, 30)}”的搜索结果 — 预算公开` : '搜索 — 预算公开', robots: { index: false } }
}

/** Full-text search of published disclosures, /search?q=…; always fresh (never cached), reads only published data. */
export default async function SearchPage({ searchParams }: Props) {
  const sp = await searchParams
  const q = one(sp.q).trim()
  const page = pageNumber(sp.page, 50)
  const result = q ? await searchPublished(q, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }) : null
  const pages = result ? Math.ceil(result.total / PAGE_SIZE) : 0
  // the query in quotes; one that has quotes of its own (“三公”经费) in corner brackets, not quotes in quotes
  const quoted = /[“”"]/.test(q) ? `「${q}」` : `“${q}”`
  return (
    <div className="portal">
      <Breadcrumbs items={[{ href: '/', label: '公开目录' }, { label: '搜索' }]} />
      <h1>搜索部门预算</h1>
      <SearchForm defaultValue={q} />
      {result && (
        <section aria-labelledby="results" className="portal-section">
          <h2 id="results" aria-live="polite">
            {result.window !== null && result.total > 0
              ? `${quoted}出现在大多数已公开预算中：显示最近公开的 ${result.window} 份中相关的 ${result.total} 个`
              : result.total === 0
                ? `没有找到与${quoted}相关的已公开预算`
                : `找到${result.capped ? '至少' : ''} ${result.total} 个与${quoted}相关的已公开预算`}
          </h2>
          {result.window !== null && <p className="notice">结果太多，只显示最近公开的 {result.window} 份。请缩小范围：加上部门、地区、项目或科目名称，例如“{q} 教育局”。</p>}
          {result.total === 0 && <p>请尝试更短的词，或只输入部门名称或项目名称中的几个字。</p>}
          <ol className="search-results" start={(page - 1) * PAGE_SIZE + 1}>
            {result.hits.map((h) => (
              <li key={`${h.department.code}-${h.year}`} className="search-result">
                <h3>
                  <Link href={urls.disclosure(h.department.code, h.year)}>
                    {h.department.name} {h.year} 年部门预算
                  </Link>
                </h3>
                <p className="muted">
                  {h.region.province}
                  {h.region.name} · 部门编码 {h.department.code}
                  {h.publishedAt ? ` · ${chineseDate(h.publishedAt)}公开` : ''}
                  {h.revision > 1 ? ` · 第 ${h.revision} 版` : ''}
                </p>
                <ul className="search-result__matches">
                  {h.matches
                    .filter((m) => m.kind !== 'department')
                    .map((m, i) => (
                      <li key={i}>
                        <span className="match-kind">{KIND_LABEL[m.kind]}</span>
                        <Link href={`${urls.disclosure(h.department.code, h.year)}${m.anchor ? `#${m.anchor}` : ''}`}>
                          {m.kind !== 'region' && m.kind !== 'project' && <span className="match-place">{m.label}：</span>}
                          {m.snippet ? (
                            <>
                              {m.snippet.before}
                              <mark>{m.snippet.match}</mark>
                              {m.snippet.after}
                            </>
                          ) : (
                            m.text
                          )}
                        </Link>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav aria-label="搜索结果分页" className="pager">
              {page > 1 && <Link href={`${urls.search(q)}&page=${page - 1}`}>上一页</Link>}
              <span>
                第 {page} / {pages} 页
              </span>
              {page < pages && <Link href={`${urls.search(q)}&page=${page + 1}`}>下一页</Link>}
            </nav>
          )}
        </section>
      )}
    </div>
  )
}
