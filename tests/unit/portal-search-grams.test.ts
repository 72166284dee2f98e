import { describe, expect, it } from 'vitest'
import { chunkText, highlightStrings, spellingQuery, spellingsOf, termQuery, textMatches, toTsvector } from '@/lib/portal/search-grams'

describe('bigram search (lib/portal/search-grams)', () => {
  it('a text becomes positioned bigrams per run of letters and digits, with each run’s last character; runs never join', () => {
    expect(toTsvector('三公经费')).toBe("'三公':1 '公经':2 '经费':3 '费':4")
    // punctuation separates runs: “三公”经费 has no bigram 公经
    const v = toTsvector('“三公”经费')
    expect(v).toContain("'三公':1")
    expect(v).not.toContain("'公经'")
    expect(toTsvector('ABC 12')).toBe("'ab':1 'bc':2 'c':3 '12':5 '2':6")
    expect(toTsvector("it's")).toContain("'s'")
  })

  it('a term is a phrase of its bigrams; one character is a prefix; several runs are ANDed', () => {
    expect(spellingQuery('公务接待')).toBe("('公务' <-> '务接' <-> '接待')")
    expect(spellingQuery('三公')).toBe("'三公'")
    expect(spellingQuery('费')).toBe("'费':*")
    expect(spellingQuery('“三公”经费')).toBe("'三公' & '经费'")
    expect(spellingQuery('，。')).toBeNull()
  })

  it('synonyms are data: any spelling of a group stands for all of them', () => {
    expect(spellingsOf('三公经费')).toEqual(expect.arrayContaining(['三公经费', '“三公”经费', '三公']))
    expect(spellingsOf('“三公”经费')).toEqual(expect.arrayContaining(['三公经费', '三公']))
    expect(spellingsOf('台式机')).toContain('台式计算机')
    expect(spellingsOf('医疗保障局')).toEqual(['医疗保障局'])
    expect(termQuery('公务接待')).toBe("(('公务' <-> '务接' <-> '接待')) | (('公务' <-> '务接' <-> '接待' <-> '待费'))")
  })

  it('the text check agrees with the index: substrings match, across spellings', () => {
    expect(textMatches('“三公”经费财政拨款预算 12.50 万元', '三公经费')).toBe(true)
    expect(textMatches('公务接待费 3.00 万元', '公务接待')).toBe(true)
    expect(textMatches('2101501 行政运行', '2101501')).toBe(true)
    expect(textMatches('行政运行', '2101501')).toBe(false)
    expect(highlightStrings(['三公经费'])[0]).toBe('三公经费')
  })

  it('long texts are cut at sentence ends into chunks the tsvector can position', () => {
    const text = '本部门负责医疗保障工作。'.repeat(600)
    const chunks = chunkText(text)
    expect(chunks.join('')).toBe(text)
    expect(chunks.every((c) => c.length <= 4000 && c.endsWith('。'))).toBe(true)
  })
})
