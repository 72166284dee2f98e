import { NextResponse } from 'next/server'
import { inspectDocuments, MAX_CHECK_FILE_BYTES, MAX_INSPECT_FILES, MAX_INSPECT_TOTAL_BYTES } from '@/lib/check/server/inspect'
import { getActor } from '@/lib/server/auth'
import { requirePermission } from '@/lib/server/authz'
import { AppError } from '@/lib/server/errors'
import { handle } from '@/lib/server/route'

export const dynamic = 'force-dynamic'

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`

/**
 * POST multipart: one or many `file` fields (PDF with a text layer, Word .docx, or text), each at most
 * 30 MB, together at most 120 MB. Returns each document's check report and its pages' text.
 */
export const POST = handle(async (req: Request) => {
  const actor = await getActor()
  requirePermission(actor, 'document.inspect')
  if (!/^multipart\/form-data/i.test(req.headers.get('content-type') ?? '')) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传，文件放在字段 file 中')
  const declared = Number(req.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > MAX_INSPECT_TOTAL_BYTES) throw new AppError('TOO_LARGE', `上传的文件合计超过上限 ${mb(MAX_INSPECT_TOTAL_BYTES)}`)
  let form: FormData
  try {
    form = await req.formData()
  } catch {
    throw new AppError('BAD_REQUEST', '上传内容不是有效的表单（multipart/form-data）')
  }
  const files = form.getAll('file').filter((f): f is File => typeof f !== 'string')
  if (files.length > MAX_INSPECT_FILES) throw new AppError('BAD_REQUEST', `一次最多检查 ${MAX_INSPECT_FILES} 个文件`)
  for (const f of files) if (f.size > MAX_CHECK_FILE_BYTES) throw new AppError('TOO_LARGE', `「${f.name}」大小 ${mb(f.size)}，超过单个文件上限 ${mb(MAX_CHECK_FILE_BYTES)}`)
  const documents = await inspectDocuments(
    actor,
    await Promise.all(files.map(async (f) => ({ name: f.name || '文件', data: Buffer.from(await f.arrayBuffer()) }))),
  )
  return NextResponse.json({ documents }, { headers: { 'Cache-Control': 'no-store' } })
})
