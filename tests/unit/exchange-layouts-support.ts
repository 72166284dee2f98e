import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { printedColumnSets, templateColumns } from '../../lib/budget/read-tables'
import type { FixtureTable } from '../../lib/budget/table'
import { splitCode } from '../../lib/budget/table'
import type { Template } from '../../lib/budget/template'
import { shippedTemplate, shippedTemplateIds } from '../../lib/templates/files'

/**
 * Budgets printed the many ways real exports print them, from the tables a reader should return
 * (codes in one column, amounts in the document's unit). Written with exceljs, none of the app's writer.
 */
export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures')
export const ALL_FIXTURES = ['chengde-2023', 'laoting-2022', 'laiyuan-2024', 'shanghai-wenlv-2026'] as const
export type FixtureName = (typeof ALL_FIXTURES)[number]
export type AnyFixture = { department: { code: string | null; name: string; fullName?: string }; year: number; amountUnit: '万元' | '元'; tables: FixtureTable[] }

export const TEMPLATE_OF: Record<FixtureName, string> = { 'chengde-2023': 'hebei-dept-2023', 'laoting-2022': 'hebei-dept-2022', 'laiyuan-2024': 'hebei-unit-2024', 'shanghai-wenlv-2026': 'shanghai-dept-2026' }
export const allTemplates = (): Template[] => shippedTemplateIds().map(shippedTemplate)

export function readFixture(name: FixtureName): AnyFixture {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as AnyFixture
}
export const fixtureBuffer = (name: FixtureName): Buffer => fs.readFileSync(path.join(FIXTURES, `${name}.xlsx`))

const PART = /\/(类|款|项)$/

/**
 * The tables as the reader holds them: a code printed over 类/款/项 columns joined into the template's
 * code column (codeParts: the printed headers), `amountUnit` only when not 万元 (the format's default).
 */
export function canonicalTables(fx: AnyFixture, template: Template): FixtureTable[] {
  return fx.tables.map((t) => {
    const unit = (t.amountUnit ?? fx.amountUnit) as '万元' | '元'
    const { amountUnit: _u, ...rest } = t
    const out: FixtureTable = { ...rest, ...(unit === '元' ? { amountUnit: '元' as const } : {}) }
    const parts = t.columns.map((c, i) => (PART.test(c) ? i : -1)).filter((i) => i >= 0)
    if (parts.length === 0) return out
    const tt = template.tables.find((x) => x.key === t.key)!
    const codeLabel = templateColumns(tt, fx.year)[0]!.label
    out.columns = [codeLabel, ...t.columns.filter((_, i) => !parts.includes(i))]
    out.rows = t.rows.map((r) => {
      const code = parts.map((i) => r[i]).filter((v) => v !== null).join('')
      return [code || null, ...r.filter((_, i) => !parts.includes(i))]
    })
    out.codeParts = parts.map((i) => t.columns[i]!)
    return out
  })
}

export type Layout = {
  /** `names`, `names-indented`: no code column, the names alone (indented by level), codes from the catalogue. */
  codes: 'joined' | 'split' | 'split-own' | 'combined' | 'names' | 'names-indented'
  unit: '万元' | '元'
  total: 'first' | 'last'
  seq: boolean
  lanci: boolean
  headerRows: 1 | 2 | 3
  sheetNames: 'title' | 'numbered' | 'biao' | 'sheet'
  titlePrefix: '' | '表N ' | 'N.'
  /** Repeat title, meta line and header after every n data rows (0: never). */
  pageBreakEvery: number
  spacerEvery: number
  metaOneCell: boolean
  extraSheets: boolean
}

export const BASE: Layout = { codes: 'joined', unit: '万元', total: 'first', seq: true, lanci: true, headerRows: 2, sheetNames: 'title', titlePrefix: '', pageBreakEvery: 0, spacerEvery: 0, metaOneCell: false, extraSheets: false }

const isTotalRow = (r: (string | number | null)[]) => r.some((v) => typeof v === 'string' && /^合\s*计$/.test(v.trim()))

/** Which columns hold amounts (the template's kinds; a column stating 万元 in its header keeps its unit). */
function amountColumns(t: FixtureTable, template: Template, year: number): boolean[] {
  const tt = template.tables.find((x) => x.key === t.key)
  const kinds = tt ? printedColumnSets(tt, year).flat() : []
  return t.columns.map((c, i) => kinds.find((k) => k.label === c)?.kind === 'amount' || (!kinds.some((k) => k.label === c) && t.rows.some((r) => typeof r[i] === 'number')))
}

/** A table converted to a unit: exact (万元 → 元), or null when 元 amounts are not whole 0.01 万元. */
export function inUnit(t: FixtureTable, unit: '万元' | '元', template: Template, year: number): FixtureTable | null {
  const from = t.amountUnit ?? '万元'
  if (from === unit) return t
  const amounts = amountColumns(t, template, year)
  const conv = (v: number) => (unit === '元' ? Math.round(v * 100) * 100 : Math.round(v * 100) / 1_000_000)
  if (unit === '万元' && t.rows.some((r) => r.some((v, j) => amounts[j] && !/万元/.test(t.columns[j]!) && typeof v === 'number' && Math.round(v * 100) % 10_000 !== 0))) return null
  const { amountUnit: _u, ...rest } = t
  return { ...rest, ...(unit === '元' ? { amountUnit: '元' as const } : {}), rows: t.rows.map((r) => r.map((v, j) => (typeof v === 'number' && amounts[j] && !/万元/.test(t.columns[j]!) ? conv(v) : v))) }
}

export type Printed = { buffer: Buffer; expected: FixtureTable[] }

/**
 * Prints canonical tables in a layout, and says what a reader must return for it: the same tables,
 * titled as printed, in the printed unit, with codeParts when the code was split.
 */
export async function printBudget(fx: AnyFixture, canonical: FixtureTable[], template: Template, L: Layout): Promise<Printed> {
  const wb = new ExcelJS.Workbook()
  if (L.extraSheets) {
    wb.addWorksheet('封面').getCell('A1').value = `${fx.department.name}${fx.year}年部门预算`
    wb.addWorksheet('填报说明').getCell('A2').value = '本工作簿由预算管理一体化系统导出，请勿修改表头。'
  }
  const expected: FixtureTable[] = []
  canonical.forEach((t0, ti) => {
    // a table printed in another unit than its document (a Shanghai 三公 table in 万元) keeps it: its finer figures are unknown
    const t = (t0.amountUnit ?? '万元') !== fx.amountUnit ? t0 : (inUnit(t0, L.unit, template, fx.year) ?? t0)
    const unit = t.amountUnit ?? '万元'
    const title = L.titlePrefix === '表N ' ? `表${ti + 1} ${t.title}` : L.titlePrefix === 'N.' ? `${ti + 1}.${t.title}` : t.title
    const sheetName = L.sheetNames === 'title' ? t.title : L.sheetNames === 'numbered' ? `3.${ti + 1}${t.title.replace(/^\d{4}年/, '')}` : L.sheetNames === 'biao' ? `表${ti + 1}` : `Sheet${ti + 1}`
    const ws = wb.addWorksheet(sheetName.slice(0, 31))
    const tree = t.columns[0] !== undefined && templateColumns(template.tables.find((x) => x.key === t.key)!, fx.year)[0]?.kind === 'code'
    let rows = t.rows
    if (tree && rows.length > 1) {
      const totals = rows.filter(isTotalRow)
      const rest = rows.filter((r) => !isTotalRow(r))
      rows = L.total === 'first' ? [...totals, ...rest] : [...rest, ...totals]
    }
    // the printed columns: the code as one column, over 类/款/项 columns, or with the name in one cell
    const maxLen = Math.max(3, ...rows.map((r) => (typeof r[0] === 'string' && /^\d+$/.test(r[0]) ? r[0].length : 0)))
    const nParts = maxLen > 5 ? 3 : 2
    const codeGroup = tree ? t.columns[0]!.split('/').slice(0, -1).join('/') || '科目编码' : ''
    let columns = t.columns
    let printRow = (r: (string | number | null)[], _prev: string | null): (string | number | null)[] => r
    let codeParts: string[] | undefined
    if (tree && (L.codes === 'split' || L.codes === 'split-own')) {
      codeParts = ['类', '款', '项'].slice(0, nParts).map((p) => `${codeGroup}/${p}`)
      columns = [...codeParts, ...t.columns.slice(1)]
      printRow = (r, prev) => {
        const code = typeof r[0] === 'string' && /^\d+$/.test(r[0]) ? r[0] : null
        const parts = splitCode(code, nParts)
        if (L.codes === 'split-own' && code && prev) {
          // a 款 or 项 row prints only its own two digits
          for (let i = 0; i < parts.length - 1; i++) if (parts[i + 1] !== null && prev.startsWith(code.slice(0, 3 + 2 * i))) parts[i] = null
        }
        return [...parts, ...r.slice(1)]
      }
    } else if (tree && (L.codes === 'names' || L.codes === 'names-indented')) {
      // no code column: the name alone, indented by its level (two full-width spaces a level) or not at all
      columns = t.columns.slice(1)
      printRow = (r) => {
        const code = typeof r[0] === 'string' && /^\d+$/.test(r[0]) ? r[0] : ''
        const pad = L.codes === 'names-indented' && code ? '\u3000\u3000'.repeat(Math.max(0, (code.length - 3) / 2)) : ''
        return [typeof r[1] === 'string' ? pad + r[1] : r[1]!, ...r.slice(2)]
      }
    } else if (tree && L.codes === 'combined') {
      columns = [`${codeGroup ? `${codeGroup}/` : ''}科目编码及名称`, ...t.columns.slice(2)]
      printRow = (r) => [[r[0], r[1]].filter((v) => v !== null && v !== '').join(' ') || null, ...r.slice(2)]
    }
    const off = L.seq ? 2 : 1
    const n = columns.length + off - 1
    const parts = columns.map((c) => c.split('/'))
    const depth = Math.max(...parts.map((p) => p.length))
    const D = L.headerRows
    let r = 1
    const head = () => {
      ws.getCell(r, 1).value = title
      if (n > 1) ws.mergeCells(r, 1, r, n)
      r++
      const dept = `${fx.department.code ? `${fx.department.code} ` : ''}${fx.department.fullName ?? fx.department.name}`
      if (L.metaOneCell) ws.getCell(r++, 1).value = `部门：${dept}\u3000预算年度：${fx.year}\u3000单位：${unit}`
      else {
        ws.getCell(r, 1).value = dept
        if (n > 2) ws.getCell(r, Math.max(2, Math.ceil(n / 2))).value = `预算年度：${fx.year}`
        ws.getCell(r++, Math.max(n, 3)).value = `单位：${unit}`
      }
      // D header rows: a label deeper than D prints its last D levels; a shallower one spans down
      const levels = parts.map((p) => (p.length > D ? p.slice(p.length - D) : p))
      for (let k = 0; k < D; k++) {
        if (L.seq) ws.getCell(r + k, 1).value = '序号'
        levels.forEach((p, c) => {
          const lvl = p.length - (D - k) // top rows repeat the first level of a shallow label
          ws.getCell(r + k, c + off).value = p[Math.max(0, lvl)]!
        })
      }
      // merge equal neighbours as real exports do (horizontally within a row, vertically down a column)
      for (let c = 0; c < levels.length; c++) {
        const p = levels[c]!
        let k = 0
        while (k < D - 1 && p.length - (D - k) < 0) k++
        if (k > 0) ws.mergeCells(r, c + off, r + k, c + off)
      }
      if (L.seq && D > 1) ws.mergeCells(r, 1, r + D - 1, 1)
      r += D
      if (L.lanci) {
        if (L.seq) ws.getCell(r, 1).value = '栏次'
        columns.forEach((_, c) => (ws.getCell(r, c + off).value = c + 1))
        r++
      }
    }
    head()
    let prev: string | null = null
    rows.forEach((row, i) => {
      if (i > 0 && L.pageBreakEvery && i % L.pageBreakEvery === 0) {
        r += 1
        head()
      }
      if (L.seq) ws.getCell(r, 1).value = i + 1
      printRow(row, prev).forEach((v, c) => {
        if (v !== null) ws.getCell(r, c + off).value = v
      })
      if (typeof row[0] === 'string' && /^\d+$/.test(row[0])) prev = row[0]
      r++
      if (L.spacerEvery && (i + 1) % L.spacerEvery === 0) r++
    })
    if (t.note) ws.getCell(r++, 1).value = t.note
    void depth
    const exp: FixtureTable = { ...t, title, rows }
    // the split code's headers as printed: the last D levels of each
    if (codeParts) exp.codeParts = codeParts.map((c) => c.split('/').slice(-D).join('/'))
    else delete exp.codeParts
    expected.push(exp)
  })
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), expected }
}
