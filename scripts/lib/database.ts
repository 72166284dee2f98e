import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedDb } from '../../lib/server/embedded-postgres'

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329)
export const EMBEDDED_DIR = path.resolve(process.env.EMBEDDED_PG_DIR ?? '.data/pg')

/** DATABASE_URL when set; otherwise the project's embedded PostgreSQL (started if not yet running). */
export async function resolveDatabase(): Promise<EmbeddedDb> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, startedHere: false }
  if (process.env.EMBEDDED_PG_FRESH === '1') fs.rmSync(EMBEDDED_DIR, { recursive: true, force: true })
  const db = await startEmbeddedPostgres({ dir: EMBEDDED_DIR, port: EMBEDDED_PORT, database: 'yusuan' })
  process.env.DATABASE_URL = db.url
  return db
}
