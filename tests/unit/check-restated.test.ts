import { describe, expect, it } from 'vitest'
import type { Sentence } from '@/lib/check/notes'
import { restatedFigures } from '@/lib/check/rules/restated'

const s = (text: string, page = 2): Sentence => ({ text, page, section: '一、收支预算总体情况', line: 1 })

describe('text.restated_figure: the same total stated twice with two values', () => {
  it('reports a total given two amounts no rounding reconciles, at the second statement', () => {
    const r = restatedFigures([s('2026年，本部门收入预算27,807.61万元，其中财政拨款收入27,807.61万元。', 2), s('2026年收入预算27,870.61万元，比2025年预算增加27.45万元。', 5)], 2026)
    expect(r.findings).toHaveLength(1)
    expect(r.findings[0]).toMatchObject({ rule: 'text.restated_figure', severity: 'error', page: 5, expected: '27,807.61万元', actual: '27,870.61万元' })
    expect(r.findings[0]!.message).toContain('“收入预算”前后两处金额不一致')
  })

  it('the same value as printed in another unit or rounded is the same figure', () => {
    const r = restatedFigures([s('支出预算27,807.61万元。'), s('2026年支出预算278,076,100元。'), s('支出预算2.78亿元。'), s('支出预算27,808万元。')], 2026)
    expect(r).toEqual({ findings: [] })
  })

  it('ignores another year, a comparison, and the label inside a longer name', () => {
    const r = restatedFigures(
      [
        s('2026年支出预算1,000.00万元。'),
        s('2025年支出预算900.00万元。'),
        s('比上年支出预算900.00万元增加100.00万元。'),
        s('政府性基金支出预算50.00万元。'),
        s('部门整体支出预算800.00万元。'),
      ],
      2026,
    )
    expect(r.findings).toEqual([])
  })

  it('does not run when no total is stated twice', () => {
    expect(restatedFigures([s('收入预算100.00万元。')], 2026)).toEqual({ findings: [], notRun: expect.stringContaining('两次') })
  })
})
