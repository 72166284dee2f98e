import { NextResponse } from 'next/server'
import { z } from 'zod'
import { ExchangeError } from '@/lib/exchange/errors'
import { ImportRejected, importWorkbook } from '@/lib/exchange/server/import-workbook'
import { fileErrorStatus, readUpload } from '@/lib/exchange/server/read-upload'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

const ColumnMeanings = z.record(z.string().regex(/^[a-z_:]+$/).max(60), z.array(z.string().trim().min(1).max(200)).max(50))
function safeJson(s: string): unknown {
  try {
    return JSON.parse(s)
  } catch {
    return null
  }
}

/**
 * POST multipart: `file` (.xlsx, ≤ 20 MB), optional `year`, `confirm=true` to import, and
 * `acceptErrors=true` to import although the report has errors (after the user confirmed),
 * `columnMeanings` (JSON: concept → printed headers) for columns the user assigned in the preview,
 * `saveVocabulary=true` to add them to the template family's vocabulary (template.manage).
 * Returns the validation report, a preview of the tables as read and the target; on confirm, the
 * imported disclosure. A file that cannot be read answers 413/422 with a Chinese message, never 500.
 */
export const POST = handle(async (req: Request) => {
  const actor = await getActor()
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  const upload = await readUpload(req)
  const year = upload.fields.year?.trim()
  if (year && !/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  const commit = upload.fields.confirm === 'true'
  // what the user said unknown columns mean in the preview: {"concept": ["printed header", …]}
  let vocabulary: Record<string, string[]> | undefined
  if (upload.fields.columnMeanings) {
    const parsed = ColumnMeanings.safeParse(safeJson(upload.fields.columnMeanings))
    if (!parsed.success) throw new AppError('BAD_REQUEST', '列的含义格式不正确')
    vocabulary = parsed.data
  }
  try {
    const result = await importWorkbook({
      file: upload.file,
      fileName: upload.fileName,
      by: { kind: 'user', actor },
      ...(year ? { year: Number(year) } : {}),
      commit,
      acceptErrors: upload.fields.acceptErrors === 'true',
      ...(vocabulary ? { vocabulary, saveVocabulary: upload.fields.saveVocabulary === 'true' } : {}),
    })
    const body = result.imported ? { ...result, imported: { ...result.imported, url: `/workspace/disclosures/${result.imported.disclosureId}` } } : result
    return NextResponse.json(body, { status: result.imported ? 201 : 200, headers: { 'Cache-Control': 'no-store' } })
  } catch (e) {
    if (e instanceof ImportRejected) return NextResponse.json({ error: { code: e.code, message: e.message }, ...e.result }, { status: 422 })
    if (e instanceof ExchangeError) return NextResponse.json({ error: { code: e.code === 'TOO_LARGE' || e.code === 'ZIP_BOMB' ? 'TOO_LARGE' : 'VALIDATION', file: e.code, message: e.message } }, { status: fileErrorStatus(e) })
    throw e
  }
})
