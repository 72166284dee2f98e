import { describe, expect, it } from 'vitest'
import { liveTextFindings } from '@/lib/check/live'
import { CheckFileError, readCheckFile } from '@/lib/check/server/read-file-node'

describe('the notes editor runs the checker’s wording rules live', () => {
  it('reports 增加增加, 增加持平, a leftover 【XX】 and an outdated name in typed text, nothing in clean text', () => {
    const values = {
      reasons: { total: '比上年增加增加10.00万元，主要原因是人员增加。', operatingCosts: '与上年增加持平。' },
      duties: { items: ['（一）负责【XX】工作。', '（二）负责全市医疗卫生与计划生育支出的管理。'] },
      clean: '2023年预算收入2350.50万元，比上年增加423.34万元，主要原因是人员经费增加。',
    }
    const got = liveTextFindings(values, 2023).map((f) => f.rule)
    expect(got.sort()).toEqual(['text.contradiction', 'text.doubled_word', 'text.outdated_name', 'text.template_residue'])
    expect(liveTextFindings({ a: values.clean }, 2023)).toEqual([])
  })

  it('leaves out what the saved notes already report', () => {
    const already = [{ rule: 'notes.text_contradiction', severity: 'warning' as const, message: '原因中“增加增加”重复' }]
    expect(liveTextFindings({ a: '比上年增加增加10.00万元。' }, 2023, already)).toEqual([])
  })
})

describe('files the checker cannot read get a Chinese message, never a crash', () => {
  it.each([
    ['empty.pdf', Buffer.alloc(0), /空文件/],
    ['broken.pdf', Buffer.from('%PDF-1.4 garbage'), /PDF/],
    ['notes.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /Word|损坏/],
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3, 0xff, 0xfe]), /不是 PDF、Word/],
  ])('%s', async (name, buf, message) => {
    await expect(readCheckFile(name, buf)).rejects.toThrow(CheckFileError)
    await expect(readCheckFile(name, buf)).rejects.toThrow(message)
  })
})
