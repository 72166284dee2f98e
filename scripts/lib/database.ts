import fs from 'node:fs'
import path from 'node:path'
import { recordedPort, startEmbeddedPostgres, type EmbeddedDb } from '../../lib/server/embedded-postgres'

export const EMBEDDED_DIR = path.resolve(process.env.EMBEDDED_PG_DIR ?? '.data/pg')
/** EMBEDDED_PG_PORT, else the port this data directory had last time (.data/pg-port), else 54329; a taken port is replaced by a free one. */
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? recordedPort(EMBEDDED_DIR) ?? 54329)

/** DATABASE_URL when set; otherwise the project's embedded PostgreSQL (started if not yet running). */
export async function resolveDatabase(): Promise<EmbeddedDb> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, startedHere: false }
  if (process.env.EMBEDDED_PG_FRESH === '1') fs.rmSync(EMBEDDED_DIR, { recursive: true, force: true })
  // the CLI and `npm start` share the cluster: whichever starts it, the other finds it by its postmaster.pid
  const db = await startEmbeddedPostgres({ dir: EMBEDDED_DIR, port: EMBEDDED_PORT, database: 'yusuan' })
  process.env.DATABASE_URL = db.url
  return db
}
