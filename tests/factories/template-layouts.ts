/**
 * Budgets as LINES for the shipped layouts that have no published workbook in the repository:
 * the Hebei 2024 unit budget (单位预算), a Henan county department (as 获嘉县医疗保障局 2023 lays
 * it out) and a Shanghai district department. The amounts are ours, chosen to be realistic and
 * to exercise every part of each layout: 财政专户 and 单位资金 revenue, 上年结转 of fiscal and
 * other money, basic (人员/公用) and project expenditure, a 政府性基金 project, 三公 figures that
 * agree with economic lines 30217 / 30231 / 30215 / 30216, and amounts in exact 元 whose printed
 * 万元 parts do not always add up to their printed totals (尾差), as in real exports.
 * Revenue funds every (unit, 项, fund) exactly, so 收入 = 支出 in every table.
 */
import { parseAmount } from '../../lib/budget/money'
import type { BudgetData, ExpenditureCategory, ExpenditureLine, FundType, Project, RevenueLine, RevenueSource, ThreePublicEntry, ThreePublicItem, UnitInfo } from '../../lib/budget/types'

const y = (yuan: string) => parseAmount(yuan, '元')

type Line = [unit: string, functionCode: string, fund: FundType, category: ExpenditureCategory, economicCode: string, project: string | null, yuan: string]

type Spec = {
  department: { code: string; name: string }
  year: number
  units: UnitInfo[]
  projects: Project[]
  lines: Line[]
  /** Part of a (unit, 项, fund) funded by last year's carry-over, in 元. */
  carry?: Record<string, string>
  /** The source of 单位资金 lines' revenue: 单位资金 (Hebei 2024) or 事业收入. */
  unitFundsSource: RevenueSource
  threePublic: [ThreePublicItem, FundType, string][]
  vehicles?: BudgetData['vehicles']
}

const CURRENT: Record<FundType, RevenueSource | null> = { general: 'general_budget', gov_fund: 'gov_fund', state_capital: 'state_capital', special_account: 'special_account', unit_funds: null }
const CARRY: Record<FundType, RevenueSource> = { general: 'carryover_general', gov_fund: 'carryover_gov_fund', state_capital: 'carryover_state_capital', special_account: 'carryover_other', unit_funds: 'carryover_other' }

export function budgetFromSpec(s: Spec): BudgetData {
  const expenditure: ExpenditureLine[] = s.lines.map(([unitCode, functionCode, fund, category, economicCode, projectCode, yuan]) => ({ unitCode, functionCode, fund, category, economicCode, projectCode, amount: y(yuan) }))
  const totals = new Map<string, number>()
  for (const l of expenditure) {
    const k = `${l.unitCode}|${l.functionCode}|${l.fund}`
    totals.set(k, (totals.get(k) ?? 0) + l.amount)
  }
  const revenue: RevenueLine[] = []
  for (const [k, total] of totals) {
    const [unitCode, functionCode, fund] = k.split('|') as [string, string, FundType]
    const carried = s.carry?.[k] ? y(s.carry[k]) : 0
    if (carried > total) throw new Error(`carry-over of ${k} exceeds its expenditure`)
    if (total - carried > 0) revenue.push({ unitCode, functionCode, source: CURRENT[fund] ?? s.unitFundsSource, amount: total - carried })
    if (carried > 0) revenue.push({ unitCode, functionCode, source: CARRY[fund], amount: carried })
  }
  const threePublic: ThreePublicEntry[] = s.threePublic.map(([item, fund, yuan]) => ({ item, fund, amount: y(yuan) }))
  return { year: s.year, department: s.department, units: s.units, revenue, expenditure, projects: s.projects, threePublic, vehicles: s.vehicles ?? { purchased: 0, heldAtYearEnd: 2 }, procurement: [], fixedAssets: [] }
}

/**
 * One unit's 2024 budget in the Hebei 单位预算 layout. `variant` (1, 2, …) scales and shifts the
 * amounts so that two units of one department differ in every figure.
 */
export function hebeiUnit2024(unit: { code: string; name: string; nature?: string } = { code: '447001', name: '承德市医疗保障局本级', nature: '行政单位' }, variant = 1): BudgetData {
  const u = unit.code
  const k = variant
  // exact 元 with cents: variant k multiplies and adds k 元 37 分 so the units never coincide
  const a = (yuan: number) => (yuan * k + k + 0.37).toFixed(2)
  const p1 = `${u}24P001`
  const p2 = `${u}24P002`
  const p3 = `${u}24P003`
  return budgetFromSpec({
    department: { code: u, name: unit.name },
    year: 2024,
    units: [{ code: u, name: unit.name, nature: unit.nature ?? '行政单位', rank: '正处级', fundingForm: '财政拨款' }],
    projects: [
      { code: p1, name: '医疗保障信息化建设', unitCode: u, purpose: '医保信息平台运行维护和网络安全等级保护' },
      { code: p2, name: '医保基金监管专项', unitCode: u, purpose: '定点医药机构飞行检查和专项治理' },
      { code: p3, name: '医疗救助彩票公益金项目', unitCode: u, purpose: '困难群众医疗救助' },
    ],
    lines: [
      [u, '2101501', 'general', 'basic', '30101', null, a(2_153_412)],
      [u, '2101501', 'general', 'basic', '30102', null, a(863_140)],
      [u, '2101501', 'general', 'basic', '30107', null, a(702_311)],
      [u, '2101501', 'general', 'basic', '30201', null, a(83_215)],
      [u, '2101501', 'general', 'basic', '30211', null, a(40_000)],
      [u, '2101501', 'general', 'basic', '30215', null, a(12_000)],
      [u, '2101501', 'general', 'basic', '30216', null, a(25_000)],
      [u, '2101501', 'general', 'basic', '30217', null, a(8_000)],
      [u, '2101501', 'general', 'basic', '30228', null, a(46_128)],
      [u, '2101501', 'general', 'basic', '30231', null, a(36_000)],
      [u, '2101501', 'general', 'basic', '30239', null, a(96_540)],
      [u, '2080505', 'general', 'basic', '30108', null, a(401_226)],
      [u, '2101101', 'general', 'basic', '30110', null, a(171_093)],
      [u, '2210201', 'general', 'basic', '30113', null, a(333_517)],
      [u, '2080501', 'general', 'basic', '30302', null, a(60_484)],
      [u, '2101502', 'general', 'project', '30227', p1, a(1_200_000)],
      [u, '2101502', 'general', 'project', '31007', p1, a(455_000)],
      [u, '2101599', 'general', 'project', '30226', p2, a(300_000)],
      [u, '2101599', 'special_account', 'project', '30227', p2, a(120_000)],
      [u, '2101501', 'unit_funds', 'basic', '30299', null, a(50_000)],
      [u, '2296002', 'gov_fund', 'project', '30305', p3, a(800_000)],
    ],
    carry: {
      [`${u}|2101501|general`]: a(97_653),
      [`${u}|2101502|general`]: a(150_000),
      [`${u}|2101501|unit_funds`]: a(20_000),
    },
    unitFundsSource: 'unit_funds',
    threePublic: [
      ['vehicle_operation', 'general', a(36_000)],
      ['reception', 'general', a(8_000)],
      ['meeting_other', 'general', a(12_000)],
      ['training', 'general', a(25_000)],
    ],
  })
}

const HENAN_UNITS: UnitInfo[] = [
  { code: '127001', name: '获嘉县医疗保障局机关', nature: '行政单位', rank: '正科级', fundingForm: '财政全额拨款' },
  { code: '127002', name: '获嘉县医疗保障服务中心', nature: '事业单位', rank: '股级', fundingForm: '财政全额拨款' },
]

/** A Henan county department with two units, 2023 (layout of 获嘉县医疗保障局; amounts ours). */
export function henanDept2023(): BudgetData {
  const [a, b] = ['127001', '127002']
  return budgetFromSpec({
    department: { code: '127', name: '获嘉县医疗保障局' },
    year: 2023,
    units: HENAN_UNITS,
    projects: [
      { code: '127-2023-01', name: '医保经办服务能力提升', unitCode: b, purpose: '经办大厅运行和窗口服务' },
      { code: '127-2023-02', name: '城乡居民医疗救助', unitCode: a, purpose: '困难群众参保资助' },
    ],
    lines: [
      [a, '2101501', 'general', 'basic', '30101', null, '1016384.00'],
      [a, '2101501', 'general', 'basic', '30102', null, '402117.52'],
      [a, '2101501', 'general', 'basic', '30201', null, '38000.00'],
      [a, '2101501', 'general', 'basic', '30217', null, '5000.00'],
      [a, '2101501', 'general', 'basic', '30231', null, '18000.00'],
      [a, '2080505', 'general', 'basic', '30108', null, '161846.44'],
      [a, '2101101', 'general', 'basic', '30110', null, '70812.30'],
      [a, '2210201', 'general', 'basic', '30113', null, '121383.36'],
      [b, '2101501', 'general', 'basic', '30101', null, '562210.00'],
      [b, '2101501', 'general', 'basic', '30201', null, '21456.78'],
      [b, '2080505', 'general', 'basic', '30108', null, '89953.60'],
      [b, '2210201', 'general', 'basic', '30113', null, '67464.20'],
      [b, '2101599', 'general', 'project', '30227', '127-2023-01', '250000.00'],
      [a, '2101599', 'general', 'project', '30305', '127-2023-02', '600000.00'],
      [b, '2101501', 'unit_funds', 'basic', '30299', null, '15000.00'],
    ],
    carry: { [`${a}|2101599|general`]: '120000.00' },
    unitFundsSource: 'business',
    threePublic: [
      ['vehicle_operation', 'general', '18000.00'],
      ['reception', 'general', '5000.00'],
    ],
    vehicles: { purchased: 0, heldAtYearEnd: 1 },
  })
}

const SHANGHAI_UNITS: UnitInfo[] = [
  { code: '066001', name: '上海市黄浦区卫生健康委员会（本级）', nature: '行政单位', rank: '正处级', fundingForm: '财政全额拨款' },
  { code: '066002', name: '上海市黄浦区疾病预防控制中心', nature: '事业单位', rank: '正处级', fundingForm: '财政差额拨款' },
]

/** A Shanghai district department with two units, 2023 (the nine-table district layout; amounts ours). */
export function shanghaiDept2023(): BudgetData {
  const [a, b] = ['066001', '066002']
  return budgetFromSpec({
    department: { code: '066', name: '上海市黄浦区卫生健康委员会' },
    year: 2023,
    units: SHANGHAI_UNITS,
    projects: [
      { code: '066-23-001', name: '社区卫生服务综合改革', unitCode: a },
      { code: '066-23-002', name: '重大公共卫生服务', unitCode: b },
      { code: '066-23-003', name: '老年健康服务（彩票公益金）', unitCode: a },
    ],
    lines: [
      [a, '2100101', 'general', 'basic', '30101', null, '3125600.00'],
      [a, '2100101', 'general', 'basic', '30102', null, '1488234.65'],
      [a, '2100101', 'general', 'basic', '30201', null, '210000.00'],
      [a, '2100101', 'general', 'basic', '30217', null, '12000.00'],
      [a, '2100101', 'general', 'basic', '30231', null, '64000.00'],
      [a, '2080505', 'general', 'basic', '30108', null, '489411.18'],
      [a, '2210201', 'general', 'basic', '30113', null, '367058.39'],
      [b, '2100408', 'general', 'basic', '30101', null, '5210330.00'],
      [b, '2100408', 'general', 'basic', '30206', null, '318245.27'],
      [b, '2100408', 'general', 'project', '31003', '066-23-002', '2400000.00'],
      [b, '2100408', 'unit_funds', 'basic', '30226', null, '860000.00'],
      [a, '2100199', 'general', 'project', '30227', '066-23-001', '1800000.00'],
      [a, '2296002', 'gov_fund', 'project', '30305', '066-23-003', '500000.00'],
      [a, '2100101', 'general', 'basic', '30212', null, '45000.00'],
    ],
    carry: { [`${b}|2100408|general`]: '350000.00' },
    unitFundsSource: 'business',
    threePublic: [
      ['vehicle_operation', 'general', '64000.00'],
      ['reception', 'general', '12000.00'],
      ['abroad_other', 'general', '45000.00'],
    ],
  })
}
