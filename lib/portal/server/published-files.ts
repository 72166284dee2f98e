import 'server-only'
import type { DisclosureFigures } from '../figures'
import { disclosureTargets } from '@/lib/disclosure/server/find-disclosure'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { db } from '@/lib/server/db'
import { notFound } from '@/lib/server/errors'
import type { Prisma } from '@/src/generated/prisma/client'
import { PUBLIC } from './disclosure-data'
import { buildRevisionFiles, FILE } from './revision-files'
import type { StoredFile } from './revision-store'
import { revisionStore } from './revision-store'

/** A published revision without its data: enough to find its stored files. */
export type PublishedRef = { id: string; departmentId: string; unitCode: string; year: number; revision: number }

const refSelect = { id: true, departmentId: true, unitCode: true, year: true, revision: true } as const

/** The published revision (the latest unless `revision` is given) a code names for a year; see findPublished. */
export async function findPublishedRef(code: string, year: number, revision?: number): Promise<PublishedRef | null> {
  return db().disclosure.findFirst({ where: { AND: [PUBLIC, { year, OR: await disclosureTargets(code, year, PUBLIC) }, revision ? { revision } : {}] }, orderBy: { revision: 'desc' }, select: refSelect })
}

/** The latest published revision of each year of a budget (the department's, or one unit's), oldest year first. */
export async function findPublishedYearRefs(departmentId: string, unitCode = ''): Promise<PublishedRef[]> {
  const all = await db().disclosure.findMany({ where: { AND: [PUBLIC, { departmentId, unitCode }] }, orderBy: [{ year: 'asc' }, { revision: 'desc' }], select: refSelect })
  const seen = new Set<number>()
  return all.filter((d) => (seen.has(d.year) ? false : (seen.add(d.year), true)))
}

const building = new Map<string, Promise<void>>()

async function build(id: string): Promise<void> {
  const d = await db().disclosure.findFirst({ where: { AND: [PUBLIC, { id }] }, include: disclosureInclude })
  if (!d) throw notFound('该已公开版本')
  await revisionStore().putAll(id, await buildRevisionFiles(d))
}

/**
 * Makes sure published revisions have their files. Publication writes them (lib/workflow publish); a
 * revision published before snapshots existed (or by the seed) gets them here on its first read, built
 * from its data as it is then, and from then on they never change. One build per revision at a time.
 */
export async function ensureRevisionFiles(ids: string[]): Promise<void> {
  const store = revisionStore()
  for (const id of ids) {
    if (await store.has(id)) continue
    let p = building.get(id)
    if (!p) {
      p = build(id).finally(() => building.delete(id))
      building.set(id, p)
    }
    await p
  }
}

/** One stored file of a published revision (built first when the revision has none yet). */
export async function publishedFile(id: string, name: string): Promise<StoredFile | null> {
  const store = revisionStore()
  const hit = await store.get(id, name)
  if (hit) return hit
  if (await store.has(id)) return null
  await ensureRevisionFiles([id])
  return store.get(id, name)
}

export async function publishedJson<T>(id: string, name: string): Promise<T> {
  const f = await publishedFile(id, name)
  if (!f) throw notFound(`已公开版本的文件 ${name}`)
  return JSON.parse(f.body.toString('utf8')) as T
}

/** The stored figures of several published revisions (other years on a page). */
export async function publishedFigures(ids: string[]): Promise<Map<string, DisclosureFigures>> {
  await ensureRevisionFiles(ids)
  const files = await revisionStore().getMany(ids, FILE.figures)
  return new Map([...files].map(([id, f]) => [id, JSON.parse(f.body.toString('utf8')) as DisclosureFigures]))
}

/**
 * A stored file as the response: the stored bytes, their ETag (If-None-Match → 304), and cache headers.
 * An address that names its revision (?revision=N) never changes, so it is cached for a year; the
 * address of the latest revision changes only when a correction is published, so it is cached for five
 * minutes and revalidated with the ETag after that.
 */
export function storedFileResponse(req: Request, f: StoredFile, opts: { disposition?: 'inline' | 'attachment'; pinned?: boolean; contentDisposition?: string } = {}): Response {
  const headers: Record<string, string> = {
    ETag: f.etag,
    'Cache-Control': opts.pinned ? 'public, max-age=31536000, immutable' : 'public, max-age=300, stale-while-revalidate=86400',
    'X-Content-Type-Options': 'nosniff',
  }
  if ((req.headers.get('if-none-match') ?? '').split(',').map((s) => s.trim().replace(/^W\//, '')).includes(f.etag)) return new Response(null, { status: 304, headers })
  headers['Content-Type'] = f.contentType
  headers['Content-Length'] = String(f.body.length)
  if (opts.contentDisposition) headers['Content-Disposition'] = opts.contentDisposition
  // the stored bytes as they are (a view, not a copy)
  return new Response(new Uint8Array(f.body.buffer as ArrayBuffer, f.body.byteOffset, f.body.byteLength), { status: 200, headers })
}

/**
 * Gives every published revision that has no files yet its files (revisions published before
 * snapshots existed, or written by the seed; `where` narrows them): run at start (scripts/start.ts) after migrations and the
 * seed, so they are frozen before anyone edits a catalogue, glossary or template. Returns how many.
 */
export async function backfillRevisionFiles(where: Prisma.DisclosureWhereInput = {}): Promise<number> {
  const missing = await db().disclosure.findMany({ where: { AND: [PUBLIC, where, { revisionFiles: { none: {} } }] }, select: { id: true }, orderBy: [{ year: 'asc' }, { revision: 'asc' }] })
  for (const { id } of missing) await ensureRevisionFiles([id])
  return missing.length
}
