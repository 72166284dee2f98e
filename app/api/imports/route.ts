import { NextResponse } from 'next/server'
import { ExchangeError } from '@/lib/exchange/errors'
import { ImportRejected, importWorkbook } from '@/lib/exchange/server/import-workbook'
import { fileErrorStatus, readUpload } from '@/lib/exchange/server/read-upload'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * POST multipart: `file` (.xlsx, ≤ 20 MB), optional `year`, `confirm=true` to import, and
 * `acceptErrors=true` to import although the report has errors (after the user confirmed).
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
  try {
    const result = await importWorkbook({
      file: upload.file,
      fileName: upload.fileName,
      by: { kind: 'user', actor },
      ...(year ? { year: Number(year) } : {}),
      commit,
      acceptErrors: upload.fields.acceptErrors === 'true',
    })
    const body = result.imported ? { ...result, imported: { ...result.imported, url: `/workspace/disclosures/${result.imported.disclosureId}` } } : result
    return NextResponse.json(body, { status: result.imported ? 201 : 200, headers: { 'Cache-Control': 'no-store' } })
  } catch (e) {
    if (e instanceof ImportRejected) return NextResponse.json({ error: { code: e.code, message: e.message }, ...e.result }, { status: 422 })
    if (e instanceof ExchangeError) return NextResponse.json({ error: { code: e.code === 'TOO_LARGE' || e.code === 'ZIP_BOMB' ? 'TOO_LARGE' : 'VALIDATION', file: e.code, message: e.message } }, { status: fileErrorStatus(e) })
    throw e
  }
})
