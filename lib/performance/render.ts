import type { Fen } from '@/lib/budget/money'
import { formatPrinted, formatWan, parseAmount } from '@/lib/budget/money'
import type { PerformanceLayout } from '@/lib/budget/template'
import type { FundType } from '@/lib/budget/types'
import type { OverallLayout } from './overall'
import { overallTitle, sectionLabel } from './overall'
import type { OverallBudget } from './overall-budget'
import type { TIndicator, TOverallIndicator, TOverallTarget, TProjectTarget } from './schemas'
import { LEVEL1, normaliseLevel1, normaliseLevel2, TAXONOMY } from './taxonomy'
import { formatIndicatorValue } from './value'
import { targetAmount } from './validate'

/** One printed row of the indicator table; `span1`/`span2` > 0 on the first row of a merged 一级/二级 cell. */
export type RenderedIndicatorRow = { level1: string; level2: string; level3: string; description: string; value: string; basis: string; span1: number; span2: number }

/** A project's 绩效目标表 ready for any renderer (web, PDF, DOCX): texts only, amounts in 万元. */
export type RenderedTarget = {
  number: number
  title: string
  projectCode: string
  projectName: string
  amounts: { total: string; fiscal: string; other: string }
  purpose: string
  spendingPlan: [string, string, string, string] | null
  /** The template's labels (template.performance.project): the plan's points (3月底 …) and the table's fields. */
  labels?: { spendingPlan?: string; points?: string[]; fields?: Partial<Record<'projectCode' | 'projectName' | 'total' | 'fiscal' | 'other' | 'purpose', string>> }
  goals: string[]
  rows: RenderedIndicatorRow[]
}

const order = (ind: TIndicator): [number, number] => {
  const l1 = normaliseLevel1(ind.level1)
  const i1 = (LEVEL1 as readonly string[]).indexOf(l1)
  const l2 = normaliseLevel2(ind.level2)
  const i2 = i1 >= 0 ? TAXONOMY[LEVEL1[i1]!].indexOf(l2) : -1
  return [i1 < 0 ? 99 : i1, i2 < 0 ? 99 : i2]
}

/**
 * The merged-cell spans of indicator rows in tree order, as the seeds print them: the first row of a run
 * of one 一级 spans the run (span1), the first of a run of one 二级 within it spans that (span2); the
 * others 0. Sets them on the rows and returns the rows.
 */
function withSpans<R extends { level1: string; level2: string; span1: number; span2: number }>(rows: R[]): R[] {
  for (let i = 0; i < rows.length; ) {
    let j = i
    while (j < rows.length && rows[j]!.level1 === rows[i]!.level1) j++
    rows[i]!.span1 = j - i
    for (let k = i; k < j; ) {
      let m = k
      while (m < j && rows[m]!.level2 === rows[k]!.level2) m++
      rows[k]!.span2 = m - k
      k = m
    }
    i = j
  }
  return rows
}

/**
 * Rows in tree order: by 一级 and 二级 in the taxonomy's order (entry order within), with the
 * merged-cell spans the seeds print. Sorting is stable, so the accountant's order of 三级 stays.
 */
export function indicatorRows(indicators: TIndicator[]): RenderedIndicatorRow[] {
  const sorted = indicators
    .map((ind, i) => ({ ind, i, k: order(ind) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map((x) => x.ind)
  const rows: RenderedIndicatorRow[] = sorted.map((ind) => ({
    level1: ind.level1,
    level2: ind.level2,
    level3: ind.level3,
    description: ind.description,
    value: formatIndicatorValue(ind),
    basis: ind.basis,
    span1: 0,
    span2: 0,
  }))
  return withSpans(rows)
}

const wanOrBlank = (s: string | undefined) => (s && s.trim() !== '' ? formatWan(parseAmount(s, '元')) : '')

export function renderTarget(t: TProjectTarget, opts: { number: number; projectName: string; projectAmounts: Record<string, Fen>; layout?: PerformanceLayout['project'] }): RenderedTarget {
  const total = targetAmount(t, opts.projectAmounts)
  const entered = (t.fiscalFunds ?? '').trim() !== '' || (t.otherFunds ?? '').trim() !== ''
  const plan = [t.spendingPlan.q1, t.spendingPlan.q2, t.spendingPlan.q3, t.spendingPlan.q4]
  return {
    number: opts.number,
    title: t.title || `${opts.projectName}绩效目标表`,
    projectCode: t.projectCode,
    projectName: opts.projectName,
    amounts: { total: formatWan(total), fiscal: entered ? wanOrBlank(t.fiscalFunds) || '0.00' : formatWan(total), other: entered ? wanOrBlank(t.otherFunds) || '0.00' : '0.00' },
    purpose: t.purpose,
    spendingPlan: plan.some((v) => v && v.trim() !== '') ? (plan.map(wanOrBlank) as [string, string, string, string]) : null,
    goals: t.goals.filter((g) => g.trim() !== ''),
    rows: indicatorRows(t.indicators),
    ...(opts.layout ? { labels: layoutLabels(opts.layout) } : {}),
  }
}

/** The printed labels a template gives the project table: fields by the last level of their label, plan points in order. */
function layoutLabels(layout: NonNullable<PerformanceLayout['project']>): NonNullable<RenderedTarget['labels']> {
  const plan = layout.spendingPlan
  const order = ['q1', 'q2', 'q3', 'q4'] as const
  return {
    fields: Object.fromEntries(layout.fields.map((f) => [f.field, f.label.split('/').pop()!])),
    ...(plan ? { spendingPlan: plan.label, points: order.map((k) => plan.points.find((p) => p.key === k)?.label ?? '') } : {}),
  }
}

/** 部门整体绩效目标 as the seeds lay it out: headings and paragraphs. */
export function overallParagraphs(o: TOverallTarget): { heading?: string; text: string }[] {
  const out: { heading?: string; text: string }[] = []
  const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
  out.push({ heading: '（一）总体绩效目标', text: '' })
  for (const g of o.goals) for (const l of lines(g)) out.push({ text: l })
  if (o.subTargets.length) {
    out.push({ heading: '（二）分项绩效目标', text: '' })
    o.subTargets.forEach((s, i) => {
      out.push({ heading: `${i + 1}、${s.title}`, text: '' })
      // “绩效目标：… 绩效指标：…” when both are given (承德); otherwise the text as written (乐亭)
      if (s.indicators.trim()) {
        if (s.goal.trim()) out.push({ text: `绩效目标：${lines(s.goal).join('')}` })
        out.push({ text: `绩效指标：${lines(s.indicators).join('')}` })
      } else for (const l of lines(s.goal)) out.push({ text: l })
    })
  }
  if (o.measures.length) {
    out.push({ heading: `（${o.subTargets.length ? '三' : '二'}）工作保障措施`, text: '' })
    let n = 0
    for (const m of o.measures) {
      const ls = lines(m)
      if (!ls.length) continue
      n++
      ls.forEach((l, j) => out.push({ text: j === 0 && !/^\d+[、.．]/.test(l) ? `${n}、${l}` : l }))
    }
  }
  return out
}

/** One printed 年度绩效指标 row of the 预算11表; `span1`/`span2` > 0 on the first row of a merged 一级/二级 cell. */
export type RenderedOverallIndicator = { level1: string; level2: string; level3: string; value: string; note: string; span1: number; span2: number }

/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) ready for any renderer (web, PDF, DOCX): the template's
 * labels, the entered texts, and 预算情况 as printed amounts (two decimals of the document's unit).
 */
export type RenderedOverall = {
  title: string
  unitName: string
  amountUnit: string
  labels: { name: string; duties: string; tasks: string; taskName: string; taskContent: string; budget: string; total: string; byRevenue: string; byExpenditure: string; indicators: string; columns: string[] }
  duties: string
  tasks: { name: string; content: string }[]
  budget: { total: string; revenue: { label: string; amount: string }[]; expenditure: { label: string; amount: string }[] }
  rows: RenderedOverallIndicator[]
}

/** Which figure a 预算情况 part of the template prints, by its last label (按收入性质分/一般公共预算 → general). */
const BUDGET_PART: Record<string, { side: 'revenue'; fund: FundType } | { side: 'expenditure'; key: 'basic' | 'project' }> = {
  一般公共预算: { side: 'revenue', fund: 'general' },
  政府性基金预算: { side: 'revenue', fund: 'gov_fund' },
  国有资本经营预算: { side: 'revenue', fund: 'state_capital' },
  财政专户管理资金: { side: 'revenue', fund: 'special_account' },
  单位资金: { side: 'revenue', fund: 'unit_funds' },
  基本支出: { side: 'expenditure', key: 'basic' },
  项目支出: { side: 'expenditure', key: 'project' },
}

/** Indicator rows in the template's tree order (一级, then 二级; entry order within), with merged-cell spans. */
export function overallIndicatorRows(indicators: TOverallIndicator[], layout: OverallLayout): RenderedOverallIndicator[] {
  const key = (ind: TOverallIndicator): [number, number] => {
    const i1 = layout.indicators.findIndex((n) => n.level1 === ind.level1)
    const i2 = i1 < 0 ? -1 : layout.indicators[i1]!.level2.indexOf(ind.level2)
    return [i1 < 0 ? 99 : i1, i2 < 0 ? 99 : i2]
  }
  const rows: RenderedOverallIndicator[] = indicators
    .map((ind, i) => ({ ind, i, k: key(ind) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.i - b.i)
    .map(({ ind }) => ({ level1: ind.level1, level2: ind.level2, level3: ind.level3, value: ind.value, note: ind.note, span1: 0, span2: 0 }))
  return withSpans(rows)
}

/** The 预算11表 of a disclosure: the overall target as entered (or blank), 预算情况 from the data. */
export function renderOverall(t: TOverallTarget | null, opts: { layout: OverallLayout; year: number; unitName: string; budget: OverallBudget }): RenderedOverall {
  const { layout, budget } = opts
  const tasksSection = layout.sections.find((s) => s.id === 'tasks')
  const budgetSection = layout.sections.find((s) => s.id === 'budget')
  const parts = budgetSection?.parts ?? ['总额', '按收入性质分/一般公共预算', '按收入性质分/政府性基金预算', '按收入性质分/国有资本经营预算', '按收入性质分/财政专户管理资金', '按收入性质分/单位资金', '按支出性质分/基本支出', '按支出性质分/项目支出']
  const revenue: RenderedOverall['budget']['revenue'] = []
  const expenditure: RenderedOverall['budget']['expenditure'] = []
  let totalLabel = '总额'
  let byRevenue = '按收入性质分'
  let byExpenditure = '按支出性质分'
  for (const p of parts) {
    const segs = p.split('/')
    const last = segs.at(-1)!
    const what = BUDGET_PART[last]
    if (!what) {
      if (segs.length === 1) totalLabel = last
      continue
    }
    if (what.side === 'revenue') {
      if (segs.length > 1) byRevenue = segs[0]!
      revenue.push({ label: last, amount: formatPrinted(budget.revenue[what.fund]) })
    } else {
      if (segs.length > 1) byExpenditure = segs[0]!
      expenditure.push({ label: last, amount: formatPrinted(budget.expenditure[what.key]) })
    }
  }
  return {
    title: overallTitle(layout, opts.year),
    unitName: opts.unitName,
    amountUnit: budget.unit,
    labels: {
      name: '部门（单位）名称',
      duties: sectionLabel(layout, 'duties', '年度履职目标'),
      tasks: tasksSection?.label ?? '年度主要任务',
      taskName: tasksSection?.parts?.[0] ?? '任务名称',
      taskContent: tasksSection?.parts?.[1] ?? '主要内容',
      budget: `${budgetSection?.label ?? '预算情况'}（${budget.unit}）`,
      total: totalLabel,
      byRevenue,
      byExpenditure,
      indicators: '年度绩效指标',
      columns: layout.indicatorColumns,
    },
    duties: (t?.goals ?? []).flatMap((g) => g.split(/\r?\n/)).map((l) => l.trim()).filter(Boolean).join('\n'),
    tasks: (t?.tasks ?? []).filter((x) => x.name.trim() || x.content.trim()),
    budget: { total: formatPrinted(budget.total), revenue, expenditure },
    rows: overallIndicatorRows(t?.indicators ?? [], layout),
  }
}
