import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import type { DocumentModel } from '@/lib/document/model'
import { listZipEntries } from '@/lib/exchange/zip'
import { SECTION_TITLES } from '@/lib/notes/types'
import { documentInputFor } from '../factories/document-input'
import { loadFixture } from '../support/fixtures'

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-docx-'))
const flat = (s: string) => s.replace(/\s+/g, '')

function readZipEntry(buf: Buffer, name: string): string {
  const e = listZipEntries(buf).find((x) => x.name === name)
  if (!e) throw new Error(`${name} not in the package`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8')
}

describe.each(['chengde-2023', 'laoting-2022'] as const)('Word document of %s', (name) => {
  let model: DocumentModel
  let docx: Buffer
  beforeAll(async () => {
    model = assembleDocument(await documentInputFor(name))
    docx = await renderDocx(model)
  })

  it('is a Word package with real tables: merged header cells, repeated header rows, landscape sections, 目录 of page references', () => {
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
    const xml = readZipEntry(docx, 'word/document.xml')
    const tables = xml.match(/<w:tbl>/g)?.length ?? 0
    const targets = model.notes.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'performanceTable').length
    // nine tables + 机构设置 + 政府采购 + 固定资产 + one per 绩效目标表
    expect(tables).toBe(9 + 3 + targets)
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toMatch(/<w:gridSpan w:val="\d+"\/>/)
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/)
    expect(xml).toContain('w:orient="landscape"')
    expect(xml.match(/PAGEREF/g)?.length).toBe(model.toc.filter((e) => e.level === 2).length)
    expect(readZipEntry(docx, 'docProps/core.xml')).toContain(model.title)
  })

  it.skipIf(!soffice)(
    'converts with LibreOffice headless without losing a table: every cell value of the nine tables and every section title is in the PDF',
    () => {
      const file = path.join(dir, `${name}.docx`)
      fs.writeFileSync(file, docx)
      execFileSync(soffice!, [`-env:UserInstallation=file://${path.join(dir, `profile-${name}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 })
      const text = flat(execFileSync('pdftotext', [path.join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' }))
      const fx = loadFixture(name)
      const missing: string[] = []
      for (const t of fx.tables) {
        if (!text.includes(flat(t.title))) missing.push(t.title)
        for (const r of t.rows) for (const v of r) if (v !== null && !text.includes(flat(typeof v === 'number' && t.key !== 'fixed_assets' && t.key !== 'procurement' ? v.toFixed(2) : String(v)))) missing.push(`${t.key}: ${String(v)}`)
      }
      expect(missing).toEqual([])
      for (const title of Object.values(SECTION_TITLES)) expect(text).toContain(flat(title))
      for (const t of model.notes.sections.flatMap((s) => s.blocks)) if (t.kind === 'performanceTable') for (const row of t.target.rows) expect(text).toContain(flat(row.level3))
    },
    180_000,
  )
})
