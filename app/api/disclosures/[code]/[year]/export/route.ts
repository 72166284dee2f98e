import { findDisclosureById, findReadableRef } from '@/lib/disclosure/server/find-disclosure'
import type { ExportFormat } from '@/lib/exchange/server/export-disclosure'
import { attachment, EXPORT_FORMATS, exportDisclosure } from '@/lib/exchange/server/export-disclosure'
import { publishedFile, storedFileResponse } from '@/lib/portal/server/published-files'
import { FILE } from '@/lib/portal/server/revision-files'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * The disclosure's tables as XLSX (official layout), CSV (zip, or one table with ?table=key) or JSON. Same
 * access as GET …/tables; a published revision's files are the ones stored at publication (docs/decisions/015).
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = await ctx.params
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const url = new URL(req.url)
  const format = (url.searchParams.get('format') ?? 'xlsx') as ExportFormat
  if (!EXPORT_FORMATS.includes(format)) throw new AppError('BAD_REQUEST', `不支持的导出格式“${format}”，可选：${EXPORT_FORMATS.join('、')}`)
  const table = url.searchParams.get('table')
  const actor = await getActor()
  const ref = await findReadableRef(actor, code, Number(year))
  if (ref.status === 'published') {
    const f = await publishedFile(ref.id, format === 'csv' && table ? FILE.exportTable(table) : FILE.export(format))
    if (!f) throw new AppError('NOT_FOUND', `表 ${table ?? ''} 不存在`)
    return storedFileResponse(req, f, { contentDisposition: attachment(f.fileName ?? 'download') })
  }
  const d = await findDisclosureById(actor, ref.id)
  const file = await exportDisclosure(d, format, table)
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': attachment(file.fileName),
      'Content-Length': String(file.body.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
})
