import Decimal from 'decimal.js'

/**
 * Money in the kernel is an integer number of 分 (fen, 0.01 元) held in a JS number.
 * Integers are exact in IEEE doubles up to 2^53 (≈ 9.0e13 元), far above any department budget;
 * every value entering the kernel is checked with `assertFen`. See docs/decisions/001-money.md.
 */
declare const unit: unique symbol
export type Fen = number & { readonly [unit]?: 'fen' }

/**
 * A printed amount: an integer number of the printed unit's hundredths (0.01 万元 or 0.01 元).
 *
 * Fen and Printed carry their unit in the type (docs/decisions/013): a Printed passed or assigned where a
 * Fen is expected, or the other way round, does not compile (tests/unit/money-types.test.ts). The tag
 * is optional, so plain numbers (literals, the kernel's Float64Array sums in its hot loops) still are
 * either; the units meet only through toPrinted (rounding once) and the constructors below.
 */
export type Printed = bigint & { readonly [unit]?: 'printed' }

/**
 * Printed hundredths as a plain number: a table cell, a stored or JSON figure, a prop passed to a client
 * component (a bigint survives neither JSON.stringify nor the React server/client boundary). Arithmetic
 * that must not meet 分 is done on Printed; `printed` and `printedCell` cross between the two.
 */
export type PrintedNumber = number

export type AmountUnit = '万元' | '元'

export const FEN_PER_PRINTED: Record<AmountUnit, number> = { 万元: 10_000, 元: 1 }

export class MoneyError extends Error {}

export function assertFen(value: number, where = '金额'): Fen {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${where}不是以分为单位的精确整数：${value}`)
  return value
}

/** Σ of amounts in 分, checked to stay exact (a Printed among the parts does not compile). */
export function addFen(...parts: Fen[]): Fen {
  let total = 0
  for (const p of parts) total += p
  return assertFen(total, '合计')
}

const MONEY_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

/** Parses user or file text ("1,234.5", "1234.56") in the given unit into exact 分. Throws MoneyError in Chinese. */
export function parseAmount(text: string | number, unit: AmountUnit = '元'): Fen {
  const raw = typeof text === 'number' ? String(text) : text.trim().replace(/\s/g, '')
  if (raw === '') throw new MoneyError('金额为空')
  if (!MONEY_RE.test(raw) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) throw new MoneyError(`“${text}”不是有效金额`)
  const d = new Decimal(raw.replace(/,/g, '')).times(unit === '万元' ? 1_000_000 : 100)
  if (!d.isInteger()) {
    throw new MoneyError(unit === '万元' ? `“${text}”超过 6 位小数（万元金额最小到分）` : `“${text}”超过 2 位小数（元金额最小到分）`)
  }
  const n = d.toNumber()
  if (!Number.isSafeInteger(n)) throw new MoneyError(`“${text}”超出可处理的金额范围`)
  return n
}

/** Full-width digits, comma, point and minus (a Chinese input method's １２３４．５) as their ASCII forms. */
export function halfWidthAmount(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/，/g, ',').replace(/．/g, '.').replace(/[－−]/g, '-')
}

const TYPED_RE = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/

/**
 * An amount as an accountant types it into a form: "1,234.56", "1234.5", full-width "１２３４．５", a
 * leading minus. Refused with a Chinese message: exponents ("1e5"), a plus sign ("+5"), "-0", spaces
 * inside ("1 234"), misplaced thousands separators ("12,34"). Returns the amount as plain ASCII text
 * ("1234.56"), which `parseAmount` reads exactly.
 */
export function normaliseTypedAmount(text: string): string {
  const t = halfWidthAmount(text.trim())
  if (t === '') throw new MoneyError('金额为空')
  if (/\s/.test(t)) throw new MoneyError(`“${text}”中间不能有空格`)
  if (/e/i.test(t)) throw new MoneyError(`“${text}”不是有效金额（不接受科学计数法）`)
  if (t.startsWith('+')) throw new MoneyError(`“${text}”不是有效金额（请去掉正号）`)
  if (!TYPED_RE.test(t)) throw new MoneyError(`“${text}”不是有效金额（例如 1,234.56 或 1234.5）`)
  const plain = t.replace(/,/g, '')
  if (/^-0*(\.0*)?$/.test(plain)) throw new MoneyError(`“${text}”不是有效金额（负零）`)
  return plain
}

/** Rounds exact 分 to the printed unit's hundredths, half away from zero (四舍五入). */
export function toPrinted(fen: Fen, unit: AmountUnit = '万元'): Printed {
  const per = FEN_PER_PRINTED[unit]
  // 元: a printed hundredth is one 分, the same integer in the other unit
  if (per === 1) return BigInt(assertFen(fen))
  const q = Math.trunc(fen / per)
  const r = fen - q * per
  if (2 * Math.abs(r) >= per) return BigInt(q + Math.sign(r))
  return BigInt(q)
}

/** Printed hundredths → the JSON number of the fixture format (2350.5 for 235050). */
export function printedToNumber(p: Printed): number {
  return Number(p) / 100
}

/** JSON number as printed (2350.5) → hundredths; rejects more than two decimals. */
export function numberToPrinted(n: number): Printed {
  const d = new Decimal(n).times(100)
  if (!d.isInteger()) throw new MoneyError(`“${n}”超过两位小数`)
  return BigInt(d.toFixed(0))
}

/**
 * A table cell or other plain integer already in printed hundredths (BudgetTable amount cells are JSON
 * numbers) → Printed. Throws on a non-integer, so a 分 or 元 float cannot slip in unnoticed.
 */
export function printed(hundredths: PrintedNumber): Printed {
  if (!Number.isSafeInteger(hundredths)) throw new MoneyError(`印刷金额不是以百分之一为单位的整数：${hundredths}`)
  return BigInt(hundredths)
}

/** Printed → the plain integer of hundredths a table cell or JSON holds (exact: printed amounts stay far below 2^53). */
export function printedCell(p: Printed): PrintedNumber {
  return Number(p)
}

/** An amount cell (printed hundredths as a plain integer) → the JSON number of the fixture format. */
export function cellToNumber(hundredths: PrintedNumber): number {
  return printedToNumber(printed(hundredths))
}

/** Formats printed hundredths held as a plain number (a cell, a stored figure) like formatPrinted. */
export function formatPrintedNumber(hundredths: PrintedNumber | null | undefined): string {
  return hundredths === null || hundredths === undefined ? '' : formatPrinted(printed(hundredths))
}

/** |p| for printed hundredths (Math.abs takes numbers only). */
export function absPrinted(p: Printed): Printed {
  return p < 0n ? -p : p
}

/** Formats hundredths with two decimals and thousands separators off (as the official tables print). */
export function formatPrinted(p: Printed | null | undefined): string {
  if (p === null || p === undefined) return ''
  const neg = p < 0n
  const a = neg ? -p : p
  const s = `${a / 100n}.${String(a % 100n).padStart(2, '0')}`
  return neg ? `-${s}` : s
}

/** 分 → "1234.56" 元 string, exact. */
export function formatYuan(fen: Fen): string {
  const neg = fen < 0
  const a = Math.abs(fen)
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`
  return neg ? `-${s}` : s
}

/** 分 → 万元 with two decimals, rounded half away from zero. */
export function formatWan(fen: Fen): string {
  return formatPrinted(toPrinted(fen, '万元'))
}

/** Database Decimal (元, two decimals) as string → 分. */
export function yuanStringToFen(s: string): Fen {
  return parseAmount(s, '元')
}
