import type { Fen } from '@/lib/budget/money'
import { formatWan, parseAmount } from '@/lib/budget/money'
import type { PerformanceLayout } from '@/lib/budget/template'
import type { TIndicator, TOverallTarget, TProjectTarget } from './schemas'
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
