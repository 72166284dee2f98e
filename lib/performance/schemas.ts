import { ZVersion } from '@/lib/disclosure/schemas'
import { z } from 'zod'
import { ZYuanOpt } from '@/lib/budget/amount-schema'
import { jsonColumn } from '@/lib/budget/json-column'
import type { OverallLayout } from './overall'
import { validateOverallTarget } from './overall'
import { OPERATORS } from './taxonomy'

const text = (max: number) => z.string().max(max, `不能超过 ${max} 字`)

/**
 * One row of the indicator tree. 一级 and 二级 are kept as text so that a saved or imported table
 * with a non-standard name is shown and reported (rule perf.level2_parent) rather than lost.
 */
export const ZIndicator = z.object({
  level1: text(20).trim().min(1, '请选择一级指标'),
  level2: text(30).trim().min(1, '请选择二级指标'),
  level3: text(200).trim().min(1, '请填写三级指标'),
  description: text(500).default(''),
  operator: z.enum(OPERATORS, { message: '请选择指标值的符号' }),
  value: text(200).trim().default(''),
  unit: text(40).trim().default(''),
  basis: text(300).default(''),
})
export type TIndicator = z.infer<typeof ZIndicator>

/** PerformanceTarget.indicators (written here; read indicator by indicator in server/rows.ts, keeping what still parses). */
export const indicatorsColumn = jsonColumn<TIndicator[]>('绩效指标（indicators）', z.array(ZIndicator))

export const ZSpendingPlan = z.object({ q1: ZYuanOpt, q2: ZYuanOpt, q3: ZYuanOpt, q4: ZYuanOpt })
export type TSpendingPlan = z.infer<typeof ZSpendingPlan>

/** 项目绩效目标表. Amounts are 元 strings; empty fiscal and other funds mean “the project's budget”. */
export const ZProjectTarget = z.object({
  projectCode: text(60).trim().min(1, '请选择项目'),
  title: text(200).trim().default(''),
  goals: z.array(text(2000)).max(20).default([]),
  indicators: z.array(ZIndicator).max(200).default([]),
  fiscalFunds: ZYuanOpt,
  otherFunds: ZYuanOpt,
  purpose: text(2000).default(''),
  spendingPlan: ZSpendingPlan.default({}),
})
export type TProjectTarget = z.infer<typeof ZProjectTarget>
export type TProjectTargetInput = z.input<typeof ZProjectTarget>

/** 年度主要任务 of the 部门（单位）整体绩效目标表 (Henan 预算11表): 任务名称 and 主要内容. */
export const ZOverallTask = z.object({ name: text(200).trim().default(''), content: text(2000).trim().default('') })
export type TOverallTask = z.infer<typeof ZOverallTask>

/**
 * One 年度绩效指标 row of the 部门（单位）整体绩效目标表. 一级 and 二级 come from the template's tree
 * (template.performance.overall.indicators) and are kept as text, so a row whose level the template no
 * longer has is shown and reported (rule perf.overall_level2_parent) rather than lost; 指标值 is printed
 * as written (a number with its unit, or words).
 */
export const ZOverallIndicator = z.object({
  level1: text(30).trim().default(''),
  level2: text(30).trim().default(''),
  level3: text(200).trim().default(''),
  value: text(200).trim().default(''),
  note: text(500).trim().default(''),
})
export type TOverallIndicator = z.infer<typeof ZOverallIndicator>

/** PerformanceTarget.indicators of the overall target (kind 'overall'). */
export const overallIndicatorsColumn = jsonColumn<TOverallTarget['indicators']>('整体绩效指标（indicators）', z.array(ZOverallIndicator))

/**
 * 部门整体绩效目标. Hebei prints paragraphs: the overall target (`goals`), sub-targets with their
 * indicators and 工作保障措施. Henan prints the 部门（单位）整体绩效目标表 (预算11表): 年度履职目标 (`goals`,
 * the same field: the department's overall goal for the year), 年度主要任务 (`tasks`) and the indicator
 * tree (`indicators`); its 预算情况 is never typed, it is derived from the tables (overall-budget.ts).
 * A template without `performance.overall` has no tasks or indicators (overallTargetSchema checks it).
 */
export const ZOverallTarget = z.object({
  title: text(200).default('部门整体绩效目标'),
  goals: z.array(text(8000)).max(40).default([]),
  subTargets: z.array(z.object({ title: text(200).trim().min(1, '请填写分项目标名称'), goal: text(4000).default(''), indicators: text(4000).default('') })).max(40).default([]),
  measures: z.array(text(4000)).max(40).default([]),
  tasks: z.array(ZOverallTask).max(60, '年度主要任务不能超过 60 项').default([]),
  indicators: z.array(ZOverallIndicator).max(200, '年度绩效指标不能超过 200 个').default([]),
})
export type TOverallTarget = z.infer<typeof ZOverallTarget>
export type TOverallTargetInput = z.input<typeof ZOverallTarget>

/**
 * The overall target checked against a template's 整体绩效目标表: the same schema on the form
 * (zodResolver) and on the server before saving. Every error of validateOverallTarget becomes an issue
 * at its row and field (indicators.2.level2) with its located Chinese message; warnings do not block.
 */
export function overallTargetSchema(layout: OverallLayout | undefined) {
  return ZOverallTarget.superRefine((t, ctx) => {
    for (const f of validateOverallTarget(t, layout)) {
      if (f.severity !== 'error') continue
      const at = f.overall
      ctx.addIssue({ code: 'custom', message: f.message, path: at.row === undefined ? [at.part] : [at.part, at.row, ...(at.field ? [at.field] : [])] })
    }
  })
}

export const ZSaveProjectTarget = z.object({ disclosureId: z.string().min(1), version: ZVersion, id: z.string().nullish(), target: ZProjectTarget })
export const ZDeleteTarget = z.object({ disclosureId: z.string().min(1), version: ZVersion, id: z.string().min(1) })
export const ZSaveOverallTarget = z.object({ disclosureId: z.string().min(1), version: ZVersion, target: ZOverallTarget })
