import { ZVersion } from '@/lib/disclosure/schemas'
import Decimal from 'decimal.js'
import { z } from 'zod'
import type { Fen } from '@/lib/budget/money'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import type { BudgetData } from '@/lib/budget/types'
import { FIXED_ASSET_CATEGORIES, PROCUREMENT_FUNDS } from '@/lib/budget/types'
import { ZYuanOpt } from './schemas'
import type { NotesFinding } from './types'

const projectAmounts = (data: BudgetData): Record<string, Fen> => {
  const m: Record<string, Fen> = {}
  for (const l of data.expenditure) if (l.projectCode && l.category === 'project') m[l.projectCode] = (m[l.projectCode] ?? 0) + l.amount
  return m
}

export const PROCUREMENT_FUND_LABELS: Record<(typeof PROCUREMENT_FUNDS)[number], string> = {
  general: '一般公共预算拨款',
  gov_fund: '基金预算拨款',
  state_capital: '国有资本经营预算拨款',
  special_account: '财政专户核拨',
  unit_funds: '单位资金',
  carryover_fiscal: '财政拨款结转',
  carryover_other: '非财政拨款结转结余',
}

export const FIXED_ASSET_LABELS: Record<(typeof FIXED_ASSET_CATEGORIES)[number], string> = {
  buildings: '房屋（平方米）',
  office_buildings: '其中：办公用房（平方米）',
  vehicles: '车辆（台、辆）',
  equipment_over_200k: '单价在 20 万元以上的设备',
  other: '其他固定资产',
}

const yuan = (s: string | undefined): Fen => (s && s.trim() !== '' ? parseAmount(s, '元') : 0)
const ZQuantity = z
  .string()
  .trim()
  .optional()
  .refine((v) => v === undefined || v === '' || /^\d{1,12}(\.\d{1,4})?$/.test(v), '数量应为非负数，最多 4 位小数')

/** One purchase as typed on the procurement page; amounts are 元 strings. */
export const ZProcurementItemInput = z
  .object({
    projectCode: z.string().trim().max(60).optional(),
    projectName: z.string().trim().max(200).optional(),
    projectBudget: ZYuanOpt,
    itemName: z.string().trim().min(1, '请填写采购物品名称').max(200),
    catalogueCode: z.string().trim().max(40).optional(),
    unit: z.string().trim().max(20).optional(),
    quantity: ZQuantity,
    unitPrice: ZYuanOpt,
    amounts: z.object(Object.fromEntries(PROCUREMENT_FUNDS.map((f) => [f, ZYuanOpt])) as Record<(typeof PROCUREMENT_FUNDS)[number], typeof ZYuanOpt>).partial(),
    smeReserved: ZYuanOpt,
  })
  .superRefine((v, ctx) => {
    let total: Fen = 0
    try {
      total = PROCUREMENT_FUNDS.reduce((s, f) => s + yuan(v.amounts[f]), 0)
    } catch {
      return // the amount fields report their own format errors
    }
    if (total <= 0) ctx.addIssue({ code: 'custom', path: ['amounts'], message: '请填写采购金额（至少一个资金来源）' })
    if (!v.projectCode && !v.projectName) ctx.addIssue({ code: 'custom', path: ['projectCode'], message: '请选择采购资金来源项目' })
    if (v.quantity && v.unitPrice) {
      try {
        const product = new Decimal(v.quantity).times(yuan(v.unitPrice)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
        if (product !== total) ctx.addIssue({ code: 'custom', path: ['amounts'], message: `数量 ${v.quantity} × 单价 ${formatYuan(yuan(v.unitPrice))} 元 = ${formatYuan(product)} 元，与各资金来源合计 ${formatYuan(total)} 元不符` })
      } catch {
        /* reported on the field */
      }
    }
    try {
      if (yuan(v.smeReserved) > total) ctx.addIssue({ code: 'custom', path: ['smeReserved'], message: '预留中小企业份额不能超过采购金额' })
    } catch {
      /* reported on the field */
    }
  })
export type TProcurementItemInput = z.infer<typeof ZProcurementItemInput>

export const ZFixedAssetInput = z.object({ category: z.enum(FIXED_ASSET_CATEGORIES), quantity: ZQuantity, value: ZYuanOpt })
export type TFixedAssetInput = z.infer<typeof ZFixedAssetInput>

export const ZSaveProcurement = z.object({
  disclosureId: z.string().min(1),
  version: ZVersion,
  items: z.array(ZProcurementItemInput).max(500, '最多 500 项'),
  fixedAssets: z.array(ZFixedAssetInput).max(FIXED_ASSET_CATEGORIES.length),
})
export type TSaveProcurement = z.infer<typeof ZSaveProcurement>

/** 政府采购: 数量 × 单价 = 金额; 中小企业份额 ≤ 金额; a project's items within its budget. */
export function procurementFindings(data: BudgetData | null): NotesFinding[] {
  if (!data) return []
  const out: NotesFinding[] = []
  const fen = projectAmounts(data)
  const byProject = new Map<string, { total: Fen; first: number }>()
  data.procurement.forEach((it, i) => {
    const total = Object.values(it.amounts).reduce<Fen>((s, v) => s + (v ?? 0), 0)
    const line = (field: string) => ({ line: { list: 'procurement' as const, index: i, field, ...(it.id ? { id: it.id } : {}) } })
    const what = `政府采购第 ${i + 1} 项“${it.itemName}”`
    if (it.quantity && it.unitPrice != null) {
      const product = new Decimal(it.quantity).times(it.unitPrice).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
      if (product !== total) out.push({ rule: 'procurement.quantity_price', severity: 'error', message: `${what}：数量 ${it.quantity} × 单价 ${formatYuan(it.unitPrice)} 元 = ${formatYuan(product)} 元，与金额 ${formatYuan(total)} 元不符`, ...line('amounts') })
    }
    if (it.smeReserved != null && it.smeReserved > total) out.push({ rule: 'procurement.sme_exceeds', severity: 'error', message: `${what}的预留中小企业份额 ${formatYuan(it.smeReserved)} 元超过采购金额 ${formatYuan(total)} 元`, ...line('smeReserved') })
    if (it.projectCode) {
      if (fen[it.projectCode] === undefined) out.push({ rule: 'procurement.project_unknown', severity: 'error', message: `${what}的项目 ${it.projectCode} 不在本部门项目支出中`, ...line('projectCode') })
      const acc = byProject.get(it.projectCode) ?? { total: 0, first: i }
      acc.total += total
      byProject.set(it.projectCode, acc)
    }
  })
  for (const [code, { total, first }] of byProject) {
    const budget = fen[code]
    if (budget !== undefined && total > budget) {
      const name = data.projects.find((p) => p.code === code)?.name ?? code
      out.push({ rule: 'procurement.exceeds_project', severity: 'error', message: `项目“${name}”的政府采购金额合计 ${formatYuan(total)} 元超过该项目预算 ${formatYuan(budget)} 元`, line: { list: 'procurement', index: first, field: 'projectCode' } })
    }
  }
  return out
}

