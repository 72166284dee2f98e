import { summaryPdf, summarySchema, summaryXlsx } from '@/lib/check/server/summary'
import { getActor } from '@/lib/server/auth'
import { requirePermission } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/** POST JSON {region, rows}: the region's inspection summary as ?format=xlsx (default) or pdf. */
export const POST = handle(async (req: Request) => {
  const actor = await getActor()
  requirePermission(actor, 'document.inspect')
  const format = new URL(req.url).searchParams.get('format') ?? 'xlsx'
  if (format !== 'xlsx' && format !== 'pdf') throw new AppError('BAD_REQUEST', '格式应为 xlsx 或 pdf')
  const body = await req.json().catch(() => null)
  const parsed = summarySchema.safeParse(body)
  if (!parsed.success) throw new AppError('BAD_REQUEST', `汇总数据不正确：${parsed.error.issues[0]?.message ?? ''}`)
  const name = encodeURIComponent(`${parsed.data.region || ''}预算公开检查汇总.${format}`)
  const buf = format === 'xlsx' ? await summaryXlsx(parsed.data) : await summaryPdf(parsed.data)
  return new Response(new Uint8Array(buf), {
    headers: {
      'Content-Type': format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf',
      'Content-Disposition': `attachment; filename*=UTF-8''${name}`,
      'Cache-Control': 'no-store',
    },
  })
})
