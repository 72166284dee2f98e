import { beforeAll, describe, expect, it, vi } from 'vitest'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { checkDocument } from '@/lib/check/check'
import { readPlainText } from '@/lib/check/read-text'
import type { CheckReport } from '@/lib/check/types'
import { loadShanghai, seedText, shanghaiDocument } from '../support/check-documents'

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 })

const templates = shippedTemplateIds().map(shippedTemplate)
const check = (name: string, text: string) => checkDocument(readPlainText(name, text), templates)
const errors = (r: CheckReport) => r.findings.filter((f) => f.severity === 'error')

describe('checking real published disclosures (../shared/seeds)', () => {
  it('chengde-2023: the tables are found, no error, its 11 尾差 reported as rounding', () => {
    const r = check('chengde-2023.txt', seedText('chengde-2023'))
    expect(r.summary.tablesFound.length).toBeGreaterThanOrEqual(9)
    expect(errors(r)).toEqual([])
    const rounding = r.findings.filter((f) => f.severity === 'rounding')
    expect(rounding).toHaveLength(11)
    expect(rounding.map((f) => `${f.table}|${f.row}|${f.column}`).sort()).toContain('部门预算收入总表|合计|上年结转')
    expect(r.findings.filter((f) => f.severity === 'warning')).toEqual([])
  })

  it('laoting-2022: no error (its flattened tables are listed as not checked, with the reason)', () => {
    const r = check('laoting-2022.txt', seedText('laoting-2022'))
    expect(errors(r)).toEqual([])
    const t = r.coverage.find((c) => c.rule === 'table:income_summary')!
    expect(t.status).toBe('not_run')
    expect(t.reason).toContain('压平')
    // the text's own change (233.61 = 65.44 + 6.17 + 162) and its figures (8141.01 − 7907.40) agree
    expect(r.coverage.find((c) => c.rule === 'text.change_parts')!.status).toBe('passed')
    expect(r.coverage.find((c) => c.rule === 'text.change_direction')!.status).toBe('passed')
  })

  it('laiyuan-2024: the 会议费 finding, and no other error', () => {
    const r = check('laiyuan-2024.txt', seedText('laiyuan-2024'))
    const errs = errors(r)
    expect(errs.length).toBeGreaterThan(0)
    expect(errs.every((f) => f.rule === 'three_public.parent' && f.row === '四、会议费')).toBe(true)
    expect(errs[0]!.message).toContain('会议费')
  })

  it('xinle-2020 (notes only): its missing tables are completeness errors, and every table rule is not run, never passed', () => {
    const r = check('xinle-2020-notes.txt', seedText('xinle-2020-notes'))
    expect(r.findings.filter((f) => f.rule === 'completeness.table').length).toBeGreaterThanOrEqual(9)
    for (const c of r.coverage.filter((x) => x.rule.startsWith('table:income') || x.rule.startsWith('cross.'))) {
      expect(c.status, c.rule).toBe('not_run')
      expect(c.reason, c.rule).toMatch(/未找到|未能/)
    }
  })
})

describe('shanghai-wenlv-2026: the defects of its text (its inconsistencies SH-…)', () => {
  let r: CheckReport
  beforeAll(async () => {
    r = check('shanghai-wenlv-2026.txt', await shanghaiDocument())
  })
  const has = (rule: string, quote: RegExp, page?: number) => r.findings.some((f) => f.rule === rule && quote.test(f.quote ?? '') && (page === undefined || f.page === page))

  it('finds each inconsistency at its page and sentence', () => {
    const fx = loadShanghai()
    const expected: Record<string, boolean> = {
      'SH-1': has('text.doubled_word', /增加增加27\.45/, 7),
      'SH-2': has('text.contradiction', /增加持平/, 7),
      'SH-3': has('text.outdated_name', /其他文化体育与传媒支出\(款\)/, 8),
      'SH-4': has('text.punctuation', /＂359\.34/, 8),
      'SH-5': has('table.preparer_blank', /编制部门：\s*单位：元/),
      'SH-6': has('text.annual_amount_missing', /13526\.06/, 27),
      'SH-7': has('text.year_reference', /2025年无公车购置计划/, 26),
      // the 绩效目标 cover 17521.98 万元 of 17576.99 万元 项目支出: noted (info), not an error
      'SH-8': r.findings.some((f) => f.rule === 'text.performance_funds' && f.severity === 'info' && /17521\.98/.test(f.quote ?? '') && f.page === 26 && f.expected === '17576.99'),
    }
    const found = Object.entries(expected).filter(([, v]) => v).map(([k]) => k)
    const all = fx.inconsistencies.map((i) => i.id)
    const recall = found.length / all.length
    console.log(`shanghai-wenlv-2026 inconsistencies found: ${found.join(', ')} of ${all.join(', ')} — recall ${(recall * 100).toFixed(0)}%`)
    expect(found).toEqual(Object.keys(expected))
    expect(found).toEqual(all)
  })

  it('SH-8 in general form: the 绩效目标 funds against 项目支出 — equal passes, less is noted, more is a warning, never an error', async () => {
    const text = await shanghaiDocument()
    const variant = (amount: string) => check('shanghai-variant.txt', text.replace('涉及项目预算资金17521.98万元', `涉及项目预算资金${amount}`))
    const funds = (x: CheckReport) => x.findings.filter((f) => f.rule === 'text.performance_funds')
    const equal = variant('17576.99万元')
    expect(funds(equal)).toEqual([])
    expect(equal.coverage.find((c) => c.rule === 'text.performance_funds')!.status).toBe('passed')
    // the same figure stated in 元 is the same figure
    expect(funds(variant('175769864元'))).toEqual([])
    const more = funds(variant('18000.00万元'))
    expect(more.map((f) => [f.severity, f.page, f.expected])).toEqual([['warning', 26, '17576.99']])
    expect(more[0]!.message).toContain('超过项目支出')
    const less = funds(variant('1.7万元'))
    expect(less.map((f) => f.severity)).toEqual(['info'])
    expect(less[0]!.message).toContain('未编报绩效目标')
    // without the tables' 项目支出 the rule is not run, with the reason, never passed
    const noTables = check('notes-only.txt', text.slice(text.indexOf('四、绩效目标设置情况') - 200))
    const c = noTables.coverage.find((x) => x.rule === 'text.performance_funds')!
    expect(c.status).toBe('not_run')
    expect(c.reason).toBeTruthy()
  })

  it('reports no error beyond SH-1 and SH-2 (precision)', () => {
    const errs = errors(r).map((f) => `${f.rule} ${f.quote}`)
    expect(errs).toHaveLength(2)
    expect(errs.join('\n')).toMatch(/增加增加/)
    expect(errs.join('\n')).toMatch(/增加持平/)
  })
})

describe('the coverage ledger', () => {
  it('lists every rule for every document, each passed, failed or not run with a reason', () => {
    const docs = ['chengde-2023', 'laoting-2022', 'laiyuan-2024', 'xinle-2020-notes'].map((n) => check(n, seedText(n)))
    const rules = docs.map((d) => d.coverage.map((c) => c.rule).filter((x) => !x.startsWith('table:')).sort())
    for (const r of rules) expect(r).toEqual(rules[0])
    for (const d of docs) {
      for (const c of d.coverage) {
        expect(['passed', 'failed', 'not_run']).toContain(c.status)
        if (c.status === 'not_run') expect(c.reason, c.rule).toBeTruthy()
      }
      // a failed rule has findings, a passed one has no error or warning of its own
      for (const c of d.coverage.filter((x) => x.status === 'passed' && !x.rule.startsWith('table:'))) expect(d.findings.filter((f) => f.rule === c.rule && (f.severity === 'error' || f.severity === 'warning')), c.rule).toEqual([])
    }
  }, 60_000)

  it('a document missing a table shows that table’s rules as not run, not as passed', () => {
    const text = seedText('chengde-2023')
    const start = text.indexOf('部门预算一般公共预算财政拨款基本支出表\n')
    const end = text.indexOf('部门预算政府基金预算财政拨款支出表\n', start)
    const r = check('chengde-without-basic.txt', text.slice(0, start) + text.slice(end))
    expect(r.coverage.find((c) => c.rule === 'table:general_budget_basic_expenditure')).toEqual({ rule: 'table:general_budget_basic_expenditure', status: 'not_run', reason: '未找到部门预算一般公共预算财政拨款基本支出表' })
    expect(r.coverage.find((c) => c.rule === 'cross.basic_total')!.status).toBe('not_run')
    expect(r.findings.some((f) => f.rule === 'completeness.table' && f.message.includes('基本支出表'))).toBe(true)
  }, 60_000)
})

describe('accuracy on the documents we have', () => {
  it('prints precision of errors and recall of the known defects per seed', () => {
    // the known defects of each source (../shared/fixtures/README.md): chengde 11 尾差, laoting none, laiyuan the 会议费 row
    const known: Record<string, { rounding: number; errorRows: RegExp | null }> = {
      'chengde-2023': { rounding: 11, errorRows: null },
      'laoting-2022': { rounding: 0, errorRows: null },
      'laiyuan-2024': { rounding: 0, errorRows: /会议费/ },
    }
    let tp = 0
    let fp = 0
    let expected = 0
    for (const [name, k] of Object.entries(known)) {
      const r = check(name, seedText(name))
      const errs = errors(r)
      const good = k.errorRows ? errs.filter((f) => k.errorRows!.test(f.row ?? '')) : []
      tp += (k.errorRows && good.length ? 1 : 0) + Math.min(k.rounding, r.summary.rounding)
      fp += errs.length - good.length + Math.max(0, r.summary.rounding - k.rounding)
      expected += (k.errorRows ? 1 : 0) + k.rounding
      console.log(`${name}: errors ${errs.length} (false ${errs.length - good.length}), rounding ${r.summary.rounding}/${k.rounding}, tables read ${r.summary.tablesFound.length}, rules run ${r.summary.rulesRun}, not run ${r.summary.rulesNotRun}`)
    }
    console.log(`seeds: precision ${((tp / Math.max(1, tp + fp)) * 100).toFixed(0)}%, recall ${((tp / expected) * 100).toFixed(0)}% (${tp} of ${expected} known differences, ${fp} false)`)
    expect(fp).toBe(0)
    expect(tp).toBe(expected)
  }, 60_000)
})
