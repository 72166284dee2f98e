import { describe, expect, it } from 'vitest'
import { starterCatalogue } from '@/lib/catalogue/files'
import { catalogueFromEntries } from '@/lib/budget/catalogue'
import { codesFromNames, indentOf } from '@/lib/exchange/names-to-codes'
import { recogniseTables, validateRecognised } from '@/lib/exchange/recognise'
import { allTemplates } from './exchange-layouts-support'

const candidates = allTemplates()

/** A Shanghai 一般公共预算支出 table printed with names only: no code column. */
function grid(names: string[]) {
  const amounts = [16682825, 16682825, 465360, 16217465]
  return [
    ['2026年部门一般公共预算支出功能分类预算表'],
    ['上海市普陀区文化和旅游局', null, null, '单位：元'],
    ['功能分类科目名称', '合计', '基本支出', '项目支出'],
    ...names.map((n, i) => [n, amounts[i]!, amounts[i]!, null]),
    ['合计', 16682825, 16682825, null],
  ]
}
const expected = [
  ['208', '社会保障和就业支出', 16682825, 16682825, null],
  ['20805', '行政事业单位养老支出', 16682825, 16682825, null],
  ['2080501', '行政单位离退休', 465360, 465360, null],
  ['2080502', '事业单位离退休', 16217465, 16217465, null],
  [null, '合计', 16682825, 16682825, null],
]
const read = (names: string[]) => recogniseTables([{ name: 'Sheet4', cells: grid(names) }], { candidates, year: 2026, catalogue: starterCatalogue(2026) })

describe('a tree table printed with names only (no code column)', () => {
  it('indented names (ASCII or full-width spaces) read with their codes from the catalogue', () => {
    for (const pad of [' ', '\u3000']) {
      const parsed = read(['社会保障和就业支出', `${pad}${pad}行政事业单位养老支出`, `${pad.repeat(4)}行政单位离退休`, `${pad.repeat(4)}事业单位离退休`])
      const t = parsed.tables.find((p) => p.table.key === 'general_budget_expenditure')!
      expect(t.unreadable).toBeFalsy()
      expect(t.table.rows).toEqual(expected)
      expect(validateRecognised(parsed, starterCatalogue(2026)).report.findings.filter((f) => f.table === 'general_budget_expenditure')).toEqual([])
    }
  })

  it('names without indentation read by their order (类, then its 款, then its 项)', () => {
    const parsed = read(['社会保障和就业支出', '行政事业单位养老支出', '行政单位离退休', '事业单位离退休'])
    expect(parsed.tables.find((p) => p.table.key === 'general_budget_expenditure')!.table.rows).toEqual(expected)
  })

  it('a name that is not in the catalogue makes the table not understood, with one structural finding naming the row', () => {
    const parsed = read(['社会保障和就业支出', '行政事业单位养老支出', '离退休人员费用', '事业单位离退休'])
    const t = parsed.tables.find((p) => p.table.key === 'general_budget_expenditure')!
    expect(t.unreadable).toBe(true)
    const mine = parsed.findings.filter((f) => f.table === 'general_budget_expenditure')
    expect(mine).toHaveLength(1)
    expect(mine[0]!.severity).toBe('error')
    expect(mine[0]!.message).toContain('无法确定「2026年部门一般公共预算支出功能分类预算表」表第6行「离退休人员费用」的科目编码')
    expect(mine[0]!.cell).toBe('A6')
    // no arithmetic on a guess
    expect(validateRecognised(parsed, starterCatalogue(2026)).report.findings.filter((f) => f.table === 'general_budget_expenditure' && f.rule !== 'exchange.code_unresolved')).toEqual([])
  })

  it('a name under several parents, with no parent printed, is never guessed', () => {
    const parsed = read(['行政运行', '行政运行', '行政运行', '行政运行'])
    const mine = parsed.findings.filter((f) => f.table === 'general_budget_expenditure')
    expect(mine).toHaveLength(1)
    expect(mine[0]!.message).toContain('第4行「行政运行」的科目编码')
    expect(parsed.tables.find((p) => p.table.key === 'general_budget_expenditure')!.unreadable).toBe(true)
  })
})

describe('codesFromNames', () => {
  const cat = catalogueFromEntries(2026, [
    { kind: 'function', code: '201', name: '一般公共服务支出' },
    { kind: 'function', code: '20101', name: '人大事务' },
    { kind: 'function', code: '2010101', name: '行政运行' },
    { kind: 'function', code: '20103', name: '政府办公厅（室）及相关机构事务' },
    { kind: 'function', code: '2010301', name: '行政运行' },
    { kind: 'function', code: '20199', name: '其他一般公共服务支出' },
    { kind: 'function', code: '2019999', name: '其他一般公共服务支出' },
  ])
  const rows = (names: string[]) => names.map((raw) => ({ raw, name: raw.trim().replace(/^\u3000+/, ''), total: false }))

  it('a name under several 款 goes to the 款 printed above it', () => {
    expect(codesFromNames(rows(['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行', '人大事务', '行政运行']), cat, 'function')).toEqual({ codes: ['201', '20103', '2010301', '20101', '2010101'], unresolved: null })
  })
  it('a 项 named as its 款 is the 项 under that 款, the 款 after a 项 is its sibling', () => {
    expect(codesFromNames(rows(['一般公共服务支出', '其他一般公共服务支出', '其他一般公共服务支出', '人大事务']), cat, 'function').codes).toEqual(['201', '20199', '2019999', '20101'])
  })
  it('indentation decides the level', () => {
    expect(codesFromNames(rows(['一般公共服务支出', '  其他一般公共服务支出', '  人大事务', '    行政运行']), cat, 'function').codes).toEqual(['201', '20199', '20101', '2010101'])
  })
  it('an indented name not under its printed parent is not guessed', () => {
    expect(codesFromNames(rows(['一般公共服务支出', '  其他一般公共服务支出', '    行政运行']), cat, 'function').unresolved).toBe(2)
  })
  it('without a catalogue nothing is guessed', () => {
    expect(codesFromNames(rows(['一般公共服务支出']), undefined, 'function').unresolved).toBe(0)
  })
  it('counts full-width spaces as two', () => {
    expect(indentOf('\u3000 x')).toBe(3)
  })
})
