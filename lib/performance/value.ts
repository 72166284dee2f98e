import type { TIndicator } from './schemas'
import type { Operator } from './taxonomy'

export type IndicatorValue = { operator: Operator; value: string; unit: string }

const NUMERIC = /^(≥|≤|>=|<=|=|>|<|＞|＜|＝)?\s*(\d+(?:\.\d+)?)\s*(.*)$/

const OP_MAP: Record<string, Operator> = { '≥': '≥', '>=': '≥', '≤': '≤', '<=': '≤', '=': '=', '＝': '=', '>': '>', '＞': '>', '<': '<', '＜': '<' }

/**
 * Reads a printed 指标值 (“≥1713 平米”, “100%”, “471 万元”, “有效保障”, “2022 年 12 月 31 日前”)
 * into operator + value + unit. A number followed by more numbers (a date) is qualitative text.
 */
export function parseIndicatorValue(printed: string): IndicatorValue {
  const s = printed.trim()
  const m = NUMERIC.exec(s)
  if (m && !/\d/.test(m[3] ?? '')) {
    return { operator: m[1] ? OP_MAP[m[1]]! : '=', value: m[2]!, unit: (m[3] ?? '').trim() }
  }
  return { operator: '定性', value: s, unit: '' }
}

/** The printed 指标值: “=” is not printed; “%” follows the number directly, other units after a space. */
export function formatIndicatorValue(v: Pick<TIndicator, 'operator' | 'value' | 'unit'>): string {
  if (v.operator === '定性') return v.value
  const op = v.operator === '=' ? '' : v.operator
  const unit = v.unit ? (v.unit === '%' ? '%' : ` ${v.unit}`) : ''
  return `${op}${v.value}${unit}`
}

/** Whether a value is a number (the measurable kind, which must carry a unit). */
export function isNumericValue(v: Pick<TIndicator, 'operator' | 'value'>): boolean {
  return v.operator !== '定性' && /^\d+(\.\d+)?$/.test(v.value.trim())
}

/** Cost units that state a total amount, in 元 per unit of the value; per-head or per-case units return null. */
export function costUnitToYuan(unit: string): number | null {
  const u = unit.trim()
  if (u === '万元') return 10_000
  if (u === '元') return 1
  if (u === '亿元') return 100_000_000
  return null
}
