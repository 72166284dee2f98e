import Decimal from 'decimal.js'
import type { Finding } from '../budget/findings'
import type { AmountUnit } from '../budget/money'
import type { ColumnKind } from '../budget/table'
import type { RawCell } from './load-workbook'
import { cleanText, unneutralise } from './text'

/**
 * One cell of a data row into the fixture format: amounts as printed 万元 numbers, codes and names
 * as strings, quantities as numbers, blanks as null. Amounts are read in the unit the sheet states
 * and converted exactly; a value that is not a whole 0.01 万元 is rounded half away from zero (as the
 * budget systems print) and reported as a warning naming the cell (docs/decisions/004).
 */
export type CellProblem = Omit<Finding, 'table' | 'sheet' | 'cell' | 'row' | 'col' | 'rowLabel' | 'column'>
export type CellRead = { value: string | number | null; problem?: CellProblem; formula?: boolean }

const BLANK_DASH = /^[-－—–‐]+$/
const NUMBER_TEXT = /^[+-]?(\d{1,3}([,，]\d{3})+|\d+)(\.\d+)?$/

export function readCell(raw: RawCell | undefined, kind: ColumnKind, unit: AmountUnit, where: string): CellRead {
  if (!raw) return { value: null }
  const formula = !!raw.formula
  if (raw.noResult) {
    return { value: null, formula, problem: { rule: 'exchange.formula_no_value', severity: 'error', message: `${where}是公式“=${raw.formula}”，但文件中没有保存它的计算结果。请在 Excel 中打开并保存后再导入，或把公式改为数值` } }
  }
  if (raw.error) return { value: null, formula, problem: { rule: 'exchange.cell_error', severity: 'error', message: `${where}的值是错误 ${raw.error}${raw.formula ? `（公式“=${raw.formula}”）` : ''}` } }
  const r = kind === 'amount' ? readAmount(raw.v, unit, where) : kind === 'quantity' ? readQuantity(raw.v, where) : { value: readText(raw.v) }
  return formula ? { ...r, formula } : r
}

function readText(v: RawCell['v']): string | null {
  if (v === null) return null
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  const t = unneutralise(cleanText(v))
  return t === '' ? null : t
}

function readQuantity(v: RawCell['v'], where: string): CellRead {
  if (v === null) return { value: null }
  if (typeof v === 'number') return { value: Number(v.toPrecision(12)) }
  if (typeof v === 'string') {
    const t = cleanText(v)
    if (t === '' || BLANK_DASH.test(t)) return { value: null }
    if (NUMBER_TEXT.test(t)) return { value: Number(t.replace(/[,，]/g, '')) }
  }
  return { value: null, problem: { rule: 'exchange.not_number', severity: 'error', message: `${where}应为数量，实为“${String(v)}”` } }
}

function readAmount(v: RawCell['v'], unit: AmountUnit, where: string): CellRead {
  let d: Decimal
  if (v === null) return { value: null }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return { value: null, problem: notAmount(where, String(v)) }
    d = new Decimal(String(v))
  } else if (typeof v === 'string') {
    const t = cleanText(v)
    if (t === '' || BLANK_DASH.test(t)) return { value: null }
    if (!NUMBER_TEXT.test(t)) return { value: null, problem: notAmount(where, t) }
    d = new Decimal(t.replace(/[,，]/g, ''))
  } else {
    return { value: null, problem: notAmount(where, v instanceof Date ? v.toISOString().slice(0, 10) : String(v)) }
  }
  // hundredths of 万元: the printed integer
  const hundredths = unit === '万元' ? d.times(100) : d.dividedBy(100)
  const rounded = hundredths.toDecimalPlaces(0, Decimal.ROUND_HALF_UP)
  const n = rounded.toNumber()
  if (!Number.isSafeInteger(n)) return { value: null, problem: { rule: 'exchange.amount_range', severity: 'error', message: `${where}的金额“${d.toString()}”超出可处理的范围` } }
  const value = n / 100
  // binary floating point noise of a computed cell (2350.4999999999995) is not a real fraction
  if (hundredths.minus(rounded).abs().lessThan('1e-6')) return { value }
  const shown = d.toString()
  return {
    value,
    problem: {
      rule: 'exchange.amount_rounded',
      severity: 'warning',
      expected: value,
      actual: unit === '万元' ? d.toNumber() : d.dividedBy(10_000).toNumber(),
      message:
        unit === '元'
          ? `${where}为 ${shown} 元，不是 0.01 万元（100 元）的整数倍，已按四舍五入计为 ${value.toFixed(2)} 万元`
          : `${where}为 ${shown} 万元，超过两位小数，已按四舍五入计为 ${value.toFixed(2)} 万元`,
    },
  }
}

const notAmount = (where: string, shown: string): CellProblem => ({ rule: 'exchange.not_amount', severity: 'error', message: `${where}应为金额，实为“${shown}”` })
