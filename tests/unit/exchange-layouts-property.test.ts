import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { shippedTemplate } from '@/lib/templates/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import type { AnyFixture, Layout } from './exchange-layouts-support'
import { allTemplates, printBudget } from './exchange-layouts-support'

const candidates = allTemplates()
const template = shippedTemplate('hebei-dept-2023')
const NAMES = ['一般公共服务支出', '行政运行', '教育支出', '社会保障和就业支出', '卫生健康支出', '医疗保障管理事务', '住房保障支出', '其他支出', '事业运行', '机关服务']

/** A random 一般公共预算财政拨款支出表: 类/款/项 codes, 基本 and 项目 amounts at the 项, every parent and the 合计 summed exactly. */
const budget = fc
  .record({
    classes: fc.uniqueArray(fc.integer({ min: 201, max: 232 }), { minLength: 1, maxLength: 3 }),
    shape: fc.array(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 5_000_000_00 }), fc.integer({ min: 0, max: 900_000_00 })), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
    unit: fc.constantFrom<'万元' | '元'>('万元', '元'),
  })
  .map(({ classes, shape, unit }) => {
    const rows: (string | number | null)[][] = []
    const total = [0, 0]
    const n = (h: number) => h / 100
    classes.forEach((c, ci) => {
      const kuans = shape[ci]!
      const cls = [0, 0]
      const kuanRows: (string | number | null)[][][] = []
      kuans.forEach((items, ki) => {
        const kc = `${c}${String(ki + 1).padStart(2, '0')}`
        const k = [0, 0]
        const itemRows = items.map(([b, p], ii) => {
          k[0]! += b
          k[1]! += p
          return [`${kc}${String(ii + 1).padStart(2, '0')}`, NAMES[(ci + ki + ii) % NAMES.length]!, n(b + p), n(b), n(p)]
        })
        cls[0]! += k[0]!
        cls[1]! += k[1]!
        kuanRows.push([[kc, NAMES[(ki + 3) % NAMES.length]!, n(k[0]! + k[1]!), n(k[0]!), n(k[1]!)], ...itemRows])
      })
      total[0]! += cls[0]!
      total[1]! += cls[1]!
      rows.push([String(c), NAMES[ci % NAMES.length]!, n(cls[0]! + cls[1]!), n(cls[0]!), n(cls[1]!)], ...kuanRows.flat())
    })
    rows.unshift([null, '合计', n(total[0]! + total[1]!), n(total[0]!), n(total[1]!)])
    const t: FixtureTable = { key: 'general_budget_expenditure', title: '部门预算一般公共预算财政拨款支出表', columns: ['功能分类科目/科目编码', '功能分类科目/科目名称', '合计', '基本支出', '项目支出'], rows, ...(unit === '元' ? { amountUnit: '元' as const } : {}) }
    return { t, unit }
  })

const layout = fc.record<Omit<Layout, 'unit'>>({
  codes: fc.constantFrom('joined', 'split', 'split-own', 'combined'),
  total: fc.constantFrom('first', 'last'),
  seq: fc.boolean(),
  lanci: fc.boolean(),
  headerRows: fc.constantFrom(1, 2, 3),
  sheetNames: fc.constantFrom('title', 'numbered', 'biao', 'sheet'),
  titlePrefix: fc.constantFrom('', '表N ', 'N.'),
  pageBreakEvery: fc.constantFrom(0, 3, 7),
  spacerEvery: fc.constantFrom(0, 2, 5),
  metaOneCell: fc.boolean(),
  extraSheets: fc.boolean(),
})

describe('random budgets printed in random combinations of layouts', () => {
  it('read back exactly, in their unit, with no arithmetic finding', async () => {
    await fc.assert(
      fc.asyncProperty(budget, layout, async ({ t, unit }, L) => {
        const fx: AnyFixture = { department: { code: '447', name: '承德市医疗保障局' }, year: 2023, amountUnit: unit, tables: [t] }
        const p = await printBudget(fx, [t], template, { ...L, unit })
        const parsed = parseWorkbook(await loadWorkbook(p.buffer), { candidates, year: 2023 })
        expect(parsed.tables.map((x) => x.table)).toEqual(p.expected)
        const onTable = validateParsed(parsed, undefined).report.findings.filter((f) => f.table === 'general_budget_expenditure' || f.rule.startsWith('exchange.'))
        expect(onTable).toEqual([])
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
