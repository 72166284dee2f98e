// A second checkout on the same machine: the default port of the embedded PostgreSQL is taken, so the
// cluster starts on a free one, records it next to its data directory, and a second start (the CLI while
// `npm start` runs) finds the running cluster on that port.
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, portFileOf, recordedPort, startEmbeddedPostgres } from '@/lib/server/embedded-postgres'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('embedded PostgreSQL port', () => {
  const dir = path.join(ROOT, `.tmp/pg-port-test-${process.pid}`)
  const blocker = net.createServer()
  const stops: (() => Promise<void>)[] = []
  afterAll(async () => {
    for (const s of stops.reverse()) await s()
    await new Promise<void>((r) => blocker.close(() => r()))
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(portFileOf(dir), { force: true })
  })

  it('starts on a free port when its port is taken, records it, and a second start uses the running cluster', { timeout: 120_000 }, async () => {
    const taken = await freePort()
    await new Promise<void>((r) => blocker.listen(taken, '127.0.0.1', () => r()))
    const first = await startEmbeddedPostgres({ dir, port: taken, database: 'porttest' })
    stops.push(first.stop)
    expect(first.startedHere).toBe(true)
    const port = Number(new URL(first.url).port)
    expect(port).not.toBe(taken)
    expect(recordedPort(dir)).toBe(port)

    // the CLI: the same data directory, asked for the taken port, finds the cluster where it runs
    const second = await startEmbeddedPostgres({ dir, port: taken, database: 'porttest' })
    expect(second.startedHere).toBe(false)
    expect(second.url).toBe(first.url)
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: second.url })
    await client.connect()
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }])
    await client.end()
  })
})
