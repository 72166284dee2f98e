import { describe, expect, it } from 'vitest'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { checkDocument } from '@/lib/check/check'
import { readPlainText } from '@/lib/check/read-text'
import type { CheckReport } from '@/lib/check/types'
import { seedText } from '../support/check-documents'

const templates = shippedTemplateIds().map(shippedTemplate)
const check = (name: string, text: string) => checkDocument(readPlainText(name, text), templates)
const TITLE = '部门预算一般公共预算财政拨款支出表'
const KEY = 'table:general_budget_expenditure'

/**
 * A generated variant of a real published text (chengde-2023, tab-separated): one table flattened as
 * PDF extraction prints it — a row's words and numbers on one line, spaces between, no tabs; `blank`
 * says what an empty amount cell prints as ('0.00' keeps every cell, '' drops it).
 */
function flattenTable(text: string, blank: string, edit?: (line: string) => string): string {
  const lines = text.split('\n')
  const start = lines.findLastIndex((l) => l.trim() === TITLE)
  const end = lines.findIndex((l, i) => i > start && /^部门预算.*表$/.test(l.trim()))
  return lines
    .map((l, i) => {
      if (i <= start || i >= end || !l.includes('\t')) return l
      const cells = l.split('\t')
      const row = /^\d+$/.test(cells[0]!) && cells[0] !== ''
      const out = cells.map((c, k) => (row && k >= 3 && c === '' ? blank : c)).filter((c) => c !== '')
      const flat = out.join(' ')
      return row && edit ? edit(flat) : flat
    })
    .join('\n')
}

describe('tables flattened to lines of words and numbers (blank cells dropped): read only when the alignment is certain', () => {
  const base = seedText('chengde-2023')
  const original = check('chengde-2023.txt', base)
  const ofTable = (r: CheckReport) => r.findings.filter((f) => f.table === TITLE).map((f) => `${f.rule}|${f.severity}|${f.row}|${f.column}`)

  it('every cell printed (empty ones as 0.00): aligned to the 栏次 columns, read and checked like the table with cells', () => {
    const r = check('flat-zeros.txt', flattenTable(base, '0.00'))
    expect(r.coverage.find((c) => c.rule === KEY), JSON.stringify(r.coverage.find((c) => c.rule === KEY))).toEqual({ rule: KEY, status: 'passed', reason: null })
    expect(r.summary.tablesFound).toContain(TITLE)
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
    // the same rounding findings as the original text with cells
    expect(ofTable(r).sort()).toEqual(ofTable(original).sort())
    console.log(`chengde-2023 variant, ${TITLE} flattened with every cell printed: read, ${ofTable(r).length} findings of that table, as with cells (${ofTable(original).length})`)
  })

  it('a wrong figure in a flattened table is a real error of that table', () => {
    const r = check('flat-wrong.txt', flattenTable(base, '0.00', (l) => l.replace(/^4 2080109 社会保险经办机构 939\.97 844\.47 95\.50$/, '4 2080109 社会保险经办机构 939.97 848.47 95.50')))
    const errs = r.findings.filter((f) => f.severity === 'error' && f.table === TITLE)
    expect(errs.length).toBeGreaterThan(0)
    expect(r.coverage.find((c) => c.rule === KEY)!.status).toBe('failed')
  })

  it('blank cells dropped: not run, with the row that cannot be aligned — never a guessed arithmetic error', () => {
    const r = check('flat-blank.txt', flattenTable(base, ''))
    const c = r.coverage.find((x) => x.rule === KEY)!
    expect(c.status).toBe('not_run')
    expect(c.reason).toMatch(/压平.*第 \d+ 行.*个数字.*3 个金额列/)
    expect(r.findings.filter((f) => f.table === TITLE && f.severity !== 'rounding')).toEqual([])
  })

  it('laoting-2022: its flattened tables are not run, each with the reason (which row, or the columns side by side)', () => {
    const r = check('laoting-2022.txt', seedText('laoting-2022'))
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([])
    const notRun = r.coverage.filter((c) => c.rule.startsWith('table:') && c.status === 'not_run')
    for (const c of notRun) expect(c.reason, c.rule).toBeTruthy()
    console.log(`laoting-2022 (tables flattened, blank cells dropped): tables read ${r.summary.tablesFound.length}, not run ${notRun.length} (each with its reason), errors 0`)
    expect(notRun.find((c) => c.rule === 'table:income_expenditure_summary')!.reason).toMatch(/交错/)
    expect(notRun.find((c) => c.rule === 'table:general_budget_expenditure')!.reason).toMatch(/第 \d+ 行/)
  })
})
