/**
 * A workbook whose function and economic tables are printed with names only (no code column) goes
 * through the server's validation and import: the codes come from the year's catalogue in the
 * database, and an export gives back every printed cell (JSON in the fixture format, XLSX read back).
 * A name the catalogue does not know makes one located finding for that table, nothing is written.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { exportDisclosure } from '@/lib/exchange/server/export-disclosure'
import { ImportRejected, importWorkbook } from '@/lib/exchange/server/import-workbook'
import { validateWorkbookFile } from '@/lib/exchange/server/validate-workbook'
import { db } from '@/lib/server/db'
import { shippedTemplate } from '@/lib/templates/files'
import { ensureReferenceData } from '../factories/db'
import type { FixtureName } from '../unit/exchange-layouts-support'
import { allTemplates, BASE, canonicalTables, printBudget, readFixture, TEMPLATE_OF } from '../unit/exchange-layouts-support'

// digits: a code as real systems print it (an all-letter code would not read back from its own export)
const uid = () => String(crypto.randomInt(100000, 1000000))
// the canonical form leaves 万元 implicit; an export of a document in 元 states every table's unit
const explicit = (ts: FixtureTable[]) => ts.map((t) => ({ ...t, amountUnit: t.amountUnit ?? '万元' }))

async function namesOnly(name: FixtureName, codes: 'names' | 'names-indented') {
  const fx = readFixture(name)
  const template = shippedTemplate(TEMPLATE_OF[name])
  return { fx, template, printed: await printBudget(fx, canonicalTables(fx, template), template, { ...BASE, codes, unit: fx.amountUnit }) }
}

describe('tables printed with names only, through the server (real PostgreSQL, the catalogue in the database)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureReferenceData()
  })

  const cases: [FixtureName, 'names' | 'names-indented', { error: number; warning: number; rounding: number }][] = [
    ['chengde-2023', 'names-indented', { error: 0, warning: 0, rounding: 11 }],
    ['shanghai-wenlv-2026', 'names', { error: 0, warning: 0, rounding: 0 }],
  ]
  for (const [name, codes, summary] of cases) {
    it(`${name} (${codes}): validated with its codes, imported, exported back exactly`, async () => {
      const { fx, template, printed } = await namesOnly(name, codes)
      const v = await validateWorkbookFile(printed.buffer)
      expect(v.report.summary, v.report.findings.slice(0, 3).map((f) => f.message).join('\n')).toEqual(summary)
      expect(v.parsed.tables.filter((p) => p.unreadable)).toEqual([])

      const code = `N${uid()}`
      const r = await importWorkbook({ file: printed.buffer, fileName: `${name}.xlsx`, by: { kind: 'cli' }, departmentCode: code, departmentName: fx.department.name, commit: true, acceptErrors: false })
      expect(r.imported).not.toBeNull()
      expect(r.report.findings.filter((f) => f.rule === 'exchange.code_unresolved')).toEqual([])
      const d = await db().disclosure.findUniqueOrThrow({ where: { id: r.imported!.disclosureId }, include: disclosureInclude })
      expect(d.declaredTables).toEqual(printed.expected)

      // the JSON export: every printed cell, each row with its code, in the document's unit
      const json = JSON.parse((await exportDisclosure(d, 'json')).body.toString('utf8')) as { amountUnit: string; tables: FixtureTable[] }
      expect(json.amountUnit).toBe(fx.amountUnit)
      expect(json.tables).toEqual(fx.amountUnit === '万元' ? printed.expected : explicit(printed.expected))
      // the XLSX export read back: the same tables
      const back = parseWorkbook(await loadWorkbook((await exportDisclosure(d, 'xlsx')).body), { candidates: allTemplates() })
      expect(JSON.parse(JSON.stringify(back.tables.map((p) => p.table)))).toEqual(printed.expected)
      // and the same cells as the fixture: only the code layout differs (printed joined: there was no code column)
      expect(printed.expected.map((t) => t.rows.length)).toEqual(canonicalTables(fx, template).map((t) => t.rows.length))
    })
  }

  it('a name the catalogue does not know: one finding naming the table, row and cell; nothing is written', async () => {
    const { fx, printed } = await namesOnly('chengde-2023', 'names-indented')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(printed.buffer as unknown as ArrayBuffer)
    const t = fx.tables.find((x) => x.key === 'general_budget_expenditure')!
    const ws = wb.worksheets.find((s) => s.name === t.title.slice(0, 31))!
    // the second 项 row printed: a name no catalogue has
    let target = 0
    ws.eachRow((row, n) => {
      const v = row.getCell(2).value
      if (!target && typeof v === 'string' && v.startsWith('\u3000\u3000\u3000\u3000')) target = n
    })
    expect(target).toBeGreaterThan(0)
    ws.getCell(target, 2).value = '\u3000\u3000\u3000\u3000不存在的科目名称'
    const file = Buffer.from(await wb.xlsx.writeBuffer())

    const v = await validateWorkbookFile(file)
    const mine = v.report.findings.filter((f) => f.table === 'general_budget_expenditure')
    expect(mine.map((f) => f.rule)).toEqual(['exchange.code_unresolved'])
    expect(mine[0]!.sheet).toBe(ws.name)
    expect(mine[0]!.cell).toBe(`B${target}`)
    expect(mine[0]!.message).toContain(`「${t.title}」表第${target}行「不存在的科目名称」的科目编码`)
    // no cascade: no arithmetic on the table not understood nor across to it; the fixture's own 尾差 elsewhere remain
    expect(v.report.summary.error).toBe(1)
    expect(v.report.findings.filter((f) => f.rule !== 'exchange.code_unresolved').every((f) => f.severity === 'rounding' && f.table !== 'general_budget_expenditure')).toBe(true)

    const code = `N${uid()}`
    await expect(importWorkbook({ file, fileName: 'x.xlsx', by: { kind: 'cli' }, departmentCode: code, departmentName: '测试局', commit: true, acceptErrors: false })).rejects.toBeInstanceOf(ImportRejected)
    expect(await db().department.count({ where: { code } })).toBe(0)
  })
})
