/**
 * A unit the system does not know is created with the name its workbook prints — beside its code, in a
 * "447001 某某局本级" cell, or on another sheet of the same workbook when one sheet prints the code alone —
 * and never under a placeholder such as "单位 447001": without a name anywhere the import is refused
 * before anything is written, in Chinese, naming the sheet and where the name is expected.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { toFixtureTable } from '@/lib/budget/table'
import { starterCatalogue } from '@/lib/catalogue/files'
import { importWorkbook } from '@/lib/exchange/server/import-workbook'
import { db } from '@/lib/server/db'
import { shippedTemplate } from '@/lib/templates/files'
import { ensureReferenceData } from '../factories/db'
import { hebeiUnit2024 } from '../factories/template-layouts'
import { budgetSystemUnitWorkbook } from '../support/unit-workbook'

const template = shippedTemplate('hebei-unit-2024')
const used = new Set<string>()
function newUnit() {
  let dept = ''
  do dept = `6${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`
  while (used.has(dept))
  used.add(dept)
  return { dept, code: `${dept}001`, name: '测试市医疗保障局本级' }
}

/** The unit's workbook with each sheet's line under the title rewritten (sheet index → text). */
async function workbook(unit: { code: string; name: string }, line: (i: number) => string): Promise<Buffer> {
  const tables = computeDisclosure(hebeiUnit2024(unit), template, starterCatalogue(2024)).tables.map(toFixtureTable)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await budgetSystemUnitWorkbook(unit, 2024, tables, template)) as unknown as ArrayBuffer)
  wb.worksheets.forEach((ws, i) => (ws.getCell(2, 1).value = line(i)))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
const cli = (file: Buffer, extra: Partial<Parameters<typeof importWorkbook>[0]> = {}) => importWorkbook({ file, fileName: 'unit.xlsx', by: { kind: 'cli' }, commit: true, acceptErrors: false, ...extra })

describe('a new unit gets the name its workbook prints, never a placeholder', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureReferenceData()
  })

  it('one sheet prints the code alone, the others the name alone: the unit is created under that name', async () => {
    const u = newUnit()
    const file = await workbook(u, (i) => (i === 0 ? `单位编码：${u.code}` : `单位名称：${u.name}`))
    const r = await cli(file, { departmentName: '测试市医疗保障局' })
    expect(r.imported).not.toBeNull()
    expect(r.target.unit).toEqual({ code: u.code, name: u.name })
    expect((await db().unit.findUniqueOrThrow({ where: { code: u.code } })).name).toBe(u.name)
  })

  it('a "447001 某某局本级" cell: code and name together, no label; the department named from its 本级 unit', async () => {
    const u = newUnit()
    const r = await cli(await workbook(u, () => `${u.code} ${u.name}`))
    expect(r.imported).not.toBeNull()
    const unit = await db().unit.findUniqueOrThrow({ where: { code: u.code }, include: { department: true } })
    expect([unit.name, unit.department.code, unit.department.name]).toEqual([u.name, u.dept, '测试市医疗保障局'])
  })

  it('no name anywhere: refused before anything is written, naming the sheet and where the name is expected; --unit-name supplies it', async () => {
    const u = newUnit()
    const file = await workbook(u, () => `单位编码：${u.code}`)
    // validate only: one located error in the report
    const preview = await cli(file, { commit: false, departmentName: '测试市医疗保障局' })
    const missing = preview.report.findings.filter((f) => f.rule === 'exchange.unit_name_missing')
    expect(missing).toHaveLength(1)
    expect(missing[0]!.severity).toBe('error')
    expect(missing[0]!.sheet).toBe(template.tables[0]!.title)
    expect(missing[0]!.cell).toBe('A2')
    expect(preview.target.unit?.name).toBe('')
    // import, even with --force: refused, nothing written (no department, unit or disclosure)
    const refused = cli(file, { acceptErrors: true, departmentName: '测试市医疗保障局' })
    await expect(refused).rejects.toThrow(`系统中还没有单位 ${u.code}，工作簿（工作表「${template.tables[0]!.title}」）中也没有写出单位名称`)
    await expect(refused).rejects.toThrow(/单位名称：\[\d+\]某某局本级.*--unit-name/)
    expect(await db().unit.findUnique({ where: { code: u.code } })).toBeNull()
    expect(await db().department.findUnique({ where: { code: u.dept } })).toBeNull()
    expect(await db().unit.count({ where: { name: { startsWith: '单位 ' } } })).toBe(0)

    const r = await cli(file, { departmentName: '测试市医疗保障局', unitName: ' 测试市医保中心 ' })
    expect(r.imported).not.toBeNull()
    expect((await db().unit.findUniqueOrThrow({ where: { code: u.code } })).name).toBe('测试市医保中心')
  })
})
