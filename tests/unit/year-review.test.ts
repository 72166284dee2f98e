import { describe, expect, it } from 'vitest'
import { notesTexts, yearFlags, yearPattern } from '@/lib/disclosure/year-review'

describe('text that names the old year', () => {
  it('finds 2023 written in any of the usual ways, not inside a longer number', () => {
    const re = yearPattern(2023)
    for (const t of ['2023 年度信息化运维', '２０２３年', '二〇二三年', '二零二三年度', '（2023）']) expect(re.test(t), t).toBe(true)
    for (const t of ['20231 元', '12023', '2024 年度', '编码 202301', '一二〇二三四']) expect(re.test(t), t).toBe(false)
  })
  it('flags until the text changes or is marked as checked for exactly that text', () => {
    const texts = [
      { key: 'project:P1:name', part: 'projects' as const, where: '项目“2023 年度运维”', text: '2023 年度运维', href: '#' },
      { key: 'project:P2:name', part: 'projects' as const, where: '项目', text: '日常运维', href: '#' },
    ]
    expect(yearFlags(texts, 2023, []).map((f) => f.key)).toEqual(['project:P1:name'])
    expect(yearFlags(texts, 2023, [{ key: 'project:P1:name', text: '2023 年度运维' }])).toEqual([])
    expect(yearFlags([{ ...texts[0]!, text: '2023 年度运维（续）' }], 2023, [{ key: 'project:P1:name', text: '2023 年度运维' }])).toHaveLength(1)
  })
  it('reads every sentence of the notes but the prior-year figures', () => {
    const t = notesTexts({ other: '本部门2023年无其他事项。', prior: { total: '2023.00' }, duties: { items: ['一', '2023年起负责……'] } }, '/n')
    expect(yearFlags(t, 2023, []).map((f) => [f.key, f.where])).toEqual([
      ['notes:other', '情况说明·其他需要说明的事项'],
      ['notes:duties.items.1', '情况说明·主要职能'],
    ])
  })
})
