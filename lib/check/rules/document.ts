import type { Printed } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import type { NotesText, Sentence } from '../notes'
import type { CheckFinding, DocLine } from '../types'
import { finding } from '../types'
import type { RuleRun } from './figures'

const at = (s: Sentence) => ({ page: s.page, section: s.section || null, quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text })

/** The topics the notes must cover (财预〔2016〕143号 and the provinces' templates), as a reader finds them in headings. */
const TOPICS: { id: string; name: string; re: RegExp; families?: RegExp }[] = [
  { id: 'duties', name: '部门职责及机构设置', re: /职责|职能|机构设置/ },
  { id: 'overview', name: '预算安排的总体情况', re: /总体情况|收支预算|编制说明|预算安排|收入预算|支出预算/ },
  { id: 'operating', name: '机关运行经费', re: /机关运行经费|运行经费/ },
  { id: 'threePublic', name: '“三公”经费', re: /三公/ },
  { id: 'performance', name: '绩效目标', re: /绩效/ },
  { id: 'procurement', name: '政府采购', re: /政府采购/ },
  { id: 'assets', name: '国有资产', re: /国有资产|资产占用|固定资产/ },
  { id: 'glossary', name: '名词解释', re: /名词解释/, families: /^(hebei|henan)/ },
]

export function requiredSections(notes: NotesText, templateId: string | null): RuleRun {
  if (notes.sections.length === 0) return { findings: [], notRun: '未找到情况说明的章节标题' }
  const out: CheckFinding[] = []
  const heads = notes.sections.map((s) => s.title).join('\n')
  const all = heads + notes.sentences.map((s) => s.text.slice(0, 30)).join('\n')
  for (const t of TOPICS) {
    if (t.families && !(templateId && t.families.test(templateId))) continue
    if (!t.re.test(heads) && !t.re.test(all)) out.push(finding('completeness.section', 'warning', `情况说明缺少“${t.name}”部分`, { expected: t.name }))
  }
  return { findings: out }
}

/** Names of classification items stated in the text with (类)(款)(项) against the names the tables print. */
export function codeNames(sentences: Sentence[], tables: BudgetTable[]): RuleRun {
  const names = new Map<string, string>()
  for (const t of tables) {
    if (t.key === 'general_budget_basic_expenditure') continue
    t.meta.forEach((m, r) => {
      if (m.kind === 'code') names.set(String(t.rows[r]?.[1] ?? '').replace(/\s+/g, ''), m.code)
    })
  }
  if (names.size === 0) return { findings: [], notRun: '未识别出功能分类科目表' }
  const out: CheckFinding[] = []
  let n = 0
  for (const s of sentences) {
    for (const m of s.text.matchAll(/([^\s()（）“”"＂，。；:：、\d]{2,30})[（(](类|款|项)[)）]/g)) {
      n++
      const name = m[1]!.replace(/^(?:其中|包括|及|和)/, '')
      if (names.has(name)) continue
      const near = [...names.keys()].find((k) => k.length >= 4 && (k.includes(name.slice(-4)) || name.includes(k.slice(-4))) && Math.abs(k.length - name.length) <= 4)
      out.push(finding('text.code_name', 'warning', `“${name}（${m[2]}）”与报表中的科目名称不一致${near ? `（报表为“${near}”，科目 ${names.get(near)}）` : ''}`, { ...at(s), actual: name, expected: near ?? null }))
    }
  }
  return n ? { findings: out } : { findings: [], notRun: '正文没有以（类）（款）（项）列出的科目' }
}

/** The same code printed with two names in two tables. */
export function sameCodeTwoNames(tables: BudgetTable[]): RuleRun {
  const seen = new Map<string, { name: string; title: string }>()
  const out: CheckFinding[] = []
  for (const t of tables) {
    t.meta.forEach((m, r) => {
      if (m.kind !== 'code') return
      const name = String(t.rows[r]?.[1] ?? '').replace(/\s+/g, '')
      if (!name) return
      const key = `${t.key === 'general_budget_basic_expenditure' ? 'e' : 'f'}:${m.code}`
      const prev = seen.get(key)
      if (!prev) seen.set(key, { name, title: t.title })
      else if (prev.name !== name) out.push(finding('table.code_two_names', 'warning', `科目 ${m.code} 在${prev.title}中为“${prev.name}”，在${t.title}中为“${name}”`, { table: t.key, row: `${m.code} ${name}`, expected: prev.name, actual: name }))
    })
  }
  return seen.size ? { findings: out } : { findings: [], notRun: '未识别出带科目编码的表' }
}

/** A table header line that leaves 编制部门 blank. */
export function blankPreparer(lines: DocLine[]): RuleRun {
  const out: CheckFinding[] = []
  for (const l of lines) {
    if (/编制(?:部门|单位)[:：]\s*(?:单位[:：]|金额单位|$)/.test(l.text)) out.push(finding('table.preparer_blank', 'info', '表头“编制部门”未填写', { page: l.page, quote: l.text }))
  }
  return { findings: out }
}

/** A section titled 年度预算安排 that states no amount for the budget year. */
export function annualArrangement(notes: NotesText, year: number | null): RuleRun {
  if (!year) return { findings: [], notRun: '未能确定预算年度' }
  const heads = notes.sections.filter((s) => /年度预算安排|年度资金安排/.test(s.title))
  if (heads.length === 0) return { findings: [], notRun: '没有“年度预算安排”部分' }
  const out: CheckFinding[] = []
  for (const h of heads) {
    const ss = notes.sentences.filter((s) => s.section === h.title)
    if (!ss.some((s) => new RegExp(`${year}\\s*年[^。；]{0,30}\\d[\\d,.]*\\s*(?:亿元|万元|元)`).test(s.text))) {
      out.push(finding('text.annual_amount_missing', 'warning', `“${h.title}”未说明 ${year} 年的预算安排金额`, { page: h.page, section: h.title, quote: ss[0]?.text ?? h.title }))
    }
  }
  return { findings: out }
}

/** 部门 and 单位 wording mixed: a unit budget that speaks of 本部门, or the reverse. */
export function departmentUnitWording(sentences: Sentence[], isUnitBudget: boolean): RuleRun {
  const wrong = isUnitBudget ? /本部门|我部门/ : /本单位预算|我单位预算/
  const s = sentences.find((x) => wrong.test(x.text))
  if (!s) return { findings: [] }
  return { findings: [finding('text.department_unit', 'info', isUnitBudget ? '单位预算中使用了“本部门”的表述' : '部门预算中使用了“本单位预算”的表述', { ...at(s), actual: wrong.exec(s.text)![0] })] }
}

/**
 * 三公 counts the templates ask for beside the amounts: 因公出国 团组/人次, 公务用车 购置数/保有量,
 * 公务接待 批次/人次 — looked for only where the item has money (an item of 0 needs no count).
 */
export function threePublicCounts(sentences: Sentence[], figures: Record<string, Printed>): RuleRun {
  const inSection = sentences.filter((s) => /三公/.test(s.section))
  const tp = inSection.length ? inSection : sentences.filter((s) => /三公/.test(s.text) && !/名词解释/.test(s.section))
  if (tp.length === 0) return { findings: [], notRun: '没有“三公”经费的说明' }
  if (figures['three_public.abroad'] === undefined) return { findings: [], notRun: '未识别出“三公”经费表' }
  const text = tp.map((s) => s.text).join('')
  const items: [string, string, RegExp, string][] = [
    ['three_public.abroad', '因公出国（境）', /团组|人次/, '团组数和人次'],
    ['three_public.vehicle_purchase', '公务用车购置', /购置[^。；]{0,10}辆|辆/, '购置数'],
    ['three_public.reception', '公务接待', /批次|人次/, '批次和人次'],
  ]
  const out: CheckFinding[] = []
  for (const [key, name, re, what] of items) {
    if ((figures[key] ?? 0n) > 0n && !re.test(text)) out.push(finding('text.three_public_counts', 'info', `${name}费有预算，但说明中没有${what}`, { page: tp[0]!.page, section: tp[0]!.section || null, quote: tp[0]!.text.slice(0, 160) }))
  }
  return { findings: out }
}
