/**
 * A unit's own budget (单位预算, docs/decisions/009) is never called 部门预算 in its document: the model's
 * title, 目录 and file name, the web page (cover, parts), the PDF (cover, 目录, outline, properties) and
 * the Word document (cover, 目录, core properties) all read the model's `level`. The 部门预算 left in a
 * unit's document is the text the notes generate (lib/notes: “我省部门预算的编制实行综合预算管理…”),
 * never a title. A department's document says 部门预算 exactly as before.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import type { AssembleInput } from '@/lib/document/assemble'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import type { DocumentModel } from '@/lib/document/model'
import { documentFileName, headingForLevel, NOTES_PART_ID, TABLES_PART_ID } from '@/lib/document/model'
import { withOverallTable } from '@/lib/document/overall-table'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { renderHtml } from '@/lib/document/render-html'
import { listZipEntries } from '@/lib/exchange/zip'
import { defaultGlossary } from '@/lib/notes/glossary'
import { parseStoredNotes } from '@/lib/notes/schemas'
import { ZOverallTarget } from '@/lib/performance/schemas'
import { henanOverall2023 } from '../factories/henan-performance'
import { documentInputFor } from '../factories/document-input'
import { hebeiUnit2024, henanDept2023 } from '../factories/template-layouts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-unit-'))
const UNIT = { code: '447001', name: '承德市医疗保障局本级' }

/** A Hebei unit's 2024 单位预算 in the unit layout (its tables titled 单位预算…表). */
function hebeiUnitInput(): AssembleInput {
  const data = hebeiUnit2024(UNIT)
  const { tables } = computeDisclosure(data, shippedTemplate('hebei-unit-2024'), starterCatalogue(2024))
  return {
    year: 2024,
    department: UNIT,
    data,
    tables,
    notes: parseStoredNotes({ duties: { intro: '', items: ['贯彻执行医疗保障法律法规和政策。'] } }),
    priorSystem: null,
    glossary: defaultGlossary(),
    targets: { overall: null, projects: [] },
    amountUnit: '万元',
    region: { name: '承德市', province: '河北省', financeBureau: '承德市财政局' },
    status: 'draft',
    dateLine: '草稿（未公开）· 生成日期：2024年1月20日',
    level: 'unit',
  }
}

/** A Henan unit's 2023 budget on the family's department template (parts 第一–第三部分, the 预算11表 after the nine tables). */
function henanUnitDocument(): DocumentModel {
  const template = shippedTemplate('henan-dept-2023')
  const data = henanDept2023()
  const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
  const input = {
    year: 2023,
    department: { code: '127001', name: '获嘉县医疗保障局机关' },
    data,
    tables,
    notes: parseStoredNotes({}),
    priorSystem: null,
    glossary: defaultGlossary(),
    targets: { overall: ZOverallTarget.parse(henanOverall2023()), projects: [] },
    performanceLayout: template.performance!,
    amountUnit: '万元' as const,
    region: { name: '获嘉县', province: '河南省', financeBureau: '获嘉县财政局' },
    status: 'draft',
    dateLine: '草稿（未公开）· 生成日期：2023年1月20日',
    notesLayout: template.notes!,
    level: 'unit' as const,
  }
  return withOverallTable(assembleDocument(input), input)
}

/** The texts of the notes' paragraphs that say 部门预算: generated wording (lib/notes), the only 部门预算 a unit's document may hold. */
function generatedMentions(m: DocumentModel): string[] {
  return m.notes.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' && b.text.includes('部门预算') ? [b.text] : [])))
}

/**
 * Column headers that say 部门预算 because the unit's own budget system prints them so (the Hebei 2024 unit
 * export's 政府采购预算: 政府采购金额（当年部门预算安排资金）, laiyuan-2024): printed as the template has them.
 */
function headerMentions(m: DocumentModel): string[] {
  const out = new Set<string>()
  const collect = (v: unknown): void => {
    if (typeof v === 'string') for (const part of v.split('/')) if (part.includes('部门预算')) out.add(part)
    if (Array.isArray(v)) v.forEach(collect)
    else if (v && typeof v === 'object') Object.values(v).forEach(collect)
  }
  // every table's column headers, the nine tables' and those the notes print (政府采购)
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'columns' || k === 'header' || k === 'headers' ? collect : walk)(x)
  }
  walk(m)
  return [...out]
}

function readZipEntry(buf: Buffer, name: string): string {
  const e = listZipEntries(buf).find((x) => x.name === name)
  if (!e) throw new Error(`${name} not in the package`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8')
}

/** The text of each Word paragraph (<w:p>), runs joined. */
const wordParagraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).filter((t) => t !== '')

/** Every /Title string of a PDF (the document's information and each outline entry), decoded. */
function pdfTitles(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1')
  return [...raw.matchAll(/\/Title \(((?:\\[\s\S]|[^\\)])*)\)/g)].map((m) => {
    const bytes = Buffer.from(m[1]!.replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c), 'latin1')
    if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1')
    const le = Buffer.from(bytes.subarray(2))
    le.swap16()
    return le.toString('utf16le')
  })
}

const pdfInfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })
const infoField = (info: string, key: string) => info.match(new RegExp(`^${key}:\\s+(.*)$`, 'm'))?.[1]

describe('a unit’s own budget: every title says 单位预算', () => {
  let model: DocumentModel
  beforeAll(() => {
    model = assembleDocument(hebeiUnitInput())
  })

  it('the model: level, title, 目录 and file name', () => {
    expect(model.level).toBe('unit')
    expect(model.title).toBe('承德市医疗保障局本级2024年单位预算信息公开')
    expect(model.notes.title).toBe('承德市医疗保障局本级2024年单位预算信息公开情况说明')
    expect(model.notes.preamble).toContain('现将承德市医疗保障局本级2024年单位预算公开如下')
    expect(documentFileName(model, 'pdf')).toBe('承德市医疗保障局本级2024年单位预算信息公开.pdf')
    expect(documentFileName(model, 'docx')).toBe('承德市医疗保障局本级2024年单位预算信息公开.docx')
    expect(model.toc.filter((e) => e.level === 1)).toEqual([
      { id: TABLES_PART_ID, title: '单位预算公开表', level: 1 },
      { id: NOTES_PART_ID, title: '单位预算信息公开情况说明', level: 1 },
    ])
    // the unit template's tables are 单位预算…表; Hebei's 二、部门预算安排的总体情况 is the unit's 二、单位预算安排的总体情况
    expect(model.toc.map((e) => e.title)).toContain('单位预算收支总表')
    expect(model.toc.map((e) => e.title)).toContain('二、单位预算安排的总体情况')
    expect(model.toc.filter((e) => e.title.includes('部门预算'))).toEqual([])
    expect(model.notes.sections.filter((s) => s.title.includes('部门预算'))).toEqual([])
  })

  it('the 预算11表 added after the nine tables keeps the unit’s 目录 (Henan unit on the department template)', () => {
    const henan = henanUnitDocument()
    expect(henan.overall).toBeDefined()
    expect(henan.title).toBe('获嘉县医疗保障局机关2023年单位预算信息公开')
    const titles = henan.toc.map((e) => e.title)
    expect(titles[0]).toBe('单位预算公开表')
    expect(titles[titles.indexOf(henan.overall!.target.title) + 1]).toBe('单位预算信息公开情况说明')
    // the template's part 第二部分 {year}年部门预算情况说明, as the unit's document prints it
    expect(titles).toContain('第二部分 2023年单位预算情况说明')
    expect(titles.filter((t) => t.includes('部门预算'))).toEqual([])
    expect(documentFileName(henan, 'html')).toBe('获嘉县医疗保障局机关2023年单位预算信息公开.html')
  })

  it('the web page: cover, parts, 目录 and the notes’ sentences say 单位预算, never 部门预算', () => {
    const html = renderHtml(model)
    expect(html).toContain('<title>承德市医疗保障局本级2024年单位预算信息公开</title>')
    expect(html).toContain('<p class="dd-sub">2024年单位预算信息公开</p><p>单位编码：447001</p>')
    expect(html).toContain(`id="${TABLES_PART_ID}">单位预算公开表</h2>`)
    expect(html).toContain(`id="${NOTES_PART_ID}">承德市医疗保障局本级2024年单位预算信息公开情况说明</h2>`)
    expect(html).not.toContain('部门编码')
    const article = html.slice(html.indexOf('<article'))
    // the notes are worded for a unit too (lib/notes, level): no 部门预算 anywhere in the document's text,
    // but for a column header the unit's own budget system prints so
    const headers = headerMentions(model)
    expect(article.split(/<[^>]+>/).filter((t) => t.includes('部门预算') && !headers.includes(t.trim()))).toEqual([])
    expect(generatedMentions(model)).toEqual([])
    expect(article).toContain('反映本单位当年全部收入')
  })

  it('the PDF: cover, 目录, outline and properties say 单位预算 (pdftotext, pdfinfo)', async () => {
    const pdf = await renderPdf(model)
    const file = path.join(dir, 'unit.pdf')
    fs.writeFileSync(file, pdf)
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f')
    const flat = (s: string) => s.replace(/\s+/g, '')
    expect(flat(pages[0]!)).toContain('2024年单位预算信息公开')
    expect(flat(pages[0]!)).toContain('单位编码：447001')
    expect(flat(pages[0]!)).not.toContain('部门')
    const toc = flat(pages[1]!)
    expect(toc).toContain('单位预算公开表')
    expect(toc).toContain('单位预算信息公开情况说明')
    expect(toc).not.toContain('部门预算')
    const info = pdfInfo(file)
    expect(infoField(info, 'Title')).toBe('承德市医疗保障局本级2024年单位预算信息公开')
    expect(infoField(info, 'Subject')).toBe('2024年单位预算信息公开')
    expect(infoField(info, 'Keywords')).toBe('单位预算,信息公开')
    // the outline: the parts and every table and section, none of them 部门预算
    const outline = pdfTitles(pdf)
    expect(outline).toContain('单位预算公开表')
    expect(outline).toContain('单位预算信息公开情况说明')
    expect(outline).toContain('二、单位预算安排的总体情况')
    expect(outline.filter((t) => t.includes('部门预算'))).toEqual([])
    // the 部门预算 pdftotext finds is in the notes' generated sentences only
    const text = headerMentions(model).reduce((t, h) => t.split(flat(h)).join(''), flat(pages.join('')))
    const mentions = text.split('部门预算').length - 1
    const generated = generatedMentions(model).reduce((n, t) => n + t.split('部门预算').length - 1, 0)
    expect(mentions).toBe(generated)
  }, 60_000)

  it('the Word document: core properties, cover and 目录 say 单位预算', async () => {
    const docx = await renderDocx(model)
    const core = readZipEntry(docx, 'docProps/core.xml')
    expect(core).toContain('<dc:title>承德市医疗保障局本级2024年单位预算信息公开</dc:title>')
    expect(core).toContain('<dc:subject>2024年单位预算信息公开</dc:subject>')
    expect(core).toContain('<cp:keywords>单位预算,信息公开</cp:keywords>')
    expect(core).toContain('<dc:description>447001 承德市医疗保障局本级 2024年单位预算信息公开（单位预算公开表与情况说明）</dc:description>')
    expect(core).not.toContain('部门')
    const paragraphs = wordParagraphs(readZipEntry(docx, 'word/document.xml'))
    expect(paragraphs.slice(0, 6)).toEqual(['承德市医疗保障局本级', '2024年单位预算信息公开', '单位编码：447001', '河北省承德市', '草稿（未公开）· 生成日期：2024年1月20日', '目  录'])
    expect(paragraphs).toContain('单位预算公开表')
    expect(paragraphs).toContain('单位预算信息公开情况说明')
    expect(paragraphs).toContain('二、单位预算安排的总体情况')
    // 部门预算 only in the notes' generated sentences
    expect(paragraphs.filter((p) => p.includes('部门预算') && !headerMentions(model).includes(p)).every((p) => generatedMentions(model).includes(p))).toBe(true)
  }, 60_000)
})

describe('a department’s budget: 部门预算, word for word as before', () => {
  let model: DocumentModel
  beforeAll(async () => {
    model = assembleDocument(await documentInputFor('chengde-2023'))
  })

  it('model, web page, PDF properties and Word properties', async () => {
    expect(model.level).toBe('department')
    expect(documentFileName(model, 'pdf')).toBe('承德市医疗保障局2023年部门预算信息公开.pdf')
    expect(model.notes.title).toBe('承德市医疗保障局2023年部门预算信息公开情况说明')
    expect(model.toc.filter((e) => e.level === 1).map((e) => e.title)).toEqual(['部门预算公开表', '部门预算信息公开情况说明'])
    expect(model.toc.map((e) => e.title)).toContain('二、部门预算安排的总体情况')
    expect(renderHtml(model)).toContain('<p class="dd-sub">2023年部门预算信息公开</p><p>部门编码：447</p>')

    const file = path.join(dir, 'department.pdf')
    const pdf = await renderPdf(model)
    fs.writeFileSync(file, pdf)
    const info = pdfInfo(file)
    expect([infoField(info, 'Subject'), infoField(info, 'Keywords')]).toEqual(['2023年部门预算信息公开', '部门预算,信息公开'])
    expect(pdfTitles(pdf)).toContain('部门预算信息公开情况说明')

    const core = readZipEntry(await renderDocx(model), 'docProps/core.xml')
    expect(core).toContain('<dc:subject>2023年部门预算信息公开</dc:subject>')
    expect(core).toContain('<cp:keywords>部门预算,信息公开</cp:keywords>')
    expect(core).toContain('<dc:description>447 承德市医疗保障局 2023年部门预算信息公开（部门预算公开表与情况说明）</dc:description>')
  }, 60_000)

  it('headingForLevel renames a heading only for a unit', () => {
    expect(headingForLevel('二、部门预算安排的总体情况', 'department')).toBe('二、部门预算安排的总体情况')
    expect(headingForLevel('二、部门预算安排的总体情况', 'unit')).toBe('二、单位预算安排的总体情况')
    expect(headingForLevel('一、部门职责及机构设置情况', 'unit')).toBe('一、单位职责及机构设置情况')
    expect(headingForLevel('第一部分 部门概况', 'unit')).toBe('第一部分 单位概况')
    // a heading that names both stays right: 部门（单位） is not a 部门预算
    expect(headingForLevel('部门（单位）整体绩效目标表', 'unit')).toBe('部门（单位）整体绩效目标表')
    expect(headingForLevel('一、部门职责及机构设置情况', 'department')).toBe('一、部门职责及机构设置情况')
  })
})
