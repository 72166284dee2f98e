/**
 * The workbook import report of a 三公 table printed across (docs/decisions/010-table-orientation.md):
 * a wrong figure is reported at the sheet cell that prints it, whichever way the sheet prints the table
 * (upright, the old way, or across), with the row and column as printed; the reader says which tables
 * it read across.
 */
import { describe, expect, it } from 'vitest'
import { findingsAsPrinted } from '@/lib/budget/present'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { validateTables } from '@/lib/budget/validate-tables'
import { starterCatalogue } from '@/lib/catalogue/files'
import type { RawWorkbook } from '@/lib/exchange/load-workbook'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { parseAddress } from '@/lib/exchange/text'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { ALL, derived, KEY, tableOf } from '../support/three-public'

describe('the import report locates a wrong 三公 figure in the sheet, whichever way the sheet prints the table', () => {
  const SHEET = '一般公共预算“三公”经费支出表'

  /** What the sheet shows at an A1 address. */
  function shown(raw: RawWorkbook, sheet: string, a1: string) {
    const at = parseAddress(a1)!
    return raw.sheets.find((s) => s.name === sheet)?.rows[at.row - 1]?.[at.col - 1]?.v
  }

  /** Writes the fixtures as a workbook, reads it back and validates it as the import does. */
  async function imported(fixtures: FixtureTable[]) {
    const { template, data } = derived('henan-dept-2023')
    const raw = await loadWorkbook(await writeXlsx({ department: data.department, year: data.year, tables: fixtures, template }))
    const parsed = parseWorkbook(raw, { candidates: ALL })
    expect(parsed.template.id).toBe('henan-dept-2023')
    expect(parsed.findings).toEqual([])
    const { report } = validateParsed(parsed, starterCatalogue(2023))
    const threePublic = report.findings.filter((f) => f.table === KEY)
    // every finding on the 三公 table names the cell that prints the figure it reports
    for (const f of threePublic) {
      expect(f.sheet).toBe(SHEET)
      if (f.actual !== null) expect(shown(raw, SHEET, f.cell!)).toBe(f.actual)
    }
    return { report, threePublic, raw }
  }

  it('printed upright (one row per item, the old way): the wrong 公务用车购置及运行费 subtotal is reported at its own cell, C7, in the item’s row and the 预算数 column', async () => {
    const { computed } = derived('henan-dept-2023')
    const fixtures = computed.tables.map(toFixtureTable)
    const t = tableOf(fixtures)
    expect(t.columns).toEqual(['项目', '预算数'])
    expect(t.rows[2]).toEqual(['二、公务用车购置及运行费', 1.8])
    t.rows[2]![1] = 2
    const { threePublic, raw } = await imported(fixtures)
    // title, caption, header, 栏次, then 合计 in row 5: the item's row is row 7; A 序号, B 项目, C 预算数
    expect(shown(raw, SHEET, 'B7')).toBe('二、公务用车购置及运行费')
    const car = threePublic.find((f) => f.rule === 'three_public.parent' && f.expected === 1.8)
    expect(car).toMatchObject({ severity: 'error', sheet: SHEET, cell: 'C7', rowLabel: '二、公务用车购置及运行费', column: '预算数', actual: 2 })
    expect(car!.message).toContain('「二、公务用车购置及运行费」行「预算数」列为 2.00')
    // the 合计 over it no longer adds up either: reported at the 合计 row's cell
    expect(threePublic.filter((f) => f.rule === 'three_public.parent').map((f) => [f.cell, f.rowLabel, f.column])).toEqual([
      ['C5', '合计', '预算数'],
      ['C7', '二、公务用车购置及运行费', '预算数'],
    ])
  })

  it('printed across (one 预算数 row, the items as columns): the wrong subtotal is reported at E6, in the 预算数 row and the 公务用车购置及运行费/小计 column', async () => {
    const { tables } = derived('henan-dept-2023')
    const fixtures = tables.map(toFixtureTable)
    const t = tableOf(fixtures)
    expect(t.columns[3]).toBe('公务用车购置及运行费/小计')
    t.rows[0]![3] = 2
    const { threePublic, raw } = await imported(fixtures)
    // title, caption, two header rows, 栏次: the 预算数 row is row 6; A 序号, B 项目, C 合计, D 因公出国（境）费, E 小计
    expect(shown(raw, SHEET, 'B6')).toBe('预算数')
    const car = threePublic.find((f) => f.rule === 'three_public.parent' && f.expected === 1.8)
    expect(car).toMatchObject({ severity: 'error', sheet: SHEET, cell: 'E6', rowLabel: '预算数', column: '公务用车购置及运行费/小计', actual: 2 })
    expect(car!.message).toContain('「预算数」行「公务用车购置及运行费/小计」列为 2.00')
    expect(car!.message).not.toContain('「二、公务用车购置及运行费」行')
    expect(threePublic.filter((f) => f.rule === 'three_public.parent').map((f) => [f.cell, f.rowLabel, f.column])).toEqual([
      ['C6', '预算数', '合计'],
      ['E6', '预算数', '公务用车购置及运行费/小计'],
    ])
  })

  it('the reader says which tables it read across, with the grid it read them from', () => {
    const { template, computed, tables } = derived('henan-dept-2023')
    expect(tablesFromFixture(computed.tables.map(toFixtureTable), template, 2023).across.size).toBe(0)
    const read = tablesFromFixture(tables.map(toFixtureTable), template, 2023)
    expect([...read.across.keys()]).toEqual([KEY])
    // printed upright or across, the table read carries the template's presentation and prints across
    expect(tableOf(tablesFromFixture(computed.tables.map(toFixtureTable), template, 2023).tables).presentation).toEqual(tableOf(read.tables).presentation)
  })

  it('a table printed across in its own order, with a column the template lacks: findings point at the columns as that table prints them', () => {
    const { template, tables } = derived('henan-dept-2023')
    const held = toFixtureTable(tableOf(tables))
    // 项目 | 公务接待费 | 备注 | 合计 | 因公出国（境）费 | 小计 | 公务用车购置费 | 公务用车运行费, 合计 wrong
    const order = [0, 6, -1, 1, 2, 3, 4, 5]
    const printed: FixtureTable = {
      ...held,
      columns: order.map((i) => (i < 0 ? '备注' : held.columns[i]!)),
      rows: held.rows.map((r) => order.map((i) => (i < 0 ? null : i === 1 ? 3.3 : r[i]!))),
    }
    const read = tablesFromFixture([printed], template, 2023)
    const findings = findingsAsPrinted([...read.findings, ...validateTables(read.tables, template)], read.across)
    expect(findings.find((f) => f.rule === 'table.column_unknown')).toMatchObject({ column: '备注' })
    const f = findings.find((x) => x.rule === 'three_public.parent')!
    expect(f).toMatchObject({ row: 0, col: 3, rowLabel: '预算数', column: '合计', actual: 3.3 })
    expect(printed.rows[f.row!]![f.col!]).toBe(3.3)
    expect(f.message).toContain('「预算数」行「合计」列为 3.30')
  })
})
