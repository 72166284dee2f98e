import { beforeAll, describe, expect, it } from 'vitest'
import { keyOf, pagesFromLaidOutText } from '@/lib/check/paginate'
import { pdfPageTexts } from '@/lib/check/server/layout-pdf'
import { readCheckFileWithPages } from '@/lib/check/server/read-file-node'
import type { CheckDocument } from '@/lib/check/types'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import { documentInputFor } from '../factories/document-input'

const flat = (s: string) => s.replace(/\s+/g, '')

describe('DOCX pages: laid out by LibreOffice, each line on the page it is printed on', () => {
  let docx: Buffer
  let doc: CheckDocument
  let pages: string[]
  beforeAll(async () => {
    docx = Buffer.from(await renderDocx(assembleDocument(await documentInputFor('chengde-2023'))))
    const r = await readCheckFileWithPages('chengde.docx', docx)
    doc = r.doc
    pages = r.pdf ? await pdfPageTexts(r.pdf) : []
  }, 180_000)

  it('takes its pages from the layout, and every line is on the page it is given', () => {
    expect(doc.pagination).toBe('libreoffice')
    expect(doc.pageCount).toBe(pages.length)
    // the lines whose first characters are printed once in the whole laid-out document: each is on the page it is given
    const all = flat(pages.join(''))
    const probe = (l: (typeof doc.lines)[number]) => keyOf(l).slice(0, 16)
    const lines = doc.lines.filter((l) => probe(l).length >= 8 && all.indexOf(probe(l)) === all.lastIndexOf(probe(l)) && all.includes(probe(l)))
    const on = lines.filter((l) => flat(pages[l.page! - 1] ?? '').includes(probe(l)))
    console.log(`docx pages by LibreOffice: ${pages.length} pages; ${on.length} of ${lines.length} lines (of those printed once in the layout) on their page (${((on.length / lines.length) * 100).toFixed(1)}%)`)
    expect(on.length / lines.length).toBeGreaterThanOrEqual(0.97)
    // pages never go back
    const seq = doc.lines.map((l) => l.page!)
    expect(seq.every((p, i) => i === 0 || p >= seq[i - 1]!)).toBe(true)
  })

  it('without the layout, keeps the explicit page breaks (and says so)', async () => {
    const r = await readCheckFileWithPages('chengde.docx', docx, { docxLayout: false })
    expect(r.pdf).toBeNull()
    expect(r.doc.pagination === 'page-breaks' || r.doc.pagination === 'none').toBe(true)
  })
})

describe('pagesFromLaidOutText', () => {
  const line = (text: string) => ({ page: null, text, cells: null })
  it('gives each line the page its text is on, in reading order (a repeated heading at its own place)', () => {
    const r = pagesFromLaidOutText([line('部门预算收支总表'), line('一、部门职责及机构设置'), line('部门预算收支总表'), line('附：说明')], ['部门预算收支总表\n一、部门职责及机构设置', '其他\n部门预算 收支总表', '附：说明'])
    expect(r?.lines.map((l) => l.page)).toEqual([1, 1, 2, 3])
    expect(r?.pageCount).toBe(3)
  })
  it('is null when too few lines are found (another document, a failed layout): the caller keeps the breaks', () => {
    expect(pagesFromLaidOutText([line('完全不同的内容一'), line('完全不同的内容二')], ['部门预算收支总表'])).toBeNull()
  })
})
