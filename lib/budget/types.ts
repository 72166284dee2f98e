import type { Fen } from './money'

/** 资金性质 of fiscal and non-fiscal money, used on expenditure lines and 三公 figures. */
export const FUND_TYPES = ['general', 'gov_fund', 'state_capital', 'special_account', 'unit_funds'] as const
export type FundType = (typeof FUND_TYPES)[number]
export const FISCAL_FUNDS = ['general', 'gov_fund', 'state_capital'] as const satisfies readonly FundType[]
export type FiscalFund = (typeof FISCAL_FUNDS)[number]

/** Revenue sources of 收入总表 and 收支总表, and 上年结转 by fund type. */
export const REVENUE_SOURCES = [
  'general_budget', // 一般公共预算拨款收入
  'gov_fund', // 政府性基金预算拨款收入
  'state_capital', // 国有资本经营预算拨款收入
  'special_account', // 财政专户管理资金收入
  'business', // 事业收入
  'business_operating', // 事业单位经营收入
  'superior_subsidy', // 上级补助收入
  'subordinate_remit', // 附属单位上缴收入
  'other', // 其他收入
  'unit_funds', // 单位资金
  'carryover_general', // 上年结转：一般公共预算拨款
  'carryover_gov_fund', // 上年结转：政府性基金预算拨款
  'carryover_state_capital', // 上年结转：国有资本经营预算拨款
  'carryover_other', // 上年结转：非财政拨款结转结余
] as const
export type RevenueSource = (typeof REVENUE_SOURCES)[number]

export const EXPENDITURE_CATEGORIES = ['basic', 'project', 'operating', 'remit_superior', 'subsidy_subordinate'] as const
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number]

export type UnitInfo = {
  code: string
  name: string
  /** 单位性质: 行政单位 / 参照公务员法管理事业单位 / 事业单位 … */
  nature?: string
  /** 单位规格: 正处级 … */
  rank?: string
  /** 经费保障形式: 财政全额拨款 … */
  fundingForm?: string
}

export type RevenueLine = {
  id?: string
  unitCode: string
  functionCode: string
  source: RevenueSource
  amount: Fen
}

export type ExpenditureLine = {
  id?: string
  unitCode: string
  functionCode: string
  fund: FundType
  category: ExpenditureCategory
  economicCode: string
  projectCode?: string | null
  amount: Fen
}

export type Project = {
  code: string
  name: string
  unitCode?: string
  purpose?: string
}

export const THREE_PUBLIC_ITEMS = [
  'abroad_research', // 教学科研人员因公出国（境）费
  'abroad_other', // 其他因公出国（境）费
  'vehicle_purchase', // 公务用车购置费
  'vehicle_operation', // 公务用车运行维护费
  'reception', // 公务接待费
  'meeting_university', // 省属高校业务性会议费 (Hebei 2024 unit template)
  'meeting_other', // 其他会议费
  'training', // 培训费
] as const
export type ThreePublicItem = (typeof THREE_PUBLIC_ITEMS)[number]

export type ThreePublicEntry = { item: ThreePublicItem; fund: FundType; amount: Fen }

export type VehicleFacts = { purchased?: number | null; heldAtYearEnd?: number | null }

export const PROCUREMENT_FUNDS = [
  'general',
  'gov_fund',
  'state_capital',
  'special_account',
  'unit_funds',
  'carryover_fiscal',
  'carryover_other',
] as const
export type ProcurementFund = (typeof PROCUREMENT_FUNDS)[number]

export type ProcurementItem = {
  id?: string
  /** The budget project the purchase is funded from; its name and budget are printed from the project. */
  projectCode?: string | null
  /** Printed project name when the item is not linked to a project of this disclosure. */
  projectName?: string | null
  /** Printed project budget (分) when not linked. */
  projectBudget?: Fen | null
  itemName: string
  catalogueCode?: string | null
  unit?: string | null
  /** Quantity as a decimal string ("2", "1.5"). */
  quantity?: string | null
  unitPrice?: Fen | null
  amounts: Partial<Record<ProcurementFund, Fen>>
  smeReserved?: Fen | null
}

export const FIXED_ASSET_CATEGORIES = ['buildings', 'office_buildings', 'vehicles', 'equipment_over_200k', 'other'] as const
export type FixedAssetCategory = (typeof FIXED_ASSET_CATEGORIES)[number]
export type FixedAssetEntry = { category: FixedAssetCategory; quantity?: string | null; value?: Fen | null }

/** Everything the nine tables (and the procurement and asset tables) are derived from. */
export type BudgetData = {
  year: number
  department: { code: string; name: string }
  units: UnitInfo[]
  revenue: RevenueLine[]
  expenditure: ExpenditureLine[]
  projects: Project[]
  threePublic: ThreePublicEntry[]
  vehicles?: VehicleFacts
  procurement: ProcurementItem[]
  fixedAssets: FixedAssetEntry[]
}

export const FUND_LABELS: Record<FundType, string> = {
  general: '一般公共预算',
  gov_fund: '政府性基金预算',
  state_capital: '国有资本经营预算',
  special_account: '财政专户管理资金',
  unit_funds: '单位资金',
}

export const REVENUE_SOURCE_LABELS: Record<RevenueSource, string> = {
  general_budget: '一般公共预算拨款收入',
  gov_fund: '政府性基金预算拨款收入',
  state_capital: '国有资本经营预算拨款收入',
  special_account: '财政专户管理资金收入',
  business: '事业收入',
  business_operating: '事业单位经营收入',
  superior_subsidy: '上级补助收入',
  subordinate_remit: '附属单位上缴收入',
  other: '其他收入',
  unit_funds: '单位资金',
  carryover_general: '上年结转（一般公共预算拨款）',
  carryover_gov_fund: '上年结转（政府性基金预算拨款）',
  carryover_state_capital: '上年结转（国有资本经营预算拨款）',
  carryover_other: '上年结转（非财政拨款结转结余）',
}

export const CATEGORY_LABELS: Record<ExpenditureCategory, string> = {
  basic: '基本支出',
  project: '项目支出',
  operating: '经营支出',
  remit_superior: '上解上级支出',
  subsidy_subordinate: '对附属单位补助支出',
}

export const THREE_PUBLIC_LABELS: Record<ThreePublicItem, string> = {
  abroad_research: '教学科研人员因公出国（境）费',
  abroad_other: '其他因公出国（境）费',
  vehicle_purchase: '公务用车购置费',
  vehicle_operation: '公务用车运行维护费',
  reception: '公务接待费',
  meeting_university: '省属高校业务性会议费',
  meeting_other: '其他会议费',
  training: '培训费',
}

/** 人员经费 are 工资福利支出 (301) and 对个人和家庭的补助 (303); all other basic economic classes are 公用经费. */
export function isPersonnelEconomic(economicCode: string): boolean {
  const cls = economicCode.slice(0, 3)
  return cls === '301' || cls === '303'
}
