import 'server-only'
import { AppError } from '@/lib/server/errors'
import type { ExchangeError } from '../errors'
import { MAX_FILE_BYTES, mb } from '../errors'

/** Multipart overhead allowed above the file limit (boundaries, the other fields). */
const SLACK = 64 * 1024

export type Upload = { file: Buffer; fileName: string; fields: Record<string, string> }

/**
 * Reads a multipart upload with a hard cap: the body is counted while it streams in and refused as
 * soon as it passes the limit, so an oversized upload never sits whole in memory.
 */
export async function readUpload(req: Request, limit = MAX_FILE_BYTES, say: { tooLarge?: string; noFile?: string } = {}): Promise<Upload> {
  const tooLarge = say.tooLarge ?? `上传的文件超过上限 ${mb(limit)}`
  const type = req.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) throw new AppError('BAD_REQUEST', '请以 multipart/form-data 方式上传，文件放在字段 file 中')
  const declared = Number(req.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit + SLACK) throw new AppError('TOO_LARGE', tooLarge)
  if (!req.body) throw new AppError('BAD_REQUEST', '请求中没有文件')
  const reader = req.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit + SLACK) {
      await reader.cancel().catch(() => undefined)
      throw new AppError('TOO_LARGE', tooLarge)
    }
    chunks.push(value)
  }
  let form: FormData
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData()
  } catch {
    throw new AppError('BAD_REQUEST', '上传内容不是有效的表单（multipart/form-data）')
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') throw new AppError('BAD_REQUEST', say.noFile ?? '请选择要上传的工作簿（字段 file）')
  if (file.size > limit) throw new AppError('TOO_LARGE', say.tooLarge ?? `文件大小 ${mb(file.size)}，超过上限 ${mb(limit)}`)
  const fields: Record<string, string> = {}
  for (const [k, v] of form.entries()) if (typeof v === 'string') fields[k] = v
  return { file: Buffer.from(await file.arrayBuffer()), fileName: file.name || '工作簿.xlsx', fields }
}

/** A file that cannot be read is the client's problem: 413 for size and bombs, 422 otherwise. */
export function fileErrorStatus(e: ExchangeError): number {
  return e.code === 'TOO_LARGE' || e.code === 'ZIP_BOMB' ? 413 : 422
}
