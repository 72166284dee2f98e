/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表, template.performance.overall): the overall target's
 * schema (Hebei data unchanged), the rules of its indicator tree (rule id, Chinese message, location),
 * 预算情况 derived from the tables and lines, and the printed rows.
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { parseAmount, printed, toPrinted } from '@/lib/budget/money'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { overallGrid } from '@/lib/document/table-cells'
import { validateOverallTarget } from '@/lib/performance/overall'
import { overallBudget, REVENUE_NATURE } from '@/lib/performance/overall-budget'
import { renderOverall } from '@/lib/performance/render'
import type { TOverallTarget } from '@/lib/performance/schemas'
import { overallTargetSchema, ZOverallTarget } from '@/lib/performance/schemas'
import { overallTargetData, overallTargetOf } from '@/lib/performance/server/rows'
import { chengde2023Overall } from '../../prisma/demo/notes-chengde-2023'
import { laoting2022Overall } from '../../prisma/demo/notes-laoting-2022'
import { henanOverall2023 } from '../factories/henan-performance'
import { henanDept2023 } from '../factories/template-layouts'

const template = shippedTemplate('henan-dept-2023')
const layout = template.performance!.overall!
const henan = (): TOverallTarget => ZOverallTarget.parse(henanOverall2023())
const row = (t: TOverallTarget) => ({ id: 'x', disclosureId: 'd', position: -1, fiscalFunds: null, otherFunds: null, purpose: null, spendingPlan: {}, createdAt: new Date(), updatedAt: new Date(), ...overallTargetData(t) }) as unknown as Parameters<typeof overallTargetOf>[0]

describe('the overall target’s schema', () => {
  it('keeps the Hebei overall targets valid and unchanged: no tasks, no indicator rows, the same paragraphs', () => {
    for (const input of [chengde2023Overall(), laoting2022Overall()]) {
      const t = ZOverallTarget.parse(input)
      expect(t.tasks).toEqual([])
      expect(t.indicators).toEqual([])
      expect(t).toMatchObject(input)
      expect(overallTargetSchema(undefined).safeParse(t).success).toBe(true)
      // a row saved before the 预算11表 existed (no tasks in extra) reads back the same
      const legacy = { ...row(t), indicators: [], extra: { subTargets: t.subTargets, measures: t.measures } }
      expect(overallTargetOf(legacy as never)).toEqual(t)
    }
  })

  it('stores the 预算11表 (年度履职目标 as goals, tasks and indicators) and reads it back', () => {
    const t = henan()
    expect(overallTargetOf(row(t))).toEqual(t)
    expect(t.indicators[0]).toEqual({ level1: '产出指标', level2: '重点工作任务完成', level3: '定点医药机构检查覆盖率', value: '100%', note: '全年对辖区定点医药机构检查全覆盖' })
  })
})

describe('the rules of the 预算11表', () => {
  it('a complete table by the template’s tree has no finding', () => {
    expect(validateOverallTarget(henan(), layout)).toEqual([])
    expect(overallTargetSchema(layout).safeParse(henanOverall2023()).success).toBe(true)
  })

  it('a 一级 the template does not have, and a 二级 under the wrong 一级, are errors at their row and field', () => {
    const t = henan()
    t.indicators[1] = { ...t.indicators[1]!, level1: '产出指标', level2: '预算和财务管理' }
    t.indicators[3] = { ...t.indicators[3]!, level1: '成本指标' }
    const f = validateOverallTarget(t, layout)
    expect(f.map((x) => [x.rule, x.severity, x.overall])).toEqual([
      ['perf.overall_level2_parent', 'error', { part: 'indicators', row: 1, field: 'level2' }],
      ['perf.overall_level1_unknown', 'error', { part: 'indicators', row: 3, field: 'level1' }],
    ])
    expect(f[0]!.message).toBe('年度绩效指标第 2 行（三级指标“预算执行率”）：二级指标“预算和财务管理”不属于一级指标“产出指标”，它属于“投入管理指标”；“产出指标”下的二级指标为：重点工作任务完成、履职目标实现')
    expect(f[1]!.message).toBe('年度绩效指标第 4 行（三级指标“城乡居民参保率”）：一级指标“成本指标”不是模板规定的一级指标（投入管理指标、产出指标、效益指标、满意度）')
    // the form's and the server's schema: the same messages at indicators.1.level2 and indicators.3.level1
    const r = overallTargetSchema(layout).safeParse(t)
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['indicators.1.level2', f[0]!.message],
      ['indicators.3.level1', f[1]!.message],
    ])
  })

  it('a row without 三级 name or 指标值, and a task without a name, are errors; what is missing altogether is a warning', () => {
    const t = henan()
    t.indicators[0] = { ...t.indicators[0]!, level3: '', value: '' }
    t.tasks.push({ name: '', content: '做好医保政策宣传' })
    expect(validateOverallTarget(t, layout).map((x) => [x.rule, x.severity, x.message, x.overall.row ?? null, x.overall.field ?? null])).toEqual([
      ['perf.overall_task_name', 'error', '年度主要任务第 3 行未填写任务名称', 2, 'name'],
      ['perf.overall_level3_missing', 'error', '年度绩效指标第 1 行未填写三级指标', 0, 'level3'],
      ['perf.overall_value_missing', 'error', '年度绩效指标第 1 行未填写指标值', 0, 'value'],
    ])
    const empty = ZOverallTarget.parse({ indicators: [henanOverall2023().indicators![0]] })
    expect(validateOverallTarget(empty, layout).map((x) => [x.rule, x.severity, x.message])).toEqual([
      ['perf.overall_duties_missing', 'warning', '未填写年度履职目标'],
      ['perf.overall_tasks_missing', 'warning', '未填写年度主要任务'],
      ['perf.overall_level1_missing', 'warning', '年度绩效指标没有“投入管理指标”下的三级指标'],
      ['perf.overall_level1_missing', 'warning', '年度绩效指标没有“效益指标”下的三级指标'],
      ['perf.overall_level1_missing', 'warning', '年度绩效指标没有“满意度”下的三级指标'],
    ])
    // warnings do not stop a save
    expect(overallTargetSchema(layout).safeParse(empty).success).toBe(true)
  })

  it('a template without the table takes no tasks and no indicator rows', () => {
    const f = validateOverallTarget(henan(), undefined)
    expect(f.map((x) => [x.rule, x.severity, x.overall.part])).toEqual([
      ['perf.overall_not_in_template', 'error', 'tasks'],
      ['perf.overall_not_in_template', 'error', 'indicators'],
    ])
  })
})

describe('预算情况 from the disclosure’s data', () => {
  const data = henanDept2023()
  const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
  const cell = (key: string, label: string, col: number) => {
    const t = tables.find((x) => x.key === key)!
    const r = t.rows.findIndex((row) => row.includes(label))
    return printed(t.rows[r]![col] as number)
  }

  it('总额 is the 收支总表’s 收入总计; by revenue nature the lines by source with their carry-over; by expenditure nature the 支出总表’s 合计 row', () => {
    const b = overallBudget({ tables, data, unit: '万元' })
    const y = (s: string) => parseAmount(s, '元')
    // the factory: 一般公共预算拨款收入 3304628.20 元 and its 上年结转 120000.00 元; 事业收入 15000.00 元
    const sumOf = (sources: string[]) => data.revenue.filter((l) => sources.includes(l.source)).reduce((s, l) => s + l.amount, 0)
    expect(sumOf(['general_budget'])).toBe(y('3304628.20'))
    expect(b).toEqual({
      unit: '万元',
      source: 'lines',
      total: cell('income_expenditure_summary', '收入总计', 1),
      revenue: { general: toPrinted(y('3304628.20') + y('120000.00')), gov_fund: 0n, state_capital: 0n, special_account: 0n, unit_funds: toPrinted(y('15000.00')) },
      expenditure: { basic: cell('expenditure_summary', '合计', 3), project: cell('expenditure_summary', '合计', 4) },
    })
    expect([b.total, b.revenue.general, b.revenue.unit_funds, b.expenditure.basic, b.expenditure.project]).toEqual([34396n, 34246n, 150n, 25896n, 8500n])
    // one total, three ways: the natures and the expenditure natures add up to it (exact here)
    expect(Object.values(b.revenue).reduce((s, v) => s + v, 0n)).toBe(b.total)
    expect(b.expenditure.basic + b.expenditure.project).toBe(b.total)
    expect(validateOverallTarget(henan(), layout, b)).toEqual([])
  })

  it('every revenue source has a nature, and an imported disclosure (no lines) reads the same figures from its printed tables', () => {
    expect(Object.keys(REVENUE_NATURE).sort()).toEqual([...new Set(data.revenue.map((l) => l.source)), 'gov_fund', 'state_capital', 'special_account', 'business_operating', 'superior_subsidy', 'subordinate_remit', 'other', 'unit_funds', 'carryover_gov_fund', 'carryover_state_capital', 'carryover_other'].sort())
    const fromTables = overallBudget({ tables, data: null, unit: '万元' })
    expect(fromTables).toEqual({ ...overallBudget({ tables, data, unit: '万元' }), source: 'tables' })
  })

  it('a 基本支出 + 项目支出 short of 总额 (an other expenditure category) is a warning on 预算情况', () => {
    const b = overallBudget({ tables, data, unit: '万元' })
    const f = validateOverallTarget(henan(), layout, { ...b, expenditure: { ...b.expenditure, project: b.expenditure.project - 300n } })
    expect(f.map((x) => [x.rule, x.severity, x.overall])).toEqual([['perf.overall_budget_split', 'warning', { part: 'budget' }]])
    expect(f[0]!.message).toContain('基本支出与项目支出合计 340.96 万元，与总额（收入总计）343.96 万元不一致')
  })
})

describe('the printed 预算11表', () => {
  const data = henanDept2023()
  const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
  const r = renderOverall(henan(), { layout, year: 2023, unitName: '获嘉县医疗保障局', budget: overallBudget({ tables, data, unit: '万元' }) })

  it('carries the template’s title and labels, 预算情况 in 万元 with two decimals, indicators in tree order with merged 一级 / 二级', () => {
    expect(r.title).toBe('2023年部门（单位）整体绩效目标表（预算11表）')
    expect(r.budget).toEqual({
      total: '343.96',
      revenue: [
        { label: '一般公共预算', amount: '342.46' },
        { label: '政府性基金预算', amount: '0.00' },
        { label: '国有资本经营预算', amount: '0.00' },
        { label: '财政专户管理资金', amount: '0.00' },
        { label: '单位资金', amount: '1.50' },
      ],
      expenditure: [
        { label: '基本支出', amount: '258.96' },
        { label: '项目支出', amount: '85.00' },
      ],
    })
    expect(r.rows.map((x) => [x.level1, x.level2, x.level3, x.span1, x.span2])).toEqual([
      ['投入管理指标', '工作目标管理', '年度工作计划制定', 2, 1],
      ['投入管理指标', '预算和财务管理', '预算执行率', 0, 1],
      ['产出指标', '重点工作任务完成', '定点医药机构检查覆盖率', 2, 1],
      ['产出指标', '履职目标实现', '城乡居民参保率', 0, 1],
      ['效益指标', '履职效益', '医保基金运行安全', 1, 1],
      ['满意度', '满意度', '参保群众满意度', 1, 1],
    ])
    expect(r.duties).toBe('贯彻落实医疗保障政策，确保医保基金安全平稳运行。\n提升医保经办服务水平，群众办事便捷高效。')
  })

  it('lays out as the official table: row labels merged down their sections, 任务名称 | 主要内容, 总额 | 按收入性质分 | 按支出性质分, the indicator columns', () => {
    const g = overallGrid(r)
    const labels = g.map((row) => row.find((c) => c.col === 0)).filter((c) => c).map((c) => [c!.text, c!.rowSpan ?? 1])
    expect(labels).toEqual([
      ['部门（单位）名称', 1],
      ['年度履职目标', 1],
      ['年度主要任务', 3],
      ['预算情况（万元）', 6],
      ['年度绩效指标', 7],
    ])
    const texts = (i: number) => g[i]!.map((c) => c.text)
    expect(texts(0)).toEqual(['部门（单位）名称', '获嘉县医疗保障局'])
    expect(texts(2)).toEqual(['年度主要任务', '任务名称', '主要内容'])
    expect(texts(3)).toEqual(['医保基金监管', '开展定点医药机构专项检查和飞行检查，查处欺诈骗保行为。'])
    expect(texts(5)).toEqual(['预算情况（万元）', '总额', '按收入性质分', '按支出性质分'])
    expect(texts(6)).toEqual(['343.96', '一般公共预算', '342.46', '基本支出', '258.96'])
    expect(texts(7)).toEqual(['政府性基金预算', '0.00', '项目支出', '85.00'])
    expect(texts(10)).toEqual(['单位资金', '1.50', '', ''])
    expect(texts(11)).toEqual(['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明'])
    expect(texts(12)).toEqual(['投入管理指标', '工作目标管理', '年度工作计划制定', '按时制定', ''])
    expect(g.at(-1)!.map((c) => c.text)).toEqual(['满意度', '满意度', '参保群众满意度', '≥90%', '问卷调查'])
    // every row covers the six columns once, counting cells merged down from the rows above
    const covered: number[][] = g.map(() => [])
    g.forEach((row, i) => row.forEach((c) => { for (let k = 0; k < (c.rowSpan ?? 1); k++) for (let j = 0; j < (c.colSpan ?? 1); j++) covered[i + k]!.push(c.col + j) }))
    for (const cols of covered) expect(cols.sort()).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('an empty table still prints its shape and the data’s 预算情况', () => {
    const e = renderOverall(null, { layout, year: 2023, unitName: '获嘉县医疗保障局', budget: overallBudget({ tables, data, unit: '万元' }) })
    const g = overallGrid(e)
    expect(g.length).toBe(2 + 2 + 6 + 2)
    expect(g[3]!.map((c) => c.text)).toEqual(['', ''])
    expect(g[5]!.map((c) => c.text)).toEqual(['343.96', '一般公共预算', '342.46', '基本支出', '258.96'])
  })
})
