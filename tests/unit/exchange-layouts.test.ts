import { describe, expect, it } from 'vitest'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { FixtureTable } from '@/lib/budget/table'
import { applyCodeParts, toFixtureTable } from '@/lib/budget/table'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { toExportJson } from '@/lib/exchange/write-csv'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import type { FixtureName, Layout } from './exchange-layouts-support'
import { ALL_FIXTURES, allTemplates, BASE, canonicalTables, fixtureBuffer, printBudget, readFixture, TEMPLATE_OF } from './exchange-layouts-support'

const candidates = allTemplates()

async function read(buf: Buffer, year?: number) {
  // the year's catalogue, to find the codes of a tree table printed with names only
  const parsed = parseWorkbook(await loadWorkbook(buf), { candidates, ...(year ? { catalogue: starterCatalogue(year) } : {}) })
  const { report } = validateParsed(parsed, starterCatalogue(parsed.meta.year ?? 2023))
  return { parsed, report, tables: JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table))) as FixtureTable[] }
}

const where = (f: { sheet: string | null; cell: string | null; rowLabel: string | null; column: string | null; severity: string }) => `${f.severity} ${f.sheet}!${f.cell} ${f.rowLabel} | ${f.column}`

/** What each golden disclosure's tables really hold (../fixtures/README.md), and nothing else. */
const KNOWN: Record<FixtureName, { summary: { error: number; warning: number; rounding: number }; check?: (r: Awaited<ReturnType<typeof read>>) => void }> = {
  'chengde-2023': { summary: { error: 0, warning: 0, rounding: 11 } },
  'laoting-2022': { summary: { error: 0, warning: 0, rounding: 0 } },
  'laiyuan-2024': {
    summary: { error: 2, warning: 0, rounding: 0 },
    check: (r) => {
      // its one genuine inconsistency: 四、会议费 2.00 with both 其中 rows blank, in each column that prints it
      expect(r.report.findings.map((f) => `${f.rule} ${f.rowLabel}`)).toEqual(['three_public.parent 四、会议费', 'three_public.parent 四、会议费'])
      expect(r.report.findings.map((f) => f.column)).toEqual(['资金性质/合计', '资金性质/一般公共预算财政拨款'])
    },
  },
  'shanghai-wenlv-2026': { summary: { error: 0, warning: 0, rounding: 0 } },
}

/** Every table with its unit explicit, so the document-level default does not hide a difference. */
const explicit = (ts: FixtureTable[], unit: string) => ts.map((t) => ({ ...t, amountUnit: t.amountUnit ?? unit }))

describe('the four golden workbooks, each read with exactly its known inconsistencies', () => {
  for (const name of ALL_FIXTURES) {
    it(`${name}: every printed cell, the template of its layout, department and unit from the sheet, and only its known findings`, async () => {
      const fx = readFixture(name)
      const template = shippedTemplate(TEMPLATE_OF[name])
      const r = await read(fixtureBuffer(name))
      expect(r.parsed.template.id).toBe(TEMPLATE_OF[name])
      expect(r.tables).toEqual(canonicalTables(fx, template))
      expect(r.parsed.meta.department.name).toBe(fx.department.fullName ?? fx.department.name)
      expect(r.parsed.meta.department.code).toBe(fx.department.code)
      expect(r.parsed.meta.unit).toBe(fx.amountUnit)
      expect(r.report.summary).toEqual(KNOWN[name].summary)
      KNOWN[name].check?.(r)
      // messages for people: no internal ids, no 第0行
      for (const f of r.report.findings) expect(f.message).not.toMatch(/general_budget|carryover|第0行|「[a-z_]+」/)
    })

    it(`${name}: import → export reproduces every printed cell in the document's unit (JSON in the fixture format, and the XLSX read back)`, async () => {
      const fx = readFixture(name)
      const template = shippedTemplate(TEMPLATE_OF[name])
      const r = await read(fixtureBuffer(name))
      const held = tablesFromFixture(r.tables, template, fx.year).tables
      // the JSON export: the fixture format, each table as printed (its unit, its split code columns)
      const exported = toExportJson({ department: { code: fx.department.code ?? '', name: fx.department.name }, year: fx.year, tables: held.map(toFixtureTable), template })
      expect(exported.amountUnit).toBe(fx.amountUnit)
      expect(JSON.parse(JSON.stringify(exported.tables))).toEqual(fx.amountUnit === '万元' ? fx.tables : explicit(fx.tables, fx.amountUnit))
      expect(held.map(toFixtureTable).map(applyCodeParts).length).toBe(fx.tables.length)
      const xlsx = await writeXlsx({ department: { code: fx.department.code ?? '', name: fx.department.name }, year: fx.year, tables: held.map(toFixtureTable), template })
      const back = await read(xlsx)
      expect(back.tables).toEqual(canonicalTables(fx, template))
      expect(back.report.summary).toEqual(KNOWN[name].summary)
    })
  }
})

/** One dimension at a time, every value it takes in real exports. */
const VARIANTS: [string, Partial<Layout>][] = [
  ['codes split over 类/款/项 columns, each row printing its whole code', { codes: 'split' }],
  ['codes split, 款 and 项 rows printing only their own two digits', { codes: 'split-own' }],
  ['code and name in one cell', { codes: 'combined' }],
  ['names only, indented by level (codes from the catalogue)', { codes: 'names-indented' }],
  ['names only, no indentation (codes from the catalogue by order)', { codes: 'names' }],
  ['codes joined in one column', { codes: 'joined' }],
  ['amounts in 元', { unit: '元' }],
  ['amounts in 万元', { unit: '万元' }],
  ['合计 first', { total: 'first' }],
  ['合计 last', { total: 'last' }],
  ['no 序号, no 栏次', { seq: false, lanci: false }],
  ['序号 and 栏次', { seq: true, lanci: true }],
  ['one header row', { headerRows: 1 }],
  ['three header rows', { headerRows: 3 }],
  ['sheets named "3.16部门收入总表"', { sheetNames: 'numbered' }],
  ['sheets named "表2"', { sheetNames: 'biao' }],
  ['sheets named "Sheet3", titles numbered "表N "', { sheetNames: 'sheet', titlePrefix: '表N ' }],
  ['titles numbered "N."', { titlePrefix: 'N.' }],
  ['headers repeated at page breaks, spacer rows', { pageBreakEvery: 6, spacerEvery: 4 }],
  ['extra sheets (cover, instructions)', { extraSheets: true }],
  ['department, year and unit in one cell', { metaOneCell: true }],
]

/** The known findings of a fixture printed in another unit: in 元 a 0.01 万元 rounding is 100 元 apart — an error. */
function expectedSummary(name: FixtureName, printedUnit: string, docUnit: string) {
  const s = KNOWN[name].summary
  return printedUnit === '元' && docUnit === '万元' ? { error: s.error + s.rounding, warning: s.warning, rounding: 0 } : s
}

describe('each fixture rewritten in every layout variant reads back exactly', () => {
  for (const name of ALL_FIXTURES) {
    for (const [label, v] of VARIANTS) {
      it(`${name}: ${label}`, async () => {
        const fx = readFixture(name)
        const template = shippedTemplate(TEMPLATE_OF[name])
        const L = { ...BASE, ...v }
        const p = await printBudget(fx, canonicalTables(fx, template), template, L)
        const r = await read(p.buffer, fx.year)
        expect(r.parsed.template.id).toBe(TEMPLATE_OF[name])
        expect(r.tables).toEqual(p.expected)
        const printedUnit = p.expected.some((t) => t.amountUnit === '元') ? '元' : '万元'
        expect(r.report.summary, r.report.findings.slice(0, 5).map(where).join('\n')).toEqual(expectedSummary(name, printedUnit, fx.amountUnit))
      })
    }
  }
})
