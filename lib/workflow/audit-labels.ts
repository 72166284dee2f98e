import { CATEGORY_LABELS, FUND_LABELS, REVENUE_SOURCE_LABELS, THREE_PUBLIC_LABELS } from '@/lib/budget/types'
import { FIXED_ASSET_LABELS, PROCUREMENT_FUND_LABELS } from '@/lib/notes/procurement'
import { SECTION_TITLES } from '@/lib/notes/types'
import { chinaTime } from './format'

/**
 * The audit log in words (issue 12): a changed field's path (lib/workflow/audit-diff.ts) as Chinese labels
 * (`items[0].itemName` → 采购品目 · 第 1 项 · 品目名称) and its values as a reader knows them (codes of
 * funds, categories and sources by name, true/false as 是/否, times in China time). Pure.
 */
export const FIELD_LABELS: Record<string, string> = {
  // status changes and review
  status: '状态', version: '版本号', submittedAt: '提交时间', acknowledgements: '提示说明', commentsAnswered: '已回应意见', reason: '退回理由',
  reasonCommentId: '退回意见编号', openComments: '待处理意见', approvedAt: '批复日期', approvedOn: '批复日期', publicationDeadline: '公开期限',
  publishedOn: '公开日期', publishedAt: '公开时间', deadline: '公开期限', late: '逾期天数', revision: '版次', correctsId: '更正的版本', correctionNote: '更正说明',
  copied: '复制的数据', copyFromYear: '复制自年度', consolidate: '由所属单位汇总', anchor: '意见位置', body: '意见', kind: '类型', table: '表', row: '行', col: '列',
  section: '部分', paragraph: '段落', field: '字段', explanation: '说明', findingKey: '提示',
  // lines, projects, 三公
  rows: '行数', amount: '金额（元）', amounts: '金额（元）', unitCode: '单位', functionCode: '功能分类科目', economicCode: '经济分类科目', fund: '资金性质',
  category: '支出类型', projectCode: '项目编码', projectCodes: '项目', source: '收入来源', name: '名称', code: '编码', count: '条数', file: '文件', year: '年度',
  entries: '“三公”经费', item: '项目', vehiclesPurchased: '购置车辆数', vehiclesHeld: '年末车辆保有量', vehiclesByType: '车辆（按类型）',
  // procurement and assets
  items: '采购品目', itemName: '品目名称', catalogueCode: '采购目录编码', projectName: '项目名称', projectBudget: '项目预算（元）', unit: '计量单位',
  quantity: '数量', unitPrice: '单价（元）', smeReserved: '预留中小企业份额（元）', fixedAssets: '固定资产', value: '价值（元）',
  // notes
  notes: '情况说明', duties: '部门职责', intro: '概述', offices: '内设机构', officesIntro: '内设机构概述', units: '所属单位', unitsIntro: '所属单位概述',
  operatingCosts: '机关运行经费', civilServiceUnits: '参照公务员法管理的单位', labels: '名称', extra: '补充说明', threePublic: '“三公”经费',
  abroadGroups: '出国（境）团组数', abroadPersons: '出国（境）人次', receptionBatches: '公务接待批次', receptionPersons: '公务接待人次', reasons: '增减原因',
  overview: '收支总体情况', procurement: '政府采购', assets: '国有资产占用', generalEquipment: '通用设备', specialEquipment: '专用设备', performance: '绩效目标',
  mainProjects: '重点项目', glossary: '名词解释', term: '名词', definition: '解释', text: '内容', content: '内容', note: '备注', organisation: '机构',
  prior: '上年', parts: '部分', style: '格式', originalCode: '原编码', other: '其他', list: '明细',
  // performance targets
  title: '名称', goal: '目标', goals: '年度目标', indicators: '绩效指标', level1: '一级指标', level2: '二级指标', level3: '三级指标', description: '指标描述',
  operator: '运算符', target: '指标值', values: '指标值', basis: '确定依据', fiscalFunds: '财政资金（元）', otherFunds: '其他资金（元）', purpose: '用途',
  spendingPlan: '资金支出计划', q1: '一季度', q2: '二季度', q3: '三季度', q4: '四季度', measures: '保障措施', tasks: '任务', subTargets: '子目标', label: '名称',
  // admin
  from: '原', to: '新', edits: '修改', key: '键', definitionJson: '模板定义', aliases: '别名', verified: '已核对', level: '级次', parent: '上级',
}

const VALUES: Record<string, Record<string, string>> = {
  fund: { ...PROCUREMENT_FUND_LABELS, ...FUND_LABELS },
  category: { ...CATEGORY_LABELS, ...FIXED_ASSET_LABELS },
  source: REVENUE_SOURCE_LABELS,
  item: THREE_PUBLIC_LABELS,
  section: SECTION_TITLES,
  kind: { cell: '表格单元格', notes: '情况说明', general: '总体意见', overall: '部门整体', project: '项目', function: '功能分类', economic: '经济分类' },
}

const segments = (path: string) => path.split(/\.|(?=\[)/).filter(Boolean)

/** The path of a changed field in Chinese: `items[0].itemName` → “采购品目 · 第 1 项 · 品目名称”; a key without a label reads “其他”. */
export function fieldLabel(path: string): string {
  if (!path) return ''
  const segs = segments(path)
  return segs
    .map((s, k) => {
      const i = /^\[(\d+)\]$/.exec(s)
      if (i) return `第 ${Number(i[1]) + 1} 项`
      // keyed by a code: procurement amounts by fund, 三公 by item
      const byCode = segs[k - 1] === 'amounts' ? PROCUREMENT_FUND_LABELS : undefined
      return (byCode as Record<string, string> | undefined)?.[s] ?? FIELD_LABELS[s] ?? (/^[\u4e00-\u9fff]/.test(s) ? s : '其他')
    })
    .join(' · ')
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

/** A value as a reader knows it; `extra` maps more values by the field's last key (e.g. status → 已提交). */
export function valueText(path: string, v: string | null, extra: Record<string, Record<string, string>> = {}): string {
  if (v === null || v === '') return '（无）'
  const last = segments(path).filter((s) => !s.startsWith('[')).pop() ?? ''
  const map = extra[last] ?? VALUES[last]
  if (map && v in map) return map[v]!
  if (v === 'true') return '是'
  if (v === 'false') return '否'
  if (ISO.test(v)) return `${chinaTime(v)}（北京时间）`
  return v
}
