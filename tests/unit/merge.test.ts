import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeThreeWay, same, setAt } from '@/lib/disclosure/merge'

describe('three-way merge of an editor after a conflict', () => {
  const base = { other: '原文', counts: { a: '1', b: '2' }, offices: [{ name: '办公室', duties: '' }], style: 'brief' }
  it('takes what only the other side changed, keeps what only I changed', () => {
    const mine = { ...base, other: '我的' }
    const theirs = { ...base, counts: { a: '1', b: '5' } }
    const r = mergeThreeWay(base, mine, theirs)
    expect(r.conflicts).toEqual([])
    expect(r.merged).toEqual({ ...base, other: '我的', counts: { a: '1', b: '5' } })
    expect(r.theirsChanged).toEqual(['counts.b'])
  })
  it('a value both changed differently is a conflict holding mine; arrays are one value', () => {
    const mine = { ...base, other: '我的', offices: [{ name: '办公室', duties: '甲' }] }
    const theirs = { ...base, other: '他的', offices: [{ name: '办公室', duties: '乙' }] }
    const r = mergeThreeWay(base, mine, theirs)
    expect(r.conflicts.map((c) => c.path)).toEqual(['other', 'offices'])
    expect(r.conflicts[0]).toMatchObject({ mine: '我的', theirs: '他的', base: '原文' })
    expect(r.merged.other).toBe('我的')
    expect(setAt(r.merged, 'other', '他的').other).toBe('他的')
    expect(setAt(r.merged, 'counts.a', '9').counts).toEqual({ a: '9', b: '2' })
  })
  it('the same change on both sides is no conflict', () => {
    const r = mergeThreeWay(base, { ...base, other: '同' }, { ...base, other: '同' })
    expect(r.conflicts).toEqual([])
    expect(r.merged.other).toBe('同')
  })
  it('property: merging with an unchanged side gives the other side, without conflicts', () => {
    const value = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.string(), fc.dictionary(fc.constantFrom('x', 'y'), fc.string())))
    fc.assert(
      fc.property(value, value, (b, t) => {
        const r1 = mergeThreeWay(b, b, t)
        expect(r1.conflicts).toEqual([])
        expect(same(r1.merged, t)).toBe(true)
        const r2 = mergeThreeWay(b, t, b)
        expect(same(r2.merged, t)).toBe(true)
      }),
    )
  })
})
