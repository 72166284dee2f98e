/**
 * Every shipped template, from lines to its workbook and back: the tables are derived from a budget's
 * lines through the template, written as a workbook in the template's layout by the exporter, read
 * back by the importer (which must recognise the layout among all shipped templates) and exported
 * again; both workbooks hold the same cells, and validation reports nothing but the 尾差 the derived
 * tables themselves have.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import type { FixtureTable } from '@/lib/budget/table'
import { withPresentation } from '@/lib/budget/present'
import { toFixtureTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'
import { familyOf, scopeOfTemplate, templateYear } from '@/lib/budget/template'
import { applyLabelEdits, editableLabels } from '@/lib/budget/template-labels'
import { parseTemplate } from '@/lib/budget/template-schema'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { hebeiUnit2024, henanDept2023, shanghaiDept2023 } from '../factories/template-layouts'

/** The budget each shipped template is exercised with; a template without one fails the suite. */
const BUDGETS: Record<string, () => BudgetData> = {
  'hebei-dept-2022': laoting2022,
  'hebei-dept-2023': chengde2023,
  'hebei-dept-2024': () => ({ ...chengde2023(), year: 2024 }),
  'hebei-unit-2024': () => hebeiUnit2024(),
  'henan-dept-2023': henanDept2023,
  'shanghai-dept-2023': shanghaiDept2023,
  'shanghai-dept-2026': () => ({ ...shanghaiDept2023(), year: 2026 }),
}

const ALL = shippedTemplateIds().map(shippedTemplate)

async function cellsOf(buf: Buffer): Promise<Record<string, (string | number | null)[][]>> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  const out: Record<string, (string | number | null)[][]> = {}
  for (const ws of wb.worksheets) {
    const rows: (string | number | null)[][] = []
    ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === undefined ? null : (v as string | number | null)))))
    out[ws.name] = rows
  }
  return out
}

function derive(id: string) {
  const template = shippedTemplate(id)
  const data = BUDGETS[id]!()
  const computed = computeDisclosure(data, template, starterCatalogue(data.year))
  // as the app prints them (computeFor): with the template's presentation (docs/decisions/010)
  return { template, data, computed, tables: withPresentation(computed.tables, template).map(toFixtureTable) }
}

describe('every shipped template round-trips a workbook in its layout and derives its tables from lines', () => {
  it('each shipped template has a budget to exercise it, and is a valid template', () => {
    expect(shippedTemplateIds().sort()).toEqual(Object.keys(BUDGETS).sort())
    for (const t of ALL) expect(parseTemplate(t)).toMatchObject({ ok: true })
  })

  for (const id of Object.keys(BUDGETS)) {
    it(`${id}: derived tables follow the template, import → export gives the same workbook`, async () => {
      const { template, data, computed, tables } = derive(id)
      // derived from lines, in the template's tables and titles; only 尾差 among the findings
      expect(tables.map((t) => t.title)).toEqual(template.tables.map((t) => t.title))
      expect(computed.findings.filter((f) => f.severity !== 'rounding')).toEqual([])
      const dept = data.department

      const first = await writeXlsx({ department: dept, year: data.year, tables, template })
      const parsed = parseWorkbook(await loadWorkbook(first), { candidates: ALL })
      expect(parsed.template.id).toBe(id)
      expect(parsed.meta).toMatchObject({ department: { code: dept.code, name: dept.name }, year: data.year, unit: '万元' })
      expect(parsed.findings).toEqual([])
      expect(JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table)))).toEqual(tables)

      const second = await writeXlsx({ department: dept, year: data.year, tables: parsed.tables.map((p) => p.table), template: parsed.template })
      expect(await cellsOf(second)).toEqual(await cellsOf(first))

      const { report } = validateParsed(parsed, starterCatalogue(data.year))
      expect(report.summary).toEqual({ error: 0, warning: 0, rounding: computed.findings.length })
    })
  }
})

const table = (tables: FixtureTable[], key: string) => tables.find((t) => t.key === key)!
const row = (t: FixtureTable, label: string) => t.rows.find((r) => r[0] === label || r[2] === label || r[1] === label)!

describe('the layouts print what their provinces print', () => {
  it('Hebei 2024 unit: titles start with 单位预算; 收支总表 has the five revenue rows, 人行科目 as item 三十一 and the 结转结余 rows', () => {
    const { template, tables } = derive('hebei-unit-2024')
    expect(familyOf(template)).toBe('hebei')
    expect(scopeOfTemplate(template)).toBe('unit')
    // 单位预算…表, and 单位政府采购预算 / 单位固定资产占用情况表 as the real unit export prints them (laiyuan-2024)
    expect(tables.every((t) => t.title.startsWith('单位预算') || ['单位政府采购预算', '单位固定资产占用情况表'].includes(t.title))).toBe(true)
    const s = table(tables, 'income_expenditure_summary')
    expect(s.rows.slice(0, 5).map((r) => r[0])).toEqual(['一、一般公共预算拨款收入', '二、政府性基金预算拨款收入', '三、国有资本经营预算拨款收入', '四、财政专户管理资金收入', '五、单位资金'])
    expect(s.rows[30]![2]).toBe('三十一、人行科目')
    expect(s.rows.slice(-3).map((r) => [r[0], r[2]])).toEqual([
      ['本年收入合计', '本年支出合计'],
      ['上年结转结余', '年终结转结余'],
      ['收入总计', '支出总计'],
    ])
  })

  it('Hebei 2024 unit: the 三公 合计 covers 会议费 and 培训费, the “三公”经费小计 does not — by the template’s sumOf, not by code', () => {
    const { template, tables } = derive('hebei-unit-2024')
    const t = table(tables, 'three_public_expenses')
    const v = (label: string) => Math.round((row(t, label)[1] as number) * 100)
    expect(v('合计')).toBe(v('“三公”经费小计') + v('四、会议费') + v('五、培训费'))
    expect(v('“三公”经费小计')).toBe(v('二、公务用车购置及运维费') + v('三、公务接待费'))
    expect(t.rows.map((r) => r[0])).toContain('其中：省属高校业务性会议费')
    const tt = template.tables.find((x) => x.kind === 'three_public')!
    expect(tt.kind === 'three_public' && tt.rows.find((r) => r.id === 'total')!.sumOf).toEqual(['subtotal', 'meeting', 'training'])
    // the same data through the department layout: its 合计 is the 小计 alone
    const dept = computeDisclosure(hebeiUnit2024(), shippedTemplate('hebei-dept-2023'), starterCatalogue(2024)).tables.map(toFixtureTable)
    const d = table(dept, 'three_public_expenses')
    expect(row(d, '合计')[1]).toBe(row(d, '“三公”经费小计')[1])
  })

  it('Hebei 2024 unit: project performance tables carry project code, 财政资金 / 其他资金, 资金用途 and a 3月底 … 12月底 plan', () => {
    const p = shippedTemplate('hebei-unit-2024').performance!.project!
    expect(p.fields.map((f) => f.label)).toEqual(['项目编码', '项目名称', '预算数/合计', '预算数/财政资金', '预算数/其他资金', '资金用途'])
    expect(p.spendingPlan).toMatchObject({ cumulative: true, points: [{ label: '3月底' }, { label: '6月底' }, { label: '10月底' }, { label: '12月底' }] })
  })

  it('Henan: the nine tables and the 部门（单位）整体绩效目标表 (预算11表) with its indicator tree; notes in three parts', () => {
    const { template, tables } = derive('henan-dept-2023')
    expect(tables.map((t) => t.title)).toEqual(['部门收支总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表'])
    const o = template.performance!.overall!
    expect(o.sections.map((s) => s.label)).toEqual(['年度履职目标', '年度主要任务', '预算情况'])
    expect(o.indicatorColumns).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '指标值说明'])
    expect(o.indicators).toEqual([
      { level1: '投入管理指标', level2: ['工作目标管理', '预算和财务管理', '绩效管理'] },
      { level1: '产出指标', level2: ['重点工作任务完成', '履职目标实现'] },
      { level1: '效益指标', level2: ['履职效益'] },
      { level1: '满意度', level2: ['满意度'] },
    ])
    const parts = template.notes!.parts
    expect(parts.map((p) => p.title)).toEqual(['第一部分 部门概况', '第二部分 {year}年部门预算情况说明', '第三部分 名词解释'])
    expect(parts[1]!.sections.map((s) => s.title.slice(0, 2))).toEqual(['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、'])
    expect(parts[1]!.sections.at(-1)!.items!.map((i) => i.label)).toEqual(['（一）机构运转经费', '（二）政府采购情况', '（三）国有资产占用情况', '（四）预算绩效管理情况'])
  })

  it('Shanghai: the nine district tables by name; 机关运行经费 is the 公用经费 of general basic expenditure, outside the “三公”经费合计', () => {
    const { tables } = derive('shanghai-dept-2023')
    expect(tables.map((t) => t.title)).toEqual([
      '财务收支预算总表',
      '收入预算总表',
      '支出预算总表',
      '财政拨款收支预算总表',
      '一般公共预算支出功能分类预算表',
      '政府性基金预算支出功能分类预算表',
      '国有资本经营预算支出功能分类预算表',
      '一般公共预算基本支出部门预算经济分类预算表',
      '“三公”经费和机关运行经费预算表',
    ])
    // printed across (docs/decisions/010): one 预算数 row, the items as columns
    const t = table(tables, 'three_public_expenses')
    const basic = table(tables, 'general_budget_basic_expenditure')
    const at = (label: string) => t.rows[0]![t.columns.indexOf(label)] as number
    expect(at('机关运行经费')).toBe(basic.rows[0]![4])
    const v = (label: string) => Math.round(at(label) * 100)
    expect(v('“三公”经费合计')).toBe(v('因公出国（境）费') + v('公务用车购置及运行费/小计') + v('公务接待费'))
  })

  it('Henan and Shanghai print the 三公 table across — one 预算数 row, the items as columns under a two-level header — and read it back into the vertical table the rules read', async () => {
    for (const id of ['henan-dept-2023', 'shanghai-dept-2023']) {
      const { template, data, computed, tables } = derive(id)
      const shanghai = id.startsWith('shanghai')
      const t = table(tables, 'three_public_expenses')
      const head = ['因公出国（境）费', '公务用车购置及运行费/小计', '公务用车购置及运行费/公务用车购置费', '公务用车购置及运行费/公务用车运行费', '公务接待费']
      expect(t.columns).toEqual(['项目', shanghai ? '“三公”经费合计' : '合计', ...head, ...(shanghai ? ['机关运行经费'] : [])])
      expect(t.rows.map((r) => r[0])).toEqual(['预算数'])
      // the same figures as the table the kernel holds (vertical, rows by id)
      const held = computed.tables.find((x) => x.key === 'three_public_expenses')!
      expect(held.columns.map((c) => c.label)).toEqual(['项目', '预算数'])
      const ids = ['total', 'abroad', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception', ...(shanghai ? ['operating'] : [])]
      expect(held.meta.map((m) => (m.kind === 'fixed' ? m.id : ''))).toEqual(ids)
      expect(t.rows[0]!.slice(1)).toEqual(held.rows.map((r) => (r[1] === null ? null : (r[1] as number) / 100)))

      // the sheet: 序号 and the items in two header rows, 公务用车购置及运行费 merged over its three columns, 栏次, one row
      const book = await writeXlsx({ department: data.department, year: data.year, tables, template })
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(book as unknown as ArrayBuffer)
      const ws = wb.worksheets.find((w) => w.getCell(1, 1).value === t.title)!
      const text = (r: number) => Array.from({ length: t.columns.length + 1 }, (_, c) => ws.getCell(r, c + 1).value)
      expect(text(3)).toEqual(['序号', '项目', shanghai ? '“三公”经费合计' : '合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置及运行费', '公务用车购置及运行费', '公务接待费', ...(shanghai ? ['机关运行经费'] : [])])
      expect(text(4).slice(4, 7)).toEqual(['小计', '公务用车购置费', '公务用车运行费'])
      expect((ws.model as unknown as { merges: string[] }).merges).toEqual(expect.arrayContaining(['E3:G3', 'A3:A4', 'B3:B4', 'H3:H4']))
      expect(text(5)).toEqual(['栏次', ...t.columns.map((_, i) => i + 1)])
      expect(text(6).slice(0, 2)).toEqual([1, '预算数'])
      expect(ws.getCell(7, 2).value).toBe(shanghai ? '注：机关运行经费为一般公共预算基本支出中的公用经费。' : null)

      // read back: the vertical table again, cell for cell, and nothing to report
      const parsed = parseWorkbook(await loadWorkbook(book), { candidates: ALL })
      const { tables: read, report } = validateParsed(parsed, starterCatalogue(data.year))
      const back = read.find((x) => x.key === 'three_public_expenses')!
      expect({ ...back, presentation: undefined }).toEqual({ ...held, presentation: undefined })
      expect(report.findings.filter((f) => f.table === 'three_public_expenses')).toEqual([])
    }
  })

  it('the Hebei layouts keep every table as the kernel holds it: nothing turned, the fixture format as before', () => {
    for (const id of ALL.map((t) => t.id).filter((x) => x.startsWith('hebei'))) {
      const { computed, tables } = derive(id)
      expect(withPresentation(computed.tables, shippedTemplate(id))).toEqual(computed.tables)
      expect(computed.tables.some((t) => t.presentation)).toBe(false)
      expect(tables).toEqual(computed.tables.map(toFixtureTable))
    }
  })

  it('template years come from their keys, and each family has its own templates', () => {
    expect(ALL.map((t) => [t.id, familyOf(t), scopeOfTemplate(t), templateYear(t.id)])).toEqual([
      ['hebei-dept-2022', 'hebei', 'department', 2022],
      ['hebei-dept-2023', 'hebei', 'department', 2023],
      ['hebei-dept-2024', 'hebei', 'department', 2024],
      ['hebei-unit-2024', 'hebei', 'unit', 2024],
      ['henan-dept-2023', 'henan', 'department', 2023],
      ['shanghai-dept-2023', 'shanghai', 'department', 2023],
      ['shanghai-dept-2026', 'shanghai', 'department', 2026],
    ])
    const t: Template = shippedTemplate('hebei-dept-2023')
    expect(t.unitBreakdown?.key).toBe('expenditure_by_unit')
  })

  it('an admin renames the 部门支出分单位 table like any other; the renamed template stays valid', () => {
    const t = shippedTemplate('hebei-dept-2024')
    const group = editableLabels(t).at(-1)!
    expect(group.table).toBe('部门预算支出分单位表')
    expect(group.labels.map((l) => l.path)).toContain('unitBreakdown.columns.6.label')
    const renamed = applyLabelEdits(t, { 'unitBreakdown.title': '部门预算支出分单位情况表', 'unitBreakdown.columns.6.label': '项目支出合计' })
    expect(parseTemplate(renamed)).toMatchObject({ ok: true })
    expect(renamed.unitBreakdown!.title).toBe('部门预算支出分单位情况表')
    expect(() => applyLabelEdits(t, { 'unitBreakdown.kind': 'x' })).toThrow('不可修改的位置')
  })
})
