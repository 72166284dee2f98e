import Decimal from 'decimal.js'
import type { Printed } from '@/lib/budget/money'
import type { Finding } from '@/lib/budget/findings'
import type { BudgetTable } from '@/lib/budget/table'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { TableKey, Template } from '@/lib/budget/template'
import { validateTables } from '@/lib/budget/validate-tables'
import { computeFigures } from '@/lib/notes/figures'
import type { TNotes } from '@/lib/notes/schemas'
import { KERNEL_RULES, TABLE_RULE_PREFIX } from './ledger'
import { readNotes } from './notes'
import { annualArrangement, blankPreparer, codeNames, departmentUnitWording, requiredSections, sameCodeTwoNames, threePublicCounts } from './rules/document'
import type { RuleRun } from './rules/figures'
import { amountsAgainstTables, changeDirection, changeParts, changeReason, performanceFunds, threePublicChange, zeroBaseGrowth } from './rules/figures'
import { restatedFigures } from './rules/restated'
import { percentages } from './rules/shares'
import { wordingRules } from './rules/wording'
import type { RecognisedTables } from './tables'
import { recogniseTables } from './tables'
import type { CheckDocument, CheckFinding, CheckReport, CoverageEntry } from './types'
import { finding } from './types'

const ORDER = { error: 0, warning: 1, rounding: 2, info: 3 } as const

/** Figure keys of lib/notes/figures by the table they are read from (others are not in the tables). */
const FIGURE_TABLE: [RegExp, TableKey][] = [
  [/^income\./, 'income_expenditure_summary'],
  [/^expenditure\./, 'expenditure_summary'],
  [/^basic\./, 'general_budget_basic_expenditure'],
  [/^general\./, 'general_budget_expenditure'],
  [/^gov_fund\./, 'gov_fund_expenditure'],
  [/^state_capital\./, 'state_capital_expenditure'],
  [/^three_public\./, 'three_public_expenses'],
  [/^procurement\./, 'procurement'],
  [/^assets\.total$/, 'fixed_assets'],
]

function yearOf(doc: CheckDocument): number | null {
  for (const l of doc.lines.slice(0, 200)) {
    const m = /(20\d{2})\s*年(?:度)?\s*(?:[^\s，。]{0,20})?(?:部门|单位)?预算/.exec(l.text) ?? /预算年度[:：]\s*(20\d{2})/.exec(l.text)
    if (m) return Number(m[1])
  }
  return null
}

/**
 * Checks a published disclosure: its tables with the kernel's rules, its text against its tables
 * and against itself, its wording and completeness. Every rule is in the coverage ledger as passed,
 * failed, or not run with the reason — never passed when it did not run.
 */
export function checkDocument(doc: CheckDocument, candidates: Template[], opts: { year?: number } = {}): CheckReport {
  // the year the document states picks the template made for it (a 2026 layout, not the 2023 one)
  const stated = opts.year ?? yearOf(doc) ?? undefined
  const rec = recogniseTables(doc.lines, candidates, stated)
  const template = rec.parsed?.template ?? null
  const year = opts.year ?? rec.parsed?.meta.year ?? stated ?? null
  const findings: CheckFinding[] = []
  const coverage: CoverageEntry[] = []
  const pageOfRow = (table: string, row: number | undefined): number | null => {
    const p = rec.parsed?.tables.find((t) => t.table.key === table)
    const sheetRow = row !== undefined ? p?.loc.rows[row] : undefined
    const line = sheetRow !== undefined ? rec.lineOfRow[sheetRow] : rec.titles.find((t) => t.key === table)?.line
    return line !== undefined ? (doc.lines[line]?.page ?? null) : null
  }

  // which tables can be checked: read without reading problems
  const unusable = new Map<TableKey, string>()
  for (const k of rec.flattened) unusable.set(k, rec.flattenedReasons.get(k) ?? '表格为压平文本（空白单元格未保留），无法确定各数字所在的列')
  for (const f of rec.parsed?.findings ?? []) {
    if (f.table && (f.severity === 'error' || f.rule === 'exchange.column_unknown')) unusable.set(f.table, `表格未能完整读取：${f.message}`)
  }
  // a table whose columns were not understood (ADR 014) is shown, never validated on a guess
  for (const t of rec.parsed?.tables ?? []) if (t.unreadable && !unusable.has(t.table.key as TableKey)) unusable.set(t.table.key as TableKey, '表格的列未能识别，未能检查')
  const usable = (rec.parsed?.tables ?? []).filter((t) => !unusable.has(t.table.key as TableKey))
  let tables: BudgetTable[] = []
  let kernel: Finding[] = []
  if (template && year) {
    const read = tablesFromFixture(usable.map((t) => t.table), template, year)
    tables = read.tables
    kernel = validateTables(tables, template).filter((f) => f.rule !== 'table.missing')
    // a table whose rows do not fit the template's structure was not understood: its rules did not run
    for (const f of kernel) if (f.rule === 'table.structure' && f.table) unusable.set(f.table, `表格结构与模板不符，未能检查：${f.message}`)
    tables = tables.filter((t) => !unusable.has(t.key))
    kernel = kernel.filter((f) => !f.table || !unusable.has(f.table))
  }
  for (const f of kernel) {
    findings.push(
      finding(f.rule, f.severity, f.message, {
        page: f.table ? pageOfRow(f.table, f.row) : null,
        table: f.table ? (tables.find((t) => t.key === f.table)?.title ?? f.table) : null,
        row: f.rowLabel ?? null,
        column: f.column ?? null,
        expected: f.expected ?? null,
        actual: f.actual ?? null,
      }),
    )
  }

  // the ledger of table rules: one entry per template table, one per cross-table rule
  const present = new Set(tables.map((t) => t.key))
  const titleOf = (k: TableKey) => template?.tables.find((t) => t.key === k)?.title ?? k
  const whyNot = (k: TableKey) => unusable.get(k) ?? (rec.titles.some((t) => t.key === k) ? `${titleOf(k)}未能读取` : `未找到${titleOf(k)}`)
  for (const tt of template?.tables ?? []) {
    const rule = `${TABLE_RULE_PREFIX}${tt.key}`
    if (!present.has(tt.key)) coverage.push({ rule, status: 'not_run', reason: whyNot(tt.key) })
    else coverage.push({ rule, status: kernel.some((f) => f.table === tt.key && f.severity === 'error' && !f.rule.startsWith('cross.')) ? 'failed' : 'passed', reason: null })
  }
  for (const r of KERNEL_RULES) {
    const missing = r.tables.filter((k) => template?.tables.some((t) => t.key === k) && !present.has(k))
    if (!template || missing.length) coverage.push({ rule: r.id, status: 'not_run', reason: template ? missing.map(whyNot).join('；') : '未识别出任何报表' })
    else coverage.push({ rule: r.id, status: kernel.some((f) => f.rule === r.id && f.severity === 'error') ? 'failed' : 'passed', reason: null })
  }
  // completeness: a table whose title is nowhere in the document
  const reqTables = (template?.tables ?? []).filter((t) => t.key !== 'procurement' && t.key !== 'fixed_assets' && t.key !== 'expenditure_by_unit')
  const notFound = reqTables.filter((t) => !rec.titles.some((x) => x.key === t.key))
  if (template) {
    for (const t of notFound) findings.push(finding('completeness.table', 'error', `文档中没有${t.title}`, { table: t.title }))
    coverage.push({ rule: 'completeness.table', status: notFound.length ? 'failed' : 'passed', reason: null })
  } else coverage.push({ rule: 'completeness.table', status: 'not_run', reason: '未识别出任何报表，无法确定适用的公开模板' })

  // the text
  const notes = readNotes(doc.lines, rec.tableLines)
  const figures = figuresOf(tables)
  const record = (rule: string, run: RuleRun) => {
    findings.push(...run.findings)
    coverage.push(run.notRun !== undefined ? { rule, status: 'not_run', reason: run.notRun } : { rule, status: run.findings.some((f) => f.severity === 'error' || f.severity === 'warning') ? 'failed' : 'passed', reason: null })
  }
  const noText = notes.sentences.length === 0 ? '文档中没有找到说明文字' : null
  for (const r of wordingRules) {
    if (noText) coverage.push({ rule: r.id, status: 'not_run', reason: noText })
    else if (r.id !== 'text.outdated_name' && r.id !== 'text.year_reference' ? false : !year) coverage.push({ rule: r.id, status: 'not_run', reason: '未能确定预算年度' })
    else record(r.id, { findings: notes.sentences.flatMap((s) => r.run(s, year)) })
  }
  const textRule = (rule: string, fn: () => RuleRun) => record(rule, noText ? { findings: [], notRun: noText } : fn())
  textRule('text.amount_vs_table', () => amountsAgainstTables(notes.sentences, figures))
  const truncated = findings.filter((f) => f.rule === 'text.amount_truncated')
  coverage.push(coverage.find((c) => c.rule === 'text.amount_vs_table')!.status === 'not_run' ? { rule: 'text.amount_truncated', status: 'not_run', reason: coverage.find((c) => c.rule === 'text.amount_vs_table')!.reason } : { rule: 'text.amount_truncated', status: truncated.length ? 'failed' : 'passed', reason: null })
  textRule('text.three_public_change', () => threePublicChange(notes.sentences))
  textRule('text.change_parts', () => changeParts(notes.sentences))
  textRule('text.change_direction', () => changeDirection(notes.sentences, year))
  textRule('text.change_reason', () => changeReason(notes.sentences))
  textRule('text.zero_base_growth', () => zeroBaseGrowth(notes.sentences))
  textRule('text.percentage', () => percentages(notes.sentences))
  textRule('text.restated_figure', () => restatedFigures(notes.sentences, year))
  textRule('text.performance_funds', () => performanceFunds(notes.sentences, figures))
  textRule('text.code_name', () => codeNames(notes.sentences, tables))
  textRule('text.department_unit', () => departmentUnitWording(notes.sentences, /^单位预算/.test(tables[0]?.title ?? '') || /unit/.test(template?.id ?? '')))
  textRule('text.three_public_counts', () => threePublicCounts(notes.sentences, figures))
  textRule('text.annual_amount_missing', () => annualArrangement(notes, year))
  record('completeness.section', requiredSections(notes, template?.id ?? null))
  record('table.code_two_names', sameCodeTwoNames(tables))
  record('table.preparer_blank', blankPreparer(doc.lines))

  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.page ?? 1e9) - (b.page ?? 1e9))
  const count = (s: CheckFinding['severity']) => findings.filter((f) => f.severity === s).length
  return {
    findings,
    coverage,
    summary: {
      document: doc.name,
      year,
      department: rec.parsed?.meta.department.name ?? null,
      template: template?.id ?? null,
      tablesFound: tables.map((t) => t.title),
      tablesMissing: (template?.tables ?? []).filter((t) => !present.has(t.key)).map((t) => t.title),
      sections: notes.sections.map((s) => s.title),
      pagination: doc.pagination ?? (doc.pageCount ? (doc.kind === 'pdf' ? 'pdf' : doc.kind === 'text' ? 'form-feeds' : 'page-breaks') : 'none'),
      error: count('error'),
      warning: count('warning'),
      rounding: count('rounding'),
      info: count('info'),
      rulesRun: coverage.filter((c) => c.status !== 'not_run').length,
      rulesNotRun: coverage.filter((c) => c.status === 'not_run').length,
    },
  }
}

export type { RecognisedTables }

/** The tables' figures the text may state, only from tables that were read. */
function figuresOf(tables: BudgetTable[]): Record<string, Printed> {
  if (tables.length === 0) return {}
  const all = computeFigures({ tables, data: null, notes: { operatingCosts: { labels: {}, civilServiceUnits: [], extra: '' } } as unknown as Pick<TNotes, 'operatingCosts'> }).amounts
  const present = new Set(tables.map((t) => t.key))
  const out: Record<string, Printed> = {}
  for (const [k, v] of Object.entries(all)) {
    const src = FIGURE_TABLE.find(([re]) => re.test(k))
    // the text states 万元: a figure of a table printed in 元 is compared in 万元 (rounded to 0.01 万元)
    const unit = src ? tables.find((t) => t.key === src[1])?.layout?.amountUnit : undefined
    if (src && present.has(src[1])) out[k] = unit === '元' ? BigInt(new Decimal(v.toString()).dividedBy(10000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0)) : v
  }
  return out
}
