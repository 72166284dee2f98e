import { describe, expect, it } from 'vitest'
import { parseTemplate } from '@/lib/budget/template-schema'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'

describe('template schema', () => {
  for (const id of shippedTemplateIds()) {
    it(`accepts the shipped template ${id}`, () => {
      const r = parseTemplate(shippedTemplate(id))
      expect(r.ok ? [] : r.errors).toEqual([])
    })
  }
  it('rejects an empty label and a sum over a missing row, saying where', () => {
    const t = structuredClone(shippedTemplate('hebei-dept-2023'))
    const three = t.tables.find((x) => x.kind === 'three_public')!
    if (three.kind !== 'three_public') throw new Error('shape')
    three.rows[0]!.sumOf = ['nope']
    three.rows[1]!.label = ' '
    const r = parseTemplate(t)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors.join('\n')).toContain('汇总了不存在的行 nope')
      expect(r.errors.join('\n')).toContain('标签不能为空')
    }
  })
})
