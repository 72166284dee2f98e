import type { Sentence } from '../notes'
import type { CheckFinding } from '../types'
import { finding } from '../types'
import type { RuleRun } from './figures'
import { toHundredths } from './figures'

const at = (s: Sentence) => ({ page: s.page, section: s.section || null, quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text })

/** The document-level totals a disclosure states, each of which has one value in one year's document. */
const LABELS = ['收入预算', '支出预算', '收支预算', '财政拨款收入预算', '财政拨款支出预算', '一般公共预算拨款支出预算', '基本支出预算', '项目支出预算', '“三公”经费预算', '"三公"经费预算', '三公经费预算', '机关运行经费预算', '政府采购预算']
const LABEL = LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')).join('|')
// the label right before the amount (only 为/是/总额/合计/共计 between), the amount, its unit
const STATED = new RegExp(`(${LABEL})(?:总额|总计|合计|共计)?(?:为|是)?\\s*(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元|元)`, 'g')
// a label inside a longer name (基金支出预算, 整体支出预算 …) or about another year is not the document's total (部门/单位 before it is)
const BOUNDARY = /^[\s，,。；;：:（(、“"年的中门位]$/
const OTHER_YEAR = /(上年|上一年|去年|较|比|与|同比)/

type Stated = { label: string; raw: string; lo: number; hi: number; s: Sentence }

/**
 * The same figure stated twice with two values: a total the text names in the same words (收入预算,
 * 支出预算, 机关运行经费预算 …) given two amounts that no rounding reconciles. Only amounts right after
 * the label, with nothing about another year before them, and the label not inside a longer name.
 */
export function restatedFigures(sentences: Sentence[], year: number | null): RuleRun {
  const byLabel = new Map<string, Stated[]>()
  for (const s of sentences) {
    for (const m of s.text.matchAll(STATED)) {
      const i = m.index
      if (i > 0 && !BOUNDARY.test(s.text[i - 1]!)) continue
      const before = s.text.slice(Math.max(0, i - 14), i)
      if (OTHER_YEAR.test(before)) continue
      const years = [...before.matchAll(/(20\d{2})\s*年/g)].map((y) => Number(y[1]))
      if (years.some((y) => y !== year)) continue
      if (years.length === 0 && year === null) continue
      const label = m[1]!.replace(/["“”]/g, '')
      const places = m[2]!.includes('.') ? m[2]!.split('.')[1]!.length : 0
      const v = toHundredths(m[2]!, m[3]!)
      const half = toHundredths(String(10 ** -places / 2), m[3]!)
      const list = byLabel.get(label) ?? []
      list.push({ label, raw: `${m[2]}${m[3]}`, lo: v.minus(half).toNumber(), hi: v.plus(half).toNumber(), s })
      byLabel.set(label, list)
    }
  }
  const out: CheckFinding[] = []
  let pairs = 0
  for (const [label, list] of byLabel) {
    if (list.length < 2) continue
    pairs++
    const first = list[0]!
    for (const other of list.slice(1)) {
      if (other.hi < first.lo || other.lo > first.hi) {
        out.push(finding('text.restated_figure', 'error', `“${label}”前后两处金额不一致：第 ${first.s.page ?? '?'} 页为 ${first.raw}，此处为 ${other.raw}`, { ...at(other.s), expected: first.raw, actual: other.raw }))
      }
    }
  }
  return pairs === 0 ? { findings: [], notRun: '文中没有同一项总额（如收入预算、支出预算）出现两次的表述' } : { findings: out }
}
