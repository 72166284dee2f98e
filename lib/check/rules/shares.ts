import Decimal from 'decimal.js'
import type { Sentence } from '../notes'
import type { CheckFinding } from '../types'
import { finding } from '../types'
import type { RuleRun } from './figures'
import { toHundredths } from './figures'

const at = (s: Sentence) => ({ page: s.page, section: s.section || null, quote: s.text.length > 160 ? `${s.text.slice(0, 157)}…` : s.text })

const AMT = '(\\d[\\d,]*(?:\\.\\d+)?)\\s*(亿元|万元|元)'
const PCT = '(\\d+(?:\\.\\d+)?)\\s*[%％]'

/** A stated number as the interval it stands for (its rounding: half a unit of its last printed place). */
function interval(raw: string, unit = '万元'): [Decimal, Decimal] {
  const places = raw.includes('.') ? raw.split('.')[1]!.length : 0
  const half = new Decimal(10).pow(-places).dividedBy(2)
  const v = new Decimal(raw.replace(/,/g, ''))
  return [toHundredths(v.minus(half).toString(), unit), toHundredths(v.plus(half).toString(), unit)]
}

/**
 * Whether a printed percentage can be part / whole as printed: the ratio's range over the amounts'
 * own rounding meets the percentage's range when rounded, or when truncated (7.44% printed as 7%).
 * Precision first: only a percentage no reading of the printed figures gives is reported.
 */
function possible(part: [Decimal, Decimal], whole: [Decimal, Decimal], pct: string): boolean {
  if (whole[0].lte(0)) return true
  const lo = Decimal.max(part[0], 0).dividedBy(whole[1]).times(100)
  const hi = part[1].dividedBy(whole[0]).times(100)
  const places = pct.includes('.') ? pct.split('.')[1]!.length : 0
  const step = new Decimal(10).pow(-places)
  const p = new Decimal(pct)
  return hi.gte(p.minus(step.dividedBy(2))) && lo.lt(p.plus(step))
}

const SHARE = new RegExp(`${AMT}[，,]?\\s*占[^，。；;%％\\d]{0,16}?(?:的)?(?:比重|比例)?(?:为)?\\s*${PCT}`, 'g')
const GROWTH = new RegExp(`(?:较|比)(?:上年|\\s*\\d{4}\\s*年度?)?[^，,。；;\\d]{0,24}?${AMT}[^，,。；;\\d]{0,6}?(增加|增长|减少|下降)\\s*${AMT}[，,]?\\s*(?:增加|增长|减少|下降|增幅|降幅|增长率|下降率)(?:了|为)?\\s*${PCT}`, 'g')

/**
 * Percentages against the amounts beside them: "其中：基本支出A万元，占B%" (A of the total stated
 * before 其中) and "较上年B万元增加D万元，增长P%" (D of B). Each as printed, rounded or truncated.
 */
export function percentages(sentences: Sentence[]): RuleRun {
  const out: CheckFinding[] = []
  let seen = 0
  for (const s of sentences) {
    const split = s.text.indexOf('其中')
    if (split > 0) {
      const total = new RegExp(AMT).exec(s.text.slice(0, split))
      for (const m of s.text.slice(split).matchAll(SHARE)) {
        if (!total) break
        seen++
        if (!possible(interval(m[1]!, m[2]!), interval(total[1]!, total[2]!), m[3]!)) {
          const exact = toHundredths(m[1]!.replace(/,/g, ''), m[2]!).dividedBy(toHundredths(total[1]!.replace(/,/g, ''), total[2]!)).times(100)
          out.push(finding('text.percentage', 'error', `“${m[0]}”与金额不符：${m[1]}${m[2]} 占 ${total[0]} 应为 ${exact.toFixed(2)}%`, { ...at(s), expected: `${exact.toFixed(2)}%`, actual: `${m[3]}%` }))
        }
      }
    }
    for (const m of s.text.matchAll(GROWTH)) {
      seen++
      if (!possible(interval(m[4]!, m[5]!), interval(m[1]!, m[2]!), m[6]!)) {
        const exact = toHundredths(m[4]!.replace(/,/g, ''), m[5]!).dividedBy(toHundredths(m[1]!.replace(/,/g, ''), m[2]!)).times(100)
        out.push(finding('text.percentage', 'error', `“${m[0]}”的百分比与金额不符：${m[4]}${m[5]} ÷ ${m[1]}${m[2]} 应为 ${exact.toFixed(2)}%`, { ...at(s), expected: `${exact.toFixed(2)}%`, actual: `${m[6]}%` }))
      }
    }
  }
  return seen === 0 ? { findings: [], notRun: '没有可与金额核对的百分比表述（如“占xx%”“增长xx%”）' } : { findings: out }
}
