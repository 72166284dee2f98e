import { describe, expect, it } from 'vitest'
import { percentages } from '@/lib/check/rules/shares'
import type { Sentence } from '@/lib/check/notes'

const s = (text: string): Sentence => ({ text, page: 3, section: '一、收支预算总体情况', line: 1 })

describe('text.percentage: a percentage against the amounts it is computed from', () => {
  it('a share "占xx%" of the total stated before 其中: right when rounded or truncated, an error otherwise', () => {
    const ok = percentages([s('2026年支出预算2,000.00万元，其中：基本支出1,500.00万元，占75%；项目支出500.00万元，占支出预算的25.0%。')])
    expect(ok).toEqual({ findings: [] })
    // 1,234.00 / 2,000.00 = 61.7%: printed 62% (rounded) or 61% (truncated) is as printed
    expect(percentages([s('支出预算2,000.00万元，其中：基本支出1,234.00万元，占62%。')]).findings).toEqual([])
    expect(percentages([s('支出预算2,000.00万元，其中：基本支出1,234.00万元，占61%。')]).findings).toEqual([])
    const bad = percentages([s('支出预算2,000.00万元，其中：基本支出1,500.00万元，占70%；项目支出500.00万元，占25%。')])
    expect(bad.findings).toHaveLength(1)
    expect(bad.findings[0]).toMatchObject({ rule: 'text.percentage', severity: 'error', page: 3, expected: '75.00%', actual: '70%' })
    expect(bad.findings[0]!.message).toContain('占70%')
  })

  it('a growth rate "较上年B万元增加D万元，增长P%" is D of B', () => {
    // chengde 2023's own sentence: 423.34 / 1927.16 = 21.97%
    expect(percentages([s('2023年预算收支安排2350.50万元，较2022年预算1927.16万元增加423.34万元，增加22%，预算增长原因主要是人员经费增加。')]).findings).toEqual([])
    const bad = percentages([s('收入预算较2025年预算1,000.00万元增加100.00万元，增长12%。')])
    expect(bad.findings).toHaveLength(1)
    expect(bad.findings[0]).toMatchObject({ rule: 'text.percentage', expected: '10.00%', actual: '12%' })
  })

  it('amounts in different units compare exactly; the amounts’ own rounding is allowed for', () => {
    expect(percentages([s('支出预算278,076,101元，其中：基本支出13,903.81万元，占50%。')]).findings).toEqual([])
    // 0.3 / 0.7 with one printed place: 0.25–0.35 of 0.65–0.75 spans 33%–54%
    expect(percentages([s('支出预算0.7万元，其中：公务接待费0.3万元，占40%。')]).findings).toEqual([])
  })

  it('does not run when no percentage is tied to amounts (a 满意度 ≥90% is not one)', () => {
    expect(percentages([s('服务对象满意度≥90%。')])).toEqual({ findings: [], notRun: expect.stringContaining('百分比') })
  })
})
