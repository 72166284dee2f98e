import type { Catalogue, ClassificationKind } from './catalogue'
import { LEVEL_LENGTH } from './catalogue'
import type { Fen } from './money'
import { printedCell, toPrinted } from './money'
import type { BudgetTable, Cell, ColumnInfo, RowMeta } from './table'
import type { ClassRow, FiscalSummaryTable, FixedAssetsTable, LineFilter, ProcurementTable, SummaryTable, TableTemplate, Template, ThreePublicTable, TreeTable, AmountColumn } from './template'
import { CLOSING_ROWS, fillYear } from './template'
import { compileFilter } from './filters'
import type { BudgetData, ExpenditureLine, FundType, ProcurementFund, RevenueLine } from './types'
import { PROCUREMENT_FUNDS } from './types'
import { deriveFixedAssets, deriveProcurement } from './derive-extra'
import { deriveUnitBreakdown } from './consolidate'
import type { ExpenditureGroup, ExpenditureIndex } from './line-index'
import { groupExpenditure, indexExpenditure } from './line-index'

/** Exact sum → printed cell: zero prints blank, as the official tables do. */
export function cellOf(fen: Fen, unit: '万元' | '元' = '万元'): Cell {
  return fen === 0 ? null : printedCell(toPrinted(fen, unit))
}

type Ctx = { data: BudgetData; catalogue: Catalogue; unit: '万元' | '元'; index?: ExpenditureIndex; groups?: Groups }

/**
 * Lines that no template filter can tell apart, summed once. A filter sees only the revenue source,
 * or the expenditure fund, category and 人员/公用 class of the economic code (filters.ts), and a table
 * row only the function or economic code; so every cell can be summed from these groups instead of
 * from every line, with the same exact result. `line` is the group's first line, standing for all of
 * them in filters; `nonZero` says whether any line has a non-zero amount (zero lines add no rows).
 * Expenditure is grouped from the shared line index (line-index.ts).
 */
type LineGroup<L> = { line: L; amount: Fen; nonZero: boolean }
type RevenueGroup = LineGroup<RevenueLine> & { source: unknown }
type Groups = {
  /** Expenditure by function code, fund and category. */
  byFunction?: ExpenditureGroup[]
  /** … and 人员/公用, for function trees whose filters split by it. */
  byFunctionPersonnel?: ExpenditureGroup[]
  /** Expenditure by economic code, fund and category. */
  byEconomic?: ExpenditureGroup[]
  /** Revenue by function code and source. */
  revenue?: RevenueGroup[]
}

function addToGroup<L extends { amount: Fen }>(g: LineGroup<L>, l: L): void {
  g.amount += l.amount
  if (l.amount !== 0) g.nonZero = true
}

const indexOf = (ctx: Ctx): ExpenditureIndex => (ctx.index ??= indexExpenditure(ctx.data.expenditure))

/** `withPersonnel` when a filter applied to the groups may split 人员经费 from 公用经费. */
function expenditureByFunction(ctx: Ctx, withPersonnel = false): ExpenditureGroup[] {
  const groups = (ctx.groups ??= {})
  if (withPersonnel) return (groups.byFunctionPersonnel ??= groupExpenditure(indexOf(ctx), 'function', true))
  return (groups.byFunction ??= groupExpenditure(indexOf(ctx), 'function'))
}

function splitsPersonnel(filters: LineFilter[]): boolean {
  return filters.some((f) => 'expenditure' in f && f.expenditure.economicClass !== undefined)
}

function expenditureByEconomic(ctx: Ctx): ExpenditureGroup[] {
  const groups = (ctx.groups ??= {})
  groups.byEconomic ??= groupExpenditure(indexOf(ctx), 'economic')
  return groups.byEconomic
}

function revenueBySource(ctx: Ctx): RevenueGroup[] {
  const groups = (ctx.groups ??= {})
  if (!groups.revenue) {
    const byCode = new Map<unknown, RevenueGroup[]>()
    const out: RevenueGroup[] = []
    for (const l of ctx.data.revenue) {
      const { source } = l
      let list = byCode.get(l.functionCode)
      if (!list) byCode.set(l.functionCode, (list = []))
      let g: RevenueGroup | undefined
      for (const x of list) {
        if (x.source === source) {
          g = x
          break
        }
      }
      if (!g) {
        g = { line: l, amount: 0, nonZero: false, source }
        list.push(g)
        out.push(g)
      }
      addToGroup(g, l)
    }
    groups.revenue = out
  }
  return groups.revenue
}

/** Σ amounts of the revenue lines whose source is one of `sources`. */
function sourceSum(ctx: Ctx, sources: readonly string[]): Fen {
  const set = new Set<string>(sources)
  let s = 0
  for (const g of revenueBySource(ctx)) if (set.has(g.line.source)) s += g.amount
  return s
}

/** `index`: the expenditure lines' index when the caller has built it already (computeDisclosure). */
export function deriveTables(data: BudgetData, template: Template, catalogue: Catalogue, index?: ExpenditureIndex): BudgetTable[] {
  const ctx: Ctx = { data, catalogue, unit: template.amountUnit, ...(index ? { index } : {}) }
  return template.tables.map((t) => deriveTable(t, ctx))
}

function deriveTable(t: TableTemplate, ctx: Ctx): BudgetTable {
  switch (t.kind) {
    case 'income_expenditure_summary':
      return deriveSummary(t, ctx)
    case 'function_tree':
    case 'economic_tree':
      return deriveTree(t, ctx)
    case 'fiscal_summary':
      return deriveFiscalSummary(t, ctx)
    case 'three_public':
      return deriveThreePublic(t, ctx)
    case 'procurement':
      return deriveProcurement(t as ProcurementTable, ctx.data, ctx.unit)
    case 'fixed_assets':
      return deriveFixedAssets(t as FixedAssetsTable, ctx.data, ctx.unit)
    case 'unit_breakdown':
      return deriveUnitBreakdown(t, ctx.data, ctx.unit)
    default: {
      const never: never = t
      throw new Error(`unknown table kind ${JSON.stringify(never)}`)
    }
  }
}

function sumLines<L extends { amount: Fen }>(lines: L[], pred: (l: L) => boolean): Fen {
  let s = 0
  for (const l of lines) if (pred(l)) s += l.amount
  return s
}

function sumGroups<L>(groups: LineGroup<L>[], pred: (l: L) => boolean): Fen {
  let s = 0
  for (const g of groups) if (pred(g.line)) s += g.amount
  return s
}

export function deriveTree(t: TreeTable, ctx: Ctx): BudgetTable {
  const kind: ClassificationKind = t.kind === 'function_tree' ? 'function' : 'economic'
  const amountCols = t.columns.filter((c): c is AmountColumn => 'filter' in c)
  const matchers = amountCols.map((c) => compileFilter(c.filter))
  const scope = compileFilter(t.scope)
  const leafLen = kind === 'function' ? 7 : 5
  const sums = new Map<string, Fen[]>()
  const add = (code: string, amount: Fen, i: number) => {
    const key = code.slice(0, leafLen)
    let arr = sums.get(key)
    if (!arr) sums.set(key, (arr = new Array<Fen>(amountCols.length).fill(0)))
    arr[i]! += amount
  }
  const visit = <L extends RevenueLine | ExpenditureLine>(groups: LineGroup<L>[], pick: (m: ReturnType<typeof compileFilter>) => (l: L) => boolean) => {
    const inScope = pick(scope)
    const preds = matchers.map(pick)
    for (const g of groups) {
      const l = g.line
      if (!g.nonZero || !inScope(l)) continue
      const code = kind === 'function' ? l.functionCode : (l as ExpenditureLine).economicCode
      for (let i = 0; i < preds.length; i++) if (preds[i]!(l)) add(code, g.amount, i)
    }
  }
  visit(revenueBySource(ctx), (m) => m.revenue)
  visit(kind === 'function' ? expenditureByFunction(ctx, splitsPersonnel([t.scope, ...amountCols.map((c) => c.filter)])) : expenditureByEconomic(ctx), (m) => m.expenditure)

  const lens = LEVEL_LENGTH[kind] as readonly number[]
  // roll leaves up into every ancestor, exactly
  const totals = new Map<string, Fen[]>()
  const grand = new Array<Fen>(amountCols.length).fill(0)
  for (const [leaf, arr] of sums) {
    for (const len of lens) {
      if (leaf.length < len) continue
      const k = leaf.slice(0, len)
      let acc = totals.get(k)
      if (!acc) totals.set(k, (acc = new Array<Fen>(amountCols.length).fill(0)))
      for (let i = 0; i < arr.length; i++) acc[i]! += arr[i]!
    }
    for (let i = 0; i < arr.length; i++) grand[i]! += arr[i]!
  }
  // every code with an amount and its ancestors, in code order: the keys of `totals`
  const rows = [...totals.keys()].sort().map((code) => ({ code, level: lens.indexOf(code.length) + 1 }))
  const columns: ColumnInfo[] = t.columns.map((c) => ({ id: c.id, label: c.label, kind: c.id === 'code' ? 'code' : c.id === 'name' ? 'name' : 'amount' }))
  // per printed column: -1 code, -2 name, else the amount column's index
  const slots = t.columns.map((c) => (c.id === 'code' ? -1 : c.id === 'name' ? -2 : amountCols.indexOf(c as AmountColumn)))
  const unit = ctx.unit
  const outRows: Cell[][] = []
  const meta: RowMeta[] = []
  if (rows.length > 0) {
    outRows.push(slots.map((k) => (k === -1 ? null : k === -2 ? t.totalLabel : cellOf(grand[k]!, unit))))
    meta.push({ kind: 'total', id: 'total' })
    const names = ctx.catalogue[kind]
    for (const r of rows) {
      const acc = totals.get(r.code)!
      const name = names.get(r.code)?.name ?? ''
      outRows.push(slots.map((k) => (k === -1 ? r.code : k === -2 ? name : cellOf(acc[k]!, unit))))
      meta.push({ kind: 'code', id: r.code, code: r.code, level: r.level })
    }
  }
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows: outRows, meta }
  const note = rows.length === 0 ? (t.emptyNote ?? t.note) : t.note
  if (note) table.note = note
  return table
}

function classSums(groups: LineGroup<ExpenditureLine>[], funds: FundType[] | null, classes: (string | null)[]): Map<string, Fen> {
  const fs = funds ? new Set<string>(funds) : null
  const m = new Map<string, Fen>()
  for (const c of classes) if (c) m.set(c, 0)
  for (const g of groups) {
    if (fs && !fs.has(g.line.fund)) continue
    const k = g.line.functionCode.slice(0, 3)
    m.set(k, (m.get(k) ?? 0) + g.amount)
  }
  return m
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** 1 → 一, 10 → 十, 23 → 二十三 (class rows are fewer than a hundred). */
function numeral(n: number): string {
  const tens = Math.floor(n / 10)
  return `${tens === 0 ? '' : tens === 1 ? '十' : `${NUMERALS[tens]}十`}${NUMERALS[n % 10]}`
}

/**
 * The class rows a summary prints: every row of the template, or (`classRowsShown: 'nonEmpty'`) only
 * those with figures, renumbered 一、二、… in order as the layout prints them.
 */
function shownClassRows(t: { expenditureRows: ClassRow[]; classRowsShown?: 'all' | 'nonEmpty' }, amount: (r: ClassRow) => Fen): ClassRow[] {
  if (t.classRowsShown !== 'nonEmpty') return t.expenditureRows
  return t.expenditureRows.filter((r) => amount(r) !== 0).map((r, i) => ({ ...r, label: `${numeral(i + 1)}、${r.label.replace(/^[一二三四五六七八九十]+、\s*/, '')}` }))
}

function deriveSummary(t: SummaryTable, ctx: Ctx): BudgetTable {
  const expenditure = expenditureByFunction(ctx)
  const u = ctx.unit
  const bySource = (sources: string[]) => sourceSum(ctx, sources)
  const carrySet = new Set<string>(t.carryInSources)
  const currentIncome = sumGroups(revenueBySource(ctx), (l) => !carrySet.has(l.source))
  const carryIn = bySource(t.carryInSources)
  const classes = classSums(expenditure, null, t.expenditureRows.map((r) => r.functionClass))
  const totalExp = sumGroups(expenditure, () => true)
  const classRows = shownClassRows(t, (r) => (r.functionClass ? (classes.get(r.functionClass) ?? 0) : 0))
  const n = Math.max(t.incomeRows.length, classRows.length)
  const rows: Cell[][] = []
  const meta: RowMeta[] = []
  for (let i = 0; i < n; i++) {
    const inc = t.incomeRows[i]
    const exp = classRows[i]
    rows.push([
      inc?.label ?? null,
      inc ? cellOf(bySource(inc.sources), u) : null,
      exp?.label ?? null,
      exp ? cellOf(exp.functionClass ? (classes.get(exp.functionClass) ?? 0) : 0, u) : null,
    ])
    meta.push({ kind: 'pair', left: inc?.id ?? null, right: exp?.id ?? null })
  }
  const L = t.labels
  for (const closing of t.closingRows ?? CLOSING_ROWS) {
    if (closing === 'current') {
      rows.push([L.currentIncome, cellOf(currentIncome, u), L.currentExpenditure, cellOf(totalExp, u)])
      meta.push({ kind: 'pair', left: 'current_income', right: 'current_expenditure' })
    } else if (closing === 'carry') {
      rows.push([L.carryIn, cellOf(carryIn, u), L.carryOut, null])
      meta.push({ kind: 'pair', left: 'carry_in', right: 'carry_out' })
    } else {
      rows.push([L.grandIncome, cellOf(currentIncome + carryIn, u), L.grandExpenditure, cellOf(totalExp, u)])
      meta.push({ kind: 'pair', left: 'grand_income', right: 'grand_expenditure' })
    }
  }
  const columns: ColumnInfo[] = [
    { id: 'in_label', label: t.columns[0], kind: 'label' },
    { id: 'in_amount', label: t.columns[1], kind: 'amount' },
    { id: 'out_label', label: t.columns[2], kind: 'label' },
    { id: 'out_amount', label: t.columns[3], kind: 'amount' },
  ]
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  if (t.note) table.note = t.note
  return table
}

function deriveFiscalSummary(t: FiscalSummaryTable, ctx: Ctx): BudgetTable {
  const expenditure = expenditureByFunction(ctx)
  const u = ctx.unit
  const bySource = (sources: string[]) => sourceSum(ctx, sources)
  const colSums = t.expenditureColumns.map((c) => ({
    byClass: classSums(expenditure, c.funds, t.expenditureRows.map((r) => r.functionClass)),
    total: sumGroups(expenditure, (l) => c.funds.includes(l.fund)),
  }))
  const currentIncome = t.incomeRows.reduce((s, r) => s + bySource(r.sources), 0)
  const carryIn = t.carryRows.reduce((s, r) => s + bySource(r.sources), 0)
  const blanks = () => t.expenditureColumns.map(() => null as Cell)
  const classRows = shownClassRows(t, (r) => (r.functionClass ? colSums.reduce((s, c) => s + Math.abs(c.byClass.get(r.functionClass!) ?? 0), 0) : 0))
  const n = Math.max(t.incomeRows.length, classRows.length)
  const rows: Cell[][] = []
  const meta: RowMeta[] = []
  for (let i = 0; i < n; i++) {
    const inc = t.incomeRows[i]
    const exp = classRows[i]
    rows.push([
      inc?.label ?? null,
      inc ? cellOf(bySource(inc.sources), u) : null,
      exp?.label ?? null,
      ...(exp ? colSums.map((c) => cellOf(exp.functionClass ? (c.byClass.get(exp.functionClass) ?? 0) : 0, u)) : blanks()),
    ])
    meta.push({ kind: 'pair', left: inc?.id ?? null, right: exp?.id ?? null })
  }
  const L = t.labels
  for (const closing of t.closingRows ?? CLOSING_ROWS) {
    if (closing === 'current') {
      rows.push([L.currentIncome, cellOf(currentIncome, u), L.currentExpenditure, ...colSums.map((c) => cellOf(c.total, u))])
      meta.push({ kind: 'pair', left: 'current_income', right: 'current_expenditure' })
    } else if (closing === 'carry') {
      rows.push([L.carryIn, cellOf(carryIn, u), L.carryOut, ...blanks()])
      meta.push({ kind: 'pair', left: 'carry_in', right: 'carry_out' })
      for (const r of t.carryRows) {
        rows.push([r.label, cellOf(bySource(r.sources), u), null, ...blanks()])
        meta.push({ kind: 'pair', left: r.id, right: null })
      }
    } else {
      rows.push([L.grandIncome, cellOf(currentIncome + carryIn, u), L.grandExpenditure, ...colSums.map((c) => cellOf(c.total, u))])
      meta.push({ kind: 'pair', left: 'grand_income', right: 'grand_expenditure' })
    }
  }
  const columns: ColumnInfo[] = [
    { id: 'in_label', label: t.columns[0], kind: 'label' },
    { id: 'in_amount', label: t.columns[1], kind: 'amount' },
    { id: 'out_label', label: t.columns[2], kind: 'label' },
    ...t.expenditureColumns.map((c): ColumnInfo => ({ id: c.id, label: c.label, kind: 'amount' })),
  ]
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  if (t.note) table.note = t.note
  return table
}

function deriveThreePublic(t: ThreePublicTable, ctx: Ctx): BudgetTable {
  const entries = ctx.data.threePublic
  const u = ctx.unit
  const byId = new Map(t.rows.map((r) => [r.id, r]))
  const memo = new Map<string, Fen[]>()
  const valueOf = (id: string): Fen[] => {
    const cached = memo.get(id)
    if (cached) return cached
    const r = byId.get(id)
    if (!r) throw new Error(`三公 template row ${id} missing`)
    const lines = r.lines ? compileFilter(r.lines).expenditure : null
    const v = t.fundColumns.map((c) =>
      r.sumOf
        ? r.sumOf.reduce((s, child) => s + valueOf(child)[t.fundColumns.indexOf(c)]!, 0)
        : lines
          ? sumLines(ctx.data.expenditure, (l) => c.funds.includes(l.fund) && lines(l))
          : sumLines(entries, (e) => (r.items ? r.items.includes(e.item) : e.item === r.item) && c.funds.includes(e.fund)),
    )
    memo.set(id, v)
    return v
  }
  const rows = t.rows.map((r) => [r.label, ...valueOf(r.id).map((f) => cellOf(f, u))])
  const meta: RowMeta[] = t.rows.map((r) => ({ kind: 'fixed', id: r.id }))
  const columns: ColumnInfo[] = [{ id: 'label', label: t.labelColumn, kind: 'label' }, ...t.fundColumns.map((c): ColumnInfo => ({ id: c.id, label: c.label, kind: 'amount' }))]
  const table: BudgetTable = { key: t.key, title: t.title, columns, rows, meta }
  const shownFunds = new Set(t.fundColumns.flatMap((c) => c.funds))
  const empty = entries.every((e) => e.amount === 0 || !shownFunds.has(e.fund)) && rows.every((r) => r.slice(1).every((v) => v === null))
  const note = empty ? (t.emptyNote ?? t.note) : t.note
  if (note) table.note = note
  return table
}

export function procurementFundAmount(amounts: Partial<Record<ProcurementFund, Fen>>): Fen {
  return PROCUREMENT_FUNDS.reduce((s, f) => s + (amounts[f] ?? 0), 0)
}

export { fillYear }
