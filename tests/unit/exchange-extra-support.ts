import ExcelJS from 'exceljs'
import type { ExtraTable } from '../../lib/budget/extra-table'

/**
 * Tables real workbooks print beyond the template's (项目支出表, 一般公共预算项目支出表, 政府采购预算表,
 * 绩效目标表 forms), written into a workbook with exceljs (none of the app's writer), and the ExtraTable
 * each must read as.
 */
export type Printed = { sheet: string; title: string; meta?: string[]; header: (string | null)[][]; merges?: [number, number, number, number][]; rows: (string | number | null)[][]; note?: string }

/** What real exports print beyond the nine tables, in their own layouts (none of the app's writer). */
export function extras(year: number, unit: string): { printed: Printed[]; expected: ExtraTable[] } {
  const project: Printed = {
    sheet: '3.10项目支出表',
    title: `${year}年部门项目支出表`,
    meta: ['测试局', `单位：${unit}`],
    header: [
      ['序号', '单位名称', '项目名称', '项目类别', '资金来源', '资金来源', '资金来源'],
      ['序号', '单位名称', '项目名称', '项目类别', '合计', '一般公共预算拨款', '政府性基金预算拨款'],
    ],
    merges: [[0, 0, 1, 0], [0, 1, 1, 1], [0, 2, 1, 2], [0, 3, 1, 3], [0, 4, 0, 6]],
    rows: [
      [null, '合计', null, null, 641.5, 546, 95.5],
      [1, '测试局本级', '医疗保障信息化建设', '一般性项目', 546, 546, null],
      [2, '测试局本级', '医疗救助彩票公益金项目', '专项项目', 95.5, null, 95.5],
    ],
    note: '注：项目支出按项目列示。',
  }
  const general: Printed = {
    sheet: 'Sheet12',
    title: `表12 ${year}年一般公共预算项目支出表`,
    header: [['项目名称', '项目类别', '合计', '基本支出', '项目支出']],
    rows: [
      ['医疗保障信息化建设', '一般性项目', 546, null, 546],
      ['医保基金监管专项', '一般性项目', 30.25, null, 30.25],
    ],
  }
  const procurement: Printed = {
    sheet: '政府采购',
    title: `${year}年政府采购预算表`,
    meta: [`单位：${unit}`],
    header: [['序号', '采购项目名称', '采购品目', '数量', '单价', '合计', '一般公共预算拨款']],
    rows: [[1, '医疗保障信息化建设', '服务器', 3, 5, 15, 15]],
  }
  // a form, not a grid: several per sheet, each titled, the rows as printed
  const form = (n: number, name: string): Printed => ({
    sheet: '绩效目标',
    title: `${n}、${year}年${name}绩效目标表`,
    header: [],
    rows: [
      ['项目名称', name, '主管部门', '测试局'],
      ['项目资金（万元）', '年度资金总额', 20, null],
      ['年度目标', '保障业务正常运转', null, null],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '经办业务笔数', '≥10000笔'],
    ],
  })
  const printed = [project, general, procurement, form(1, '医保业务经办费'), form(2, '医保鉴定评审费')]
  const cols = (p: Printed) => (p.header.length ? p.header[0]!.map((_, c) => [...new Set(p.header.map((h) => h[c]))].filter(Boolean).join('/')) : [])
  const expected: ExtraTable[] = [
    { kind: 'project_expenditure', title: project.title, columns: cols(project), concepts: ['seq', 'unit_name', 'project_name', 'project_category', 'total', 'general_budget', 'gov_fund'], rows: project.rows, amountUnit: unit as '元', note: project.note! },
    { kind: 'general_budget_project_expenditure', title: general.title, columns: cols(general), concepts: ['project_name', 'project_category', 'total', 'basic', 'project'], rows: general.rows },
    { kind: 'procurement_budget', title: procurement.title, columns: cols(procurement), concepts: ['seq', 'purchase_item', 'purchase_item', 'quantity', 'unit_price', 'total', 'general_budget'], rows: procurement.rows, amountUnit: unit as '元' },
    { kind: 'project_performance_targets', title: printed[3]!.title, columns: [], concepts: [], rows: printed[3]!.rows },
    { kind: 'project_performance_targets', title: printed[4]!.title, columns: [], concepts: [], rows: printed[4]!.rows },
  ]
  for (const e of expected) if (!e.amountUnit) delete e.amountUnit
  return { printed, expected }
}

export async function withExtras(buf: Buffer, printed: Printed[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  for (const p of printed) {
    const ws = wb.getWorksheet(p.sheet) ?? wb.addWorksheet(p.sheet)
    let r = ws.rowCount + (ws.rowCount ? 2 : 1)
    ws.getCell(r++, 1).value = p.title
    if (p.meta) {
      p.meta.forEach((m, i) => (ws.getCell(r, i === 0 ? 1 : 6).value = m))
      r++
    }
    const top = r
    p.header.forEach((h) => {
      h.forEach((v, c) => v !== null && (ws.getCell(r, c + 1).value = v))
      r++
    })
    for (const [a, b, c, d] of p.merges ?? []) ws.mergeCells(top + a, b + 1, top + c, d + 1)
    for (const row of p.rows) {
      row.forEach((v, c) => v !== null && (ws.getCell(r, c + 1).value = v))
      r++
    }
    if (p.note) ws.getCell(r++, 1).value = p.note
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

