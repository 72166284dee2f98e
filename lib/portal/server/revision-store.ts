import 'server-only'
import { createHash } from 'node:crypto'
import type { Tx } from '@/lib/server/db'
import { db } from '@/lib/server/db'
import { Prisma } from '@/src/generated/prisma/client'

/**
 * Where the files of a published revision live (docs/decisions/015-snapshot-published-revisions.md).
 * One small interface: PostgreSQL today (table RevisionFile), a file or object store could replace it
 * without touching the builders or the routes. A revision's files are written all at once and never
 * changed afterwards; the first complete set written wins.
 */
export type StoredFile = { name: string; contentType: string; fileName: string | null; body: Buffer; etag: string }

export interface RevisionFileStore {
  /** Whether the revision has its files. */
  has(disclosureId: string): Promise<boolean>
  get(disclosureId: string, name: string): Promise<StoredFile | null>
  /** The same file of several revisions (region packages, the history of a page). */
  getMany(disclosureIds: string[], name: string): Promise<Map<string, StoredFile>>
  /** Writes the complete set in one statement; does nothing when the revision already has files. */
  putAll(disclosureId: string, files: StoredFile[], tx?: Tx): Promise<void>
}

/** A strong ETag of a body: the first 32 characters of its sha256 in base64url. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`
}

export function storedFile(name: string, contentType: string, body: Buffer | string, fileName: string | null = null): StoredFile {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  return { name, contentType, fileName, body: b, etag: etagOf(b) }
}

const toStored = (r: { name: string; contentType: string; fileName: string | null; body: Uint8Array; etag: string }): StoredFile => ({
  name: r.name,
  contentType: r.contentType,
  fileName: r.fileName,
  body: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength),
  etag: r.etag,
})

/**
 * Published files never change, so the process keeps recently read ones in memory (bounded by bytes,
 * least recently used out first): serving a published table or PDF costs no query for its body.
 */
class Lru {
  private map = new Map<string, StoredFile>()
  private bytes = 0
  constructor(private readonly max: number) {}
  get(k: string): StoredFile | undefined {
    const v = this.map.get(k)
    if (v) {
      this.map.delete(k)
      this.map.set(k, v)
    }
    return v
  }
  set(k: string, v: StoredFile): void {
    if (v.body.length > this.max / 4) return
    const old = this.map.get(k)
    if (old) {
      this.bytes -= old.body.length
      this.map.delete(k)
    }
    this.map.set(k, v)
    this.bytes += v.body.length
    for (const [key, f] of this.map) {
      if (this.bytes <= this.max) break
      this.map.delete(key)
      this.bytes -= f.body.length
    }
  }
}

const memory = new Lru(64 * 1024 * 1024)
const key = (id: string, name: string) => `${id}\u0000${name}`

export const postgresRevisionStore: RevisionFileStore = {
  async has(disclosureId) {
    if (memory.get(key(disclosureId, 'tables.json'))) return true
    return (await db().revisionFile.count({ where: { disclosureId } })) > 0
  },
  async get(disclosureId, name) {
    const hit = memory.get(key(disclosureId, name))
    if (hit) return hit
    const r = await db().revisionFile.findUnique({ where: { disclosureId_name: { disclosureId, name } } })
    if (!r) return null
    const f = toStored(r)
    memory.set(key(disclosureId, name), f)
    return f
  },
  async getMany(disclosureIds, name) {
    const out = new Map<string, StoredFile>()
    const missing: string[] = []
    for (const id of disclosureIds) {
      const hit = memory.get(key(id, name))
      if (hit) out.set(id, hit)
      else missing.push(id)
    }
    if (missing.length > 0) {
      const rows = await db().revisionFile.findMany({ where: { disclosureId: { in: missing }, name } })
      for (const r of rows) {
        const f = toStored(r)
        memory.set(key(r.disclosureId, name), f)
        out.set(r.disclosureId, f)
      }
    }
    return out
  },
  async putAll(disclosureId, files, tx) {
    const client = tx ?? db()
    if ((await client.revisionFile.count({ where: { disclosureId } })) > 0) return
    try {
      // one statement: the whole set or nothing
      await client.revisionFile.createMany({ data: files.map((f) => ({ disclosureId, name: f.name, contentType: f.contentType, fileName: f.fileName, body: new Uint8Array(f.body), etag: f.etag })) })
    } catch (e) {
      // another request wrote the set first: its files stand
      if (!tx && e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') return
      throw e
    }
  },
}

/** The store in use. */
export function revisionStore(): RevisionFileStore {
  return postgresRevisionStore
}
