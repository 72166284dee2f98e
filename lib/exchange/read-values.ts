import Decimal from 'decimal.js'
import type { Finding } from '../budget/findings'
import type { AmountUnit } from '../budget/money'
import type { ColumnKind } from '../budget/table'
import type { RawCell } from './grid'
import { cleanText, unneutralise } from './text'

/**
 * One cell of a data row into the fixture format: amounts as printed numbers in the table's own unit
 * (元 or 万元, never converted: a 元 document stays exact in 元), codes and names as strings,
 * quantities as numbers, blanks as null. A column that states another unit than its table
 * ("价值（万元）" in a 元 sheet) is converted exactly; only a value finer than 0.01 of the table's unit
 * is rounded half away from zero, and reported as a warning naming the cell (docs/decisions/004).
 */
export type CellProblem = Omit<Finding, 'table' | 'sheet' | 'cell' | 'row' | 'col' | 'rowLabel' | 'column'>
export type CellRead = { value: string | number | null; problem?: CellProblem; formula?: boolean }

const BLANK_DASH = /^[-－—–‐]+$/
const NUMBER_TEXT = /^[+-]?(\d{1,3}([,，]\d{3})+|\d+)(\.\d+)?$/

export function readCell(raw: RawCell | undefined, kind: ColumnKind, unit: AmountUnit, where: string, tableUnit: AmountUnit = unit): CellRead {
  if (!raw) return { value: null }
  const formula = !!raw.formula
  if (raw.noResult) {
    return { value: null, formula, problem: { rule: 'exchange.formula_no_value', severity: 'error', message: `${where}是公式“=${raw.formula}”，但文件中没有保存它的计算结果。请在 Excel 中打开并保存后再导入，或把公式改为数值` } }
  }
  if (raw.error) return { value: null, formula, problem: { rule: 'exchange.cell_error', severity: 'error', message: `${where}的值是错误 ${raw.error}${raw.formula ? `（公式“=${raw.formula}”）` : ''}` } }
  const r = kind === 'amount' ? readAmount(raw.v, unit, where, tableUnit) : kind === 'quantity' ? readQuantity(raw.v, where) : { value: readText(raw.v) }
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

function readAmount(v: RawCell['v'], unit: AmountUnit, where: string, tableUnit: AmountUnit): CellRead {
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
  // in the table's unit, exactly; then hundredths of it (the printed integer)
  const inTable = unit === tableUnit ? d : unit === '万元' ? d.times(10_000) : d.dividedBy(10_000)
  const hundredths = inTable.times(100)
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
      actual: inTable.toNumber(),
      message:
        unit !== tableUnit
          ? `${where}为 ${shown} ${unit}，不是 0.01 ${tableUnit}的整数倍，已按四舍五入计为 ${value.toFixed(2)} ${tableUnit}`
          : `${where}为 ${shown} ${unit}，超过两位小数，已按四舍五入计为 ${value.toFixed(2)} ${unit}`,
    },
  }
}

const notAmount = (where: string, shown: string): CellProblem => ({ rule: 'exchange.not_amount', severity: 'error', message: `${where}应为金额，实为“${shown}”` })
