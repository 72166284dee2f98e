import { revalidatePath } from 'next/cache'
import { NextResponse } from 'next/server'
import { CATALOGUE_LIMIT_TEXT, MAX_CATALOGUE_BYTES } from '@/lib/catalogue/limits'
import { importCatalogue } from '@/lib/catalogue/server/import-catalogue'
import { readUpload } from '@/lib/exchange/server/read-upload'
import { getActor } from '@/lib/server/auth'
import { requirePermission } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'
import { text } from '@/lib/server/request'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

/**
 * POST multipart: `file` (CSV or XLSX, ≤ MAX_CATALOGUE_BYTES), `year` (four digits), `kind`
 * (function | economic). Replaces that year's catalogue of that kind (admin, catalogue.manage).
 * A route handler rather than a server action: server actions stop at 1 MB (proxy.ts, Next's own limit),
 * while a year's catalogue with its history of names runs to a few MB. Same-origin is checked by `handle`
 * (and proxy.ts), the permission before a byte of the body is read, and the size while the body streams in:
 * beyond the limit a Chinese 413, never a 500.
 */
export const POST = handle(async (req: Request) => {
  const actor = await getActor()
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  requirePermission(actor, 'catalogue.manage')
  const upload = await readUpload(req, MAX_CATALOGUE_BYTES, { tooLarge: `科目文件超过 ${CATALOGUE_LIMIT_TEXT}，请拆分或删去不需要的年度后再上传`, noFile: '请选择科目文件（CSV 或 XLSX）' })
  const year = (upload.fields.year ?? '').trim()
  if (!/^\d{4}$/.test(year)) throw new AppError('VALIDATION', '预算年度应为四位数字', [{ path: 'year', message: '预算年度应为四位数字' }])
  const kind = upload.fields.kind
  if (kind !== 'function' && kind !== 'economic') throw new AppError('VALIDATION', '请选择科目类别', [{ path: 'kind', message: '请选择科目类别' }])
  if (upload.file.length === 0) throw new AppError('VALIDATION', '请选择科目文件（CSV 或 XLSX）', [{ path: 'file', message: '请选择科目文件（CSV 或 XLSX）' }])
  const { count } = await importCatalogue(actor, { year: Number(year), kind, fileName: text(upload.fileName, '文件名', { max: 255 }), content: upload.file })
  revalidatePath('/admin/catalogue')
  return NextResponse.json({ message: `已导入 ${year} 年${kind === 'function' ? '支出功能分类' : '部门预算支出经济分类'}科目 ${count} 条`, count }, { headers: { 'Cache-Control': 'no-store' } })
})
