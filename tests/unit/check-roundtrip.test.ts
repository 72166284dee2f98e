import { beforeAll, describe, expect, it } from 'vitest'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { checkDocument } from '@/lib/check/check'
import { readCheckFile } from '@/lib/check/server/read-file-node'
import type { CheckFinding, CheckReport } from '@/lib/check/types'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import type { DocumentModel } from '@/lib/document/model'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { documentInputFor } from '../factories/document-input'

const templates = shippedTemplateIds().map(shippedTemplate)
type Format = 'pdf' | 'docx'

async function checkModel(model: DocumentModel, format: Format): Promise<CheckReport> {
  const buf = format === 'pdf' ? await renderPdf(model) : await renderDocx(model)
  return checkDocument(await readCheckFile(`chengde.${format}`, Buffer.from(buf)), templates)
}

/** Replaces `from` by `to` in the first notes paragraph that contains it. */
function editText(model: DocumentModel, from: string, to: string): DocumentModel {
  const m = structuredClone(model)
  for (const s of m.notes.sections) {
    for (const b of s.blocks as { kind: string; text?: string }[]) {
      if (b.kind === 'paragraph' && b.text?.includes(from)) {
        b.text = b.text.replace(from, to)
        return m
      }
    }
  }
  throw new Error(`no paragraph with “${from}”`)
}

/** Changes one printed cell of a table. */
function editCell(model: DocumentModel, key: string, code: string, col: number, value: number): DocumentModel {
  const m = structuredClone(model)
  const t = m.tables.find((x) => x.table.key === key)!.table
  const row = t.rows.find((r) => r[0] === code)!
  row[col] = value
  return m
}

const sig = (f: CheckFinding) => `${f.rule}|${f.severity}|${f.table}|${f.row}|${f.column}|${f.message}`

/** The injected defect kinds: what is changed, and the one rule (at the sentence or cell) that must report it. */
const DEFECTS: { kind: string; edit: (m: DocumentModel) => DocumentModel; rule: string; quote?: RegExp; table?: RegExp }[] = [
  { kind: 'a changed table cell', edit: (m) => editCell(m, 'general_budget_basic_expenditure', '30201', 2, 18.8), rule: 'tree.parent', table: /基本支出表/ },
  { kind: 'a changed amount in a sentence', edit: (m) => editText(m, '其中基本支出1709.00万元', '其中基本支出1790.00万元'), rule: 'text.amount_vs_table', quote: /基本支出1790\.00万元/ },
  { kind: '增加增加', edit: (m) => editText(m, '增加5.45万元', '增加增加5.45万元'), rule: 'text.doubled_word', quote: /增加增加5\.45万元/ },
  { kind: 'a leftover 【XX】', edit: (m) => editText(m, '（九）完成市委、市政府交办的其他任务。', '（九）完成【XX】交办的其他任务。'), rule: 'text.template_residue', quote: /【XX】/ },
  { kind: 'a wrong year', edit: (m) => editText(m, '2023年预算收入2350.50万元', '2021年预算收入2350.50万元'), rule: 'text.year_reference', quote: /2021年预算收入/ },
  {
    kind: 'a 三公 change that disagrees with its items',
    edit: (m) => editText(m, '与2022年相比减少0.01万元，', '与2022年相比减少0.01万元，其中：因公出国（境）费持平，公务用车购置及运维费增加0.20万元，公务接待费持平，'),
    rule: 'text.three_public_change',
    quote: /减少0\.01万元/,
  },
]

describe.each(['pdf', 'docx'] as const)('round trip: a disclosure this product publishes, as %s', (format) => {
  let model: DocumentModel
  let clean: CheckReport
  beforeAll(async () => {
    model = assembleDocument(await documentInputFor('chengde-2023'))
    clean = await checkModel(model, format)
  }, 120_000)

  it('checks clean: no error, no warning', () => {
    expect(clean.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')).toEqual([])
    expect(clean.summary.tablesFound.length).toBeGreaterThan(0)
  })

  const tally = { tp: 0, fp: 0, fn: 0 }
  it.each(DEFECTS)('$kind is reported at its page and sentence, and nothing else', async (d) => {
    const r = await checkModel(d.edit(model), format)
    const before = new Set(clean.findings.map(sig))
    const added = r.findings.filter((f) => !before.has(sig(f)) && f.severity !== 'rounding')
    const hit = added.filter((f) => f.rule === d.rule && (!d.quote || d.quote.test(f.quote ?? '')) && (!d.table || d.table.test(f.table ?? '')))
    // the changed cell's table is read from both formats (PDF: columns from the 栏次 row and the body's alignment)
    if (d.table) expect(r.summary.tablesFound.some((t) => d.table!.test(t)), r.summary.tablesFound.join('、')).toBe(true)
    tally.tp += hit.length ? 1 : 0
    tally.fn += hit.length ? 0 : 1
    const others = added.filter((f) => !hit.includes(f) && !(d.table && d.table.test(f.table ?? '')))
    tally.fp += others.length
    expect(hit.length, JSON.stringify(added, null, 1)).toBeGreaterThan(0)
    expect(others).toEqual([])
    // a DOCX's pages come from its layout by LibreOffice (installed here and in the image)
    expect(r.summary.pagination).toBe(format === 'pdf' ? 'pdf' : 'libreoffice')
    for (const f of hit) expect(f.page, f.rule).not.toBeNull()
    for (const f of hit.filter((x) => x.rule.startsWith('text.'))) expect(f.section).toBeTruthy()
  }, 120_000)

  it('precision and recall on the injected defects', () => {
    const precision = tally.tp / Math.max(1, tally.tp + tally.fp)
    const recall = tally.tp / DEFECTS.length
    console.log(`${format}: injected ${DEFECTS.length} defect kinds — found ${tally.tp}, missed ${tally.fn}, extra findings ${tally.fp}; precision ${(precision * 100).toFixed(0)}%, recall ${(recall * 100).toFixed(0)}%`)
    expect(tally.fp).toBe(0)
    expect(tally.tp).toBe(DEFECTS.length)
  })
})
