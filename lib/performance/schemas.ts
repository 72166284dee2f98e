import { z } from 'zod'
import { ZYuanOpt } from '@/lib/notes/schemas'
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

/** 部门整体绩效目标: overall target paragraphs, sub-targets with their indicators, 工作保障措施. */
export const ZOverallTarget = z.object({
  title: text(200).default('部门整体绩效目标'),
  goals: z.array(text(8000)).max(40).default([]),
  subTargets: z.array(z.object({ title: text(200).trim().min(1, '请填写分项目标名称'), goal: text(4000).default(''), indicators: text(4000).default('') })).max(40).default([]),
  measures: z.array(text(4000)).max(40).default([]),
})
export type TOverallTarget = z.infer<typeof ZOverallTarget>
export type TOverallTargetInput = z.input<typeof ZOverallTarget>

export const ZSaveProjectTarget = z.object({ disclosureId: z.string().min(1), version: z.number().int(), id: z.string().nullish(), target: ZProjectTarget })
export const ZDeleteTarget = z.object({ disclosureId: z.string().min(1), version: z.number().int(), id: z.string().min(1) })
export const ZSaveOverallTarget = z.object({ disclosureId: z.string().min(1), version: z.number().int(), target: ZOverallTarget })
