import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { writeZip } from '@/lib/exchange/zip'
import { startEmbeddedPostgres } from '@/lib/server/embedded-postgres'
import { db } from '@/lib/server/db'
import { loadFixture, templateFor } from '../support/fixtures'
import { fixtureXlsx, inYuan, setCell, tablesInYuan } from '../unit/exchange-support'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-cli-'))
// digits: a code as real systems print it (an all-letter code would not read back from its own export)
const uid = () => String(crypto.randomInt(100000, 1000000))

type Run = { code: number; stdout: string; stderr: string }

/** `npm run budget -- …` as a user runs it (tsx scripts/budget.ts), against the test database unless env says otherwise. */
function budget(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['--import', './scripts/server-only-hook.mjs', 'scripts/budget.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, ...env } as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

const file = (name: string, buf: Buffer) => {
  const p = path.join(tmp, name)
  fs.writeFileSync(p, buf)
  return p
}
const json = (r: Run) => JSON.parse(r.stdout) as { findings: { rule: string; severity: string; sheet: string | null; cell: string | null }[]; summary: Record<string, number> }
const declared = async (code: string, year: number) => (await db().disclosure.findFirstOrThrow({ where: { year, department: { code } } })).declaredTables

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

// every command is a real process: tsx start-up, a database check, then the work (a few seconds each)
describe('npm run budget -- validate', { timeout: 60_000 }, () => {
  it('chengde-2023.xlsx: exit 0, exactly its 11 rounding differences and no error', async () => {
    const r = await budget(['validate', path.join(ROOT, 'tests/fixtures/chengde-2023.xlsx'), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const report = json(r)
    expect(report.summary).toEqual({ error: 0, warning: 0, rounding: 11 })
    expect(report.findings.every((f) => f.severity === 'rounding' && f.sheet && /^[A-Z]+\d+$/.test(f.cell!))).toBe(true)
  })

  it('laoting-2022.xlsx: exit 0 and nothing at all (it is consistent throughout)', async () => {
    const r = await budget(['validate', path.join(ROOT, 'tests/fixtures/laoting-2022.xlsx'), '--json'])
    expect(r.code).toBe(0)
    expect(json(r)).toEqual({ findings: [], summary: { error: 0, warning: 0, rounding: 0 } })
  })

  it('the human-readable report names sheet and cell of every finding', async () => {
    const r = await budget(['validate', path.join(ROOT, 'tests/fixtures/chengde-2023.xlsx')])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('[尾差] 部门预算收入总表!D6')
    expect(r.stdout).toContain('合计：错误 0 个，提示 0 个，尾差 11 个')
  })

  it('a copy with one amount changed: exit 1, an error at the changed table and cell', async () => {
    const p = file('changed.xlsx', await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', 949.97))
    const r = await budget(['validate', p, '--json'])
    expect(r.code).toBe(1)
    const atCell = json(r).findings.filter((f) => f.severity === 'error' && f.sheet === '部门预算收入总表' && f.cell === 'D9')
    // the row's own identity (合计 = 本年收入 + 上年结转) and the cross-table one (收入总表 = 支出总表 per code)
    expect(atCell.map((f) => f.rule)).toContain('row.identity')
  })

  it('a file that cannot be read: exit 2 with a Chinese message', async () => {
    const r = await budget(['validate', file('random.xlsx', crypto.randomBytes(3000))])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/不是 Excel 工作簿|损坏/)
    expect((await budget(['validate', path.join(tmp, 'missing.xlsx')])).code).toBe(2)
  })
})

describe('npm run budget -- import / export', { timeout: 180_000 }, () => {
  it('with an error and without --force: exit 1 and nothing written; with --force: imported', async () => {
    const code = `C${uid()}`
    const p = file('changed-import.xlsx', await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', 949.97))
    const refused = await budget(['import', p, '--department', code])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('未导入')
    expect(await db().department.findUnique({ where: { code } })).toBeNull()
    const forced = await budget(['import', p, '--department', code, '--force'])
    expect(forced.code, forced.stderr).toBe(0)
    expect(forced.stdout).toContain('已导入')
    const d = await db().disclosure.findFirstOrThrow({ where: { department: { code } }, include: { department: { include: { units: true, region: true } } } })
    expect(d).toMatchObject({ source: 'imported', year: 2023, importedFrom: 'changed-import.xlsx' })
    expect(d.department).toMatchObject({ name: '承德市医疗保障局', region: { name: '承德市' } })
    expect(d.department.units.map((u) => u.code)).toEqual([`${code}001`])
  })

  it('round trip: import each fixture → export JSON equals the fixture; export XLSX → import → identical; CSV per table', async () => {
    for (const name of ['chengde-2023', 'laoting-2022'] as const) {
      const fx = loadFixture(name)
      const code = `T${uid()}`
      const first = await budget(['import', path.join(ROOT, `tests/fixtures/${name}.xlsx`), '--department', code])
      expect(first.code, first.stderr).toBe(0)
      const out = path.join(tmp, `${code}.json`)
      const e = await budget(['export', code, String(fx.year), '--format', 'json', '--out', out])
      expect(e.code, e.stderr).toBe(0)
      expect((JSON.parse(fs.readFileSync(out, 'utf8')) as { tables: FixtureTable[] }).tables).toEqual(fx.tables)

      const xlsx = path.join(tmp, `${code}.xlsx`)
      const x = await budget(['export', code, String(fx.year), '--format', 'xlsx', '--out', xlsx])
      expect(x.code, x.stderr).toBe(0)
      const again = `T${uid()}`
      const back = await budget(['import', xlsx, '--department', again])
      expect(back.code, back.stderr + back.stdout).toBe(0)
      expect(await declared(again, fx.year)).toEqual(await declared(code, fx.year))

      const csvDir = path.join(tmp, `${code}-csv`)
      expect((await budget(['export', code, String(fx.year), '--format', 'csv', '--out', csvDir])).code).toBe(0)
      const files = fs.readdirSync(csvDir).sort()
      expect(files).toHaveLength(11)
      expect(fs.readFileSync(path.join(csvDir, files[0]!)).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    }
  })

  it('the workbook with amounts in 元 imports in 元, exactly as printed (its 100 元 differences are errors: --force)', async () => {
    const code = `Y${uid()}`
    const refused = await budget(['import', file('yuan.xlsx', await inYuan('chengde-2023')), '--department', code])
    expect(refused.code, refused.stderr).toBe(1)
    const r = await budget(['import', file('yuan.xlsx', await inYuan('chengde-2023')), '--department', code, '--force'])
    expect(r.code, r.stderr).toBe(0)
    expect(await declared(code, 2023)).toEqual(tablesInYuan(loadFixture('chengde-2023').tables, templateFor(2023), 2023))
  })

  it('a file that cannot be read, or an export of nothing: exit 2, nothing written', async () => {
    const code = `Z${uid()}`
    const r = await budget(['import', file('truncated.xlsx', fixtureXlsx('chengde-2023').subarray(0, 5000)), '--department', code])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/不完整|损坏/)
    expect(await db().department.findUnique({ where: { code } })).toBeNull()
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) },
    ])
    const b = await budget(['import', file('bomb.xlsx', bomb), '--department', code, '--force'])
    expect(b.code).toBe(2)
    expect(b.stderr).toContain('压缩炸弹')
    expect(await db().department.findUnique({ where: { code } })).toBeNull()
    expect((await budget(['export', code, '2023', '--format', 'json', '--out', path.join(tmp, 'none.json')])).code).toBe(2)
    expect((await budget(['export', code, '2023', '--format', 'pdf', '--out', path.join(tmp, 'x.pdf')])).code).toBe(2)
    // a new department under a code its own exports could not print readably (letters only): refused first
    const letters = `ZQ${'abcdefgh'[crypto.randomInt(8)]}${'abcdefgh'[crypto.randomInt(8)]}x`
    const l = await budget(['import', path.join(ROOT, 'tests/fixtures/laoting-2022.xlsx'), '--department', letters])
    expect(l.code).toBe(2)
    expect(l.stderr).toContain(`部门编码“${letters}”不能使用`)
    expect(await db().department.findUnique({ where: { code: letters } })).toBeNull()
  })
})

describe('the CLI on the embedded database, whether or not the app is running', () => {
  const port = 57_000 + Math.floor(Math.random() * 900)
  // under the project, not /tmp: PostgreSQL runs as its own OS user and must be able to reach the directory
  const dir = path.join(ROOT, '.tmp', `cli-pg-${port}`)
  const env = { DATABASE_URL: undefined, EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: String(port) }
  const open = () =>
    new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port }, () => {
        s.end()
        resolve(true)
      })
      s.on('error', () => resolve(false))
    })
  let running: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null
  beforeAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  afterAll(async () => {
    await running?.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('not running: the CLI starts it (first use: creates and migrates it), works, and stops it again', { timeout: 180_000 }, async () => {
    const r = await budget(['validate', path.join(ROOT, 'tests/fixtures/laoting-2022.xlsx'), '--json'], env)
    expect(r.code, r.stderr).toBe(0)
    expect(json(r).summary).toEqual({ error: 0, warning: 0, rounding: 0 })
    expect(await open()).toBe(false)
  })

  it('running (as under npm start): the CLI uses it and leaves it running', { timeout: 180_000 }, async () => {
    running = await startEmbeddedPostgres({ dir, port, database: 'yusuan' })
    const code = `P${uid()}`
    const r = await budget(['import', path.join(ROOT, 'tests/fixtures/laoting-2022.xlsx'), '--department', code], env)
    expect(r.code, r.stderr).toBe(0)
    expect(await open()).toBe(true)
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: running.url })
    await client.connect()
    const rows = await client.query(`SELECT d.source FROM "Disclosure" d JOIN "Department" p ON p.id = d."departmentId" WHERE p.code = $1`, [code])
    await client.end()
    expect(rows.rows).toEqual([{ source: 'imported' }])
  })
})
