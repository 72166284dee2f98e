/**
 * The Hebei unit layout prints one 上年结转结余 column in its 政府采购 table where the department layout
 * prints 财政拨款结转 and 非财政拨款结转结余: the column is the whole carry-over, so a purchase funded
 * partly from non-fiscal carry-over adds up, and export → import gives back the same table.
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { withPresentation } from '@/lib/budget/present'
import { toFixtureTable } from '@/lib/budget/table'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { hebeiUnit2024 } from '../factories/template-layouts'

const ALL = shippedTemplateIds().map(shippedTemplate)

function withPurchases(): BudgetData {
  const data = hebeiUnit2024()
  const p1 = data.projects[0]!.code
  data.procurement = [
    // 3 000.00 元 fiscal carry-over + 2 000.00 元 non-fiscal carry-over + 10 000.00 元 一般公共预算
    { projectCode: p1, itemName: '服务器', catalogueCode: 'A02010103', unit: '台', quantity: '3', unitPrice: 500_000, amounts: { general: 1_000_000, carryover_fiscal: 300_000, carryover_other: 200_000 } },
    { projectCode: p1, itemName: '网络安全等级保护测评', catalogueCode: 'C16070000', unit: '项', quantity: '1', unitPrice: 150_000, amounts: { carryover_other: 150_000 } },
  ]
  return data
}

describe('unit 政府采购 table: 上年结转结余 is the whole carry-over', () => {
  it('derived from items: the column holds fiscal and non-fiscal carry-over, each row adds up, no finding', () => {
    const template = shippedTemplate('hebei-unit-2024')
    const data = withPurchases()
    const computed = computeDisclosure(data, template, starterCatalogue(2024))
    const t = computed.tables.find((x) => x.key === 'procurement')!
    const carry = t.columns.findIndex((c) => c.label.endsWith('上年结转结余'))
    const total = t.columns.findIndex((c) => c.id === 'total')
    expect(t.columns[carry]!.id).toBe('fund:carryover')
    // hundredths of 万元: the 合计 row, then each item
    expect(t.rows.map((r) => [r[total], r[carry]])).toEqual([
      [165, 65],
      [150, 50],
      [15, 15],
    ])
    expect(computed.findings.filter((f) => f.table === 'procurement')).toEqual([])
  })

  it('the department layout still prints the two carry-overs apart', () => {
    const computed = computeDisclosure({ ...withPurchases(), year: 2023 }, shippedTemplate('hebei-dept-2023'), starterCatalogue(2023))
    const t = computed.tables.find((x) => x.key === 'procurement')!
    const at = (id: string) => t.rows[0]![t.columns.findIndex((c) => c.id === id)]
    expect([at('fund:carryover_fiscal'), at('fund:carryover_other'), at('total')]).toEqual([30, 35, 165])
    expect(computed.findings.filter((f) => f.table === 'procurement')).toEqual([])
  })

  it('export → import: the same table read back, no false finding', async () => {
    const template = shippedTemplate('hebei-unit-2024')
    const data = withPurchases()
    const computed = computeDisclosure(data, template, starterCatalogue(2024))
    const tables = withPresentation(computed.tables, template).map(toFixtureTable)
    const xlsx = await writeXlsx({ department: data.department, year: 2024, tables, template, level: 'unit' })
    const parsed = parseWorkbook(await loadWorkbook(xlsx), { candidates: ALL })
    expect(parsed.template.id).toBe('hebei-unit-2024')
    const back = JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table)))
    expect(back.find((t: { key: string }) => t.key === 'procurement')).toEqual(tables.find((t) => t.key === 'procurement'))
    const { report } = validateParsed(parsed, starterCatalogue(2024))
    expect(report.findings.filter((f) => f.table === 'procurement')).toEqual([])
    expect(report.summary.error).toBe(0)
  })
})
