import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { tableToCsv, toExportJson, writeCsvZip } from '@/lib/exchange/write-csv'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { listZipEntries } from '@/lib/exchange/zip'
import { loadFixture, templateFor } from '../support/fixtures'
import { withValue } from './exchange-support'

const chengde = loadFixture('chengde-2023')
const laoting = loadFixture('laoting-2022')
const input = (fx: typeof chengde, tables: FixtureTable[] = fx.tables) => ({ department: { code: fx.department.code, name: fx.department.fullName ?? fx.department.name }, year: fx.year, tables, template: templateFor(fx.year) })

async function open(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}

describe('XLSX export in the official layout', () => {
  it('one sheet per table, named by its title, in template order', async () => {
    const wb = await open(await writeXlsx(input(chengde)))
    expect(wb.worksheets.map((w) => w.name)).toEqual(chengde.tables.map((t) => t.title))
  })

  it('title, department/year/unit line, merged two-row header with 序号, 栏次 row, numbered rows, two-decimal amounts, borders', async () => {
    const wb = await open(await writeXlsx(input(chengde)))
    const ws = wb.getWorksheet('部门预算收入总表')!
    expect(ws.getCell('A1').value).toBe('部门预算收入总表')
    expect(ws.getCell('A1').font.bold).toBe(true)
    expect(ws.getCell('A2').value).toBe('447 承德市医疗保障局')
    expect(ws.getRow(2).values).toContain('预算年度：2023')
    expect(ws.getCell('M2').value).toBe('单位：万元')
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:M1', 'A3:A4', 'B3:C3', 'D3:D4', 'E3:L3', 'M3:M4']))
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('E3').value, ws.getCell('F4').value]).toEqual(['序号', '功能分类科目', '科目编码', '科目名称', '本年收入', '财政拨款收入'])
    expect((ws.getRow(5).values as unknown[]).slice(1)).toEqual(['栏次', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    expect([ws.getCell('A6').value, ws.getCell('C6').value, ws.getCell('D6').value]).toEqual([1, '合计', 2350.5])
    expect(ws.getCell('D6').numFmt).toBe('0.00')
    expect(ws.getCell('B7').value).toBe('208')
    expect(ws.getCell('D9').border.top?.style).toBe('thin')
    expect(ws.getCell('A25').value).toBe(20)
  })

  it('A4 landscape, fitted to the page width, header rows repeated on every page', async () => {
    const wb = await open(await writeXlsx(input(chengde)))
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
    }
    expect(wb.getWorksheet('部门预算收入总表')!.pageSetup.printTitlesRow).toBe('3:5')
    expect(wb.getWorksheet('部门固定资产占用情况表')!.pageSetup.printTitlesRow).toBe('3:4')
  })

  it("an empty table keeps its header and prints its note under it; a table's note follows its last row", async () => {
    const wb = await open(await writeXlsx(input(laoting)))
    const empty = wb.getWorksheet('部门预算国有资本经营预算财政拨款支出表')!
    expect(empty.getCell('A6').value).toBe('注：无国有资本经营预算财政拨款预算，空表列示。')
    expect(empty.model.merges).toContain('A6:F6')
    const proc = wb.getWorksheet('部门政府采购预算')!
    expect(proc.getCell('A15').value).toBe(laoting.tables.find((t) => t.key === 'procurement')!.note)
    expect(proc.getCell('G7').value).toBe(2)
  })

  it('reading the export back gives the same tables for both golden disclosures, without a finding of the reader', async () => {
    for (const fx of [chengde, laoting]) {
      const parsed = parseWorkbook(await loadWorkbook(await writeXlsx(input(fx))), { candidates: [templateFor(2023), templateFor(2022)] })
      expect(JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table)))).toEqual(fx.tables)
      expect(parsed.findings).toEqual([])
      expect(parsed.meta).toMatchObject({ department: { code: fx.department.code }, year: fx.year, unit: '万元' })
    }
  })

  it('text that a spreadsheet would run as a formula is written with a leading apostrophe, and read back unchanged', async () => {
    const bad = ['=1+2', '+SUM(A1)', '-cmd|calc', '@SUM(1)', '=HYPERLINK("http://evil.example","x")']
    let tables = laoting.tables
    bad.forEach((s, i) => (tables = withValue(tables, 'procurement', i + 1, 2, s)))
    const buf = await writeXlsx(input(laoting, tables))
    const ws = (await open(buf)).getWorksheet('部门政府采购预算')!
    for (const [i, s] of bad.entries()) {
      const cell = ws.getCell(7 + i, 4)
      expect(cell.value).toBe(`'${s}`)
      expect(cell.type).toBe(ExcelJS.ValueType.String)
    }
    const back = parseWorkbook(await loadWorkbook(buf), { candidates: [templateFor(2022)] })
    expect(back.tables.find((t) => t.table.key === 'procurement')!.table.rows.slice(1, 6).map((r) => r[2])).toEqual(bad)
  })
})

describe('CSV and JSON export', () => {
  it('CSV: UTF-8 with a BOM, CRLF, one header row, amounts with two decimals, blanks empty', () => {
    const csv = tableToCsv(chengde.tables[1]!, templateFor(2023), 2023)
    expect(csv.startsWith('\uFEFF功能分类科目/科目编码,功能分类科目/科目名称,合计,本年收入/小计')).toBe(true)
    const lines = csv.slice(1).split('\r\n')
    expect(lines[1]).toBe(',合计,2350.50,2275.24,2275.24,,,,,,,75.26')
    expect(lines[2]).toBe('208,社会保障和就业支出,1115.31,1066.58,1066.58,,,,,,,48.73')
    expect(lines.at(-1)).toBe('')
    expect(csv.includes('\n') && !/[^\r]\n/.test(csv)).toBe(true)
  })

  it('CSV: quotes where needed and neutralises = + - @ at the start of text', () => {
    const t: FixtureTable = { key: 'fixed_assets', title: 'x', columns: ['项目', '数量', '价值（金额单位：万元）'], rows: [['=cmd|" /C calc"!A0', 1, 2.5], ['含,逗号与"引号"', null, null], ['@SUM(1)', null, 0.1]] }
    const lines = tableToCsv(t, templateFor(2023), 2023).slice(1).split('\r\n')
    expect(lines[1]).toBe(`"'=cmd|"" /C calc""!A0",1,2.50`)
    expect(lines[2]).toBe('"含,逗号与""引号""",,')
    expect(lines[3]).toBe("'@SUM(1),,0.10")
  })

  it('CSV bundle: a zip with one CSV per table that any unzip reads', () => {
    const zip = writeCsvZip(input(laoting))
    const entries = listZipEntries(zip)
    expect(entries.map((e) => e.name)).toEqual(laoting.tables.map((t, i) => `460-2022-${String(i + 1).padStart(2, '0')}-${t.title}.csv`))
    const first = entries[0]!
    const start = first.offset + 30 + zip.readUInt16LE(first.offset + 26) + zip.readUInt16LE(first.offset + 28)
    const text = zlib.inflateRawSync(zip.subarray(start, start + first.compressedSize)).toString('utf8')
    expect(text).toBe(tableToCsv(laoting.tables[0]!, templateFor(2022), 2022))
  })

  it('JSON in the fixture format', () => {
    const j = toExportJson(input(chengde))
    expect(j).toMatchObject({ department: { code: '447', name: '承德市医疗保障局' }, year: 2023, amountUnit: '万元' })
    expect(JSON.parse(JSON.stringify(j.tables))).toEqual(chengde.tables)
  })
})
