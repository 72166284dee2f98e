import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { ImportRejected, importWorkbook } from '@/lib/exchange/server/import-workbook'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { listZipEntries, writeZip } from '@/lib/exchange/zip'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser, ensureReferenceData } from '../factories/db'
import { loadFixture, templateFor } from '../support/fixtures'
import { fixtureXlsx, inYuan, tablesInYuan, withValue, workbookFor } from '../unit/exchange-support'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))

const importsRoute = await import('@/app/api/imports/route')
const tablesRoute = await import('@/app/api/disclosures/[code]/[year]/tables/route')
const exportRoute = await import('@/app/api/disclosures/[code]/[year]/export/route')

const chengde = loadFixture('chengde-2023')
const laoting = loadFixture('laoting-2022')
// digits: a code as real systems print it (an all-letter code would not read back from its own export)
const uid = () => String(crypto.randomInt(100000, 1000000))

type Body = { error?: { code: string; message: string; file?: string }; report?: { findings: { rule: string; severity: string; sheet: string | null; cell: string | null }[]; summary: Record<string, number> }; preview?: { tables: { table: FixtureTable }[] }; target?: { canImport: boolean; reason: string | null; existing: unknown }; imported?: { disclosureId: string; url: string } | null }

const SAME_ORIGIN = { host: 't', origin: 'http://t' }

async function post(file: Buffer | null, fields: Record<string, string> = {}, name = '预算.xlsx'): Promise<{ status: number; body: Body }> {
  const form = new FormData()
  if (file) form.set('file', new Blob([new Uint8Array(file)]), name)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const res = await importsRoute.POST(new Request('http://t/api/imports', { method: 'POST', body: form, headers: SAME_ORIGIN }))
  return { status: res.status, body: (await res.json()) as Body }
}

const params = (code: string, year: number) => ({ params: Promise.resolve({ code, year: String(year) }) })
async function tablesOf(code: string, year: number) {
  const res = await tablesRoute.GET(new Request(`http://t/api/disclosures/${code}/${year}/tables`), params(code, year))
  return { status: res.status, tables: ((await res.json()) as { tables: FixtureTable[] }).tables }
}
async function exported(code: string, year: number, query: string) {
  return exportRoute.GET(new Request(`http://t/api/disclosures/${code}/${year}/export?${query}`), params(code, year))
}

/** Everything an import could touch, to compare before and after a refused one. */
async function snapshot(departmentId: string) {
  const ds = await db().disclosure.findMany({ where: { departmentId }, orderBy: { year: 'asc' }, include: { _count: { select: { revenueLines: true, expenditureLines: true, projects: true } } } })
  const audits = await db().auditLog.count({ where: { disclosure: { departmentId } } })
  return { ds: ds.map((d) => ({ id: d.id, year: d.year, version: d.version, source: d.source, declaredTables: d.declaredTables, importedFrom: d.importedFrom, counts: d._count })), audits }
}

const chineseError = (b: Body) => expect(b.error?.message ?? '').toMatch(/[\u4e00-\u9fff]/)

describe('POST /api/imports and the import service (real PostgreSQL)', () => {
  let dept: Awaited<ReturnType<typeof createDepartment>>
  let own: NonNullable<Actor>
  let reviewer: NonNullable<Actor>
  let good: Buffer
  let bad: Buffer

  beforeAll(async () => {
    await ensureReferenceData()
    const region = await createRegion()
    dept = await createDepartment(region.id, `E${uid()}`, '测试市医疗保障局')
    own = await createUser('accountant', { departmentId: dept.id })
    reviewer = await createUser('reviewer', { regionId: region.id })
    good = await workbookFor({ code: dept.code, name: dept.name }, 2023, chengde.tables)
    bad = await workbookFor({ code: dept.code, name: dept.name }, 2023, withValue(chengde.tables, 'income_summary', 3, 2, 949.97))
  })

  it('without confirm: the report and a preview of the tables, and nothing is written', async () => {
    session.actor = own
    const before = await snapshot(dept.id)
    const { status, body } = await post(good)
    expect(status).toBe(200)
    expect(body.report!.summary).toEqual({ error: 0, warning: 0, rounding: 11 })
    expect(body.preview!.tables.map((t) => t.table)).toEqual(chengde.tables)
    expect(body.target).toMatchObject({ canImport: true, existing: null })
    expect(body.imported).toBeNull()
    expect(await snapshot(dept.id)).toEqual(before)
  })

  it('a workbook with an error: confirmed without accepting the errors → 422 with the located report, nothing written', async () => {
    session.actor = own
    const before = await snapshot(dept.id)
    const { status, body } = await post(bad, { confirm: 'true' })
    expect(status).toBe(422)
    chineseError(body)
    expect(body.report!.findings.find((f) => f.severity === 'error' && f.sheet === '部门预算收入总表' && f.cell === 'D9')).toBeTruthy()
    expect(await snapshot(dept.id)).toEqual(before)
  })

  it('confirmed: one disclosure with the declared tables and one audit row; tables, editor and export show exactly the workbook', async () => {
    session.actor = own
    const { status, body } = await post(good, { confirm: 'true' }, '承德2023.xlsx')
    expect(status).toBe(201)
    const d = await db().disclosure.findUniqueOrThrow({ where: { id: body.imported!.disclosureId } })
    expect(d).toMatchObject({ source: 'imported', importedFrom: '承德2023.xlsx', status: 'draft', year: 2023, departmentId: dept.id })
    expect(d.declaredTables).toEqual(chengde.tables)
    const audits = await db().auditLog.findMany({ where: { disclosureId: d.id } })
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ action: 'import', entity: 'disclosure', actorId: own.id })

    expect((await tablesOf(dept.code, 2023)).tables).toEqual(chengde.tables)
    const state = await getEditorState(own, d.id)
    expect(state).toMatchObject({ source: 'imported', importedFrom: '承德2023.xlsx', summary: { error: 0, warning: 0, rounding: 11 } })

    const json = await exported(dept.code, 2023, 'format=json')
    expect(json.headers.get('content-disposition')).toContain(`${dept.code}-2023`)
    expect(((await json.json()) as { tables: FixtureTable[] }).tables).toEqual(chengde.tables)
    const xlsx = await exported(dept.code, 2023, 'format=xlsx')
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
    const back = parseWorkbook(await loadWorkbook(Buffer.from(await xlsx.arrayBuffer())), { candidates: [templateFor(2023)] })
    expect(JSON.parse(JSON.stringify(back.tables.map((t) => t.table)))).toEqual(chengde.tables)
    const zip = Buffer.from(await (await exported(dept.code, 2023, 'format=csv')).arrayBuffer())
    expect(listZipEntries(zip)).toHaveLength(11)
    const one = await exported(dept.code, 2023, 'format=csv&table=income_summary')
    expect(one.headers.get('content-type')).toContain('text/csv')
    expect(new Uint8Array(await one.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect((await exported(dept.code, 2023, 'format=pdf')).status).toBe(400)
  })

  it('the export is read like the tables: the public gets 404 for the draft', async () => {
    session.actor = null
    expect((await exported(dept.code, 2023, 'format=xlsx')).status).toBe(404)
    expect((await tablesOf(dept.code, 2023)).status).toBe(404)
  })

  it('importing over a draft entered as lines replaces its lines (projects and notes stay), in one step', async () => {
    const region = await createRegion()
    const d2 = await createDepartment(region.id)
    const acc = await createUser('accountant', { departmentId: d2.id })
    const draft = await createDisclosure(d2.id, { ...chengde2023(), year: 2024 })
    const projects = await db().project.count({ where: { disclosureId: draft.id } })
    session.actor = acc
    const file = await workbookFor({ code: d2.code, name: d2.name }, 2024, chengde.tables)
    const { status, body } = await post(file, { confirm: 'true' })
    expect(status).toBe(201)
    expect(body.imported!.disclosureId).toBe(draft.id)
    const after = await db().disclosure.findUniqueOrThrow({ where: { id: draft.id }, include: { _count: { select: { revenueLines: true, expenditureLines: true, projects: true, threePublic: true } } } })
    expect(after._count).toEqual({ revenueLines: 0, expenditureLines: 0, projects, threePublic: 0 })
    expect(after.version).toBe(draft.version + 1)
    expect((await tablesOf(d2.code, 2024)).tables).toEqual(chengde.tables.map((t) => ({ ...t, columns: t.columns.map((c) => c.replace('2023年预留', '2024年预留')) })))
  })

  it('errors confirmed by the user: imported as declared, and the disclosure keeps reporting them at their cells', async () => {
    const region = await createRegion()
    const d3 = await createDepartment(region.id)
    session.actor = await createUser('accountant', { departmentId: d3.id })
    const file = await workbookFor({ code: d3.code, name: d3.name }, 2023, withValue(chengde.tables, 'income_summary', 3, 2, 949.97))
    const { status, body } = await post(file, { confirm: 'true', acceptErrors: 'true' })
    expect(status).toBe(201)
    const d = await db().disclosure.findUniqueOrThrow({ where: { id: body.imported!.disclosureId }, include: disclosureInclude })
    const { findings } = await computeFor(d)
    expect(findings.find((f) => f.severity === 'error' && f.table === 'income_summary' && f.row === 3 && f.col === 2)).toMatchObject({ rule: 'row.identity' })
  })

  it('who may import: nobody signed in 401, a reviewer 403, another department is an error in the report, a published disclosure 423', async () => {
    session.actor = null
    expect((await post(good)).status).toBe(401)
    session.actor = reviewer
    const r = await post(good)
    expect(r.status).toBe(403)
    chineseError(r.body)

    const region = await createRegion()
    const other = await createDepartment(region.id)
    session.actor = await createUser('accountant', { departmentId: other.id })
    const mismatch = await post(good)
    expect(mismatch.status).toBe(200)
    expect(mismatch.body.report!.findings.find((f) => f.rule === 'exchange.department_mismatch')).toMatchObject({ severity: 'error', sheet: '部门预算收支总表', cell: 'A2' })
    // issue 11 "also seen": ticking 我已查看 (acceptErrors) does not import another department's workbook
    const otherBefore = await db().disclosure.count({ where: { departmentId: other.id } })
    const forced = await post(good, { confirm: 'true', acceptErrors: 'true' })
    expect(forced.status).toBe(422)
    expect(forced.body.error!.message).toMatch(/不一致，不能导入/)
    expect(await db().disclosure.count({ where: { departmentId: other.id } })).toBe(otherBefore)

    const pubDept = await createDepartment(region.id)
    const published = await createDisclosure(pubDept.id, chengde2023(), 'published')
    session.actor = await createUser('accountant', { departmentId: pubDept.id })
    const pubFile = await workbookFor({ code: pubDept.code, name: pubDept.name }, 2023, chengde.tables)
    const preview = await post(pubFile)
    expect(preview.body.target).toMatchObject({ canImport: false })
    expect(preview.body.target!.reason).toContain('已公开')
    const before = await snapshot(pubDept.id)
    const locked = await post(pubFile, { confirm: 'true' })
    expect(locked.status).toBe(423)
    chineseError(locked.body)
    expect(await snapshot(pubDept.id)).toEqual(before)
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: published.id } })).source).toBe('lines')
  })

  it('bad files get a 4xx with a Chinese message, never a 500, and change nothing', async () => {
    session.actor = own
    const before = await snapshot(dept.id)
    const full = fixtureXlsx('chengde-2023')
    const bomb = writeZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(70 * 1024 * 1024, 0x20) },
    ])
    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)])
    const hugeBook = new ExcelJS.Workbook()
    const hugeSheet = hugeBook.addWorksheet('部门预算收入总表')
    for (let r = 1; r <= 20_100; r++) hugeSheet.getRow(r).values = [r, '2101501', '行政运行', 1.5]
    const huge = Buffer.from(await hugeBook.xlsx.writeBuffer())
    const cases: [string, Buffer, number][] = [
      ['a huge sheet', huge, 413],
      ['random bytes', crypto.randomBytes(5000), 422],
      ['truncated', full.subarray(0, full.length - 300), 422],
      ['a PDF', Buffer.from('%PDF-1.4 budget'), 422],
      ['encrypted', encrypted, 422],
      ['zip bomb', bomb, 413],
      ['over 20 MB', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(21 * 1024 * 1024)]), 413],
    ]
    for (const [what, file, expected] of cases) {
      const { status, body } = await post(file, { confirm: 'true', acceptErrors: 'true' })
      expect(status, what).toBe(expected)
      chineseError(body)
    }
    const notMultipart = await importsRoute.POST(new Request('http://t/api/imports', { method: 'POST', body: 'x', headers: { ...SAME_ORIGIN, 'content-type': 'text/plain' } }))
    expect(notMultipart.status).toBe(400)
    expect((await post(null, { confirm: 'true' })).status).toBe(400)
    expect(await snapshot(dept.id)).toEqual(before)
  })

  it('a failure part-way through the transaction leaves the previous data untouched', async () => {
    const existing = await db().disclosure.findFirstOrThrow({ where: { departmentId: dept.id, year: 2023 } })
    const before = await snapshot(dept.id)
    // a user row that no longer exists: the audit insert, the last write of the transaction, fails
    const ghost: NonNullable<Actor> = { ...own, id: `ghost-${uid()}` }
    const file = await workbookFor({ code: dept.code, name: dept.name }, 2023, withValue(chengde.tables, 'three_public_expenses', 0, 1, 9.99))
    await expect(importWorkbook({ file, fileName: 'x.xlsx', by: { kind: 'user', actor: ghost }, commit: true, acceptErrors: true })).rejects.toThrow()
    const newYear = await workbookFor({ code: dept.code, name: dept.name }, 2025, chengde.tables)
    await expect(importWorkbook({ file: newYear, fileName: 'y.xlsx', by: { kind: 'user', actor: ghost }, commit: true, acceptErrors: true })).rejects.toThrow()
    expect(await snapshot(dept.id)).toEqual(before)
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: existing.id } })).declaredTables).toEqual(chengde.tables)
  })

  it('script and formula-injection text in the workbook is stored as text and exported neutralised', async () => {
    const region = await createRegion()
    const d4 = await createDepartment(region.id)
    session.actor = await createUser('accountant', { departmentId: d4.id })
    const xss = '<script>alert("x")</script>'
    const inj = '=HYPERLINK("http://evil.example","点我")'
    const tables = withValue(withValue(laoting.tables, 'procurement', 1, 2, xss), 'procurement', 2, 2, inj)
    const { status } = await post(await workbookFor({ code: d4.code, name: d4.name }, 2022, tables), { confirm: 'true' })
    expect(status).toBe(201)
    const rows = (await tablesOf(d4.code, 2022)).tables.find((t) => t.key === 'procurement')!.rows
    expect([rows[1]![2], rows[2]![2]]).toEqual([xss, inj])
    const csv = await (await exported(d4.code, 2022, 'format=csv&table=procurement')).text()
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`)
    expect(csv).toContain(`"<script>alert(""x"")</script>"`)
  })
})

describe('round trips through the import service (command-line mode)', () => {
  const cli = (file: Buffer, code: string, extra: Partial<Parameters<typeof importWorkbook>[0]> = {}) => importWorkbook({ file, fileName: 'in.xlsx', by: { kind: 'cli' }, departmentCode: code, commit: true, acceptErrors: false, ...extra })
  const declared = async (code: string, year: number) => (await db().disclosure.findFirstOrThrow({ where: { year, department: { code } } })).declaredTables

  for (const [name, fx] of [
    ['chengde-2023', chengde],
    ['laoting-2022', laoting],
  ] as const) {
    it(`${name}.xlsx: import → export JSON equals the fixture cell for cell; export XLSX → import again → identical`, async () => {
      const code = `R${uid()}`
      await cli(fixtureXlsx(name), code)
      session.actor = await createUser('admin')
      const json = (await (await exported(code, fx.year, 'format=json')).json()) as { tables: FixtureTable[] }
      expect(json.tables).toEqual(fx.tables)
      const xlsx = Buffer.from(await (await exported(code, fx.year, 'format=xlsx')).arrayBuffer())
      const again = `R${uid()}`
      await cli(xlsx, again)
      expect(await declared(again, fx.year)).toEqual(await declared(code, fx.year))
    })
  }

  it('the same workbook with amounts in 元 imports in 元, exactly as printed', async () => {
    // laoting is consistent: it imports, every amount held in 元 as the sheet prints it
    const code = `Y${uid()}`
    const r = await cli(await inYuan('laoting-2022'), code)
    expect(r.preview.unit).toBe('元')
    expect(await declared(code, laoting.year)).toEqual(tablesInYuan(laoting.tables, templateFor(laoting.year), laoting.year))
    // chengde's 0.01 万元 roundings are 100 元 apart in a 元 sheet: errors (a 元 document is exact), so it needs --force
    const code2 = `Y${uid()}`
    await expect(cli(await inYuan('chengde-2023'), code2)).rejects.toBeInstanceOf(ImportRejected)
    const forced = await cli(await inYuan('chengde-2023'), code2, { acceptErrors: true })
    // (the one warning: the department given overrides the sheet's 447)
    expect(forced.report.summary).toEqual({ error: 11, warning: 1, rounding: 0 })
    expect(forced.report.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['exchange.department_override'])
    expect(await declared(code2, chengde.year)).toEqual(tablesInYuan(chengde.tables, templateFor(chengde.year), chengde.year))
  })

  it('creates the region, the department and its 本级 unit when they do not exist; refuses a file with errors unless forced', async () => {
    const code = `N${uid()}`
    await expect(cli(await workbookFor({ code, name: '某某县医疗保障局' }, 2023, withValue(chengde.tables, 'income_summary', 3, 2, 949.97)), code)).rejects.toBeInstanceOf(ImportRejected)
    expect(await db().department.findUnique({ where: { code } })).toBeNull()
    await cli(await workbookFor({ code, name: '某某县医疗保障局' }, 2023, chengde.tables), code)
    const d = await db().department.findUniqueOrThrow({ where: { code }, include: { region: true, units: true } })
    expect(d.name).toBe('某某县医疗保障局')
    expect(d.region.name).toBe('某某县')
    expect(d.units.map((u) => [u.code, u.name, u.isSelf])).toEqual([[`${code}001`, '某某县医疗保障局本级', true]])
    const audit = await db().auditLog.findFirstOrThrow({ where: { disclosure: { department: { code } } } })
    expect(audit).toMatchObject({ actorId: null, action: 'import' })
    expect((audit.after as { via: string }).via).toBe('cli')
  })

  it('a year given on the command line wins over the sheet and is reported', async () => {
    const code = `Q${uid()}`
    const r = await cli(await writeXlsx({ department: { code, name: '测试局' }, year: 2023, tables: chengde.tables, template: templateFor(2023) }), code, { year: 2024 })
    expect(r.target.year).toBe(2024)
    expect(r.report.findings.find((f) => f.rule === 'exchange.year_override')).toMatchObject({ severity: 'warning' })
    const relabelled = chengde.tables.map((t) => ({ ...t, columns: t.columns.map((c) => c.replace('2023年预留', '2024年预留')) }))
    expect(await declared(code, 2024)).toEqual(relabelled)
  })
})
