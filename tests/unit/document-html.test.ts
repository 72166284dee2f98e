import { describe, expect, it } from 'vitest'
import { assembleDocument } from '@/lib/document/assemble'
import { renderHtml } from '@/lib/document/render-html'
import { SECTION_TITLES } from '@/lib/notes/types'
import { documentInputFor } from '../factories/notes-laoting-2022'
import { loadFixture } from '../support/fixtures'

describe('the standalone web page of the document', () => {
  it('holds every table as a real table with header cells, every cell value and every section, with escaped text', async () => {
    const input = await documentInputFor('laoting-2022')
    const html = renderHtml(assembleDocument({ ...input, notes: { ...input.notes, other: '<script>alert(1)</script> & “引号”' } }))
    expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号”')
    const fx = loadFixture('laoting-2022')
    for (const t of fx.tables) {
      expect(html).toContain(`data-table="${t.key}"`)
      for (const r of t.rows) for (const v of r) if (v !== null) expect(html, `${t.key} ${String(v)}`).toContain(`>${typeof v === 'number' && !/数量/.test(t.columns[r.indexOf(v)] ?? '') ? v.toFixed(2) : String(v)}<`)
    }
    for (const title of Object.values(SECTION_TITLES)) expect(html).toContain(`>${title}</h3>`)
    expect(html).toContain('<th scope="colgroup" colspan="8">本年收入</th>')
    expect(html.match(/<table>/g)).toHaveLength(9 + 3 + 13)
    expect(html).toContain('@page wide { size: A4 landscape')
  })
})
