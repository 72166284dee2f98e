import { z } from 'zod'
import { EXPENDITURE_CATEGORIES, FUND_TYPES, REVENUE_SOURCES } from '@/lib/budget/types'

export { ZAmountYuan } from '@/lib/budget/amount-schema'
import { ZAmountYuan } from '@/lib/budget/amount-schema'

/** The version a person saw (optimistic locking): an int4 like the column. */
export const ZVersion = z.number().int('版本号应为整数').min(0).max(2_147_483_647)

/** A disclosure's id as an action's only argument. */
export const ZDisclosureId = z.string().trim().min(1, '缺少预算公开编号').max(64, '预算公开编号无效')

export const ZRevenueLineInput = z.object({
  unitCode: z.string().trim().min(1, '请选择单位'),
  functionCode: z.string().trim().regex(/^\d{7}$/, '功能分类科目须填到项级（7 位编码）'),
  source: z.enum(REVENUE_SOURCES, { message: '请选择收入来源' }),
  amount: ZAmountYuan,
})
export type TRevenueLineInput = z.infer<typeof ZRevenueLineInput>

export const ZExpenditureLineInput = z
  .object({
    unitCode: z.string().trim().min(1, '请选择单位'),
    functionCode: z.string().trim().regex(/^\d{7}$/, '功能分类科目须填到项级（7 位编码）'),
    economicCode: z.string().trim().regex(/^\d{5}$/, '经济分类科目须填到款级（5 位编码）'),
    fund: z.enum(FUND_TYPES, { message: '请选择资金性质' }),
    category: z.enum(EXPENDITURE_CATEGORIES, { message: '请选择支出类型' }),
    projectCode: z.string().trim().nullish().transform((v) => (v ? v : null)),
    amount: ZAmountYuan,
  })
  .superRefine((v, ctx) => {
    if (v.category === 'project' && !v.projectCode) ctx.addIssue({ code: 'custom', path: ['projectCode'], message: '项目支出须选择所属项目' })
  })
export type TExpenditureLineInput = z.infer<typeof ZExpenditureLineInput>

export const ZLineList = z.enum(['revenue', 'expenditure'])
export type TLineList = z.infer<typeof ZLineList>

export const ZSaveLine = z.object({
  disclosureId: z.string().min(1),
  version: ZVersion,
  list: ZLineList,
  id: z.string().nullish(),
  values: z.record(z.string(), z.unknown()),
})
export type TSaveLine = z.infer<typeof ZSaveLine>

export const ZDeleteLine = z.object({ disclosureId: z.string().min(1), version: ZVersion, list: ZLineList, id: z.string().min(1) })
export const ZPasteLines = z.object({ disclosureId: z.string().min(1), version: ZVersion, list: ZLineList, text: z.string().max(2_000_000, '粘贴内容过大') })

export const ZProjectInput = z.object({
  code: z.string().trim().min(1, '请填写项目编码').max(64, '项目编码过长').regex(/^[\w\-.（）()]+$/u, '项目编码只能含字母、数字、- 和 .'),
  name: z.string().trim().min(1, '请填写项目名称').max(200, '项目名称过长'),
  unitCode: z.string().trim().nullish().transform((v) => (v ? v : null)),
  purpose: z.string().trim().max(2000, '用途说明过长').nullish().transform((v) => (v ? v : null)),
})
export type TProjectInput = z.infer<typeof ZProjectInput>

export const ZSaveProject = z.object({ disclosureId: z.string().min(1), version: ZVersion, originalCode: z.string().nullish(), values: z.record(z.string(), z.unknown()) })
export const ZDeleteProject = z.object({ disclosureId: z.string().min(1), version: ZVersion, code: z.string().min(1) })

/** The projects grid's changes as one batch on the projects part's version (docs/decisions/017), each with the row as seen. */
const ZProjectValues = z.record(z.string(), z.string().max(2000))
export const ZProjectOp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('put'), id: z.string().min(1).max(64), row: z.number().int().min(1), base: ZProjectValues.nullable(), values: ZProjectValues }),
  z.object({ kind: z.literal('delete'), id: z.string().min(1).max(64), row: z.number().int().min(1), base: ZProjectValues }),
])
export type TProjectOp = z.infer<typeof ZProjectOp>
export const ZApplyProjects = z.object({ disclosureId: z.string().min(1), version: ZVersion, ops: z.array(ZProjectOp).max(5000, '一次最多保存 5000 个项目') })
export type TApplyProjects = z.infer<typeof ZApplyProjects>

/** 三公 figures: one amount (元) per item × fund, blank for none; vehicles as counts. */
export const ZThreePublicInput = z.object({
  amounts: z.record(z.string(), ZAmountYuan.or(z.literal(''))),
  vehiclesPurchased: z.string().trim().regex(/^\d*$/, '购置车辆数应为非负整数').refine((v) => v === '' || Number(v) <= 100_000, '购置车辆数不能超过 100000'),
  vehiclesHeld: z.string().trim().regex(/^\d*$/, '车辆保有量应为非负整数').refine((v) => v === '' || Number(v) <= 100_000, '车辆保有量不能超过 100000'),
})
export type TThreePublicInput = z.infer<typeof ZThreePublicInput>
export const ZSaveThreePublic = z.object({ disclosureId: z.string().min(1), version: ZVersion, values: ZThreePublicInput })

/**
 * The grid's changes to one list, as one batch. Each change carries the line as the person last saw it
 * (`base`; null for a new line): the server applies it only if the line is still so, so changes to
 * other lines merge and a change to the same line comes back as a conflict, never silently lost.
 */
const ZLineValues = z.record(z.string(), z.string().max(200))
export const ZLineOp = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('put'), id: z.string().min(1).max(64), row: z.number().int().min(1), base: ZLineValues.nullable(), values: ZLineValues }),
  z.object({ kind: z.literal('delete'), id: z.string().min(1).max(64), row: z.number().int().min(1), base: ZLineValues }),
])
export type TLineOp = z.infer<typeof ZLineOp>
export const ZApplyLines = z.object({ disclosureId: z.string().min(1), list: ZLineList, ops: z.array(ZLineOp).max(20_000, '一次最多保存 20000 行') })
export type TApplyLines = z.infer<typeof ZApplyLines>
