import { describe, expect, it } from 'vitest'
import { contains, likePattern, MAX_TERMS, parseQuery, snippet, textLeaves } from '@/lib/portal/search-text'

describe('portal search text', () => {
  it('splits a query on spaces and Chinese punctuation, drops repeats, folds full-width forms', () => {
    expect(parseQuery('  医保服务大厅，人员经费  医保服务大厅 ')).toEqual(['医保服务大厅', '人员经费'])
    expect(parseQuery('“三公”经费')).toEqual(['三公', '经费'])
    expect(parseQuery('ＡＢＣ　２０２３')).toEqual(['ABC', '2023'])
    expect(parseQuery('')).toEqual([])
    expect(parseQuery(null)).toEqual([])
    expect(parseQuery('一 二 三 四 五 六 七')).toHaveLength(MAX_TERMS)
  })

  it('escapes LIKE metacharacters so a term matches literally', () => {
    expect(likePattern('100%')).toBe('%100\\%%')
    expect(likePattern('a_b')).toBe('%a\\_b%')
    expect(likePattern('c:\\x')).toBe('%c:\\\\x%')
  })

  it('collects the text of structured notes in document order', () => {
    const notes = { sections: [{ title: '一、部门职责', paragraphs: ['负责医疗保障', ''] }, { title: '二、总体情况', n: 2350.5, items: [{ text: '基本支出' }] }] }
    expect(textLeaves(notes)).toEqual(['一、部门职责', '负责医疗保障', '二、总体情况', '基本支出'])
    expect(textLeaves(null)).toEqual([])
  })

  it('cuts a snippet around the first match of any term', () => {
    const text = '2023年预算收支安排2350.50万元，较2022年预算增加423.34万元，预算增长原因主要是人员经费和医疗服务与保障能力提升项目资金的增加。'
    const s = snippet(text, ['医疗服务', '人员经费'], 5)!
    expect(s.match).toBe('人员经费')
    expect(s.before).toBe('…原因主要是')
    expect(s.after).toBe('和医疗服务…')
    expect(snippet(text, ['不存在'])).toBeNull()
    expect(snippet('Abc 医保', ['abc'])!.match).toBe('Abc')
    expect(contains('承德市医疗保障局', '医疗')).toBe(true)
  })
})
