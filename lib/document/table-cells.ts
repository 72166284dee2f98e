import { headerRows } from '@/lib/budget/header-rows'
import type { FixtureTable } from '@/lib/budget/table'
import type { RenderedOverall, RenderedTarget } from '@/lib/performance/render'

/** How a column of a printed table is set: amounts right-aligned with two decimals, codes and quantities unwrapped. */
export type ColumnKindGuess = 'amount' | 'quantity' | 'code' | 'text'

export function columnKinds(t: FixtureTable): ColumnKindGuess[] {
  return t.columns.map((label, i) => {
    if (/数量/.test(label)) return 'quantity'
    if (/编码|目录序号/.test(label)) return 'code'
    return t.rows.some((r) => typeof r[i] === 'number') ? 'amount' : 'text'
  })
}

/** A cell as printed: amounts with two decimals, quantities as entered, blanks empty. */
export function cellText(v: string | number | null | undefined, kind: ColumnKindGuess): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return kind === 'quantity' ? String(v) : v.toFixed(2)
  return v
}

export type PlacedCell = { col: number; text: string; colSpan?: number; rowSpan?: number; bold?: boolean; align?: 'left' | 'center' | 'right' }

/**
 * The printed grid of one of the nine tables: 序号 column, the multi-level header, the 栏次 row and
 * the data rows, as placed cells any renderer can draw.
 */
export function budgetTableGrid(t: FixtureTable): { kinds: ColumnKindGuess[]; header: PlacedCell[][]; body: PlacedCell[][] } {
  const kinds = columnKinds(t)
  const head = headerRows(t.columns)
  const header: PlacedCell[][] = head.map((cells, level) => [
    ...(level === 0 ? [{ col: 0, text: '序号', rowSpan: head.length }] : []),
    ...cells.map((c) => ({ col: c.col + 1, text: c.label, colSpan: c.colSpan, rowSpan: c.rowSpan })),
  ])
  header.push([{ col: 0, text: '栏次' }, ...t.columns.map((_, i) => ({ col: i + 1, text: String(i + 1) }))])
  const body = t.rows.map((row, r) => {
    const total = row[0] === '合计' || row[1] === '合计'
    return [
      { col: 0, text: String(r + 1), align: 'center' as const },
      ...row.map((v, c) => ({ col: c + 1, text: cellText(v, kinds[c]!), bold: total, align: kinds[c] === 'amount' || kinds[c] === 'quantity' ? ('right' as const) : ('left' as const) })),
    ]
  })
  return { kinds, header, body }
}

/** A project's 绩效目标表 as a grid: project rows (drawn once), the indicator header, the indicator rows. */
export function targetGrid(t: RenderedTarget): { intro: PlacedCell[][]; header: PlacedCell[][]; body: PlacedCell[][] } {
  const label = (text: string) => ({ col: 0, text, bold: true, align: 'center' as const })
  // labels from the template when it gives them (Hebei 2024 单位预算: 资金用途, 3月底 … 12月底), else the seeds'
  const f = t.labels?.fields ?? {}
  const pts = t.labels?.points ?? []
  const intro: PlacedCell[][] = [
    [label(f.projectName ?? '项目名称'), { col: 1, text: t.projectName, colSpan: 3 }, { col: 4, text: f.projectCode ?? '项目编码', bold: true, align: 'center' }, { col: 5, text: t.projectCode }],
    [label('预算资金（万元）'), { col: 1, text: `${f.total ?? '合计'} ${t.amounts.total}`, colSpan: 2 }, { col: 3, text: `${f.fiscal ?? '财政资金'} ${t.amounts.fiscal}`, colSpan: 2 }, { col: 5, text: `${f.other ?? '其他资金'} ${t.amounts.other}` }],
  ]
  if (t.purpose.trim()) intro.push([label(f.purpose ?? '项目用途'), { col: 1, text: t.purpose, colSpan: 5 }])
  if (t.spendingPlan) {
    const [q1, q2, q3, q4] = t.spendingPlan
    const p = (i: number) => pts[i] || ['一季度', '二季度', '三季度', '四季度'][i]!
    intro.push([label(t.labels?.spendingPlan ?? '资金支出计划（万元）'), { col: 1, text: `${p(0)} ${q1 || '—'}`, colSpan: 2 }, { col: 3, text: `${p(1)} ${q2 || '—'}` }, { col: 4, text: `${p(2)} ${q3 || '—'}` }, { col: 5, text: `${p(3)} ${q4 || '—'}` }])
  }
  intro.push([label('绩效目标'), { col: 1, text: t.goals.join('\n') || '—', colSpan: 5 }])
  const header: PlacedCell[][] = [['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].map((text, col) => ({ col, text }))]
  const body = t.rows.map((r) => {
    const cells: PlacedCell[] = []
    if (r.span1) cells.push({ col: 0, text: r.level1, rowSpan: r.span1, align: 'center' })
    if (r.span2) cells.push({ col: 1, text: r.level2, rowSpan: r.span2, align: 'center' })
    cells.push({ col: 2, text: r.level3 }, { col: 3, text: r.description }, { col: 4, text: r.value, align: 'center' }, { col: 5, text: r.basis })
    return cells
  })
  return { intro, header, body }
}

/** Column widths of the 部门（单位）整体绩效目标表 as fractions of the page: label, 一级, 二级, 三级, 指标值, 指标值说明. */
export const OVERALL_FRACTIONS = [0.15, 0.13, 0.17, 0.21, 0.14, 0.2]

/** A long row label on two lines at its parenthesis, as the printed forms set it: 部门（单位）/名称, 预算情况/（万元）. */
export function breakLabel(text: string): string {
  if (text.length <= 6) return text
  const tail = /^(.+?)(（[^）]*）)$/.exec(text)
  if (tail) return `${tail[1]}\n${tail[2]}`
  const mid = /^(.*）)(.+)$/.exec(text)
  return mid ? `${mid[1]}\n${mid[2]}` : text
}

/**
 * The 部门（单位）整体绩效目标表 (Henan 预算11表) as one grid of six columns, in the official shape: the
 * row labels in the first column (merged down their section), 部门（单位）名称, 年度履职目标, 年度主要任务
 * (任务名称 | 主要内容), 预算情况 (总额 | 按收入性质分 | 按支出性质分, one figure a line), 年度绩效指标
 * (一级 | 二级 | 三级 | 指标值 | 指标值说明, 一级 and 二级 merged down their rows). Bold cells are labels:
 * the first column's label a row's, the others a column's. `breakLabels`: long row labels on two lines
 * (PDF and Word; the web page wraps them itself).
 */
export function overallGrid(t: RenderedOverall, opts: { breakLabels?: boolean } = {}): PlacedCell[][] {
  const L = t.labels
  const label = (text: string, rowSpan = 1): PlacedCell => ({ col: 0, text: opts.breakLabels ? breakLabel(text) : text, bold: true, align: 'center', ...(rowSpan > 1 ? { rowSpan } : {}) })
  const head = (col: number, text: string, colSpan = 1): PlacedCell => ({ col, text, bold: true, align: 'center', ...(colSpan > 1 ? { colSpan } : {}) })
  const rows: PlacedCell[][] = []
  rows.push([label(L.name), { col: 1, text: t.unitName, colSpan: 5 }])
  rows.push([label(L.duties), { col: 1, text: t.duties, colSpan: 5 }])
  const tasks = t.tasks.length ? t.tasks : [{ name: '', content: '' }]
  rows.push([label(L.tasks, 1 + tasks.length), head(1, L.taskName, 2), head(3, L.taskContent, 3)])
  for (const x of tasks) rows.push([{ col: 1, text: x.name, colSpan: 2 }, { col: 3, text: x.content, colSpan: 3 }])
  const n = Math.max(1, t.budget.revenue.length, t.budget.expenditure.length)
  rows.push([label(L.budget, 1 + n), head(1, L.total), head(2, L.byRevenue, 2), head(4, L.byExpenditure, 2)])
  for (let r = 0; r < n; r++) {
    const rev = t.budget.revenue[r]
    const exp = t.budget.expenditure[r]
    rows.push([
      ...(r === 0 ? [{ col: 1, text: t.budget.total, align: 'right' as const, ...(n > 1 ? { rowSpan: n } : {}) }] : []),
      { col: 2, text: rev?.label ?? '' },
      { col: 3, text: rev?.amount ?? '', align: 'right' },
      { col: 4, text: exp?.label ?? '' },
      { col: 5, text: exp?.amount ?? '', align: 'right' },
    ])
  }
  const ind = t.rows.length ? t.rows : [{ level1: '', level2: '', level3: '', value: '', note: '', span1: 1, span2: 1 }]
  const cols = [...L.columns, '', '', '', '', ''].slice(0, 5)
  rows.push([label(L.indicators, 1 + ind.length), ...cols.map((c, i) => head(1 + i, c))])
  for (const r of ind) {
    const cells: PlacedCell[] = []
    if (r.span1) cells.push({ col: 1, text: r.level1, align: 'center', ...(r.span1 > 1 ? { rowSpan: r.span1 } : {}) })
    if (r.span2) cells.push({ col: 2, text: r.level2, align: 'center', ...(r.span2 > 1 ? { rowSpan: r.span2 } : {}) })
    cells.push({ col: 3, text: r.level3 }, { col: 4, text: r.value, align: 'center' }, { col: 5, text: r.note })
    rows.push(cells)
  }
  return rows
}
