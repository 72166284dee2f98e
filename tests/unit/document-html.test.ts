import { describe, expect, it } from 'vitest'
import { evenAmountColumns } from '@/lib/document/column-widths'
import { computeDisclosure } from '@/lib/budget/compute'
import { withPresentation } from '@/lib/budget/present'
import { toFixtureTable } from '@/lib/budget/table'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { assembleDocument } from '@/lib/document/assemble'
import { renderHtml } from '@/lib/document/render-html'
import { SECTION_TITLES } from '@/lib/notes/types'
import { documentInputFor } from '../factories/document-input'
import { henanDept2023, shanghaiDept2023 } from '../factories/template-layouts'
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
    expect(html.match(/<table[ >]/g)).toHaveLength(9 + 3 + 13)
    // the 三公 table (a label column and amounts) has equal amount columns, the others are sized by their content
    expect(html.match(/<table>/g)).toHaveLength(9 + 3 + 13 - 1)
    const at = html.indexOf('data-table="three_public_expenses"')
    const threePublic = html.slice(at, html.indexOf('</table>', at))
    expect(threePublic).toMatch(/<table style="table-layout:fixed;min-width:[\d.]+em" data-layout="even"><caption [^>]*>[^<]*<\/caption><colgroup><col style="width:3.5em"><col style="width:\d+em">(<col>){4}<\/colgroup><thead>/)
    expect(html).toContain('@page wide { size: A4 landscape')
  })
})

describe('a table of a label column and amounts: equal amount columns (evenAmountColumns)', () => {
  const across = (id: 'henan-dept-2023' | 'shanghai-dept-2023') => {
    const template = shippedTemplate(id)
    const data = id === 'henan-dept-2023' ? henanDept2023() : shanghaiDept2023()
    const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
    return toFixtureTable(withPresentation(tables, template).find((t) => t.key === 'three_public_expenses')!)
  }

  it('the 三公 table printed across (Henan, Shanghai) and upright (Hebei); not the tree tables, the summary or the 固定资产 table', () => {
    // Henan: 项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费, one 预算数 row; blank columns are amounts too
    expect(evenAmountColumns(across('henan-dept-2023'))).toEqual({ labelEm: 5, amounts: 6, minWidthEm: 3.5 + 5 + 6 * 7 })
    expect(evenAmountColumns(across('shanghai-dept-2023'))?.amounts).toBe(7)
    const fx = loadFixture('chengde-2023')
    const even = fx.tables.filter((t) => evenAmountColumns(t)).map((t) => t.key)
    expect(even).toEqual(['three_public_expenses'])
    // upright, the label column fits its longest row label (其中：教学科研人员因公出国（境）费)
    expect(evenAmountColumns(fx.tables.find((t) => t.key === 'three_public_expenses')!)).toMatchObject({ labelEm: 19, amounts: 4 })
  })
})
