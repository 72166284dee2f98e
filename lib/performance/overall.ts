import type { Finding } from '@/lib/budget/findings'
import { absPrinted, formatPrinted } from '@/lib/budget/money'
import type { PerformanceLayout } from '@/lib/budget/template'
import type { OverallBudget } from './overall-budget'
import type { TOverallTarget } from './schemas'

/** The template's 部门（单位）整体绩效目标表 (Henan 预算11表): sections, indicator columns and the fixed 一级/二级 tree. */
export type OverallLayout = NonNullable<PerformanceLayout['overall']>

/** Where a finding of the overall target points: a part of the form, a row of it and a field of the row. */
export type OverallLocation = { part: 'goals' | 'tasks' | 'indicators' | 'budget'; row?: number; field?: string }
export type OverallFinding = Finding & { overall: OverallLocation }

/** The printed label of a section of the layout (年度履职目标 …), or the given default. */
export function sectionLabel(layout: OverallLayout | undefined, id: 'duties' | 'tasks' | 'budget', fallback: string): string {
  return layout?.sections.find((s) => s.id === id)?.label ?? fallback
}

/** The 二级 the template lists under a 一级 ([] when the 一级 is not the template's). */
export function level2Of(layout: OverallLayout | undefined, level1: string): string[] {
  return layout?.indicators.find((n) => n.level1 === level1)?.level2 ?? []
}

/** The 一级 a 二级 belongs to in the template's tree, or null. */
export function parentInLayout(layout: OverallLayout | undefined, level2: string): string | null {
  return layout?.indicators.find((n) => n.level2.includes(level2))?.level1 ?? null
}

/** The template's title with its year: “2023年部门（单位）整体绩效目标表（预算11表）”. */
export const overallTitle = (layout: OverallLayout, year: number): string => layout.title.replaceAll('{year}', String(year))

/**
 * Rules of the 部门（单位）整体绩效目标表 (docs/decisions/010). Errors (a save is refused): an indicator
 * whose 一级 is not one of the template's, a 二级 that the template does not list under its 一级, an
 * indicator without 三级 name or 指标值, a task with content but no name, tasks or indicators on a
 * template that has no such table. Warnings: no 年度履职目标, no task, a 一级 of the tree without any
 * indicator, and a 预算情况 whose 基本支出 + 项目支出 is not its 总额 (other expenditure categories).
 * Messages name the row as the accountant sees it (年度绩效指标第 2 行（三级指标“…”）).
 */
export function validateOverallTarget(t: TOverallTarget, layout: OverallLayout | undefined, budget?: OverallBudget | null): OverallFinding[] {
  const out: OverallFinding[] = []
  const err = (rule: string, message: string, overall: OverallLocation) => out.push({ rule, severity: 'error', message, overall })
  const warn = (rule: string, message: string, overall: OverallLocation) => out.push({ rule, severity: 'warning', message, overall })
  if (!layout) {
    if (t.tasks.length) err('perf.overall_not_in_template', '本预算的模板没有部门（单位）整体绩效目标表，不能填写年度主要任务', { part: 'tasks' })
    if (t.indicators.length) err('perf.overall_not_in_template', '本预算的模板没有部门（单位）整体绩效目标表，不能填写年度绩效指标', { part: 'indicators' })
    return out
  }
  const dutiesLabel = sectionLabel(layout, 'duties', '年度履职目标')
  const tasksLabel = sectionLabel(layout, 'tasks', '年度主要任务')
  if (t.goals.every((g) => g.trim() === '')) warn('perf.overall_duties_missing', `未填写${dutiesLabel}`, { part: 'goals' })
  if (t.tasks.length === 0) warn('perf.overall_tasks_missing', `未填写${tasksLabel}`, { part: 'tasks' })
  t.tasks.forEach((task, i) => {
    if (task.name.trim() === '') err('perf.overall_task_name', `${tasksLabel}第 ${i + 1} 行未填写任务名称${task.content.trim() ? '' : '（空行请删除）'}`, { part: 'tasks', row: i, field: 'name' })
  })

  const level1s = layout.indicators.map((n) => n.level1)
  t.indicators.forEach((ind, i) => {
    const at = `年度绩效指标第 ${i + 1} 行${ind.level3.trim() ? `（三级指标“${ind.level3.trim()}”）` : ''}`
    const loc = (field: string): OverallLocation => ({ part: 'indicators', row: i, field })
    if (!level1s.includes(ind.level1)) {
      err('perf.overall_level1_unknown', `${at}：一级指标“${ind.level1}”不是模板规定的一级指标（${level1s.join('、')}）`, loc('level1'))
    } else {
      const allowed = level2Of(layout, ind.level1)
      if (!allowed.includes(ind.level2)) {
        const parent = parentInLayout(layout, ind.level2)
        err(
          'perf.overall_level2_parent',
          `${at}：二级指标“${ind.level2}”不属于一级指标“${ind.level1}”${parent ? `，它属于“${parent}”` : ''}；“${ind.level1}”下的二级指标为：${allowed.join('、')}`,
          loc('level2'),
        )
      }
    }
    if (ind.level3.trim() === '') err('perf.overall_level3_missing', `${at}未填写三级指标`, loc('level3'))
    if (ind.value.trim() === '') err('perf.overall_value_missing', `${at}未填写指标值`, loc('value'))
  })
  // one finding per 一级, each its own place: an explanation at submission is given for that 一级 only
  for (const l1 of level1s) {
    if (!t.indicators.some((ind) => ind.level1 === l1)) warn('perf.overall_level1_missing', `年度绩效指标没有“${l1}”下的三级指标`, { part: 'indicators', field: `level1:${l1}` })
  }

  if (budget) {
    const spent = budget.expenditure.basic + budget.expenditure.project
    // each printed figure is its exact total rounded once: a difference of one hundredth per part is 尾差
    if (absPrinted(spent - budget.total) > 2n) {
      warn(
        'perf.overall_budget_split',
        `预算情况按支出性质分的基本支出与项目支出合计 ${formatPrinted(spent)} ${budget.unit}，与总额（收入总计）${formatPrinted(budget.total)} ${budget.unit}不一致：支出总表另有事业单位经营支出、上缴上级支出、对附属单位补助支出或年终结转结余，预算11表只列基本支出和项目支出，请在情况说明中说明`,
        { part: 'budget' },
      )
    }
  }
  return out
}
