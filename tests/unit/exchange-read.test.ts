import { describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { loadFixture, templateFor } from '../support/fixtures'
import { editWorkbook, fixtureXlsx, inYuan, setCell, sheetByTitle, tablesInYuan, variantWorkbook } from './exchange-support'

const candidates = [templateFor(2023), templateFor(2022)]

async function read(buf: Buffer, year?: number) {
  const parsed = parseWorkbook(await loadWorkbook(buf), { candidates, ...(year ? { year } : {}) })
  const { report } = validateParsed(parsed, starterCatalogue(parsed.meta.year ?? 2023))
  return { parsed, report, tables: JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table))) as FixtureTable[] }
}

const errorsOf = (r: Awaited<ReturnType<typeof read>>) => r.report.findings.filter((f) => f.severity === 'error')

describe('reading the golden workbooks', () => {
  it('chengde-2023.xlsx: the eleven tables of the fixture cell for cell, and exactly its 11 rounding differences, each located', async () => {
    const r = await read(fixtureXlsx('chengde-2023'))
    expect(r.tables).toEqual(loadFixture('chengde-2023').tables)
    expect(r.parsed.meta).toMatchObject({ department: { code: '447', name: '承德市医疗保障局' }, year: 2023, unit: '万元' })
    expect(r.parsed.template.id).toBe('hebei-dept-2023')
    expect(r.report.summary).toEqual({ error: 0, warning: 0, rounding: 11 })
    expect(r.report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rowLabel} | ${f.column}`).sort()).toEqual(
      [
        '部门预算收支总表!E37 本年支出合计 | 支出/预算数',
        '部门预算收入总表!D6 合计 | 合计',
        '部门预算收入总表!M6 合计 | 上年结转',
        '部门预算支出总表!D6 合计 | 合计',
        '部门预算支出总表!E6 合计 | 基本支出',
        '部门预算财政拨款收支总表!E37 本年支出合计 | 支出/合计',
        '部门预算财政拨款收支总表!F37 本年支出合计 | 支出/一般公共预算财政拨款',
        '部门预算一般公共预算财政拨款支出表!D6 合计 | 合计',
        '部门预算一般公共预算财政拨款支出表!E6 合计 | 基本支出',
        '部门预算一般公共预算财政拨款基本支出表!D6 合计 | 一般公共预算基本支出/合计',
        '部门预算一般公共预算财政拨款基本支出表!E6 合计 | 一般公共预算基本支出/人员经费',
      ].sort(),
    )
    // every finding carries the report's fields, with the printed figures
    expect(r.report.findings.find((f) => f.cell === 'D6' && f.sheet === '部门预算收入总表')).toMatchObject({ rule: 'tree.total', severity: 'rounding', table: 'income_summary', expected: 2350.49, actual: 2350.5 })
  })

  it('laoting-2022.xlsx: the fixture cell for cell, with the 2022 template, and no finding at all', async () => {
    const r = await read(fixtureXlsx('laoting-2022'))
    expect(r.tables).toEqual(loadFixture('laoting-2022').tables)
    expect(r.parsed.template.id).toBe('hebei-dept-2022')
    expect(r.parsed.meta).toMatchObject({ department: { code: '460', name: '乐亭县医疗保障局' }, year: 2022 })
    expect(r.report).toEqual({ findings: [], summary: { error: 0, warning: 0, rounding: 0 } })
  })

  it('a copy with one amount changed: an error located at that table and cell (and its parent), nothing else new', async () => {
    const r = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', 949.97))
    const errors = errorsOf(r)
    expect(errors.find((f) => f.sheet === '部门预算收入总表' && f.cell === 'D9')).toMatchObject({ rule: 'row.identity', table: 'income_summary', rowLabel: '2080109 社会保险经办机构', column: '合计', expected: 939.97, actual: 949.97 })
    expect(errors.find((f) => f.cell === 'D8')).toMatchObject({ rule: 'tree.parent', sheet: '部门预算收入总表' })
    expect(errors.every((f) => f.table !== null && f.sheet !== null && /^[A-Z]+\d+$/.test(f.cell ?? ''))).toBe(true)
  })
})

describe('what real exports vary, read to the same tables', () => {
  const cases: [string, Parameters<typeof variantWorkbook>[1]][] = [
    ['one header row, no 栏次, no 序号', { headerRows: 1, lanci: false, seq: false }],
    ['spacer rows and the header repeated at page breaks', { spacerEvery: 3, repeatHeaderEvery: 7 }],
    ['sheets named Sheet1…, in another order, behind a cover sheet', { sheetName: (_t, i) => `Sheet${i + 1}`, extraSheets: ['封面', '填报说明'], order: (ts) => [...ts].reverse() }],
    ['titles with the department and year in front, codes stored as numbers', { title: (t) => `承德市医疗保障局2023年${t.title}`, numericCodes: true }],
    ['no title rows at all: sheets named by the tables', { title: () => null }],
    ['every table in one sheet', { oneSheet: true }],
    ['amounts in 元', { unit: '元' }],
    ['department, year and unit in one cell', { metaOneCell: true, unit: '元' }],
  ]
  for (const [name, v] of cases) {
    it(name, async () => {
      const fx = loadFixture('chengde-2023')
      const r = await read(await variantWorkbook(fx, v))
      // tables named as printed; a 元 sheet is held in 元, exactly as printed
      const titled = fx.tables.map((t) => (v.title && v.title(t) !== null ? { ...t, title: v.title(t)! } : t))
      expect(r.tables).toEqual(v.unit === '元' ? tablesInYuan(titled, templateFor(2023), 2023) : titled)
      // in 元 the sheet's figures are exact: its 0.01 万元 differences are 100 元 apart, errors, not 尾差
      expect(r.report.summary).toEqual(v.unit === '元' ? { error: 11, warning: 0, rounding: 0 } : { error: 0, warning: 0, rounding: 11 })
      expect(r.parsed.meta).toMatchObject({ department: { code: '447', name: '承德市医疗保障局' }, year: 2023, unit: v.unit ?? '万元' })
    })
  }

  it('laoting-2022 (procurement with data, a lottery-fund table) in a one-row-header, 元, page-broken layout', async () => {
    const fx = loadFixture('laoting-2022')
    const r = await read(await variantWorkbook(fx, { headerRows: 1, unit: '元', repeatHeaderEvery: 5, spacerEvery: 4, seq: false }))
    expect(r.tables).toEqual(tablesInYuan(fx.tables, templateFor(2022), 2022))
    expect(r.report.findings).toEqual([])
  })

  it('the golden workbook with its amounts in 元 (× 10000, 单位：元) reads to the same tables', async () => {
    for (const name of ['chengde-2023', 'laoting-2022'] as const) {
      const r = await read(await inYuan(name))
      expect(r.parsed.meta.unit).toBe('元')
      const fx = loadFixture(name)
      expect(r.tables).toEqual(tablesInYuan(fx.tables, templateFor(fx.year), fx.year))
    }
  })

  it('an amount in 元 that is not a whole 0.01 万元 is kept exactly as printed, in 元: never rounded on the way in', async () => {
    const buf = await inYuan('chengde-2023', (yuan, where) => (where === '部门预算收入总表!D9' ? yuan + 50 : where === '部门预算收入总表!E9' ? yuan + 37 : yuan))
    const r = await read(buf)
    const rows = r.tables.find((t) => t.key === 'income_summary')!.rows[3]!
    expect(rows.slice(0, 4)).toEqual(['2080109', '社会保险经办机构', 9399750, 8943137])
    expect(r.report.findings.filter((f) => f.rule === 'exchange.amount_rounded')).toEqual([])
    // the edited cells disagree with their row and parent by whole 元: errors located at them
    expect(r.report.findings.filter((f) => f.severity === 'error' && f.sheet === '部门预算收入总表' && (f.cell === 'D9' || f.cell === 'E9')).length).toBeGreaterThan(0)
  })

  it('an amount finer than 0.01 of its sheet unit (分 of 分) is rounded half up and reported as a warning at its cell', async () => {
    const buf = await inYuan('chengde-2023', (yuan, where) => (where === '部门预算收入总表!D9' ? yuan + 0.005 : yuan))
    const r = await read(buf)
    const w = r.report.findings.filter((f) => f.rule === 'exchange.amount_rounded')
    expect(w.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected} ${f.actual}`)).toEqual(['部门预算收入总表!D9 warning 9399700.01 9399700.005'])
    expect(w[0]!.message).toContain('超过两位小数')
  })
})

describe('cells that are not what they should be, located', () => {
  it('text where an amount belongs: an error naming sheet, cell, row and column', async () => {
    const r = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', '九百三十九'))
    expect(errorsOf(r).find((f) => f.rule === 'exchange.not_amount')).toMatchObject({ sheet: '部门预算收入总表', cell: 'D9', table: 'income_summary', rowLabel: '2080109 社会保险经办机构', column: '合计' })
    expect(errorsOf(r).find((f) => f.rule === 'exchange.not_amount')!.message).toContain('工作表「部门预算收入总表」D9')
  })

  it('a formula with its saved result is read as that value (one warning naming the cells); one without a result is an error at its cell', async () => {
    const withResult = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', { formula: 'E9+M9', result: 939.97 } as never))
    expect(withResult.tables).toEqual(loadFixture('chengde-2023').tables)
    expect(withResult.report.findings.filter((f) => f.rule === 'exchange.formula')).toMatchObject([{ severity: 'warning', sheet: '部门预算收入总表', cell: 'D9' }])
    expect(withResult.report.summary.error).toBe(0)

    const noResult = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'D9', { formula: 'E9+M9' } as never))
    const e = errorsOf(noResult).find((f) => f.rule === 'exchange.formula_no_value')
    expect(e).toMatchObject({ sheet: '部门预算收入总表', cell: 'D9' })
    expect(e!.message).toContain('E9+M9')
  })

  it('a negative amount is an error at its cell', async () => {
    const r = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算财政拨款“三公”经费支出表', 'D14', -0.33))
    expect(errorsOf(r).find((f) => f.rule === 'amount.negative')).toMatchObject({ sheet: '部门预算财政拨款“三公”经费支出表', cell: 'D14', actual: -0.33 })
  })

  it('an unknown code is an error at the code cell, with the nearest known codes suggested', async () => {
    const r = await read(await setCell(fixtureXlsx('chengde-2023'), '部门预算收入总表', 'B9', '2080198'))
    const e = errorsOf(r).find((f) => f.rule === 'code.unknown')
    expect(e).toMatchObject({ sheet: '部门预算收入总表', cell: 'B9', table: 'income_summary' })
    expect(e!.message).toMatch(/2080198.*相近的科目/)
  })

  it('a missing table is an error naming the table', async () => {
    const r = await read(
      await editWorkbook(fixtureXlsx('chengde-2023'), (wb) => {
        wb.removeWorksheet(sheetByTitle(wb, '部门预算支出总表').id)
      }),
    )
    expect(errorsOf(r).filter((f) => f.rule === 'table.missing')).toMatchObject([{ table: 'expenditure_summary', sheet: null, cell: null, message: '缺少部门预算支出总表' }])
  })

  it('script and formula-injection text is kept as plain text, never interpreted', async () => {
    const xss = '<img src=x onerror=alert(1)>'
    const inj = '=HYPERLINK("http://evil.example","点我")'
    let buf = await setCell(fixtureXlsx('laoting-2022'), '部门政府采购预算', 'D7', xss)
    buf = await setCell(buf, '部门政府采购预算', 'F7', inj)
    const r = await read(buf)
    const row = r.tables.find((t) => t.key === 'procurement')!.rows[1]!
    expect(row[2]).toBe(xss)
    expect(row[4]).toBe(inj)
  })
})
