import 'server-only'
import { createHash } from 'node:crypto'
import { AppError, notFound } from '@/lib/server/errors'
import type { OpenDataFile } from '../datapackage'
import { OPEN_DATA_FILES } from '../datapackage'
import type { OpenDataSet } from './open-data'
import { renderOpenDataFile } from './open-data'

export function parseOpenDataFile(file: string): OpenDataFile {
  if (!(OPEN_DATA_FILES as readonly string[]).includes(file)) throw new AppError('NOT_FOUND', `数据包中没有文件“${file}”，可用：${OPEN_DATA_FILES.join('、')}`)
  return file as OpenDataFile
}

export function parseYear(year: string): number {
  if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  return Number(year)
}

/**
 * One file of an open-data package. Clients revalidate every time (no-cache) against a strong ETag
 * of the body, so after a publication nobody keeps a stale copy, and an unchanged file costs a 304.
 */
export function openDataResponse(req: Request, set: OpenDataSet | null, file: OpenDataFile, homepagePath: string, filenameStem: string): Response {
  if (!set) throw notFound('该地区或部门本年度的已公开预算')
  const origin = new URL(req.url).origin
  const { body, contentType } = renderOpenDataFile(set, file, `${origin}${homepagePath}`)
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': 'public, no-cache', 'Access-Control-Allow-Origin': '*' }
  if ((req.headers.get('if-none-match') ?? '').split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) return new Response(null, { status: 304, headers })
  headers['Content-Type'] = contentType
  if (file !== 'datapackage.json') headers['Content-Disposition'] = `inline; filename="${filenameStem}-${file}"`
  return new Response(body, { status: 200, headers })
}
