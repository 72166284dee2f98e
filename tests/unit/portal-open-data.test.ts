import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import { toFixtureTable } from '@/lib/budget/table'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import type { OpenDataDisclosure } from '@/lib/portal/datapackage'
import { buildDatapackage, csvField, expenditureCsv, revenueCsv, tablesCsv } from '@/lib/portal/datapackage'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { templateFor } from '../support/fixtures'

function openData(data: BudgetData, region = { code: '130800', name: '承德市', province: '河北省' }): OpenDataDisclosure {
  const tables = computeDisclosure(data, templateFor(data.year), starterCatalogue(data.year)).tables.map(toFixtureTable)
  return {
    region,
    department: data.department,
    year: data.year,
    revision: 1,
    publishedAt: '2023-02-16T00:00:00.000Z',
    units: data.units.map((u) => ({ code: u.code, name: u.name })),
    projects: data.projects.map((p) => ({ code: p.code, name: p.name })),
    expenditure: data.expenditure.map((l) => ({ ...l, projectCode: l.projectCode ?? null })),
    revenue: data.revenue,
    tables,
  }
}
const records = (csv: string) => parse(csv, { columns: true, bom: true }) as Record<string, string>[]
const sumYuan = (rows: Record<string, string>[]) => formatYuan(rows.reduce((a, r) => a + parseAmount(r.amount!, '元'), 0))

describe('Fiscal Data Package', () => {
  const cat = (y: number) => starterCatalogue(y)

  it('expenditure.csv: one row per line, classifications at every level with names, amounts in 元 that add up', () => {
    const d = openData(chengde2023())
    const rows = records(expenditureCsv([d], cat))
    expect(rows).toHaveLength(d.expenditure.length)
    const first = rows[0]!
    expect(first).toMatchObject({ fiscal_year: '2023', department_code: '447', department_name: '承德市医疗保障局', function_class_code: '208', function_class_name: '社会保障和就业支出', function_section_code: first.function_code!.slice(0, 5), function_code: '2080109' })
    expect(first.function_name).not.toBe('')
    expect(first.economic_class_code).toBe(first.economic_code!.slice(0, 3))
    expect(first.economic_class_name).toBe('工资福利支出')
    expect(rows.every((r) => r.unit_name !== '' && r.fund_name !== '' && r.category_name !== '')).toBe(true)
    expect(rows.filter((r) => r.category === 'project').every((r) => r.project_name !== '')).toBe(true)
    // the lines add up to the printed 支出合计 2350.50 万元 (exactly 23505020.00 元 before rounding)
    expect(sumYuan(rows)).toBe(formatYuan(d.expenditure.reduce((a, l) => a + l.amount, 0)))
    expect(Math.round(parseAmount(sumYuan(rows), '元') / 10_000)).toBe(235050)
  })

  it('revenue.csv and tables.csv parse back; table amounts are printed 万元 with two decimals', () => {
    const d = openData(laoting2022(), { code: '130225', name: '乐亭县', province: '河北省' })
    expect(records(revenueCsv([d], cat))).toHaveLength(d.revenue.length)
    const cells = records(tablesCsv([d]))
    const total = cells.find((c) => c.table_key === 'expenditure_summary' && c.row_label === '合计' && c.column_label === '合计')
    expect(total?.value).toMatch(/^\d+\.\d{2}$/)
    expect(new Set(cells.map((c) => c.table_key)).size).toBeGreaterThanOrEqual(9)
  })

  it('region packages hold every department, rows tell them apart', () => {
    const a = openData(chengde2023())
    const b = { ...openData({ ...chengde2023(), department: { code: '448', name: '承德市另一局' } }), revision: 2 }
    const rows = records(expenditureCsv([a, b], cat))
    expect(new Set(rows.map((r) => `${r.department_code}:${r.revision}`))).toEqual(new Set(['447:1', '448:2']))
  })

  it('datapackage.json of a unit’s own 单位预算: titled and sourced by the unit, pointing at the unit’s page', () => {
    const d = { ...openData(chengde2023()), unit: { code: '447001', name: '承德市医疗保障局本级' } }
    const pkg = buildDatapackage({ kind: 'disclosure', code: '447001', name: '承德市医疗保障局本级', year: 2023, level: 'unit' }, [d], 'http://localhost/disclosures/447001/2023')
    expect(pkg.title).toBe('承德市医疗保障局本级 2023 年单位预算')
    expect(pkg.sources).toEqual([{ title: '河北省承德市 447001 承德市医疗保障局本级 2023 年单位预算信息公开（第 1 版，2023-02-16 公开）', path: '/disclosures/447001/2023' }])
  })

  it('datapackage.json: fiscal profile, relative CSV resources whose schema lists every column, functional and economic dimensions over real fields', () => {
    const d = openData(chengde2023())
    const pkg = buildDatapackage({ kind: 'disclosure', code: '447', name: '承德市医疗保障局', year: 2023 }, [d], 'http://localhost/disclosures/447/2023')
    expect(pkg.profile).toBe('fiscal-data-package')
    expect(pkg.name).toMatch(/^[-a-z0-9._/]+$/)
    expect(pkg.fiscalPeriod).toEqual({ start: '2023-01-01', end: '2023-12-31' })
    expect(pkg.resources.map((r) => r.path)).toEqual(['expenditure.csv', 'revenue.csv', 'tables.csv'])
    const header = (csv: string) => csv.split('\r\n')[0]!.split(',')
    expect(pkg.resources[0]!.schema.fields.map((f) => f.name)).toEqual(header(expenditureCsv([d], cat)))
    expect(pkg.resources[1]!.schema.fields.map((f) => f.name)).toEqual(header(revenueCsv([d], cat)))
    expect(pkg.resources[2]!.schema.fields.map((f) => f.name)).toEqual(header(tablesCsv([d])))
    const dims = pkg.model.dimensions
    expect(dims['functional-classification'].classificationType).toBe('functional')
    expect(dims['economic-classification'].classificationType).toBe('economic')
    const fields = new Set(pkg.resources[0]!.schema.fields.map((f) => f.name))
    for (const dim of Object.values(dims)) for (const attr of Object.values(dim.attributes)) expect(fields.has((attr as { source: string }).source)).toBe(true)
    expect(fields.has(pkg.model.measures.amount.source)).toBe(true)
    expect(pkg.model.measures.amount.currency).toBe('CNY')
  })

  it('CSV fields with commas, quotes and line breaks are quoted (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('说"明"')).toBe('"说""明"""')
    expect(csvField('两行\n文字')).toBe('"两行\n文字"')
    expect(csvField(null)).toBe('')
    expect(csvField(12)).toBe('12')
    const d = openData({ ...chengde2023(), department: { code: '447', name: '承德市医疗保障局, "测试"' } })
    expect(records(expenditureCsv([d], cat))[0]!.department_name).toBe('承德市医疗保障局, "测试"')
  })
})
