// The compiler holds ADR 001: 分 (Fen) and printed hundredths (Printed) do not mix. `npm run typecheck`
// checks the @ts-expect-error lines below (each would be an unused directive, itself an error, if the
// mix compiled); vitest checks the runtime half (a bigint and a number do not mix in JavaScript either: TypeError).
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Fen, Printed } from '@/lib/budget/money'
import { addFen, assertFen, formatYuan, MoneyError, parseAmount, toPrinted } from '@/lib/budget/money'

describe('Fen and Printed', () => {
  const fen: Fen = parseAmount('1234.56', '元')
  const printed: Printed = toPrinted(fen, '万元')

  it('do not mix at compile time', () => {
    // @ts-expect-error adding a Printed to a Fen
    expect(() => addFen(fen, printed)).toThrow(TypeError)
    // @ts-expect-error the + operator itself: a Printed (bigint hundredths) and a Fen (number 分) do not add
    expect(() => fen + printed).toThrow(TypeError)
    // @ts-expect-error nor the other way round
    expect(() => printed + fen).toThrow(TypeError)
    // @ts-expect-error nor subtract
    expect(() => fen - printed).toThrow(TypeError)
    // @ts-expect-error a Printed is not a Fen
    const asFen: Fen = printed
    // @ts-expect-error a Fen is not a Printed
    const asPrinted: Printed = fen
    // @ts-expect-error formatting printed hundredths as 元
    expect(() => formatYuan(printed)).toThrow(TypeError)
    expectTypeOf<Printed>().not.toExtend<Fen>()
    expectTypeOf<Fen>().not.toExtend<Printed>()
    expectTypeOf(addFen(fen, fen)).toEqualTypeOf<Fen>()
    // each unit with itself still adds
    const twoPrinted: Printed = printed + printed - printed + printed
    const twoFen: Fen = fen + fen - fen + fen
    expect([twoPrinted, twoFen]).toEqual([24n, 246912])
    expect([asFen, asPrinted]).toEqual([12n, 123456])
  })

  it('are exact integers at the edges', () => {
    expect(addFen(fen, parseAmount('0.44', '元'))).toBe(123500)
    expect(() => assertFen(0.5, '支出第 1 行金额')).toThrow(MoneyError)
    expect(() => assertFen(0.5, '支出第 1 行金额')).toThrow('支出第 1 行金额不是以分为单位的精确整数')
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError)
  })
})
