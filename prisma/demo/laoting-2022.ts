/**
 * 乐亭县医疗保障局 (printed "460 医疗保障"), 2022 county department budget, as LINES.
 *
 * Deriving the tables from these lines with the hebei-dept-2022 template reproduces
 * tests/fixtures/laoting-2022.json cell for cell (see tests/factories/verify-factories.ts). The published tables
 * are arithmetically consistent, so the basic cells carry only a few 元 of 分-level detail
 * that rounds away at every printed level (each 款, 类, 项 and 合计 stays within ±50 元 of
 * its printed hundredth); 30231 公务用车运行维护费 equals the 三公 figure exactly.
 *
 * One unit (the seed's 部门机构设置情况 lists only the 局 itself). Thirteen projects as in the
 * 预算项目绩效目标 section; amounts from the notes (project_expenditure_breakdown and
 * medical_aid_breakdown): the 739 万元 of 城乡医疗救助 are 中央 179 (冀财社【2021】150 号),
 * 省级 160 (冀财社【2021】159 号) and 县级 400 (2022 年医疗救助); the 12 万元 政府性基金
 * (彩票公益金, 2296013) is 冀财社【2021】179 号. Equipment bought under the procurement
 * table is budgeted as 31002 办公设备购置 in the three projects it comes from (30, 20, 13 万元).
 */
import { parseAmount } from '../../lib/budget/money'
import type { BudgetData, ExpenditureLine, FundType, ProcurementItem, Project, RevenueLine, RevenueSource, UnitInfo } from '../../lib/budget/types'

const UNIT = '460001'
const y = (yuan: string) => parseAmount(yuan, '元')

function basic(functionCode: string, economicCode: string, yuan: string): ExpenditureLine {
  return { unitCode: UNIT, functionCode, fund: 'general', category: 'basic', economicCode, projectCode: null, amount: y(yuan) }
}

function project(projectCode: string, functionCode: string, fund: FundType, economicCode: string, yuan: string): ExpenditureLine {
  return { unitCode: UNIT, functionCode, fund, category: 'project', economicCode, projectCode, amount: y(yuan) }
}

function revenue(functionCode: string, source: RevenueSource, yuan: string): RevenueLine {
  return { unitCode: UNIT, functionCode, source, amount: y(yuan) }
}

function purchase(projectCode: string, itemName: string, catalogueCode: string, quantity: string, unitPriceYuan: string): ProcurementItem {
  const unitPrice = y(unitPriceYuan)
  return { projectCode, itemName, catalogueCode, unit: '台', quantity, unitPrice, amounts: { general: unitPrice * Number(quantity) } }
}

export function laoting2022(): BudgetData {
  const units: UnitInfo[] = [{ code: UNIT, name: '乐亭县医疗保障局', nature: '行政单位', rank: '正科级', fundingForm: '财政拨款' }]

  const projects: Project[] = [
    { code: '460-2022-01', name: '乐亭县医疗保障局 2022 年医保鉴定评审费', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-02', name: '乐亭县医疗保障局 2022 年医保业务经办费', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-03', name: '乐亭县医疗保障局 2022 年医保专项核查经费', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-04', name: '冀财社【2021】150 号 城乡医疗救助资金', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-05', name: '冀财社【2021】159 号 医疗救助补助资金', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-06', name: '冀财社【2021】164 号 医疗服务与保障能力提升补助资金', unitCode: UNIT, purpose: '1.国家统一医保信息平台正常运行 2.定点医药机构监督检查覆盖 3.推行医保支付方式改革和 DRG' },
    { code: '460-2022-07', name: '冀财社【2021】179 号 医疗救助资金', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-08', name: '冀财社【2021】182 号 城乡基本医疗保险代办员补助', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-09', name: '乐亭县医疗保障局 2022 年长期照护险', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-10', name: '乐亭县医疗保障局 2022 年城乡居民医疗保险', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-11', name: '乐亭县医疗保障局 2022 年改制企业人员大病保险', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-12', name: '乐亭县医疗保障局 2022 年公费医疗', unitCode: UNIT, purpose: '保障项目运行' },
    { code: '460-2022-13', name: '乐亭县医疗保障局 2022 年医疗救助', unitCode: UNIT, purpose: '保障项目运行' },
  ]

  const expenditure: ExpenditureLine[] = [
    // ── 基本支出 (一般公共预算): 人员经费 438.66, 公用经费 42.35 ──
    basic('2080505', '30108', '307609.31'),
    basic('2080506', '30109', '45800.49'),
    basic('2101101', '30110', '149501.52'),
    basic('2101103', '30111', '163791.80'),
    basic('2210201', '30113', '230694.48'),
    basic('2101501', '30101', '1038106.55'),
    basic('2101501', '30102', '240401.85'),
    basic('2101501', '30103', '77894.42'),
    basic('2101501', '30107', '566107.93'),
    basic('2101501', '30112', '20301.99'),
    basic('2101501', '30199', '1542895.51'),
    basic('2101501', '30201', '278991.21'),
    basic('2101501', '30202', '16999.23'),
    basic('2101501', '30207', '28999.74'),
    basic('2101501', '30208', '18699.19'),
    basic('2101501', '30211', '9994.29'),
    basic('2101501', '30215', '995.60'),
    basic('2101501', '30216', '5008.74'),
    basic('2101501', '30231', '28400.00'),
    basic('2101501', '30239', '35402.61'),
    basic('2101501', '30309', '3509.79'),
    // ── 项目支出: 一般公共预算 7648.00, 政府性基金 (彩票公益金) 12.00 ──
    project('460-2022-01', '2101501', 'general', '30227', '80000.00'),
    project('460-2022-02', '2101501', 'general', '31002', '18200.00'),
    project('460-2022-02', '2101501', 'general', '30201', '149836.50'),
    project('460-2022-02', '2101501', 'general', '30226', '131963.50'),
    project('460-2022-03', '2101501', 'general', '31002', '10400.00'),
    project('460-2022-03', '2101501', 'general', '30211', '76540.00'),
    project('460-2022-03', '2101501', 'general', '30299', '113060.00'),
    project('460-2022-04', '2101301', 'general', '30307', '1790000.00'),
    project('460-2022-05', '2101301', 'general', '30307', '1600000.00'),
    project('460-2022-06', '2101501', 'general', '31002', '30000.00'),
    project('460-2022-06', '2101501', 'general', '30216', '20000.00'),
    project('460-2022-06', '2101501', 'general', '30227', '80000.00'),
    project('460-2022-07', '2296013', 'gov_fund', '30307', '120000.00'),
    project('460-2022-08', '2089999', 'general', '30399', '80000.00'),
    project('460-2022-09', '2101299', 'general', '31302', '16600000.00'),
    project('460-2022-10', '2101202', 'general', '31302', '41800000.00'),
    project('460-2022-11', '2101299', 'general', '31302', '300000.00'),
    project('460-2022-12', '2101101', 'general', '30307', '9600000.00'),
    project('460-2022-13', '2101301', 'general', '30307', '4000000.00'),
  ]

  // All 本年 财政拨款; no 上年结转.
  const revenueLines: RevenueLine[] = [
    revenue('2080505', 'general_budget', '307609.31'),
    revenue('2080506', 'general_budget', '45800.49'),
    revenue('2089999', 'general_budget', '80000.00'),
    revenue('2101101', 'general_budget', '9749501.52'),
    revenue('2101103', 'general_budget', '163791.80'),
    revenue('2101202', 'general_budget', '41800000.00'),
    revenue('2101299', 'general_budget', '16900000.00'),
    revenue('2101301', 'general_budget', '7390000.00'),
    revenue('2101501', 'general_budget', '4622708.65'),
    revenue('2210201', 'general_budget', '230694.48'),
    revenue('2296013', 'gov_fund', '120000.00'),
  ]

  return {
    year: 2022,
    department: { code: '460', name: '乐亭县医疗保障局' },
    units,
    revenue: revenueLines,
    expenditure,
    projects,
    threePublic: [
      { item: 'vehicle_operation', fund: 'general', amount: y('28400.00') },
    ],
    // The seed states no vehicle purchase or holding figures.
    procurement: [
      purchase('460-2022-02', '台式计算机', 'A02010104', '2', '4500.00'),
      purchase('460-2022-02', '喷墨打印机', 'A0201060101', '3', '1600.00'),
      purchase('460-2022-02', '普通电视设备（电视机）', 'A02091001', '1', '4400.00'),
      purchase('460-2022-03', '空调机', 'A0206180203', '4', '2600.00'),
      purchase('460-2022-06', '空调机', 'A0206180203', '1', '6500.00'),
      purchase('460-2022-06', '喷墨打印机', 'A0201060101', '1', '5100.00'),
      purchase('460-2022-06', '台式计算机', 'A02010104', '2', '4000.00'),
      purchase('460-2022-06', '空调机', 'A0206180203', '4', '2600.00'),
    ],
    // 截止时间：2021-12-31 (上年末)
    fixedAssets: [{ category: 'other', quantity: '124', value: y('208712.36') }],
  }
}
