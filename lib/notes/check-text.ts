import Decimal from 'decimal.js'
import type { Printed } from '@/lib/budget/money'
import { formatPrinted, printedCell } from '@/lib/budget/money'
import type { NotesFinding, NotesLocation } from './types'

/** A piece of free text of the notes and where it is printed. */
export type FreeText = { text: string; at: NotesLocation; what: string }

/**
 * Labels a reader takes a following amount to be; each names the figures it may mean. The label
 * closest before the amount (within its clause) decides; longer labels win over their suffixes.
 */
const LABELS: [label: string, keys: string[]][] = [
  ['一般公共预算拨款收入', ['income.general_budget']],
  ['一般公共预算收入', ['income.general_budget']],
  ['政府性基金预算拨款收入', ['income.gov_fund']],
  ['政府性基金收入', ['income.gov_fund']],
  ['国有资本经营预算拨款收入', ['income.state_capital']],
  ['财政专户管理资金收入', ['income.special_account']],
  ['上年结转', ['income.carryover']],
  ['预算收入', ['income.total']],
  ['收入预算', ['income.total']],
  ['收入总计', ['income.total']],
  ['全部收入', ['income.total']],
  ['预算收支安排', ['income.total']],
  ['收支预算', ['income.total']],
  ['支出预算', ['expenditure.total']],
  ['支出总计', ['expenditure.total']],
  ['一般公共预算支出', ['general.total']],
  ['政府性基金支出', ['gov_fund.total']],
  ['基本支出', ['expenditure.basic', 'general.basic']],
  ['人员经费', ['basic.personnel']],
  ['日常公用经费', ['basic.public']],
  ['公用经费', ['basic.public']],
  ['项目支出', ['expenditure.project', 'general.project']],
  ['项目经费', ['expenditure.project', 'general.project']],
  ['机关运行经费', ['operating.total']],
  ['机关运行费', ['operating.total']],
  ['部门运行经费', ['operating.total']],
  ['“三公”经费', ['three_public.total']],
  ['"三公"经费', ['three_public.total']],
  ['三公经费', ['three_public.total']],
  ['因公出国（境）费', ['three_public.abroad']],
  ['因公出国(境)费', ['three_public.abroad']],
  ['公务用车购置及运维费', ['three_public.vehicle']],
  ['公务用车购置费', ['three_public.vehicle_purchase']],
  ['公务用车运行维护费', ['three_public.vehicle_operation']],
  ['公务接待费', ['three_public.reception']],
  ['政府采购预算', ['procurement.total']],
  ['拟购置固定资产总额', ['assets.planned_purchase']],
  ['固定资产金额', ['assets.total']],
]

const AMOUNT = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*(亿元|万元|元)/g
/** A change or a comparison between the label and the amount: the amount is not the figure itself. */
const CHANGE_WORDS = /增加|减少|增长|下降|上升|降低|持平|增减|变化|较上年|比上年|同比|上年|以上|以下|不超过|不低于|约|人均|每/

/** Amount in text → 万元 as a Decimal. */
function toWan(raw: string, unit: string): Decimal {
  const v = new Decimal(raw.replace(/,/g, ''))
  return unit === '亿元' ? v.times(10_000) : unit === '元' ? v.dividedBy(10_000) : v
}

const decimalsOf = (raw: string) => (raw.includes('.') ? raw.split('.')[1]!.length : 0)

/**
 * Finds amounts in free text that a label ties to a figure of the disclosure and that differ from
 * it. “一般公共预算拨款收入 2350.50 万元” where the tables say 2275.24 is flagged at its paragraph.
 * A figure written with fewer decimals (7648 万元) agrees when the figure rounds to it.
 */
export function checkNumbers(texts: FreeText[], figures: Record<string, Printed>): NotesFinding[] {
  const out: NotesFinding[] = []
  for (const ft of texts) {
    for (const m of ft.text.matchAll(AMOUNT)) {
      const raw = m[1]!
      const unit = m[2]!
      const idx = m.index ?? 0
      const before = ft.text.slice(Math.max(0, idx - 40), idx)
      // the clause the amount belongs to
      const clause = before.split(/[。；;！？!?\n，,：:、（）()]/).pop() ?? ''
      let best: { label: string; keys: string[]; end: number } | null = null
      for (const [label, keys] of LABELS) {
        const at = clause.lastIndexOf(label)
        if (at < 0) continue
        const end = at + label.length
        if (!best || end > best.end || (end === best.end && label.length > best.label.length)) best = { label, keys, end }
      }
      if (!best) continue
      const between = clause.slice(best.end)
      if (CHANGE_WORDS.test(between) || /\d/.test(between)) continue
      const known = best.keys.filter((k) => figures[k] !== undefined)
      if (known.length === 0) continue
      const stated = toWan(raw, unit)
      const places = Math.max(0, Math.min(2, decimalsOf(raw) + (unit === '元' ? -4 : unit === '亿元' ? 4 : 0)))
      const agrees = known.some((k) => {
        const fig = new Decimal(figures[k]!.toString()).dividedBy(100)
        return fig.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).equals(stated.toDecimalPlaces(places, Decimal.ROUND_HALF_UP))
      })
      if (agrees) continue
      const fig = figures[known[0]!]!
      const sameNumber = new Decimal(raw.replace(/,/g, '')).equals(new Decimal(fig.toString()).dividedBy(100))
      out.push({
        rule: 'notes.number_mismatch',
        severity: 'error',
        message: `${ft.what}中“${best.label}${between}${m[0]}”与报表不符：报表为 ${formatPrinted(fig)} 万元${sameNumber && unit !== '万元' ? `（单位应为万元，不是${unit}）` : ''}`,
        notes: ft.at,
        expected: printedCell(fig),
        actual: null,
      })
    }
  }
  return out
}

const RESIDUE: [RegExp, string][] = [
  [/[XxＸｘ×]{2,}/, '占位符“XX”'],
  [/待填写|待补充|请填写|此处填写/, '“待填写”字样'],
  [/\{[^{}]{0,20}\}|｛[^｛｝]{0,20}｝/, '模板变量“{…}”'],
  [/【\s*】|\[\s*\]/, '空括号“【】”'],
  [/目标内容\s*\d+/, '模板示例文字“目标内容”'],
]

/** Template residue: XX, xxx, 待填写, {单位}, empty 【】 left in text that will be published. */
export function checkResidue(texts: FreeText[]): NotesFinding[] {
  const out: NotesFinding[] = []
  for (const ft of texts) {
    for (const [re, what] of RESIDUE) {
      const m = re.exec(ft.text)
      if (m) out.push({ rule: 'notes.template_residue', severity: 'error', message: `${ft.what}中有模板残留：${what}（“${m[0]}”）`, notes: ft.at })
    }
  }
  return out
}

const OUTDATED_NAMES: [string, string, number][] = [
  ['医疗卫生与计划生育支出', '卫生健康支出', 2019],
  ['文化体育与传媒支出', '文化旅游体育与传媒支出', 2019],
]

/** Wording defects of reasons: doubled words, contradictions, outdated class names, years after the budget year. */
export function checkWording(texts: FreeText[], year: number): NotesFinding[] {
  const out: NotesFinding[] = []
  for (const ft of texts) {
    const doubled = /(增加|减少|增长|下降)\1/.exec(ft.text)
    if (doubled) out.push({ rule: 'notes.text_contradiction', severity: 'warning', message: `${ft.what}中“${doubled[0]}”重复`, notes: ft.at })
    const contra = /(增加|减少|增长|下降)持平|持平(增加|减少)/.exec(ft.text)
    if (contra) out.push({ rule: 'notes.text_contradiction', severity: 'warning', message: `${ft.what}中“${contra[0]}”自相矛盾`, notes: ft.at })
    for (const [old, now, since] of OUTDATED_NAMES) {
      if (year >= since && ft.text.includes(old)) out.push({ rule: 'notes.outdated_name', severity: 'warning', message: `${ft.what}中“${old}”是 ${since} 年以前的科目名称，现为“${now}”`, notes: ft.at })
    }
  }
  return out
}

/** A reason that cites a year after the budget year is suspect (a copied text from a later year). */
export function checkYears(texts: FreeText[], year: number): NotesFinding[] {
  const out: NotesFinding[] = []
  for (const ft of texts) {
    for (const m of ft.text.matchAll(/(20\d{2})\s*年/g)) {
      if (Number(m[1]) > year) out.push({ rule: 'notes.year_reference', severity: 'warning', message: `${ft.what}中提到“${m[0]}”，晚于预算年度 ${year} 年`, notes: ft.at })
    }
  }
  return out
}
