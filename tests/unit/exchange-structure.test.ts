import { describe, expect, it } from 'vitest'
import type ExcelJS from 'exceljs'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { recogniseTables, validateRecognised } from '@/lib/exchange/recognise'
import { validateParsed } from '@/lib/exchange/report'
import { allTemplates, readFixture } from './exchange-layouts-support'
import { editWorkbook, fixtureXlsx, sheetByTitle } from './exchange-support'

const candidates = allTemplates()

async function read(buf: Buffer, vocabulary?: Record<string, string[]>) {
  const parsed = parseWorkbook(await loadWorkbook(buf), { candidates, ...(vocabulary ? { vocabulary } : {}) })
  return { parsed, report: validateParsed(parsed, starterCatalogue(parsed.meta.year ?? 2023)).report }
}

/** The golden chengde workbook with a header cell of 部门预算收入总表 reworded. */
async function renamed(from: string, to: string): Promise<Buffer> {
  return editWorkbook(fixtureXlsx('chengde-2023'), (wb: ExcelJS.Workbook) => {
    const ws = sheetByTitle(wb, '部门预算收入总表')
    ws.eachRow((row) => row.eachCell((c) => void (c.value === from ? (c.value = to) : null)))
  })
}

describe('a table whose structure is not understood', () => {
  it('a column of figures under an unknown header: one structural finding naming the header cell, and no arithmetic on that table', async () => {
    const r = await read(await renamed('财政拨款收入', '财政资金拨入'))
    const onTable = r.report.findings.filter((f) => f.table === 'income_summary')
    expect(onTable).toHaveLength(1)
    expect(onTable[0]).toMatchObject({ rule: 'exchange.columns_unrecognised', severity: 'error', sheet: '部门预算收入总表', cell: 'F4' })
    expect(onTable[0]!.message).toBe('无法识别「部门预算收入总表」表的列：F4“本年收入/财政资金拨入”。请在导入预览中为这些列指定含义，或修改表头后重新上传')
    // the other tables are checked as usual: the 8 rounding differences outside 收入总表
    expect(r.report.summary).toEqual({ error: 1, warning: 0, rounding: 9 })
    // the preview says how each column was read
    const reading = r.parsed.tables.find((p) => p.table.key === 'income_summary')!.reading!
    expect(reading.columns.find((c) => c.cell === 'F4')).toEqual({ cell: 'F4', header: '本年收入/财政资金拨入', concept: null, label: null })
    expect(reading.columns.find((c) => c.cell === 'D4')).toMatchObject({ concept: 'total', label: '合计' })
    expect(reading.concepts.map((c) => c.id)).toContain('fiscal')
  })

  it('the user says what the column means (a vocabulary word for this reading): the table reads and checks exactly as the original', async () => {
    const r = await read(await renamed('财政拨款收入', '财政资金拨入'), { fiscal: ['本年收入财政资金拨入'] })
    expect(r.report.summary).toEqual({ error: 0, warning: 0, rounding: 11 })
    expect(r.parsed.tables.find((p) => p.table.key === 'income_summary')!.table).toEqual(readFixture('chengde-2023').tables.find((t) => t.key === 'income_summary'))
  })

  it('an unknown header with no figures under it (a 备注 column) is left out with a warning; the table is still checked', async () => {
    const buf = await editWorkbook(fixtureXlsx('chengde-2023'), (wb: ExcelJS.Workbook) => {
      const ws = sheetByTitle(wb, '部门预算收入总表')
      ws.getCell('O3').value = '备注'
      ws.getCell('O4').value = '备注'
      ws.getCell('O7').value = '含退休人员'
    })
    const r = await read(buf)
    expect(r.report.summary).toEqual({ error: 0, warning: 1, rounding: 11 })
    expect(r.report.findings.find((f) => f.rule === 'exchange.column_unknown')).toMatchObject({ sheet: '部门预算收入总表', cell: 'O4', column: '备注' })
  })

  it('a column the user says to ignore is left out without a finding', async () => {
    const buf = await editWorkbook(fixtureXlsx('chengde-2023'), (wb: ExcelJS.Workbook) => {
      const ws = sheetByTitle(wb, '部门预算收入总表')
      ws.getCell('O3').value = '核定数'
      ws.getCell('O7').value = 12.5
    })
    expect((await read(buf)).report.summary).toEqual({ error: 1, warning: 0, rounding: 9 })
    expect((await read(buf, { ignore: ['核定数'] })).report.summary).toEqual({ error: 0, warning: 0, rounding: 11 })
  })
})

describe('the pure core: a grid of cell strings and merged ranges from any source', () => {
  it('a Shanghai table given as text rows (as extracted from a PDF page) with merged headers reads by meaning', () => {
    const cells = [
      ['2026年部门一般公共预算支出功能分类预算表'],
      ['上海市普陀区文化和旅游局', null, null, null, null, '单位：元'],
      ['项目', null, null, null, '一般公共预算支出', null, null],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项', null, null, null, null],
      ['208', null, null, '社会保障和就业支出', '16682825', '16682825', null],
      [null, '05', null, '行政事业单位养老支出', '16682825', '16682825', null],
      [null, null, '01', '行政单位离退休', '465360', '465360', null],
      [null, null, '02', '事业单位离退休', '16217465', '16217465', null],
      ['合计', null, null, null, '16,682,825', '16682825', null],
    ]
    const merges = [
      { top: 2, left: 0, bottom: 2, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 6 },
      { top: 3, left: 0, bottom: 3, right: 2 },
      { top: 3, left: 3, bottom: 4, right: 3 },
      { top: 3, left: 4, bottom: 4, right: 4 },
      { top: 3, left: 5, bottom: 4, right: 5 },
      { top: 3, left: 6, bottom: 4, right: 6 },
      { top: 9, left: 0, bottom: 9, right: 3 },
    ]
    const parsed = recogniseTables([{ name: '第5页', cells, merges }], { candidates, year: 2026 })
    expect(parsed.template.id).toBe('shanghai-dept-2026')
    const t = parsed.tables.find((p) => p.table.key === 'general_budget_expenditure')!.table
    expect(t.amountUnit).toBe('元')
    expect(t.codeParts).toEqual(['项目/功能分类科目编码/类', '项目/功能分类科目编码/款', '项目/功能分类科目编码/项'])
    expect(t.rows).toEqual([
      ['208', '社会保障和就业支出', 16682825, 16682825, null],
      ['20805', '行政事业单位养老支出', 16682825, 16682825, null],
      ['2080501', '行政单位离退休', 465360, 465360, null],
      ['2080502', '事业单位离退休', 16217465, 16217465, null],
      [null, '合计', 16682825, 16682825, null],
    ])
    const findings = validateRecognised(parsed, starterCatalogue(2026)).report.findings.filter((f) => f.table === 'general_budget_expenditure')
    expect(findings).toEqual([])
  })
})
