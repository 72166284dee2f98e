import { beforeAll, describe, expect, it } from 'vitest'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import type { PdfWord } from '@/lib/check/layout'
import { linesFromWords } from '@/lib/check/layout'
import { readCheckFile } from '@/lib/check/server/read-file-node'
import { recogniseTables } from '@/lib/check/tables'
import type { CheckDocument } from '@/lib/check/types'
import { assembleDocument } from '@/lib/document/assemble'
import type { DocumentModel } from '@/lib/document/model'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { documentInputFor } from '../factories/document-input'

const templates = shippedTemplateIds().map(shippedTemplate)
const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : typeof v === 'number' ? Number(v.toFixed(2)) : String(v).replace(/\s+/g, ''))

/** Tables of the product's own PDF read back: found, read without a reading problem, every cell equal to the source. */
function tally(doc: CheckDocument, model: DocumentModel) {
  const rec = recogniseTables(doc.lines, templates, model.year)
  const out = { tables: model.tables.length, found: 0, read: 0, equal: 0, cells: 0, cellsEqual: 0, problems: [] as string[] }
  for (const { table: src } of model.tables) {
    const p = rec.parsed?.tables.find((t) => t.table.key === src.key)
    if (!p) {
      out.problems.push(`${src.title}: 未找到`)
      continue
    }
    out.found++
    const probs = rec.parsed!.findings.filter((f) => f.table === src.key && (f.severity === 'error' || f.rule === 'exchange.column_unknown'))
    if (p.unreadable || probs.length) {
      out.problems.push(`${src.title}: ${p.unreadable ? '列未能识别' : probs[0]!.message}`)
      continue
    }
    out.read++
    let same = true
    src.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        out.cells++
        if (norm(p.table.rows[i]?.[j]) === norm(v)) out.cellsEqual++
        else same = false
      }),
    )
    if (p.table.rows.length !== src.rows.length) same = false
    if (same) out.equal++
    else out.problems.push(`${src.title}: 单元格与原表不同`)
  }
  return out
}

describe.each(['chengde-2023', 'laoting-2022'] as const)('the product’s own PDF of %s: its tables read back cell by cell', (name) => {
  let model: DocumentModel
  let doc: CheckDocument
  beforeAll(async () => {
    model = assembleDocument(await documentInputFor(name))
    doc = await readCheckFile(`${name}.pdf`, Buffer.from(await renderPdf(model)))
  }, 120_000)

  it('every table found, read, and every cell equal to the source', () => {
    const t = tally(doc, model)
    console.log(`${name}.pdf: tables ${t.tables}, found ${t.found}, read ${t.read}, all cells equal ${t.equal}; cells ${t.cellsEqual}/${t.cells}${t.problems.length ? `\n  ${t.problems.join('\n  ')}` : ''}`)
    expect(t.problems).toEqual([])
    expect(t.equal).toBe(t.tables)
  })

  it('header cells spanning columns are repeated in each, wrapped header lines are one cell, not a data row', () => {
    const i = doc.lines.findIndex((l) => l.text === '部门预算支出总表')
    const header = doc.lines.slice(i + 2, i + 4).map((l) => l.cells)
    expect(header[0]).toEqual(['序号', '功能分类科目', '功能分类科目', '合计', '基本支出', '项目支出', '经营支出', '上解上级支出', '对附属单位补助支出'])
    expect(header[1]).toEqual(['', '科目编码', '科目名称', '', '', '', '', '', ''])
    expect(doc.lines[i + 4]!.cells?.[0]).toBe('栏次')
  })
})

describe('a table laid out differently (no 序号 column, a wide names column, a two-level header)', () => {
  // words as pdftotext gives them (points): names left-aligned at x=62, amounts right-aligned, header centred
  const h = 12
  const w = (left: number, top: number, text: string, width = text.length * 9): PdfWord => ({ page: 1, left, top, width, height: h, text })
  const num = (rightEdge: number, top: number, text: string) => w(rightEdge - text.length * 5, top, text, text.length * 5)
  // columns: 项目 [60, 300], 合计 [300, 360], 基本支出 [360, 420], 项目支出 [420, 480]
  const words: PdfWord[] = [
    w(60, 20, '单位：万元'),
    w(171, 40, '项目'),
    w(312, 40, '合计'),
    w(402, 34, '本年预算'), // spans 基本支出 and 项目支出, centred on 420
    w(372, 52, '基本支出'),
    w(432, 52, '项目支出'),
    w(171, 70, '栏次'),
    w(327.5, 70, '1', 5),
    w(387.5, 70, '2', 5),
    w(447.5, 70, '3', 5),
    w(62, 90, '一般公共服务支出'),
    num(356, 90, '120.00'),
    num(416, 90, '100.00'),
    num(476, 90, '20.00'),
    w(62, 108, '人大事务'),
    num(356, 108, '5.00'),
    num(416, 108, '5.00'),
    // a name wider than half its column (its centre is past the middle between the 栏次 numbers)
    w(62, 126, '其他一般公共服务支出（含结转结余和专项资金）'),
    num(416, 126, '15.00'),
  ]
  const lines = linesFromWords(words, 1)

  it('cuts each row at the columns: a long left-aligned name stays in its column, a blank cell stays blank', () => {
    expect(lines.find((l) => l.text.startsWith('人大事务'))?.cells).toEqual(['人大事务', '5.00', '5.00', ''])
    expect(lines.find((l) => l.text.startsWith('一般公共'))?.cells).toEqual(['一般公共服务支出', '120.00', '100.00', '20.00'])
    expect(lines.find((l) => l.text.startsWith('其他'))?.cells).toEqual(['其他一般公共服务支出（含结转结余和专项资金）', '', '15.00', ''])
  })

  it('without a caption line, the title (another font size) stays a line of its own, not a header cell', () => {
    const noCaption = words.filter((x) => x.text !== '单位：万元')
    const out = linesFromWords([{ page: 1, left: 200, top: 8, width: 160, height: 20, text: '一般公共预算支出表' }, ...noCaption], 1)
    expect(out[0]).toEqual({ page: 1, text: '一般公共预算支出表', cells: null })
    expect(out[1]!.cells).toEqual(['项目', '合计', '本年预算', '本年预算'])
  })

  it('a header cell centred over two columns applies to both', () => {
    const i = lines.findIndex((l) => l.cells?.[0] === '栏次')
    expect(lines.slice(i - 2, i).map((l) => l.cells)).toEqual([
      ['项目', '合计', '本年预算', '本年预算'],
      ['', '', '基本支出', '项目支出'],
    ])
  })
})
