import Decimal from 'decimal.js'
import type { Printed } from '@/lib/budget/money'
import { formatPrinted, formatPrintedNumber, printed } from '@/lib/budget/money'
import { checkNumbers } from '@/lib/notes/check-text'
import type { NotesLocation } from '@/lib/notes/types'
import type { Sentence } from '../notes'
import type { CheckFinding } from '../types'
import { finding } from '../types'

/** Result of a rule that needs something the document may not give: findings, or why it could not run. */
export type RuleRun = { findings: CheckFinding[]; notRun?: string }

const at = (s: Sentence) => ({ page: s.page, section: s.section || null, quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text })

/** An amount in text in hundredths of 万元 (Decimal, may have more places when stated in 元). */
export function toHundredths(raw: string, unit: string): Decimal {
  const v = new Decimal(raw.replace(/,/g, ''))
  return (unit === '亿元' ? v.times(10_000) : unit === '元' ? v.dividedBy(10_000) : v).times(100)
}

const AMOUNT = '(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元|元)'

/**
 * Text against tables: every amount a label ties to a table figure (lib/notes/check-text, the notes
 * editor's own check), in 元 / 万元 / 亿元, rounded as printed. A whole-万元 amount that is the figure
 * truncated instead of rounded is a warning, not an error.
 */
export function amountsAgainstTables(sentences: Sentence[], figures: Record<string, Printed>): RuleRun {
  if (Object.keys(figures).length === 0) return { findings: [], notRun: '未识别出可对照的表格数字' }
  const out: CheckFinding[] = []
  for (const s of sentences) {
    const found = checkNumbers([{ text: s.text, at: {} as NotesLocation, what: '' }], figures)
    for (const f of found) {
      const m = new RegExp(`${AMOUNT}”与报表不符`).exec(f.message)
      const fig = f.expected === null || f.expected === undefined ? undefined : printed(f.expected)
      const message = f.message.replace(/^中/, '')
      // a label inside a longer name (“基金预算收入” is not “预算收入”) does not tie the amount to the figure
      const quoted = /^“([^”]*)”/.exec(message)?.[1] ?? ''
      const pos = quoted ? s.text.indexOf(quoted) : -1
      if (pos > 0 && !/[年，,：:；;、的为是\s“（(0-9中括及和与含其]/.test(s.text[pos - 1]!)) continue
      if (m && fig !== undefined) {
        const stated = toHundredths(m[1]!, m[2]!)
        const figD = new Decimal(fig.toString())
        const places = m[1]!.includes('.') ? m[1]!.split('.')[1]!.length : 0
        const scale = new Decimal(10).pow(2 - Math.min(2, places + (m[2] === '元' ? -4 : m[2] === '亿元' ? 4 : 0)))
        if (m[2] === '万元' && places < 2 && figD.dividedBy(scale).floor().times(scale).equals(stated)) {
          out.push(finding('text.amount_truncated', 'warning', `“${m[0]}”是报表数 ${formatPrinted(fig)} 万元截尾而非四舍五入`, { ...at(s), expected: formatPrinted(fig), actual: m[0] }))
          continue
        }
      }
      out.push(finding('text.amount_vs_table', 'error', `句中${message}`, { ...at(s), expected: fig === undefined ? null : formatPrinted(fig), actual: m?.[0] ?? null }))
    }
  }
  return { findings: out }
}

type Change = { label: string; delta: Decimal; idx: number; raw: string }
const CHANGE_RE = new RegExp(`(增加|增长|上升|减少|下降|降低)\\s*${AMOUNT}|(持平)`, 'g')

/** Changes stated in a text, signed, in hundredths of 万元, with the label closest before each. */
function changesIn(text: string, labels: [RegExp, string][]): Change[] {
  const out: Change[] = []
  for (const m of text.matchAll(CHANGE_RE)) {
    const idx = m.index ?? 0
    const before = text.slice(Math.max(0, idx - 60), idx)
    let label = ''
    let best = -1
    for (const [re, name] of labels) {
      for (const lm of before.matchAll(new RegExp(re.source, 'g'))) {
        const end = (lm.index ?? 0) + lm[0].length
        if (end > best) [best, label] = [end, name]
      }
    }
    // the label must be in the same clause as the change
    if (best < 0 || /[；。]/.test(before.slice(best))) label = ''
    const delta = m[4] ? new Decimal(0) : toHundredths(m[2]!, m[3]!).times(/减少|下降|降低/.test(m[1]!) ? -1 : 1)
    out.push({ label, delta, idx, raw: m[0] })
  }
  return out
}

const THREE_PUBLIC_LABELS: [RegExp, string][] = [
  [/“?三公”?经费(?:预算)?(?:数|安排)?/, 'total'],
  [/因公出国[（(]境[)）]费/, 'abroad'],
  [/公务用车购置及运(?:行维护|行|维)费/, 'vehicle'],
  [/公务用车购置费/, 'vehicle_purchase'],
  [/公务用车运(?:行维护|行|维)费/, 'vehicle_operation'],
  [/公务接待费/, 'reception'],
]

/** The 三公 total's stated change against the changes stated for 因公出国, 公务用车, 公务接待. */
export function threePublicChange(sentences: Sentence[]): RuleRun {
  const tp = sentences.filter((s) => /三公|因公出国|公务用车|公务接待/.test(s.text) && !/名词解释|是指|反映/.test(s.section + s.text.slice(0, 12)))
  // a sentence that opens with the comparison ("与2022年相比减少0.01万元") speaks of the 三公 total
  const changes = tp.flatMap((s) =>
    changesIn(s.text, THREE_PUBLIC_LABELS).map((c, k) => (k === 0 && !c.label && /^(?:其中[:：]?)?(?:与|比|较|同)/.test(s.text) && !/^其中/.test(s.text) ? { ...c, label: 'total' } : c)),
  )
  const first = (l: string) => changes.find((c) => c.label === l)
  const total = first('total')
  const items = ['abroad', 'vehicle', 'reception'].map(first)
  if (!total) return { findings: [], notRun: '未找到“三公”经费总额的增减表述' }
  if (items.some((x) => !x)) return { findings: [], notRun: '未逐项说明因公出国（境）费、公务用车购置及运行费、公务接待费的增减' }
  const sum = items.reduce((a, x) => a.plus(x!.delta), new Decimal(0))
  if (sum.minus(total.delta).abs().lessThanOrEqualTo(1)) return { findings: [] }
  const s = tp.find((x) => x.text.includes(total.raw)) ?? tp[0]!
  const word = (d: Decimal) => (d.isZero() ? '持平' : `${d.isPositive() ? '增加' : '减少'} ${d.abs().dividedBy(100).toFixed(2)} 万元`)
  return {
    findings: [
      finding('text.three_public_change', 'error', `“三公”经费总额${word(total.delta)}，而各项（因公出国、公务用车、公务接待）合计${word(sum)}`, { ...at(s), expected: word(sum), actual: word(total.delta) }),
    ],
  }
}

const PART_LABELS: [RegExp, string][] = [
  [/基本支出/, 'basic'],
  [/项目(?:支出|经费)/, 'project'],
  [/人员经费/, 'personnel'],
  [/(?:日常)?公用经费/, 'public'],
]
/** Ways the total budget splits: 基本 + 项目, or 人员 + 公用 + 项目. */
const PARTITIONS = [
  ['basic', 'project'],
  ['personnel', 'public', 'project'],
]

/**
 * "比上年减少438.56万元，其中：基本支出减少31.09万元…项目支出减少407.47万元": the parts' changes add
 * up to the total's. It runs only when the parts named make up a whole partition of the budget.
 */
export function changeParts(sentences: Sentence[]): RuleRun {
  const out: CheckFinding[] = []
  let candidates = 0
  const byParagraph = new Map<number, Sentence[]>()
  for (const s of sentences) byParagraph.set(s.line, [...(byParagraph.get(s.line) ?? []), s])
  for (const group of byParagraph.values()) {
    const text = group.map((s) => s.text).join('')
    const k = text.search(/其中[:：]?/)
    if (k < 0) continue
    const head = changesIn(text.slice(0, k), [])
    const total = head[head.length - 1]
    if (!total || !/比|较|与|同比/.test(text.slice(Math.max(0, total.idx - 30), total.idx))) continue
    const byLabel = new Map<string, Change>()
    for (const p of changesIn(text.slice(k), PART_LABELS)) if (p.label && !byLabel.has(p.label)) byLabel.set(p.label, p)
    const partition = PARTITIONS.filter((set) => set.every((l) => byLabel.has(l))).pop()
    if (!partition) continue
    candidates++
    const sum = partition.reduce((a, l) => a.plus(byLabel.get(l)!.delta), new Decimal(0))
    if (sum.minus(total.delta).abs().greaterThan(Math.floor(partition.length / 2))) {
      const s = group.find((x) => x.text.includes(total.raw)) ?? group[0]!
      out.push(finding('text.change_parts', 'error', `总的变化“${total.raw}”与其中各部分变化之和 ${sum.dividedBy(100).toFixed(2)} 万元不符`, { ...at(s), expected: sum.dividedBy(100).toFixed(2), actual: total.raw }))
    }
  }
  return candidates ? { findings: out } : { findings: [], notRun: '没有“其中”分项说明增减的句子' }
}

/** "2022年预算安排8141.01万元，2021年预算安排7907.40万元，比上年增加233.61万元": the change agrees with the two figures, in direction and amount. */
export function changeDirection(sentences: Sentence[], year: number | null): RuleRun {
  if (!year) return { findings: [], notRun: '未能确定预算年度' }
  const out: CheckFinding[] = []
  let n = 0
  for (const s of sentences) {
    const cur = new RegExp(`${year}\\s*年[^，。；\\d]{0,16}?${AMOUNT}`).exec(s.text)
    const pri = new RegExp(`${year - 1}\\s*年[^，。；\\d]{0,16}?${AMOUNT}`).exec(s.text)
    const ch = changesIn(s.text, []).find((c) => !c.delta.isZero() || /持平/.test(c.raw))
    if (!cur || !pri || !ch) continue
    // "较2023年预算减少438.56万元" states the change, not last year's figure
    if ([cur, pri].some((m) => /增|减|上升|下降|降低|持平|比|较/.test(m[0]))) continue
    n++
    const diff = toHundredths(cur[1]!, cur[2]!).minus(toHundredths(pri[1]!, pri[2]!))
    if (diff.minus(ch.delta).abs().greaterThan(1)) {
      const word = diff.isZero() ? '持平' : `${diff.isPositive() ? '增加' : '减少'} ${diff.abs().dividedBy(100).toFixed(2)} 万元`
      out.push(finding('text.change_direction', 'error', `按${year}年 ${cur[1]}${cur[2]} 与${year - 1}年 ${pri[1]}${pri[2]}，应为${word}，文中为“${ch.raw}”`, { ...at(s), expected: word, actual: ch.raw }))
    }
  }
  return n ? { findings: out } : { findings: [], notRun: '没有同时给出本年与上年金额的增减句子' }
}

const COMPARISON = /比上年|较上年|比20\d{2}年|较20\d{2}年|与20\d{2}年|同比|比去年|较去年/
const REASON = /原因|由于|因为|主要是|主要为|主要用于|系|用于|因/

/** A stated change against last year gives its reason in the same or the next sentence; 持平 needs none. */
export function changeReason(sentences: Sentence[]): RuleRun {
  const out: CheckFinding[] = []
  let n = 0
  sentences.forEach((s, i) => {
    if (!COMPARISON.test(s.text) || !/(增加|减少|增长|下降|上升|降低)\s*\d/.test(s.text)) return
    n++
    const window = [s, ...sentences.slice(i + 1, i + 4).filter((x) => x.section === s.section)].map((x) => x.text).join('')
    if (!REASON.test(window)) out.push(finding('text.change_reason', 'warning', '说明了与上年相比的增减，但没有说明原因', at(s)))
  })
  return n ? { findings: out } : { findings: [], notRun: '没有与上年比较增减的句子' }
}

/** "增长100%" where last year was 0: growth from nothing is not a percentage. */
export function zeroBaseGrowth(sentences: Sentence[]): RuleRun {
  const out: CheckFinding[] = []
  let n = 0
  for (const s of sentences) {
    const g = /增长\s*100(?:\.0+)?\s*%/.exec(s.text)
    if (!g) continue
    n++
    const amounts = [...s.text.matchAll(new RegExp(AMOUNT, 'g'))].map((m) => toHundredths(m[1]!, m[2]!).toString())
    const zeroPrior = /上年(?:预算)?(?:数)?(?:为)?\s*0(?:\.0+)?\s*万?元|上年(?:无|没有)/.test(s.text) || (amounts.length >= 2 && amounts[0] === amounts[1])
    if (zeroPrior) out.push(finding('text.zero_base_growth', 'warning', '上年为 0，不能表述为“增长100%”', { ...at(s), actual: g[0] }))
  }
  return n ? { findings: out } : { findings: [], notRun: '没有“增长100%”的表述' }
}

/**
 * The project money the 绩效目标 cover (编报绩效目标的项目N个，涉及项目预算资金X万元) against the tables'
 * 项目支出: more is an error of one of them (a warning: the scope the sentence means may differ); less is
 * only noted — targets need not cover every project, but the uncovered amount is what a reviewer asks about.
 * A sentence that states the coverage (项目N个, 涉及, 覆盖, 全部) is preferred to one about a single project.
 */
export function performanceFunds(sentences: Sentence[], figures: Record<string, Printed>): RuleRun {
  const project = figures['expenditure.project'] ?? figures['general.project']
  if (project === undefined) return { findings: [], notRun: '未识别出项目支出合计' }
  const re = new RegExp(`绩效目标[^。]{0,40}?(?:项目)?(?:预算)?资金\\s*${AMOUNT}`)
  const matches = sentences.flatMap((s) => {
    const m = re.exec(s.text)
    return m ? [{ s, m }] : []
  })
  const hit = matches.find(({ s }) => /项目\s*\d+\s*个|涉及|覆盖|全部|所有/.test(s.text)) ?? matches[0]
  if (hit) {
    const { s, m } = hit
    // a figure stated in 元 compares with the table's as rounded to 0.01 万元
    const stated = toHundredths(m[1]!, m[2]!).toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
    const gap = new Decimal(project).minus(stated).abs()
    const at2 = { ...at(s), expected: formatPrinted(project), actual: `${m[1]}${m[2]}` }
    if (stated.greaterThan(project)) return { findings: [finding('text.performance_funds', 'warning', `编报绩效目标的项目资金 ${m[1]}${m[2]} 超过项目支出 ${formatPrinted(project)} 万元（多 ${formatPrintedNumber(gap.toDecimalPlaces(0).toNumber())} 万元）`, at2)] }
    if (stated.lessThan(project)) return { findings: [finding('text.performance_funds', 'info', `编报绩效目标的项目资金 ${m[1]}${m[2]} 少于项目支出 ${formatPrinted(project)} 万元，${formatPrintedNumber(gap.toDecimalPlaces(0).toNumber())} 万元的项目未编报绩效目标`, at2)] }
    return { findings: [] }
  }
  return { findings: [], notRun: '没有说明编报绩效目标的项目资金' }
}
