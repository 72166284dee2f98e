import { documentFileName } from '@/lib/document/model'
import { renderHtml } from '@/lib/document/render-html'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { CONTENT_TYPES, contentDisposition, renderDocument } from '@/lib/document/server/render-document'
import { findDisclosureById, findReadableRef } from '@/lib/disclosure/server/find-disclosure'
import { publishedFile, storedFileResponse } from '@/lib/portal/server/published-files'
import { FILE } from '@/lib/portal/server/revision-files'
import { getActor } from '@/lib/server/auth'
import { AppError, notFound } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'
export const runtime = 'nodejs'

const FORMATS = ['pdf', 'docx', 'html'] as const

/**
 * The complete disclosure as PDF, Word or a standalone web page. Read authorization is the tables
 * endpoint's: public once published — then the document built at publication, as stored
 * (docs/decisions/015) — and drafts only for those who may read them (404 otherwise).
 */
export const GET = handle(async (req: Request, ctx: { params: Promise<{ code: string; year: string }> }) => {
  const { code, year } = await ctx.params
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const url = new URL(req.url)
  const format = (url.searchParams.get('format') ?? 'pdf') as (typeof FORMATS)[number]
  if (!FORMATS.includes(format)) throw new AppError('BAD_REQUEST', '格式应为 pdf、docx 或 html')
  const rev = url.searchParams.get('revision')
  if (rev !== null && !/^\d{1,4}$/.test(rev)) throw new AppError('BAD_REQUEST', '版本号应为正整数')
  const actor = await getActor()
  const ref = await findReadableRef(actor, code, Number(year), rev !== null ? { revision: Number(rev) } : {})
  const disposition = format === 'html' ? (url.searchParams.get('download') ? 'attachment' : 'inline') : url.searchParams.get('inline') && format === 'pdf' ? 'inline' : 'attachment'
  if (ref.status === 'published') {
    const f = await publishedFile(ref.id, FILE.document(format))
    if (!f) throw notFound(`${code} 的 ${year} 年预算公开文件`)
    return storedFileResponse(req, f, { pinned: rev !== null, contentDisposition: contentDisposition(f.fileName ?? `document.${format}`, disposition) })
  }
  const d = await findDisclosureById(actor, ref.id)
  const model = await buildDocumentModel(d)
  const cache = 'private, no-store'
  if (format === 'html') {
    return new Response(renderHtml(model), { headers: { 'Content-Type': CONTENT_TYPES.html, 'Content-Disposition': contentDisposition(documentFileName(model, 'html'), disposition), 'Cache-Control': cache } })
  }
  const out = await renderDocument(model, format)
  return new Response(new Uint8Array(out.body), {
    headers: { 'Content-Type': out.contentType, 'Content-Disposition': contentDisposition(out.filename, disposition), 'Content-Length': String(out.body.length), 'Cache-Control': cache },
  })
})
