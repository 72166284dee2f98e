import { describe, expect, it } from 'vitest'
import { quoteBoxes } from '@/lib/check/highlight'
import type { PdfWord } from '@/lib/check/layout'

const w = (left: number, top: number, text: string): PdfWord => ({ page: 1, left, top, width: text.length * 10, height: 12, text })
const size = { width: 600, height: 800 }

describe('quoteBoxes: where a finding’s sentence is printed on its page', () => {
  const words = [w(60, 100, '三、机关运行经费安排情况'), w(80, 130, '比上年增减情况：机关运行经费预算比2022年度73.25万元增加增加5.45万元，'), w(60, 148, '增长7%，主要原因是人员增加。'), w(60, 180, '四、财政拨款')]

  it('one box a printed line, over the words the sentence covers, in fractions of the page', () => {
    const boxes = quoteBoxes(words, size, '比上年增减情况：机关运行经费预算比2022年度73.25万元增加增加5.45万元，增长7%，主要原因是人员增加。')
    expect(boxes).toHaveLength(2)
    expect(boxes[0]!.x).toBeCloseTo((80 - 1.5) / 600, 5)
    expect(boxes[0]!.y).toBeCloseTo((130 - 1.5) / 800, 5)
    expect(boxes[1]!.y).toBeCloseTo((148 - 1.5) / 800, 5)
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(1)
  })

  it('marks nothing when the sentence is not on the page (never the wrong place)', () => {
    expect(quoteBoxes(words, size, '这句话不在本页上，不应标出任何位置。')).toEqual([])
    expect(quoteBoxes(words, size, '四、')).toEqual([])
  })
})
