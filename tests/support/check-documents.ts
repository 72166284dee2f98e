import fs from 'node:fs'
import path from 'node:path'
import type { FixtureTable } from '@/lib/budget/table'
import { cellText, loadWorkbook } from '@/lib/exchange/load-workbook'

const dir = path.resolve(import.meta.dirname, '../fixtures')

export const seedText = (name: string) => fs.readFileSync(path.join(dir, 'seeds', `${name}.txt`), 'utf8')

type ShanghaiFixture = {
  department: { name: string }
  year: number
  tables: (FixtureTable & { amountUnit?: string })[]
  notes: Record<string, unknown> & { changeSentences: string[]; expenditure_items: { no: number; printed: string; amount: number; use: string }[] }
  inconsistencies: { id: string; kind: string; severity: string; text: string; where: string }[]
}

export function loadShanghai(): ShanghaiFixture {
  return JSON.parse(fs.readFileSync(path.join(dir, 'shanghai-wenlv-2026.json'), 'utf8')) as ShanghaiFixture
}

/** A table as PDF extraction prints it: title, the 编制部门 / 单位 line, header rows (levels of "a/b/c"), tab-separated rows. */
export function tableLines(t: FixtureTable & { amountUnit?: string }, preparer: string, unit: string): string[] {
  const levels = Math.max(...t.columns.map((c) => c.split('/').length))
  const header: string[] = []
  for (let l = 0; l < levels; l++) header.push(t.columns.map((c) => { const p = c.split('/'); return p[Math.min(l, p.length - 1)]! }).join('\t'))
  const rows = t.rows.map((r) => r.map((v) => (v === null ? '' : typeof v === 'number' ? (unit === '元' ? v.toLocaleString('en-US') : v.toFixed(2)) : v)).join('\t'))
  return [t.title, `编制部门：${preparer}\t单位：${unit}`, ...header, ...rows, ...(t.note ? [t.note] : [])]
}

/**
 * The Shanghai disclosure's document text, built from its fixture (its PDF is not available): the
 * notes' sentences as the fixture transcribes them (changeSentences, the 23 expenditure items, the
 * sentences its `inconsistencies` quote), then the nine tables (table 7 with its blank 编制部门), then
 * 其他相关情况说明 and the project statement. Pages as the fixture gives them (p7, p8, p21, p26, p27).
 */
export async function shanghaiDocument(): Promise<string> {
  const fx = loadShanghai()
  const n = fx.notes
  const dept = fx.department.name
  const page = (lines: string[]) => lines.join('\n')
  const pages: string[] = []
  pages.push(page([`${dept}2026年部门预算`, '目录', '一、部门主要职能 ........ 1']))
  pages.push(page(['一、部门主要职能', `${dept}主要职能是贯彻执行国家和本市关于文化、旅游工作的方针政策。`, '二、部门机构设置', `${dept}部门预算单位包括：${(n.budget_units_list as string[]).join('、')}。`, '三、部门主要工作任务', '2026年，本部门将持续推进公共文化服务体系建设。']))
  for (let p = 3; p <= 6; p++) pages.push(page([`第${p}页正文说明。`]))
  pages.push(page(['四、部门预算编制说明', ...n.changeSentences.slice(0, 4).map((s) => (s.endsWith('。') ? s : `${s}。`))]))
  const items = n.expenditure_items.map((it) => {
    const close = it.no === 15 ? '＂' : '”'
    const dot = it.no === 18 ? '' : '.'
    return `${it.no}${dot}“${it.printed}${close}${it.amount.toFixed(2)}万元，${it.use}`
  })
  pages.push(page(['五、部门支出预算具体情况', `2026年部门支出预算中，按功能分类的主要内容如下：`, ...items]))
  // tables 1–9 from the fixture's workbook (as the budget system exports them), a page each; table 7's 编制部门 blank as printed
  const wb = await loadWorkbook(fs.readFileSync(path.join(dir, 'shanghai-wenlv-2026.xlsx')))
  for (const sheet of wb.sheets) {
    const lines = sheet.rows.map((r) => r.map((c) => cellText(c).replace(/\s+/g, ' ').trim()))
    const text = lines
      .map((cells) => (new Set(cells.filter(Boolean)).size <= 1 ? (cells.find(Boolean) ?? "") : cells.join("\t")))
      .map((l) => (/国有资本经营/.test(sheet.name) && l.includes(dept) && !l.includes('表') ? `编制部门：\t单位：元` : l))
    pages.push(page(text))
  }
  while (pages.length < 25) pages.push(page(['（本页为表格续页）']))
  pages.push(
    page([
      '其他相关情况说明',
      '一、“三公”经费预算情况说明',
      ...n.changeSentences.slice(4).map((s) => (s.endsWith('。') ? s : `${s}。`)),
      '二、机关运行经费预算',
      `2026年本部门${n.operating_costs_scope as string}为${(n.operating_costs as number).toFixed(2)}万元。`,
      '三、政府采购预算情况',
      `2026年本部门政府采购预算${(n.procurement_total as number).toFixed(2)}万元，其中：政府采购货物预算${(n.procurement_goods as number).toFixed(2)}万元、政府采购工程预算${(n.procurement_works as number).toFixed(2)}万元、政府采购服务预算${(n.procurement_services as number).toFixed(2)}万元。`,
      '四、绩效目标设置情况',
      `按照本区预算绩效管理工作的总体要求，本部门${n.performance_target_units as number}个预算单位开展了2026年项目预算绩效目标编报工作，编报绩效目标的项目${n.performance_target_projects as number}个，涉及项目预算资金${(n.performance_target_funds as number).toFixed(2)}万元。`,
      '五、国有资产占有使用情况',
      `截至2025年8月31日，本部门共有车辆${n.vehicles_held as number}辆。`,
    ]),
  )
  const ps = n.project_statement as { title: string; total_investment: number; funds_2025: number }
  pages.push(
    page([
      ps.title,
      '一、项目概述',
      '本项目为真如海心剧院精装修工程。',
      '六、年度预算安排',
      `本项目可研批复总投资为${ps.total_investment}万元，其中建筑安装工程费11668.67万元，工程建设其他费用1213.29万元，预备费644.10万元。2025年安排建设资金${ps.funds_2025}万元。`,
    ]),
  )
  return pages.join('\f')
}
