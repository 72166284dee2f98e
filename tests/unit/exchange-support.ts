import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { printedColumnSets, templateColumns } from '../../lib/budget/read-tables'
import type { FixtureTable } from '../../lib/budget/table'
import type { Template } from '../../lib/budget/template'
import { shippedTemplate } from '../../lib/templates/files'
import { writeXlsx } from '../../lib/exchange/write-xlsx'
import type { Fixture } from '../support/fixtures'

/** Workbooks for the exchange tests: the golden files, and variants made from them with exceljs. */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')

// read with fs, not JSON imports: Playwright's loader refuses JSON modules, and the e2e journey uses this file
export function loadFixture(name: 'chengde-2023' | 'laoting-2022'): Fixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as Fixture
}

export function templateFor(year: number): Template {
  return shippedTemplate(year <= 2022 ? 'hebei-dept-2022' : 'hebei-dept-2023')
}

export function fixtureXlsx(name: 'chengde-2023' | 'laoting-2022'): Buffer {
  return fs.readFileSync(path.join(FIXTURES, `${name}.xlsx`))
}

export async function editWorkbook(buf: Buffer, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  await edit(wb)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function sheetByTitle(wb: ExcelJS.Workbook, title: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.getCell('A1').value === title)
  if (!ws) throw new Error(`no sheet titled ${title}`)
  return ws
}

/**
 * The golden layout (../fixtures/README.md): title in row 1, unit line in row 2, headers, a 栏次 row
 * whose first cell is "栏次", then the data rows with 序号 in column A and the fixture's columns from B.
 * Yields each amount cell of the fixture with its printed value, checked against the sheet.
 */
export function* amountCells(wb: ExcelJS.Workbook, fx: Fixture, template: Template): Generator<{ ws: ExcelJS.Worksheet; cell: ExcelJS.Cell; value: number; label: string }> {
  for (const t of fx.tables) {
    const ws = sheetByTitle(wb, t.title)
    let lanci = 0
    ws.eachRow((row, r) => {
      if (!lanci && row.getCell(1).value === '栏次') lanci = r
    })
    if (!lanci) throw new Error(`no 栏次 row in ${t.title}`)
    const tt = template.tables.find((x) => x.key === t.key)!
    const kinds = templateColumns(tt, fx.year)
    for (const [i, row] of t.rows.entries()) {
      for (const [j, v] of row.entries()) {
        const kind = kinds.find((k) => k.label === t.columns[j])?.kind
        if (kind !== 'amount' || typeof v !== 'number') continue
        const cell = ws.getCell(lanci + 1 + i, j + 2)
        if (cell.value !== v) throw new Error(`${t.title} ${cell.address}: sheet has ${String(cell.value)}, fixture ${v}`)
        yield { ws, cell, value: v, label: t.columns[j]! }
      }
    }
  }
}

/**
 * Fixture tables as a 元 document prints them: every amount × 10000 (exact), `amountUnit: '元'`; a
 * column stating its own unit (价值（金额单位：万元）) keeps it. What the reader holds for a 元 workbook.
 */
export function tablesInYuan(tables: FixtureTable[], template: Template, year: number): FixtureTable[] {
  return tables.map((t) => {
    const tt = template.tables.find((x) => x.key === t.key)
    const kinds = tt ? printedColumnSets(tt, year).flat() : []
    const isAmount = (label: string) => kinds.find((k) => k.label === label)?.kind === 'amount' && !/万元/.test(label)
    return { ...t, amountUnit: '元' as const, rows: t.rows.map((r) => r.map((v, j) => (typeof v === 'number' && isAmount(t.columns[j]!) ? Math.round(v * 100) * 100 : v))) }
  })
}

/** The same workbook with every amount in 元 (× 10000, exact) and "单位：元" on the unit lines. */
export async function inYuan(name: 'chengde-2023' | 'laoting-2022', adjust?: (yuan: number, where: string) => number): Promise<Buffer> {
  const fx = loadFixture(name)
  return editWorkbook(fixtureXlsx(name), (wb) => {
    for (const { cell, value, label, ws } of amountCells(wb, fx, templateFor(fx.year))) {
      if (/万元/.test(label)) continue // the column states its own unit (价值（金额单位：万元）)
      const yuan = Math.round(value * 100) * 100
      cell.value = adjust ? adjust(yuan, `${ws.name}!${cell.address}`) : yuan
    }
    for (const ws of wb.worksheets) {
      ws.getRow(2).eachCell((c) => {
        if (c.value === '单位：万元') c.value = '单位：元'
      })
    }
  })
}

export async function setCell(buf: Buffer, sheetTitle: string, address: string, value: ExcelJS.CellValue): Promise<Buffer> {
  return editWorkbook(buf, (wb) => {
    sheetByTitle(wb, sheetTitle).getCell(address).value = value
  })
}

/** A workbook in the official layout for any department, from fixture-format tables. */
export async function workbookFor(dept: { code: string; name: string }, year: number, tables: FixtureTable[]): Promise<Buffer> {
  return writeXlsx({ department: dept, year, tables, template: templateFor(year) })
}

/** The fixture's tables with one printed value replaced. */
export function withValue(tables: FixtureTable[], key: string, row: number, col: number, value: string | number | null): FixtureTable[] {
  return tables.map((t) => (t.key !== key ? t : { ...t, rows: t.rows.map((r, i) => (i !== row ? r : r.map((v, j) => (j === col ? value : v)))) }))
}

export type Variant = {
  /** Sheet name for a table (default: its title). */
  sheetName?: (t: FixtureTable, i: number) => string
  /** Text of the title cell (default: the title); null for no title row at all. */
  title?: (t: FixtureTable) => string | null
  headerRows?: 1 | 2
  seq?: boolean
  lanci?: boolean
  /** A blank spacer row after every n data rows. */
  spacerEvery?: number
  /** Repeat title, unit line and header after every n data rows (a page break in the export). */
  repeatHeaderEvery?: number
  unit?: '万元' | '元'
  /** Codes written as numbers, as some exports do. */
  numericCodes?: boolean
  /** All tables one under the other in a single sheet. */
  oneSheet?: boolean
  /** Department, year and unit in one cell: "部门：447 承德市医疗保障局　预算年度：2023　单位：万元". */
  metaOneCell?: boolean
  /** Extra sheets before the tables (a cover, an instructions page). */
  extraSheets?: string[]
  order?: (tables: FixtureTable[]) => FixtureTable[]
}

/**
 * Writes fixture tables the way various real exports lay them out, with none of the writer's code:
 * one or two header rows (group headers merged), 栏次 row or not, 序号 column or not, spacer rows,
 * headers repeated at page breaks, renamed or extra sheets, amounts in 元.
 */
export async function variantWorkbook(fx: Fixture, v: Variant): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const name of v.extraSheets ?? []) wb.addWorksheet(name).getCell('A1').value = `${name}：本工作簿由预算管理一体化系统导出`
  const one = v.oneSheet ? wb.addWorksheet('部门预算公开表') : null
  let r = 1
  const tables = v.order ? v.order(fx.tables) : fx.tables
  tables.forEach((t, ti) => {
    const ws = one ?? wb.addWorksheet(v.sheetName?.(t, ti) ?? t.title)
    if (!one) r = 1
    const off = v.seq === false ? 1 : 2
    const n = t.columns.length + off - 1
    const title = v.title ? v.title(t) : t.title
    const head = () => {
      if (title !== null) ws.getCell(r++, 1).value = title
      if (v.metaOneCell) {
        ws.getCell(r++, 1).value = `部门：${fx.department.code} ${fx.department.fullName ?? fx.department.name}\u3000预算年度：${fx.year}\u3000单位：${v.unit ?? '万元'}`
      } else {
        ws.getCell(r, 1).value = `${fx.department.code} ${fx.department.fullName ?? fx.department.name}`
        ws.getCell(r, Math.max(2, Math.ceil(n / 2))).value = `预算年度：${fx.year}`
        ws.getCell(r++, n).value = `单位：${v.unit ?? '万元'}`
      }
      const parts = t.columns.map((c) => c.split('/'))
      if ((v.headerRows ?? 2) === 2 && parts.some((p) => p.length > 1)) {
        if (off === 2) {
          ws.getCell(r, 1).value = '序号'
          ws.mergeCells(r, 1, r + 1, 1)
        }
        let c = 0
        while (c < parts.length) {
          const p = parts[c]!
          if (p.length === 1) {
            ws.getCell(r, c + off).value = p[0]!
            ws.mergeCells(r, c + off, r + 1, c + off)
            c++
            continue
          }
          let e = c
          while (e + 1 < parts.length && parts[e + 1]!.length > 1 && parts[e + 1]![0] === p[0]) e++
          ws.getCell(r, c + off).value = p[0]!
          if (e > c) ws.mergeCells(r, c + off, r, e + off)
          for (let k = c; k <= e; k++) ws.getCell(r + 1, k + off).value = parts[k]![1]!
          c = e + 1
        }
        r += 2
      } else {
        if (off === 2) ws.getCell(r, 1).value = '序号'
        parts.forEach((p, c) => (ws.getCell(r, c + off).value = p[p.length - 1]!))
        r++
      }
      if (v.lanci !== false) {
        if (off === 2) ws.getCell(r, 1).value = '栏次'
        t.columns.forEach((_, c) => (ws.getCell(r, c + off).value = c + 1))
        r++
      }
    }
    head()
    const tt = templateFor(fx.year).tables.find((x) => x.key === t.key)!
    const kinds = templateColumns(tt, fx.year)
    t.rows.forEach((row, i) => {
      if (i > 0 && v.repeatHeaderEvery && i % v.repeatHeaderEvery === 0) head()
      if (off === 2) ws.getCell(r, 1).value = i + 1
      row.forEach((val, c) => {
        if (val === null) return
        const kind = kinds.find((k) => k.label === t.columns[c])?.kind
        let out: ExcelJS.CellValue = val
        if (kind === 'amount' && typeof val === 'number' && v.unit === '元' && !/万元/.test(t.columns[c]!)) out = Math.round(val * 100) * 100
        if (kind === 'code' && v.numericCodes && typeof val === 'string' && /^\d+$/.test(val)) out = Number(val)
        ws.getCell(r, c + off).value = out
      })
      r++
      if (v.spacerEvery && (i + 1) % v.spacerEvery === 0) r++
    })
    if (t.note) ws.getCell(r++, 1).value = t.note
    r += 2
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
