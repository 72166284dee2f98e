/**
 * The 三公 table printed across (docs/decisions/010-table-orientation.md): Henan and Shanghai print it
 * with one 预算数 row and the items as columns under a two-level header; the kernel keeps it vertical.
 * Presenting a table and reading it back is the identity (property, on random tables of every
 * horizontal layout and of a multi-fund, nested one); findings are turned to the printed cells; a
 * printed workbook's findings name the right sheet cell (the import report: three-public-import.test.ts);
 * a table printed the old (vertical) way still reads; the document (HTML and PDF) prints the horizontal
 * header.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { headerRows } from '@/lib/budget/header-rows'
import { computeDisclosure } from '@/lib/budget/compute'
import { cellToNumber } from '@/lib/budget/money'
import { acrossColumns, columnLabelOf, presentationFor, presentedCell, presentFindings, withPresentation } from '@/lib/budget/present'
import { templateColumns, tablesFromFixture } from '@/lib/budget/read-tables'
import type { BudgetTable, FixtureTable } from '@/lib/budget/table'
import { rowIndexById, toFixtureTable } from '@/lib/budget/table'
import { parseTemplate } from '@/lib/budget/template-schema'
import { shippedTemplate } from '@/lib/templates/files'
import { validateTables } from '@/lib/budget/validate-tables'
import { starterCatalogue } from '@/lib/catalogue/files'
import { assembleDocument } from '@/lib/document/assemble'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { renderHtml } from '@/lib/document/render-html'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { defaultGlossary } from '@/lib/notes/glossary'
import { parseStoredNotes } from '@/lib/notes/schemas'
import { hebeiUnit2024 } from '../factories/template-layouts'

import { ALL, derived, KEY, LAYOUTS, tableOf, threePublicOf } from '../support/three-public'

describe('the 三公 table printed across', () => {
  it('Henan: 项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 公务用车购置费 | 公务用车运行费) | 公务接待费, one 预算数 row', () => {
    const { computed, tables } = derived('henan-dept-2023')
    const held = tableOf(computed.tables)
    // the kernel's table stays vertical: rows by id, one 预算数 column
    expect(held.presentation).toBeUndefined()
    expect(held.rows.map((r) => r[0])).toEqual(['合计', '一、因公出国（境）费', '二、公务用车购置及运行费', '其中：公务用车购置费', '公务用车运行费', '三、公务接待费'])
    const printed = toFixtureTable(tableOf(tables))
    expect(printed).toEqual({
      key: KEY,
      title: '一般公共预算“三公”经费支出表',
      columns: ['项目', '合计', '因公出国（境）费', '公务用车购置及运行费/小计', '公务用车购置及运行费/公务用车购置费', '公务用车购置及运行费/公务用车运行费', '公务接待费'],
      rows: [['预算数', 2.3, null, 1.8, null, 1.8, 0.5]],
    })
    // the grouped header the web views, the workbook and the documents draw from the "组/列" labels
    expect(headerRows(printed.columns).map((r) => r.map((c) => [c.label, c.colSpan, c.rowSpan]))).toEqual([
      [
        ['项目', 1, 2],
        ['合计', 1, 2],
        ['因公出国（境）费', 1, 2],
        ['公务用车购置及运行费', 3, 1],
        ['公务接待费', 1, 2],
      ],
      [
        ['小计', 1, 1],
        ['公务用车购置费', 1, 1],
        ['公务用车运行费', 1, 1],
      ],
    ])
  })

  it('the group header comes from the rows’ sumOf: nested sums nest, a 合计 stands alone, rows outside any sum stay where they are', () => {
    expect(acrossColumns(threePublicOf(shippedTemplate('shanghai-dept-2023'))).map((c) => c.label)).toEqual([
      '“三公”经费合计',
      '因公出国（境）费',
      '公务用车购置及运行费/小计',
      '公务用车购置及运行费/公务用车购置费',
      '公务用车购置及运行费/公务用车运行费',
      '公务接待费',
      '机关运行经费',
    ])
    expect(acrossColumns(threePublicOf(shippedTemplate('hebei-unit-2024'))).map((c) => c.label)).toEqual([
      '合计',
      '“三公”经费小计/小计',
      '“三公”经费小计/因公出国（境）费/小计',
      '“三公”经费小计/因公出国（境）费/教学科研人员因公出国（境）费',
      '“三公”经费小计/因公出国（境）费/其他因公出国（境）费',
      '“三公”经费小计/公务用车购置及运维费/小计',
      '“三公”经费小计/公务用车购置及运维费/公务用车购置费',
      '“三公”经费小计/公务用车购置及运维费/公务用车运行维护费',
      '“三公”经费小计/公务接待费',
      '会议费/小计',
      '会议费/省属高校业务性会议费',
      '会议费/其他会议费',
      '培训费',
    ])
    expect(['一、因公出国（境）费', '1.因公出国（境）费', '其中：公务用车购置费', '（二）培训费', '2023年预算'].map(columnLabelOf)).toEqual(['因公出国（境）费', '因公出国（境）费', '公务用车购置费', '培训费', '2023年预算'])
    // only the horizontal layouts are turned; the Hebei ones print as the kernel holds them
    expect(ALL.filter((t) => presentationFor(threePublicOf(t))).map((t) => t.id)).toEqual(['henan-dept-2023', 'shanghai-dept-2023', 'shanghai-dept-2026'])
  })

  it('the template field is validated', () => {
    const t = shippedTemplate('henan-dept-2023')
    const turn = (x: Record<string, unknown>) => ({ ...t, tables: t.tables.map((tb) => (tb.kind === 'three_public' ? { ...tb, ...x } : tb)) })
    expect(parseTemplate(turn({ orientation: 'vertical' }))).toMatchObject({ ok: true })
    expect(parseTemplate(turn({ orientation: 'horizontal', subtotalLabel: '小计' }))).toMatchObject({ ok: true })
    expect(parseTemplate(turn({ orientation: 'diagonal' }))).toMatchObject({ ok: false })
    expect(parseTemplate(turn({ subtotalLabel: '' }))).toMatchObject({ ok: false })
  })
})

describe('presenting then reading back is the identity (property)', () => {
  for (const [name, template] of Object.entries(LAYOUTS)) {
    const tt = threePublicOf(template)
    const cell = fc.option(fc.integer({ min: -1_000_000, max: 100_000_000_000 }), { nil: null, freq: 3 })
    const tableArb = fc.record({
      keep: fc.array(fc.boolean(), { minLength: tt.rows.length, maxLength: tt.rows.length }),
      values: fc.array(fc.array(cell, { minLength: tt.fundColumns.length, maxLength: tt.fundColumns.length }), { minLength: tt.rows.length, maxLength: tt.rows.length }),
      note: fc.option(fc.constantFrom('注：本部门无一般公共预算“三公”经费支出，此表为空表。', '注：机关运行经费为一般公共预算基本支出中的公用经费。'), { nil: undefined }),
    })
    /** A 三公 table as the kernel holds it: some of the template's rows (a printed table may lack some), random printed amounts. */
    const held = (v: { keep: boolean[]; values: (number | null)[][]; note: string | undefined }): BudgetTable => {
      const rows = tt.rows.flatMap((r, i) => (v.keep[i] || i === 0 ? [{ r, values: v.values[i]! }] : []))
      const t: BudgetTable = { key: KEY, title: tt.title, columns: templateColumns(tt, 2023), rows: rows.map((x) => [x.r.label, ...x.values]), meta: rows.map((x) => ({ kind: 'fixed', id: x.r.id })) }
      if (v.note) t.note = v.note
      return { ...t, presentation: presentationFor(tt)! }
    }

    it(`${name}: present → fixture JSON → read back gives the same table, and every cell is printed where presentedCell says`, () => {
      fc.assert(
        fc.property(tableArb, (v) => {
          const t = held(v)
          const printed: FixtureTable = JSON.parse(JSON.stringify(toFixtureTable(t)))
          // across: one row per fund column, one column per item (and the label column)
          expect(printed.rows).toHaveLength(tt.fundColumns.length)
          expect(printed.columns).toHaveLength(t.rows.length + 1)
          const { tables, findings } = tablesFromFixture([printed], template, 2023)
          expect(findings).toEqual([])
          expect(tables).toEqual([t])
          t.rows.forEach((row, r) =>
            row.forEach((value, c) => {
              if (c === 0) return
              const p = presentedCell(t, r, c)!
              expect(printed.rows[p.row!]![p.col!]).toBe(value === null ? null : cellToNumber(value as number))
            }),
          )
        }),
        { numRuns: 150 },
      )
    })
  }
})

describe('findings point at the printed cells', () => {
  it('a wrong 合计 in a printed Henan table: the kernel finds it at (合计, 预算数); turned, at the 预算数 row’s 合计 column', () => {
    const { template, tables } = derived('henan-dept-2023')
    const printed = toFixtureTable(tableOf(tables))
    printed.rows[0]![1] = 3.3
    const read = tablesFromFixture([printed], template, 2023)
    expect(read.findings).toEqual([])
    const findings = validateTables(read.tables, template).filter((f) => f.rule === 'three_public.parent')
    expect(findings).toHaveLength(1)
    const held = read.tables[0]!
    expect(findings[0]).toMatchObject({ table: KEY, row: rowIndexById(held, 'total'), col: 1, rowLabel: '合计', column: '预算数' })
    expect(findings[0]!.message).toBe('一般公共预算“三公”经费支出表「合计」行「预算数」列为 3.30，按「一、因公出国（境）费」+「二、公务用车购置及运行费」+「三、公务接待费」应为 2.30，相差 1.00')
    const [f] = presentFindings(findings, read.tables)
    expect(f).toMatchObject({ table: KEY, row: 0, col: 1, rowLabel: '预算数', column: '合计', expected: 2.3, actual: 3.3 })
    expect(printed.rows[f!.row!]![f!.col!]).toBe(3.3)
    // the message names the cell as printed too: the 预算数 row, the 合计 column; the rest as the kernel says it
    expect(f!.message).toBe('一般公共预算“三公”经费支出表「预算数」行「合计」列为 3.30，按「一、因公出国（境）费」+「二、公务用车购置及运行费」+「三、公务接待费」应为 2.30，相差 1.00')
    // a finding without a column (a row the template lacks) keeps only the printed column; other tables are untouched
    expect(presentFindings([{ rule: 'x', severity: 'warning', message: '', table: KEY, row: rowIndexById(held, 'reception') }], read.tables)).toEqual([{ rule: 'x', severity: 'warning', message: '', table: KEY, col: 6 }])
    const other = { rule: 'tree.parent', severity: 'error' as const, message: '', table: 'general_budget_expenditure' as const, row: 3, col: 2 }
    expect(presentFindings([other], read.tables)).toEqual([other])
  })

  it('a grouped column: the message names the printed row and the column under its group (预算数 / 公务用车购置及运行费/小计)', () => {
    const { template, tables } = derived('henan-dept-2023')
    const printed = toFixtureTable(tableOf(tables))
    printed.rows[0]![3] = 2
    const read = tablesFromFixture([printed], template, 2023)
    const held = validateTables(read.tables, template).filter((f) => f.rule === 'three_public.parent')
    const car = held.find((f) => f.row === rowIndexById(read.tables[0]!, 'vehicle'))!
    expect(car.message).toContain('「二、公务用车购置及运行费」行「预算数」列为 2.00')
    const f = presentFindings([car], read.tables)[0]!
    expect(f).toMatchObject({ row: 0, col: 3, rowLabel: '预算数', column: '公务用车购置及运行费/小计' })
    expect(printed.rows[f.row!]![f.col!]).toBe(2)
    expect(f.message).toBe(car.message.replace('「二、公务用车购置及运行费」行「预算数」列', '「预算数」行「公务用车购置及运行费/小计」列'))
    expect(f.message).toMatch(/^一般公共预算“三公”经费支出表「预算数」行「公务用车购置及运行费\/小计」列为 2\.00，按「其中：公务用车购置费」\+「公务用车运行费」应为 1\.80，相差 0\.20$/)
  })

  it('a table printed upright (Hebei): findings, messages included, are left as the kernel says them', () => {
    const template = shippedTemplate('hebei-unit-2024')
    const data = hebeiUnit2024()
    const computed = computeDisclosure(data, template, starterCatalogue(data.year))
    const tables = withPresentation(computed.tables, template)
    expect(tableOf(tables).presentation).toBeUndefined()
    const fixtures = tables.map(toFixtureTable)
    const t = tableOf(fixtures)
    const r = t.rows.findIndex((row) => row.slice(1).some((v) => typeof v === 'number' && v > 0))
    const c = t.rows[r]!.findIndex((v, i) => i > 0 && typeof v === 'number' && v > 0)
    t.rows[r]![c] = (t.rows[r]![c] as number) + 1
    const read = tablesFromFixture(fixtures, template, data.year)
    expect(read.across.size).toBe(0)
    const findings = validateTables(read.tables, template).filter((f) => f.table === KEY)
    expect(findings.length).toBeGreaterThan(0)
    const f = findings.find((x) => x.row === r && x.col === c)!
    expect(f.message).toContain(`「${f.rowLabel}」行「${t.columns[c]}」列`)
    expect(presentFindings(findings, read.tables)).toEqual(findings)
  })

  it('a printed Henan workbook with a wrong 合计: the report names the sheet cell of 合计 in the 预算数 row', async () => {
    const { template, data, tables } = derived('henan-dept-2023')
    const fixtures = tables.map(toFixtureTable)
    tableOf(fixtures).rows[0]![1] = 3.3
    const book = await writeXlsx({ department: data.department, year: data.year, tables: fixtures, template })
    const parsed = parseWorkbook(await loadWorkbook(book), { candidates: ALL })
    expect(parsed.template.id).toBe('henan-dept-2023')
    expect(tableOf(parsed.tables.map((p) => p.table))).toEqual(tableOf(fixtures))
    const { report } = validateParsed(parsed, starterCatalogue(2023))
    const f = report.findings.find((x) => x.rule === 'three_public.parent')
    // title, caption, two header rows, 栏次: the 预算数 row is row 6; A 序号, B 项目, C 合计
    expect(f).toMatchObject({ severity: 'error', sheet: '一般公共预算“三公”经费支出表', cell: 'C6', rowLabel: '预算数', column: '合计' })
  })

  it('a Henan table printed the old way (vertical, as stored before the template printed it across) still reads, and is printed across', async () => {
    const { template, data, computed } = derived('henan-dept-2023')
    const vertical = computed.tables.map(toFixtureTable)
    const read = tablesFromFixture(vertical, template, 2023)
    expect(read.findings).toEqual([])
    expect(tableOf(read.tables).rows).toEqual(tableOf(computed.tables).rows)
    expect(toFixtureTable(tableOf(read.tables)).rows).toEqual([['预算数', 2.3, null, 1.8, null, 1.8, 0.5]])
    // and a workbook printed the old way: the reader takes the column set its header matches
    const book = await writeXlsx({ department: data.department, year: data.year, tables: vertical, template })
    const parsed = parseWorkbook(await loadWorkbook(book), { candidates: ALL })
    expect(parsed.findings).toEqual([])
    expect(tableOf(parsed.tables.map((p) => p.table))).toEqual(tableOf(vertical))
    const { report, tables } = validateParsed(parsed, starterCatalogue(2023))
    expect(report.summary.error).toBe(0)
    expect(tableOf(tables).rows).toEqual(tableOf(computed.tables).rows)
  })
})

describe('the document prints the 三公 table across', () => {
  function henanDocument() {
    const { data, tables } = derived('henan-dept-2023')
    const notes = parseStoredNotes({ duties: { intro: '获嘉县医疗保障局主要职责是：', items: ['贯彻执行医疗保障法律法规和政策。'] } })
    return assembleDocument({
      year: 2023,
      department: { code: '127', name: '获嘉县医疗保障局' },
      data,
      tables,
      notes,
      priorSystem: null,
      glossary: defaultGlossary(),
      targets: { overall: null, projects: [] },
      amountUnit: '万元',
      region: { name: '获嘉县', province: '河南省', financeBureau: '获嘉县财政局' },
      status: 'draft',
      dateLine: '',
    })
  }

  it('HTML: the grouped header — 公务用车购置及运行费 over 小计 / 公务用车购置费 / 公务用车运行费 — and the 预算数 row', () => {
    const model = henanDocument()
    expect(tableOf(model.tables.map((t) => t.table)).rows).toEqual([['预算数', 2.3, null, 1.8, null, 1.8, 0.5]])
    const html = renderHtml(model)
    const start = html.indexOf(`data-table="${KEY}"`)
    expect(start).toBeGreaterThan(0)
    const part = html.slice(start, html.indexOf('</table>', start))
    expect(part).toContain('<th scope="colgroup" colspan="3">公务用车购置及运行费</th>')
    for (const h of ['小计', '公务用车购置费', '公务用车运行费']) expect(part).toContain(`>${h}</th>`)
    expect(part).toMatch(/rowspan="2"[^>]*>合计<\/th>/)
    expect(part).toContain('>预算数<')
    expect(part.match(/<tr/g)!.length).toBe(2 + 1 + 1) // two header rows, 栏次, one data row
  })

  it('PDF: the 预算数 row holds the amounts of 合计, 小计, 公务用车运行费 and 公务接待费 on one line, under the grouped header', async () => {
    const model = henanDocument()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'three-public-'))
    const file = path.join(dir, 'henan.pdf')
    fs.writeFileSync(file, await renderPdf(model))
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f')
    const page = pages.find((p) => p.includes('一般公共预算“三公”经费支出表') && p.includes('公务用车购置及运行费'))!
    expect(page).toBeTruthy()
    const lines = page.split('\n')
    const group = lines.findIndex((l) => l.includes('公务用车购置及运行费'))
    const sub = lines.findIndex((l, i) => i > group && /小计.*公务用车购置费.*公务用车运行费/.test(l.replace(/\s+/g, '')))
    const row = lines.findIndex((l) => l.includes('预算数'))
    expect(group).toBeGreaterThanOrEqual(0)
    expect(sub).toBeGreaterThan(group)
    expect(row).toBeGreaterThan(sub)
    expect(lines[row]!.replace(/\s+/g, ' ')).toMatch(/预算数 2\.30 1\.80 1\.80 0\.50/)
  }, 60_000)
})
