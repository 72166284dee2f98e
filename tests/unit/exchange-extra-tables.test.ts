/**
 * Tables a workbook prints beyond its template (一般公共预算项目支出表, 项目支出表, 政府采购预算表,
 * 项目支出绩效目标表): recognised by title and header, kept cell by cell with each column's concept,
 * exported again (JSON, and XLSX read back equal) — and the template's tables read exactly as before.
 */
import { describe, expect, it } from 'vitest'
import { extraTablesColumn } from '@/lib/budget/extra-table'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { toExportJson } from '@/lib/exchange/write-csv'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { starterCatalogue } from '@/lib/catalogue/files'
import { validateParsed } from '@/lib/exchange/report'
import { shippedTemplate } from '@/lib/templates/files'
import type { FixtureName } from './exchange-layouts-support'
import { allTemplates, BASE, canonicalTables, printBudget, readFixture, TEMPLATE_OF } from './exchange-layouts-support'
import { extras, withExtras } from './exchange-extra-support'

const candidates = allTemplates()

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('tables beyond the template are recognised, kept as printed and exported again', () => {
  for (const name of ['chengde-2023', 'shanghai-wenlv-2026'] as FixtureName[]) {
    it(`${name}: 项目支出表, 一般公共预算项目支出表, 政府采购预算表 and 绩效目标表 forms beside the template's tables`, async () => {
      const fx = readFixture(name)
      const template = shippedTemplate(TEMPLATE_OF[name])
      const p = await printBudget(fx, canonicalTables(fx, template), template, BASE)
      const { printed, expected } = extras(fx.year, fx.amountUnit)
      const file = await withExtras(p.buffer, printed)
      const parsed = parseWorkbook(await loadWorkbook(file), { candidates })
      // the template's tables exactly as without the extra sheets, and no new finding
      expect(parsed.template.id).toBe(TEMPLATE_OF[name])
      expect(plain(parsed.tables.map((t) => t.table))).toEqual(p.expected)
      const plainParsed = parseWorkbook(await loadWorkbook(p.buffer), { candidates })
      expect(validateParsed(parsed, starterCatalogue(fx.year)).report.summary).toEqual(validateParsed(plainParsed, starterCatalogue(fx.year)).report.summary)
      // every printed cell of the extra tables, each column's concept, located
      expect(plain(parsed.extras.map((e) => e.table))).toEqual(expected)
      expect(parsed.extras.map((e) => e.loc.sheet)).toEqual(printed.map((x) => x.sheet))
      expect(parsed.sheets.find((s) => s.name === '绩效目标')!.extras).toHaveLength(2)
      expect(() => extraTablesColumn.read(plain(expected))).not.toThrow()

      // export: JSON carries them; the XLSX, read back, gives the same tables and the same extras
      const input = { department: { code: fx.department.code ?? '', name: fx.department.name }, year: fx.year, tables: parsed.tables.map((t) => t.table), template, extraTables: parsed.extras.map((e) => e.table) }
      expect(plain(toExportJson(input).extraTables)).toEqual(expected)
      const back = parseWorkbook(await loadWorkbook(await writeXlsx(input)), { candidates })
      expect(plain(back.tables.map((t) => t.table))).toEqual(p.expected)
      expect(plain(back.extras.map((e) => e.table))).toEqual(expected)
    })
  }

  it('a workbook without such tables has none; the JSON export then has no extraTables', async () => {
    const fx = readFixture('laoting-2022')
    const template = shippedTemplate(TEMPLATE_OF['laoting-2022'])
    const p = await printBudget(fx, canonicalTables(fx, template), template, { ...BASE, extraSheets: true })
    const parsed = parseWorkbook(await loadWorkbook(p.buffer), { candidates })
    expect(parsed.extras).toEqual([])
    expect(toExportJson({ department: { code: '1', name: 'x' }, year: 2022, tables: [] })).not.toHaveProperty('extraTables')
  })
})
