/**
 * A 单位预算 workbook in the Hebei 2024 layout, written the way the budget system writes it (title,
 * “单位名称：[unit code]name”, 预算年度, 金额单位, merged headers — none of the app's exporter), through
 * the command line as a user runs it: `validate` reports only the source's real inconsistencies (its
 * 尾差), `import` reads the unit code and the year from the sheet and creates the unit's budget (and the
 * department the unit code belongs to), and `export` of the unit's code gives back the same tables.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import type { FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { db } from '@/lib/server/db'
import { hebeiUnit2024 } from '../factories/template-layouts'
import { budgetSystemUnitWorkbook } from '../support/unit-workbook'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-unit-cli-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

type Run = { code: number; stdout: string; stderr: string }
function budget(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['--import', './scripts/server-only-hook.mjs', 'scripts/budget.ts', ...args], { cwd: ROOT, env: { ...process.env } as NodeJS.ProcessEnv })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

describe('npm run budget -- import of a Hebei 2024 单位预算 workbook', { timeout: 120_000 }, () => {
  // a department code no other test uses: four digits; the unit is its 本级, serial 001
  const deptCode = `7${String(crypto.randomInt(0, 1000)).padStart(3, '0')}`
  const unit = { code: `${deptCode}001`, name: '测试市医疗保险基金管理结算中心' }
  const template = shippedTemplate('hebei-unit-2024')
  const data = hebeiUnit2024(unit, 3)
  const derived = computeDisclosure(data, template, starterCatalogue(2024))
  const tables: FixtureTable[] = derived.tables.map(toFixtureTable)
  const rounding = derived.findings.filter((f) => f.severity === 'rounding')

  it('validate: exit 0, only the workbook’s own 尾差, each located at a sheet and cell', async () => {
    expect(derived.findings.filter((f) => f.severity !== 'rounding')).toEqual([])
    expect(rounding.length).toBeGreaterThan(0)
    const file = path.join(tmp, 'unit.xlsx')
    fs.writeFileSync(file, await budgetSystemUnitWorkbook(unit, 2024, tables, template))
    const r = await budget(['validate', file, '--json'])
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout) as { findings: { rule: string; severity: string; sheet: string; cell: string; message: string }[]; summary: Record<string, number> }
    expect(report.summary).toEqual({ error: 0, warning: 0, rounding: rounding.length })
    expect(report.findings.map((f) => f.message).sort()).toEqual(rounding.map((f) => f.message).sort())
    expect(report.findings.every((f) => f.sheet.startsWith('单位预算') && /^[A-Z]+\d+$/.test(f.cell))).toBe(true)
    const human = await budget(['validate', file])
    expect(human.stdout).toContain(`${unit.code} ${unit.name}，2024 年，单位：万元，表样：河北省单位预算公开表（2024年）`)
  })

  it('import: the unit code and the year come from the sheet; the unit’s own budget is created in the department its code belongs to', async () => {
    const file = path.join(tmp, 'unit.xlsx')
    // the unit's department is new and its name is printed nowhere in a unit workbook: refused, nothing written
    const nameless = await budget(['import', file])
    expect(nameless.code, nameless.stderr + nameless.stdout).toBe(2)
    expect(nameless.stderr).toContain(`系统中还没有部门 ${deptCode}，工作簿中也没有写出部门名称`)
    expect(nameless.stderr).toContain('--department-name')
    expect(await db().department.findUnique({ where: { code: deptCode } })).toBeNull()
    const r = await budget(['import', file, '--department-name', '测试市医疗保障局'])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    expect(r.stdout).toContain(`已导入：单位 ${unit.code} ${unit.name}（部门 ${deptCode}） 2024 年`)
    expect(r.stdout).toContain(`按单位编码推定其主管部门为 ${deptCode}`)
    const d = await db().disclosure.findFirstOrThrow({ where: { unitCode: unit.code, year: 2024 }, include: { department: { include: { units: true } }, template: true } })
    expect([d.department.code, d.source, d.template.key, d.status]).toEqual([deptCode, 'imported', 'hebei-unit-2024', 'draft'])
    expect(d.department.units.find((u) => u.code === unit.code)?.name).toBe(unit.name)
    expect(d.department.name).toBe('测试市医疗保障局')
    expect(await db().disclosure.count({ where: { departmentId: d.departmentId, unitCode: '' } })).toBe(0)
    expect(d.declaredTables).toEqual(JSON.parse(JSON.stringify(tables)))
  })

  it('export: by the unit’s code, the same tables, headed by the unit; a second import of the same file replaces, never duplicates', async () => {
    const out = path.join(tmp, 'out.json')
    const r = await budget(['export', unit.code, '2024', '--format', 'json', '--out', out])
    expect(r.code, r.stderr).toBe(0)
    const exported = JSON.parse(fs.readFileSync(out, 'utf8')) as { department: { code: string; name: string }; year: number; tables: FixtureTable[] }
    expect(exported.department).toMatchObject({ code: unit.code, name: unit.name })
    expect(exported.year).toBe(2024)
    expect(exported.tables).toEqual(JSON.parse(JSON.stringify(tables)))
    const xlsx = path.join(tmp, 'out.xlsx')
    expect((await budget(['export', unit.code, '2024', '--format', 'xlsx', '--out', xlsx])).code).toBe(0)
    const again = await budget(['validate', xlsx, '--json'])
    expect(JSON.parse(again.stdout).summary).toEqual({ error: 0, warning: 0, rounding: rounding.length })
    expect((await budget(['import', path.join(tmp, 'unit.xlsx')])).code).toBe(0)
    expect(await db().disclosure.count({ where: { unitCode: unit.code, year: 2024 } })).toBe(1)
  })
})
