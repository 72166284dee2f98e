/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) in the complete document: after the nine tables, in the
 * 目录, as a real table in the web page, the PDF (pdftotext finds its cells) and the Word document (its
 * XML holds them; LibreOffice converts it without losing one). A Hebei document has no such table.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import type { DocumentModel } from '@/lib/document/model'
import { withOverallTable } from '@/lib/document/overall-table'
import { breakLabel } from '@/lib/document/table-cells'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { renderHtml } from '@/lib/document/render-html'
import { listZipEntries } from '@/lib/exchange/zip'
import { defaultGlossary } from '@/lib/notes/glossary'
import { parseStoredNotes } from '@/lib/notes/schemas'
import type { TOverallTarget } from '@/lib/performance/schemas'
import { ZOverallTarget } from '@/lib/performance/schemas'
import { henanOverall2023 } from '../factories/henan-performance'
import { documentInputFor } from '../factories/document-input'
import { henanDept2023 } from '../factories/template-layouts'

const template = shippedTemplate('henan-dept-2023')
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-overall-'))
const flat = (s: string) => s.replace(/\s+/g, '')
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0)
const TITLE = '2023年部门（单位）整体绩效目标表（预算11表）'

function henanDocument(overall: TOverallTarget | null): DocumentModel {
  const data = henanDept2023()
  const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
  const input = {
    year: 2023,
    department: { code: '127', name: '获嘉县医疗保障局' },
    data,
    tables,
    notes: parseStoredNotes({ duties: { intro: '获嘉县医疗保障局主要职责是：', items: ['贯彻执行医疗保障法律法规和政策。'] } }),
    priorSystem: null,
    glossary: defaultGlossary(),
    targets: { overall, projects: [] },
    performanceLayout: template.performance!,
    amountUnit: '万元' as const,
    region: { name: '获嘉县', province: '河南省', financeBureau: '获嘉县财政局' },
    status: 'draft',
    dateLine: '草稿（未公开）· 生成日期：2023年1月20日',
    notesLayout: template.notes!,
  }
  return withOverallTable(assembleDocument(input), input)
}

/** The cells of the 预算11表 that pdftotext and the Word XML must hold (short, so no cell wraps but the long row labels, set on two lines). */
const CELLS = [
  '部门（单位）名称',
  '获嘉县医疗保障局',
  '年度履职目标',
  '年度主要任务',
  '任务名称',
  '主要内容',
  '医保基金监管',
  '医保经办服务能力提升',
  '预算情况（万元）',
  '总额',
  '按收入性质分',
  '按支出性质分',
  '343.96',
  '一般公共预算',
  '342.46',
  '政府性基金预算',
  '国有资本经营预算',
  '财政专户管理资金',
  '单位资金',
  '1.50',
  '基本支出',
  '258.96',
  '项目支出',
  '85.00',
  '年度绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '指标值说明',
  '投入管理指标',
  '工作目标管理',
  '预算和财务管理',
  '预算执行率',
  '≥95%',
  '重点工作任务完成',
  '履职目标实现',
  '履职效益',
  '医保基金运行安全',
  '参保群众满意度',
  '≥90%',
  '问卷调查',
]

/** As the PDF and Word set them: the long row labels on two lines (部门（单位）/名称). */
const PRINTED = CELLS.flatMap((c) => breakLabel(c).split('\n'))

function readZipEntry(buf: Buffer, name: string): string {
  const e = listZipEntries(buf).find((x) => x.name === name)
  if (!e) throw new Error(`${name} not in the package`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8')
}

describe('the 预算11表 in the Henan document', () => {
  let model: DocumentModel
  beforeAll(() => {
    model = henanDocument(ZOverallTarget.parse(henanOverall2023()))
  })

  it('comes after the nine tables, in the 目录, with the caption line of the tables; a Hebei document has none', async () => {
    expect(model.overall).toMatchObject({ id: 'tbl-overall_performance', target: { title: TITLE }, caption: { left: '127 获嘉县医疗保障局', middle: '预算年度：2023', right: '单位：万元' } })
    const titles = model.toc.map((e) => e.title)
    // the last entry of 部门预算公开表: right after the nine tables, before the notes
    expect(titles.indexOf(TITLE)).toBe(model.tables.length + 1)
    expect(titles[titles.indexOf(TITLE) + 1]).toBe('部门预算信息公开情况说明')
    expect(model.toc.find((e) => e.title === TITLE)).toEqual({ id: 'tbl-overall_performance', title: TITLE, level: 2 })
    const hebei = await documentInputFor('laoting-2022')
    const plain = assembleDocument(hebei)
    expect(withOverallTable(plain, { ...hebei, amountUnit: '万元' })).toBe(plain)
  })

  it('adds the table’s findings to the document’s: none when complete; what is missing when nothing is entered', () => {
    expect(model.notes.findings.filter((f) => f.rule.startsWith('perf.overall_'))).toEqual([])
    const empty = henanDocument(null)
    expect(empty.overall!.target.budget.total).toBe('343.96')
    expect(empty.notes.findings.filter((f) => f.rule.startsWith('perf.overall')).map((f) => f.rule)).toEqual([
      'perf.overall_missing',
      'perf.overall_tasks_missing',
      'perf.overall_level1_missing',
      'perf.overall_level1_missing',
      'perf.overall_level1_missing',
      'perf.overall_level1_missing',
    ])
  })

  it('is a real table in the web page: labels as header cells, merged cells, every cell escaped and present', () => {
    const html = renderHtml(model)
    const start = html.indexOf('data-table="overall_performance"')
    expect(start).toBeGreaterThan(html.indexOf('data-table="state_capital_expenditure"'))
    const part = html.slice(start, html.indexOf('</table>', start))
    expect(part).toContain(`>${TITLE}</h3>`)
    expect(part).toContain('<th scope="row" rowspan="3">年度主要任务</th>')
    expect(part).toContain('<th scope="row" rowspan="6">预算情况（万元）</th>')
    expect(part).toContain('<th scope="col" colspan="2">按收入性质分</th>')
    expect(part).toContain('<td class="num" rowspan="5">343.96</td>')
    expect(part).toContain('<td class="center" rowspan="2">投入管理指标</td>')
    expect(part).toContain('<td class="goals" colspan="5">贯彻落实医疗保障政策，确保医保基金安全平稳运行。\n提升医保经办服务水平，群众办事便捷高效。</td>')
    for (const c of CELLS) expect(part, c).toContain(`>${c.replace('&', '&amp;')}<`)
    expect(html).toContain(`<a href="#tbl-overall_performance">${TITLE}</a>`)
  })

  it('is in the PDF on the page the 目录 gives, every cell found by pdftotext', async () => {
    const file = path.join(dir, 'henan.pdf')
    fs.writeFileSync(file, await renderPdf(model))
    const pages = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f')
    const toc = pages[1]!
    const m = new RegExp(`${TITLE.replace(/[()（）]/g, '.')}[.\\s]*(\\d+)`).exec(toc)
    expect(m).not.toBeNull()
    const page = flat(pages[Number(m![1]) - 1]!)
    expect(page.startsWith(flat(TITLE))).toBe(true)
    const missing = PRINTED.filter((c) => !page.includes(flat(c)))
    expect(missing).toEqual([])
    expect(page).toContain(flat('127 获嘉县医疗保障局'))
    // the nine tables are still all there, before it
    const text = flat(pages.join('\n'))
    expect(text.indexOf(flat('国有资本经营预算支出表'), text.indexOf('目录') + 200)).toBeLessThan(text.lastIndexOf(flat(TITLE)))
  }, 60_000)

  it('is a Word table after the nine, with merged cells and every cell; LibreOffice keeps them', async () => {
    const docx = await renderDocx(model)
    const xml = readZipEntry(docx, 'word/document.xml')
    const without = readZipEntry(await renderDocx({ ...model, overall: undefined }), 'word/document.xml')
    expect(xml.match(/<w:tbl>/g)?.length).toBe((without.match(/<w:tbl>/g)?.length ?? 0) + 1)
    // the table's title at its bookmark (the 目录 lists the title before it, the notes' （四）预算绩效管理情况 names it after it)
    const bookmark = (id: string) => xml.indexOf(`w:name="b_${id.replace(/[^A-Za-z0-9_]/g, '_')}"`)
    const start = xml.indexOf(TITLE, bookmark(model.overall!.id))
    expect(bookmark(model.overall!.id)).toBeGreaterThan(bookmark(model.tables.at(-1)!.id))
    expect(bookmark(model.tables.at(-1)!.id)).toBeGreaterThan(0)
    const part = xml.slice(start, xml.indexOf('</w:tbl>', start))
    const text = part.replace(/<[^>]+>/g, '')
    for (const c of PRINTED) expect(text, c).toContain(c)
    expect(part).toMatch(/<w:vMerge w:val="restart"\/>/)
    expect(part).toContain('<w:gridSpan w:val="5"/>')
    expect(xml.match(/PAGEREF/g)?.length).toBe(model.toc.filter((e) => e.level === 2).length)
    if (!soffice) return
    const file = path.join(dir, 'henan.docx')
    fs.writeFileSync(file, docx)
    execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 })
    const converted = flat(execFileSync('pdftotext', [path.join(dir, 'henan.pdf'), '-'], { encoding: 'utf8' }))
    expect(PRINTED.filter((c) => !converted.includes(flat(c)))).toEqual([])
  }, 180_000)
})
