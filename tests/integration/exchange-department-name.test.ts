import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { importWorkbook } from '@/lib/exchange/server/import-workbook'
import { db } from '@/lib/server/db'
import { ensureReferenceData } from '../factories/db'
import { loadFixture } from '../support/fixtures'
import { workbookFor } from '../unit/exchange-support'

const chengde = loadFixture('chengde-2023')
// digits: a code as real systems print it (an all-letter code would not read back from its own export)
const uid = () => String(crypto.randomInt(100000, 1000000))
const cli = (file: Buffer, code: string, extra: Partial<Parameters<typeof importWorkbook>[0]> = {}) => importWorkbook({ file, fileName: 'in.xlsx', by: { kind: 'cli' }, departmentCode: code, commit: true, acceptErrors: false, ...extra })

// issue 10 item 6: a department is never stored under a placeholder name such as "部门 902006"
describe('a new department gets its real name, never a placeholder', () => {
  beforeAll(async () => {
    await ensureReferenceData()
  })

  it('a workbook that prints no department name is refused, in Chinese, saying where the name is printed, and nothing is written', async () => {
    const code = `N${uid()}`
    const nameless = await workbookFor({ code, name: '' }, chengde.year, chengde.tables)
    // the preview (validate only) says so as an error located at the sheet's department line
    const preview = await cli(nameless, code, { commit: false })
    const missing = preview.report.findings.filter((f) => f.rule === 'exchange.department_name_missing')
    expect(missing).toHaveLength(1)
    expect(missing[0]!.severity).toBe('error')
    expect(missing[0]!.message).toMatch(/编制部门：.*单位名称：.*--department-name/)
    // the import is refused, even with --force: no region, department, unit or disclosure is created
    await expect(cli(nameless, code, { acceptErrors: true })).rejects.toThrow(/系统中还没有部门 .*编制部门：….*--department-name/)
    expect(await db().department.findUnique({ where: { code } })).toBeNull()
    expect(await db().unit.findUnique({ where: { code: `${code}001` } })).toBeNull()
  })

  it('with --department-name the department, its 本级 unit and the budget are created under that name', async () => {
    const code = `N${uid()}`
    const nameless = await workbookFor({ code, name: '' }, chengde.year, chengde.tables)
    const r = await cli(nameless, code, { departmentName: ' 承德市测试局 ' })
    expect(r.imported).not.toBeNull()
    expect(r.report.findings.map((f) => f.rule)).not.toContain('exchange.department_name_missing')
    const d = await db().department.findUniqueOrThrow({ where: { code }, include: { units: true, region: true } })
    expect(d.name).toBe('承德市测试局')
    expect(d.region.name).toBe('承德市')
    expect(d.units.map((u) => u.name)).toEqual(['承德市测试局本级'])
    expect(await db().department.count({ where: { name: { contains: '未命名' } } })).toBe(0)
  })

  it('the name the workbook prints is used as before; a known department needs no name', async () => {
    const code = `N${uid()}`
    const named = await workbookFor({ code, name: '承德市另一测试局' }, chengde.year, chengde.tables)
    await cli(named, code)
    expect((await db().department.findUniqueOrThrow({ where: { code } })).name).toBe('承德市另一测试局')
    // again, now without a name on the sheet: the department exists, so the import goes ahead
    const again = await cli(await workbookFor({ code, name: '' }, chengde.year, chengde.tables), code)
    expect(again.imported).not.toBeNull()
    expect((await db().department.findUniqueOrThrow({ where: { code } })).name).toBe('承德市另一测试局')
  })
})
