import { createHash } from 'node:crypto'
import { cachedDisclosureView } from '@/lib/portal/server/cache'
import { AppError, notFound } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * The nine tables and the 情况说明 of a published disclosure as an HTML fragment: what the disclosure
 * page shows, fetched by the page after a client-side navigation (components/portal/server-html.tsx).
 * ?revision=N for an earlier published revision. Cached data; clients revalidate with the ETag.
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = await ctx.params
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const rev = new URL(req.url).searchParams.get('revision')
  if (rev !== null && !/^\d{1,4}$/.test(rev)) throw new AppError('BAD_REQUEST', '版本应为数字')
  const v = await cachedDisclosureView(decodeURIComponent(code), Number(year), rev ? Number(rev) : undefined)
  if (!v?.documentHtml) throw notFound(`${code} 的 ${year} 年预算公开`)
  const etag = `"${createHash('sha256').update(v.documentHtml).digest('base64url').slice(0, 32)}"`
  const headers = { ETag: etag, 'Cache-Control': 'public, no-cache', 'Content-Type': 'text/html; charset=utf-8' }
  if ((req.headers.get('if-none-match') ?? '').split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return new Response(null, { status: 304, headers })
  return new Response(v.documentHtml, { status: 200, headers })
})
