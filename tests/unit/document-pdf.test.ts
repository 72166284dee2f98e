import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { assembleDocument } from '@/lib/document/assemble'
import type { DocumentModel } from '@/lib/document/model'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { SECTION_TITLES } from '@/lib/notes/types'
import { documentInputFor } from '../factories/document-input'
import { loadFixture } from '../support/fixtures'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-pdf-'))
const flat = (s: string) => s.replace(/\s+/g, '')

/** Every cell of the fixture's nine tables as printed: amounts with two decimals, codes and names as they are. */
function printedCells(name: 'chengde-2023' | 'laoting-2022'): { table: string; text: string }[] {
  const fx = loadFixture(name)
  return fx.tables
    .filter((t) => t.key !== 'procurement' && t.key !== 'fixed_assets')
    .flatMap((t) => t.rows.flatMap((r) => r.flatMap((v) => (v === null ? [] : [{ table: t.key, text: typeof v === 'number' ? v.toFixed(2) : v }]))))
}

describe.each(['chengde-2023', 'laoting-2022'] as const)('PDF of %s', (name) => {
  let model: DocumentModel
  let file: string
  let pages: string[]
  beforeAll(async () => {
    model = assembleDocument(await documentInputFor(name))
    file = path.join(dir, `${name}.pdf`)
    fs.writeFileSync(file, await renderPdf(model))
    pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f')
  }, 60_000)

  it('pdftotext finds every cell value of the nine tables, every table title and every section title', () => {
    const text = flat(pages.join('\n'))
    const cells = printedCells(name)
    expect(cells.length).toBeGreaterThan(200)
    const missing = cells.filter((c) => !text.includes(flat(c.text)))
    expect(missing).toEqual([])
    for (const t of loadFixture(name).tables) expect(text, t.title).toContain(flat(t.title))
    for (const title of Object.values(SECTION_TITLES)) expect(text, title).toContain(flat(title))
    expect(text).toContain(flat(model.notes.title))
  })

  it('embeds the CJK font (subset, with a ToUnicode map) and sets the document title', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
    const rows = fonts.split('\n').filter((l) => /NotoSansSC/.test(l))
    expect(rows.length).toBeGreaterThanOrEqual(2)
    for (const r of rows) expect(r).toMatch(/yes\s+yes\s+yes/)
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toContain(`Title:           ${model.title}`)
  })

  it('is A4, with wide tables on landscape pages and the header repeated on the pages a table runs onto', () => {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages.length), file], { encoding: 'utf8' })
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
    expect(sizes.every(([w, h]) => (Math.abs(w! - 595.28) < 1 && Math.abs(h! - 841.89) < 1) || (Math.abs(w! - 841.89) < 1 && Math.abs(h! - 595.28) < 1))).toBe(true)
    expect(sizes.some(([w]) => w! > 800)).toBe(true)
    // 部门预算收入总表 has 12 columns: landscape
    const incomePage = pages.findIndex((p) => flat(p).startsWith(flat('部门预算收入总表')) || flat(p).includes(`${flat('部门预算收入总表')}${model.department.code}`))
    expect(incomePage).toBeGreaterThan(0)
    expect(sizes[incomePage]![0]).toBeGreaterThan(800)
    // 收支总表 runs over two pages; the second starts again with the caption and the header rows
    const first = pages.findIndex((p) => flat(p).includes(flat('部门预算收支总表')) && flat(p).includes('栏次'))
    const next = flat(pages[first + 1]!)
    expect(next).toContain(flat(`${model.department.code} ${model.department.name}`))
    expect(next).toContain('栏次')
    expect(next).toContain('预算数')
  })

  it('has a 目录 whose page numbers are the pages the parts start on', () => {
    const toc = pages[1]!
    expect(flat(toc)).toContain('目录')
    for (const e of model.toc.filter((x) => x.level === 2)) {
      const m = new RegExp(`${e.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[.\\s]*(\\d+)`).exec(toc)
      expect(m, e.title).not.toBeNull()
      const page = Number(m![1])
      expect(flat(pages[page - 1]!), `${e.title} on page ${page}`).toContain(flat(e.title))
    }
  })
})
