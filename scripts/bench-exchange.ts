/**
 * Exchange benchmark: reading and validating the chengde-2023 workbook, and writing it in the
 * official layout, each against what exceljs alone needs for the same file.
 *
 *   npx tsx scripts/bench-exchange.ts
 *
 * prints
 *
 *   exchange.import_validate_chengde: <ms> ms (baseline: <ms> ms, ratio: <r>, target: ≤ 3)
 *   exchange.export_xlsx_chengde: <ms> ms (baseline: <ms> ms, ratio: <r>, target: ≤ 3)
 *   exchange.import_validate_shanghai: <ms> ms (baseline: <ms> ms, ratio: <r>, target: ≤ 3)
 *
 * import op  = the container check (zip guard), exceljs load, choosing among all shipped templates by the
 *              printed titles, finding the tables by title and header,
 *              reading every cell, and the kernel's validation with the 2023 catalogue (the catalogue
 *              itself is loaded once, as the server caches it); baseline = exceljs loading the same file.
 * export op  = writing the eleven tables in the official layout (merges, borders, number formats,
 *              print setup); baseline = exceljs writing a workbook of the same sheets and cell count
 *              (same values) without any styling, merge or page setup.
 * shanghai    = the same import op on shanghai-wenlv-2026.xlsx (codes over 类/款/项 columns, 元 and a 万元
 *              table, three header rows), all shipped templates as candidates, the 2026 catalogue;
 *              baseline = exceljs loading that workbook.
 * Median of 15 runs after 5 warm-ups, op and baseline interleaved. Timing is reported, never asserted.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import type { FixtureTable } from '../lib/budget/table'
import type { Template } from '../lib/budget/template'
import { shippedTemplate, shippedTemplateIds } from '../lib/templates/files'
import { starterCatalogue } from '../lib/catalogue/files'
import { headerCells } from '../lib/exchange/columns'
import { loadWorkbook } from '../lib/exchange/load-workbook'
import { parseWorkbook } from '../lib/exchange/parse-workbook'
import { validateParsed } from '../lib/exchange/report'
import { writeXlsx } from '../lib/exchange/write-xlsx'

const ROOT = path.resolve(import.meta.dirname, '..')
const TARGET = 3
const WARMUP = 5
const RUNS = 15

const template = (y: number) => JSON.parse(fs.readFileSync(path.join(ROOT, `lib/budget/templates/hebei-dept-${y}.json`), 'utf8')) as Template
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function measure(op: () => Promise<unknown>, base: () => Promise<unknown>): Promise<{ opMs: number; baseMs: number }> {
  for (let i = 0; i < WARMUP; i++) {
    await op()
    await base()
  }
  const o: number[] = []
  const b: number[] = []
  for (let i = 0; i < RUNS; i++) {
    o.push(await time(op))
    b.push(await time(base))
  }
  return { opMs: median(o), baseMs: median(b) }
}

const line = (name: string, m: { opMs: number; baseMs: number }) => `${name}: ${m.opMs.toFixed(1)} ms (baseline: ${m.baseMs.toFixed(1)} ms, ratio: ${(m.opMs / m.baseMs).toFixed(2)}, target: ≤ ${TARGET})`

/** The same sheets and cells as the official layout, as plain values: no style, merge or print setup. */
async function writePlain(tables: FixtureTable[], dept: string, year: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31))
    const n = t.columns.length + 1
    ws.getRow(1).values = Array.from({ length: n }, () => t.title)
    ws.getRow(2).values = [dept, `预算年度：${year}`, '单位：万元']
    const { depth, cells } = headerCells(t.columns)
    for (let level = 0; level < depth; level++) ws.getRow(3 + level).values = ['序号', ...t.columns.map((_, i) => cells.find((h) => h.col <= i && i < h.col + h.colSpan && h.row <= level && level < h.row + h.rowSpan)?.label ?? '')]
    ws.getRow(3 + depth).values = ['栏次', ...t.columns.map((_, i) => i + 1)]
    t.rows.forEach((r, i) => (ws.getRow(4 + depth + i).values = [i + 1, ...r]))
    if (t.note) ws.getRow(4 + depth + t.rows.length).values = [t.note]
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function benchExchange(): Promise<string[]> {
  const file = fs.readFileSync(path.join(ROOT, 'tests/fixtures/chengde-2023.xlsx'))
  const fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/chengde-2023.json'), 'utf8')) as { department: { code: string; name: string }; year: number; tables: FixtureTable[] }
  // every shipped template is a candidate, as on the server (which offers all templates in the database)
  const candidates = [template(2023), ...shippedTemplateIds().filter((id) => id !== 'hebei-dept-2023').map((id) => shippedTemplate(id))]
  const catalogue = starterCatalogue(2023)

  let findings = 0
  const imp = await measure(
    async () => {
      const parsed = parseWorkbook(await loadWorkbook(file), { candidates })
      findings = validateParsed(parsed, catalogue).report.findings.length
    },
    async () => {
      await new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer)
    },
  )
  if (findings !== 11) throw new Error(`chengde-2023 gave ${findings} findings instead of its 11 rounding differences`)

  const input = { department: fixture.department, year: fixture.year, tables: fixture.tables, template: candidates[0]! }
  const exp = await measure(
    () => writeXlsx(input),
    () => writePlain(fixture.tables, `${fixture.department.code} ${fixture.department.name}`, fixture.year),
  )
  const sh = fs.readFileSync(path.join(ROOT, 'tests/fixtures/shanghai-wenlv-2026.xlsx'))
  const shCatalogue = starterCatalogue(2026)
  let shFindings = -1
  const shanghai = await measure(
    async () => {
      const parsed = parseWorkbook(await loadWorkbook(sh), { candidates })
      shFindings = validateParsed(parsed, shCatalogue).report.findings.length
    },
    async () => {
      await new ExcelJS.Workbook().xlsx.load(sh as unknown as ArrayBuffer)
    },
  )
  if (shFindings !== 0) throw new Error(`shanghai-wenlv-2026 gave ${shFindings} findings; its tables are consistent`)
  return [line('exchange.import_validate_chengde', imp), line('exchange.export_xlsx_chengde', exp), line('exchange.import_validate_shanghai', shanghai)]
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (invokedDirectly) {
  void benchExchange().then((lines) => {
    for (const l of lines) console.log(l)
  })
}
