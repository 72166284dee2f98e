import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPrinted, formatWan, formatYuan, MoneyError, numberToPrinted, parseAmount, printedToNumber, toPrinted } from './money'

/** Captures the Chinese message of a MoneyError (and fails if something else is thrown). */
function moneyErrorOf(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(MoneyError)
    return (e as Error).message
  }
  throw new Error('expected a MoneyError')
}

describe('parseAmount', () => {
  it('reads 元 into exact 分', () => {
    expect(parseAmount('1234.56')).toBe(123456)
    expect(parseAmount('1234.5')).toBe(123450)
    expect(parseAmount('1234')).toBe(123400)
    expect(parseAmount('0.01')).toBe(1)
    expect(parseAmount('0')).toBe(0)
    expect(parseAmount('1234.56', '元')).toBe(123456)
  })

  it('reads 万元 into exact 分, down to six decimals (1 分)', () => {
    expect(parseAmount('1', '万元')).toBe(1_000_000)
    expect(parseAmount('2350.5', '万元')).toBe(2_350_500_000)
    expect(parseAmount('0.000001', '万元')).toBe(1)
    expect(parseAmount('1.234567', '万元')).toBe(1_234_567)
    expect(parseAmount('1.234', '万元')).toBe(1_234_000)
  })

  it('accepts thousands separators, surrounding and inner whitespace, a sign, and JS numbers', () => {
    expect(parseAmount('1,234.56')).toBe(123456)
    expect(parseAmount('12,345,678.90')).toBe(1_234_567_890)
    expect(parseAmount('12,345,678.9', '万元')).toBe(12_345_678_900_000)
    expect(parseAmount('  1 234.00 ')).toBe(123400)
    expect(parseAmount('+3')).toBe(300)
    expect(parseAmount(12.34)).toBe(1234)
    expect(parseAmount(2350.5, '万元')).toBe(2_350_500_000)
    expect(parseAmount('1e3')).toBe(100_000)
  })

  it('reads negative amounts (rejecting them is a rule of the lines, not of parsing)', () => {
    expect(parseAmount('-12.5')).toBe(-1250)
    expect(parseAmount('-1,000.01')).toBe(-100_001)
    expect(parseAmount('-0.000001', '万元')).toBe(-1)
  })

  it('rejects more than 2 decimals in 元, with a Chinese message naming the text', () => {
    expect(moneyErrorOf(() => parseAmount('1.234'))).toBe('“1.234”超过 2 位小数（元金额最小到分）')
    expect(moneyErrorOf(() => parseAmount('0.001', '元'))).toBe('“0.001”超过 2 位小数（元金额最小到分）')
    // a float that is not what it looks like is not silently rounded
    expect(moneyErrorOf(() => parseAmount(0.1 + 0.2))).toBe('“0.30000000000000004”超过 2 位小数（元金额最小到分）')
  })

  it('rejects more than 6 decimals in 万元, with a Chinese message', () => {
    expect(moneyErrorOf(() => parseAmount('1.2345678', '万元'))).toBe('“1.2345678”超过 6 位小数（万元金额最小到分）')
    expect(moneyErrorOf(() => parseAmount('0.0000005', '万元'))).toBe('“0.0000005”超过 6 位小数（万元金额最小到分）')
  })

  it('rejects empty and malformed text and out-of-range amounts, in Chinese', () => {
    expect(moneyErrorOf(() => parseAmount(''))).toBe('金额为空')
    expect(moneyErrorOf(() => parseAmount('   '))).toBe('金额为空')
    expect(moneyErrorOf(() => parseAmount('abc'))).toBe('“abc”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('1,23'))).toBe('“1,23”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('1,2345'))).toBe('“1,2345”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('.5'))).toBe('“.5”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('5.'))).toBe('“5.”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('12元'))).toBe('“12元”不是有效金额')
    expect(moneyErrorOf(() => parseAmount('1e20'))).toBe('“1e20”超出可处理的金额范围')
    expect(moneyErrorOf(() => parseAmount('1e12', '万元'))).toBe('“1e12”超出可处理的金额范围')
  })

  it('round-trips every 分 amount through formatYuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        expect(parseAmount(formatYuan(fen), '元')).toBe(fen)
      }),
    )
  })
})

describe('toPrinted: exact 分 → hundredths of the printed unit, half away from zero', () => {
  it('rounds at the exact .5 boundary of 0.01 万元 (10000 分)', () => {
    expect(toPrinted(10_000)).toBe(1n) // 100 元 = 0.01 万元
    expect(toPrinted(5_000)).toBe(1n) // 50 元 = 0.005 万元 → 0.01
    expect(toPrinted(4_999)).toBe(0n) // 49.99 元 → 0.00
    expect(toPrinted(15_000)).toBe(2n) // 0.015 → 0.02
    expect(toPrinted(14_999)).toBe(1n)
    expect(toPrinted(25_000)).toBe(3n) // half away from zero, not to even
    expect(toPrinted(235_050_000)).toBe(23_505n)
    expect(toPrinted(2_350_502_000)).toBe(235_050n) // 2350.502 万元 → 2350.50
    expect(toPrinted(1)).toBe(0n)
    expect(toPrinted(0)).toBe(0n)
  })

  it('rounds negatives symmetrically (away from zero)', () => {
    expect(toPrinted(-5_000)).toBe(-1n)
    expect(toPrinted(-15_000)).toBe(-2n)
    expect(toPrinted(-14_999)).toBe(-1n)
    // −49.99 元 rounds to zero (the kernel returns −0; either zero prints as 0.00)
    expect(toPrinted(-4_999) === 0n).toBe(true)
    expect(formatPrinted(toPrinted(-4_999))).toBe('0.00')
  })

  it('is the identity in 元 (hundredths of 元 are 分)', () => {
    expect(toPrinted(123_456, '元')).toBe(123_456n)
    expect(toPrinted(-7, '元')).toBe(-7n)
  })

  it('agrees with a decimal reference and is within half a hundredth of the exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const p = toPrinted(fen)
        // reference: on BigInt, exact
        const b = BigInt(fen)
        const q = b / 10_000n
        const r = b - q * 10_000n
        const abs = r < 0n ? -r : r
        const want = abs * 2n >= 10_000n ? q + (r < 0n ? -1n : 1n) : q
        expect(p === want).toBe(true)
        expect(Math.abs(Number(p) * 10_000 - fen)).toBeLessThanOrEqual(5_000)
      }),
    )
  })
})

describe('formatPrinted / formatYuan / formatWan', () => {
  it('formatPrinted prints hundredths with two decimals, no separators, blank for absent', () => {
    expect(formatPrinted(235_050n)).toBe('2350.50')
    expect(formatPrinted(5n)).toBe('0.05')
    expect(formatPrinted(100n)).toBe('1.00')
    expect(formatPrinted(0n)).toBe('0.00')
    expect(formatPrinted(-5n)).toBe('-0.05')
    expect(formatPrinted(-123_456n)).toBe('-1234.56')
    expect(formatPrinted(123_456_789n)).toBe('1234567.89')
    expect(formatPrinted(null)).toBe('')
    expect(formatPrinted(undefined)).toBe('')
  })

  it('formatYuan prints 分 as exact 元', () => {
    expect(formatYuan(123_456)).toBe('1234.56')
    expect(formatYuan(1)).toBe('0.01')
    expect(formatYuan(10)).toBe('0.10')
    expect(formatYuan(0)).toBe('0.00')
    expect(formatYuan(-1)).toBe('-0.01')
    expect(formatYuan(-100_001)).toBe('-1000.01')
    expect(formatYuan(900_719_925_474_099)).toBe('9007199254740.99')
  })

  it('formatWan rounds 分 to 万元 hundredths', () => {
    expect(formatWan(2_350_502_000)).toBe('2350.50')
    expect(formatWan(5_000)).toBe('0.01')
    expect(formatWan(4_999)).toBe('0.00')
  })

  it('printedToNumber / numberToPrinted convert the fixture JSON numbers exactly', () => {
    expect(printedToNumber(235_050n)).toBe(2350.5)
    expect(numberToPrinted(2350.5)).toBe(235_050n)
    expect(numberToPrinted(0.33)).toBe(33n)
    expect(numberToPrinted(1115.31)).toBe(111_531n)
    expect(moneyErrorOf(() => numberToPrinted(1.234))).toBe('“1.234”超过两位小数')
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (p) => {
        expect(numberToPrinted(printedToNumber(BigInt(p)))).toBe(BigInt(p))
      }),
    )
  })
})
