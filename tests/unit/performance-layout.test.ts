/**
 * Project performance tables as the Hebei 2024 单位预算 template lays them out (template.performance):
 * project code, 预算数 as 财政资金 and 其他资金, 资金用途, and a cumulative spending plan by 3月底 /
 * 6月底 / 10月底 / 12月底 — checked as cumulative figures, printed with the template's labels.
 */
import { describe, expect, it } from 'vitest'
import { shippedTemplate } from '@/lib/templates/files'
import { targetGrid } from '@/lib/document/table-cells'
import { renderTarget } from '@/lib/performance/render'
import type { TProjectTarget } from '@/lib/performance/schemas'
import { ZProjectTarget } from '@/lib/performance/schemas'
import { validateTargets } from '@/lib/performance/validate'

const layout = shippedTemplate('hebei-unit-2024').performance!.project!
const amount = 1_000_000_00 // 100 万元 in 分

function target(plan: [string, string, string, string]): TProjectTarget {
  return ZProjectTarget.parse({
    projectCode: '447001-24P001',
    title: '医疗保障信息化建设项目绩效目标表',
    goals: ['保障医保信息平台安全稳定运行'],
    fiscalFunds: '800000.00',
    otherFunds: '200000.00',
    purpose: '医保信息平台运行维护和网络安全等级保护',
    spendingPlan: { q1: plan[0], q2: plan[1], q3: plan[2], q4: plan[3] },
    indicators: [
      { level1: '产出指标', level2: '数量指标', level3: '系统运维次数', description: '年度运维巡检', operator: '≥', value: '12', unit: '次', basis: '运维合同' },
      { level1: '效益指标', level2: '社会效益指标', level3: '系统正常运行率', description: '', operator: '≥', value: '99', unit: '%', basis: '行业标准' },
    ],
  })
}

const check = (t: TProjectTarget, spendingPlan?: typeof layout.spendingPlan) =>
  validateTargets({ targets: [t], projects: [{ code: t.projectCode, name: '医疗保障信息化建设' }], projectAmounts: { [t.projectCode]: amount }, projectExpenditure: amount, ...(spendingPlan ? { spendingPlan } : {}) }).filter((f) => f.rule.startsWith('perf.spending_plan'))

describe('the Hebei 2024 unit layout of project performance tables', () => {
  it('a cumulative plan 3月底 ≤ 6月底 ≤ 10月底 ≤ 12月底 ≤ the project’s money is valid; read as quarters it would exceed it', () => {
    const t = target(['100000.00', '300000.00', '600000.00', '1000000.00'])
    expect(check(t, layout.spendingPlan)).toEqual([])
    expect(check(t).map((f) => f.rule)).toEqual(['perf.spending_plan_exceeds'])
  })

  it('a point below the one before it, or a 12月底 above the project’s money, is an error naming the points', () => {
    expect(check(target(['300000.00', '200000.00', '600000.00', '1000000.00']), layout.spendingPlan).map((f) => f.message)).toEqual([
      '绩效目标表“医疗保障信息化建设项目绩效目标表”的累计支出计划“6月底” 20.00 万元少于“3月底” 30.00 万元',
    ])
    expect(check(target(['100000.00', '300000.00', '600000.00', '1200000.00']), layout.spendingPlan).map((f) => f.rule)).toEqual(['perf.spending_plan_exceeds'])
  })

  it('the printed table carries 项目编码, 财政资金 / 其他资金, 资金用途 and the 3月底 … 12月底 points', () => {
    const t = target(['100000.00', '300000.00', '600000.00', '1000000.00'])
    const r = renderTarget(t, { number: 1, projectName: '医疗保障信息化建设', projectAmounts: { [t.projectCode]: amount }, layout })
    expect(r.amounts).toEqual({ total: '100.00', fiscal: '80.00', other: '20.00' })
    const texts = targetGrid(r).intro.flatMap((row) => row.map((c) => c.text))
    expect(texts).toEqual(expect.arrayContaining(['项目编码', '447001-24P001', '合计 100.00', '财政资金 80.00', '其他资金 20.00', '资金用途', '资金支出计划（累计，万元）', '3月底 10.00', '6月底 30.00', '10月底 60.00', '12月底 100.00']))
    // without a layout: the seeds' quarters
    const plain = targetGrid(renderTarget(t, { number: 1, projectName: '医疗保障信息化建设', projectAmounts: {} })).intro.flatMap((row) => row.map((c) => c.text))
    expect(plain).toEqual(expect.arrayContaining(['项目用途', '一季度 10.00', '四季度 100.00']))
  })
})
