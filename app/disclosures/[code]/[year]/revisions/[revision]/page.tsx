import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DisclosurePage } from '@/components/portal/disclosure-page'
import { budgetSubject } from '@/lib/portal/format'
import { cachedDisclosureView } from '@/lib/portal/server/cache'

/** An earlier (or the current) published revision, at /disclosures/<code>/<year>/revisions/<n>: a published revision never changes. */
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams(): { code: string; year: string; revision: string }[] {
  return []
}

type Params = { params: Promise<{ code: string; year: string; revision: string }> }

async function load({ params }: Params) {
  const { code, year, revision } = await params
  if (!/^\d{4}$/.test(year) || !/^\d{1,4}$/.test(revision)) return null
  return cachedDisclosureView(decodeURIComponent(code), Number(year), Number(revision))
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const v = await load(props)
  if (!v) return { title: '未找到 — 预算公开' }
  const s = budgetSubject(v)
  return { title: `${s.name} ${v.year} 年${s.level}（第 ${v.revision} 版） — 预算公开`, alternates: { canonical: `/disclosures/${s.code}/${v.year}` } }
}

export default async function Page(props: Params) {
  const v = await load(props)
  if (!v) notFound()
  return <DisclosurePage v={v} />
}
