import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { DisclosurePage } from '@/components/portal/disclosure-page'
import { budgetSubject } from '@/lib/portal/format'
import { cachedDisclosureView } from '@/lib/portal/server/cache'

/**
 * The public page of a published disclosure, at a stable URL /disclosures/<部门编码>/<年度>.
 * Rendered on the first visit and then served from the cache (ISR) until a publication of this
 * department revalidates it (lib/portal/server/cache.ts revalidatePublished). force-static: the page
 * never depends on who asks — cookies read anywhere in the tree (the header's sign-in state) are empty
 * here, so no visitor's session can end up in the cached copy, and drafts are never shown.
 */
export const dynamic = 'force-static'
export const dynamicParams = true
export const revalidate = false

export function generateStaticParams(): { code: string; year: string }[] {
  return []
}

type Params = { params: Promise<{ code: string; year: string }> }

async function load({ params }: Params) {
  const { code, year } = await params
  if (!/^\d{4}$/.test(year)) return null
  return cachedDisclosureView(decodeURIComponent(code), Number(year))
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const v = await load(props)
  if (!v) return { title: '未找到 — 预算公开' }
  // a unit's own 单位预算 is named by the unit (docs/decisions/009)
  const s = budgetSubject(v)
  return {
    title: `${s.name} ${v.year} 年${s.level}信息公开 — 预算公开`,
    description: `${v.region.province}${v.region.name}${s.name} ${v.year} 年${s.level}：九张公开表、情况说明、图表、与上年比较及数据下载。`,
    alternates: { canonical: `/disclosures/${s.code}/${v.year}` },
  }
}

export default async function Page(props: Params) {
  const v = await load(props)
  if (!v) notFound()
  return <DisclosurePage v={v} />
}
