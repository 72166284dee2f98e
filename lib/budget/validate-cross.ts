import type { Finding } from './findings'
import type { AmountUnit } from './money'
import { FEN_PER_PRINTED, formatPrinted, printedToNumber, toPrinted } from './money'
import type { BudgetTable } from './table'
import { columnIndex, rowIndexById, rowLabel } from './table'
import type { CellRef, TableSet } from './check-sum'
import { checkSum } from './check-sum'

type Emit = (f: Finding) => void

const ref = (t: BudgetTable | undefined, r: number, c: number): CellRef | null => (t && r >= 0 && c >= 0 ? { t, r, c } : null)

/**
 * Row lookups by meaning, indexed once per table and validation pass: the cross rules look up every
 * code of one table in the others, and a linear scan per lookup made them quadratic in the rows.
 * The first matching row wins, as with findIndex.
 */
type RowIndex = { total: number; codes: Map<string, number> }
function rowIndexOf(cache: Map<BudgetTable, RowIndex>, t: BudgetTable): RowIndex {
  let ix = cache.get(t)
  if (!ix) {
    ix = { total: -1, codes: new Map() }
    for (let r = 0; r < t.meta.length; r++) {
      const m = t.meta[r]!
      if (m.kind === 'total' && ix.total < 0) ix.total = r
      else if (m.kind === 'code' && !ix.codes.has(m.code)) ix.codes.set(m.code, r)
    }
    cache.set(t, ix)
  }
  return ix
}
const blank = (t: BudgetTable): CellRef => ({ t, r: -1, c: -1 })

/** Equality of two printed figures of the same exact quantity; a missing counterpart counts as blank. */
function same(emit: Emit, rule: string, a: CellRef | null, b: CellRef | null, what: string, severity: 'error' | 'warning' = 'error') {
  if (!a) return
  const ua = a.t.layout?.amountUnit ?? '万元'
  const ub = b ? (b.t.layout?.amountUnit ?? '万元') : ua
  if (b && ua !== ub) {
    // tables printed in different units (a Shanghai 三公 table in 万元 beside tables in 元): the 元 figure
    // rounded to 0.01 万元 must be the 万元 figure; exact in 分, never a rounding of our own
    const va = a.t.rows[a.r]?.[a.c]
    const vb = b.t.rows[b.r]?.[b.c]
    const fen = (v: unknown, u: string) => (typeof v === 'number' ? v * FEN_PER_PRINTED[u as AmountUnit] : 0)
    const fa = fen(va, ua)
    const fb = fen(vb, ub)
    const coarse = (f: number) => toPrinted(f, '万元')
    if (coarse(fa) === coarse(fb)) return
    emit({ rule, severity, table: a.t.key, row: a.r, col: a.c, rowLabel: rowLabel(a.t, a.r, a.c), column: a.t.columns[a.c]?.label ?? '', expected: printedToNumber(coarse(fb)), actual: printedToNumber(coarse(fa)), message: `${a.t.title}「${rowLabel(a.t, a.r, a.c)}」行「${a.t.columns[a.c]?.label ?? ''}」列为 ${formatPrinted(coarse(fa))} 万元，按${what}应为 ${formatPrinted(coarse(fb))} 万元` })
    return
  }
  checkSum(emit, rule, a, b ? [b] : [], what, severity)
}

/**
 * Identities between tables (checklist “Across tables”). `notUnderstood`: tables the workbook prints
 * but whose columns or codes were not understood — absent from `s`, yet not blank: a rule that would
 * count them as blank is not run (no arithmetic on a guess).
 */
export function crossRules(s: TableSet, emit: Emit, notUnderstood: ReadonlySet<string> = new Set()): void {
  const index = new Map<BudgetTable, RowIndex>()
  const totalRow = (t: BudgetTable | undefined) => (t ? rowIndexOf(index, t).total : -1)
  const codeRow = (t: BudgetTable | undefined, code: string) => (t ? (rowIndexOf(index, t).codes.get(code) ?? -1) : -1)
  const ies = s.income_expenditure_summary
  const inc = s.income_summary
  const exp = s.expenditure_summary
  const fis = s.fiscal_income_expenditure_summary
  const gen = s.general_budget_expenditure
  const bas = s.general_budget_basic_expenditure
  const gov = s.gov_fund_expenditure
  const cap = s.state_capital_expenditure
  const thr = s.three_public_expenses
  const byUnit = s.expenditure_by_unit

  const iesIn = (id: string) => (ies ? ref(ies, rowIndexById(ies, id, 'left'), columnIndex(ies, 'in_amount')) : null)
  // a summary printing no 本年合计 / 结转 rows (Shanghai 2026): its 总计 is the year's total
  const currentRow = (t: BudgetTable, side: 'left' | 'right') => {
    const [cur, carry, grand] = side === 'left' ? ['current_income', 'carry_in', 'grand_income'] : ['current_expenditure', 'carry_out', 'grand_expenditure']
    const r = rowIndexById(t, cur!, side)
    return r >= 0 || rowIndexById(t, carry!, side) >= 0 ? r : rowIndexById(t, grand!, side)
  }

  if (inc && ies) {
    const tr = totalRow(inc)
    if (tr >= 0) {
      same(emit, 'cross.income_total', ref(inc, tr, columnIndex(inc, 'total')), iesIn('grand_income'), `${ies.title}“收入总计”`)
      same(emit, 'cross.income_current', ref(inc, tr, columnIndex(inc, 'current')), ref(ies, currentRow(ies, 'left'), columnIndex(ies, 'in_amount')), `${ies.title}“本年收入合计”`)
      same(emit, 'cross.income_carryover', ref(inc, tr, columnIndex(inc, 'carryover')), iesIn('carry_in'), `${ies.title}“上年结转结余”`)
      const fiscal = ref(inc, tr, columnIndex(inc, 'fiscal'))
      if (fiscal) {
        const parts = ['income:general_budget', 'income:gov_fund', 'income:state_capital'].map(iesIn).filter((x): x is CellRef => !!x)
        checkSum(emit, 'cross.income_fiscal', fiscal, parts, `${ies.title}三项财政拨款收入之和`)
      }
    }
  }
  if (exp && ies) {
    same(emit, 'cross.expenditure_total', ref(exp, totalRow(exp), columnIndex(exp, 'total')), ref(ies, currentRow(ies, 'right'), columnIndex(ies, 'out_amount')), `${ies.title}“本年支出合计”`)
    ies.meta.forEach((m, r) => {
      if (m.kind !== 'pair' || !m.right?.startsWith('class:')) return
      const c = columnIndex(ies, 'out_amount')
      const code = m.right.slice('class:'.length)
      const target = ref(ies, r, c)
      if (!target || ies.rows[r]![c] === null) return
      same(emit, 'cross.summary_class', target, ref(exp, codeRow(exp, code), columnIndex(exp, 'total')), `${exp.title}该类科目合计`)
    })
  }
  if (inc && exp) {
    const codes = new Set<string>()
    for (const m of [...inc.meta, ...exp.meta]) if (m.kind === 'code') codes.add(m.code)
    for (const code of [...codes].sort()) {
      const a = ref(inc, codeRow(inc, code), columnIndex(inc, 'total'))
      const b = ref(exp, codeRow(exp, code), columnIndex(exp, 'total'))
      if (a) same(emit, 'cross.income_vs_expenditure', a, b, `${exp.title}同一科目的合计`)
      else if (b) same(emit, 'cross.income_vs_expenditure', b, a, `${inc.title}同一科目的合计（收入总表缺少该科目）`)
    }
  }
  // 支出总表 = the per-fund tables added up, when all of the department's money is 财政拨款
  if (exp && fis && ies && !['general_budget_expenditure', 'gov_fund_expenditure', 'state_capital_expenditure'].some((k) => notUnderstood.has(k))) {
    const fisGrand = ref(fis, rowIndexById(fis, 'grand_income', 'left'), columnIndex(fis, 'in_amount'))
    const allFiscal = fisGrand && iesIn('grand_income') && fis.rows[fisGrand.r]![fisGrand.c] === ies.rows[iesIn('grand_income')!.r]![iesIn('grand_income')!.c]
    if (allFiscal) {
      const funds = [gen, gov, cap].filter((t): t is BudgetTable => !!t)
      const cols = ['total', 'basic', 'project'].map((col) => ({ c: columnIndex(exp, col), fundCols: funds.map((t) => columnIndex(t, col)) }))
      exp.meta.forEach((m, r) => {
        for (const { c, fundCols } of cols) {
          if (c < 0) continue
          const parts = funds
            .map((t, i) => ref(t, m.kind === 'code' ? codeRow(t, m.code) : m.kind === 'total' ? totalRow(t) : -1, fundCols[i]!))
            .filter((x): x is CellRef => !!x)
          checkSum(emit, 'cross.expenditure_vs_fund_tables', { t: exp, r, c }, parts, '一般公共预算、政府性基金、国有资本经营预算财政拨款支出表之和')
        }
      })
    }
  }
  if (fis) {
    const cols: [string, BudgetTable | undefined][] = [
      ['general', gen],
      ['gov_fund', gov],
      ['state_capital', cap],
    ]
    for (const [col, t] of cols) {
      const c = columnIndex(fis, col)
      if (c < 0 || !t) continue
      fis.meta.forEach((m, r) => {
        if (m.kind !== 'pair' || !m.right?.startsWith('class:')) return
        const code = m.right.slice('class:'.length)
        same(emit, 'cross.fiscal_class', { t: fis, r, c }, ref(t, codeRow(t, code), columnIndex(t, 'total')), `${t.title}该类科目合计`)
      })
      const tr = ref(fis, currentRow(fis, 'right'), c)
      if (tr) same(emit, 'cross.fiscal_total', tr, ref(t, totalRow(t), columnIndex(t, 'total')) ?? blank(t), `${t.title}合计`)
    }
    if (ies) {
      const fin = (id: string) => ref(fis, rowIndexById(fis, id, 'left'), columnIndex(fis, 'in_amount'))
      same(emit, 'cross.fiscal_income_general', fin('income:general_budget'), iesIn('income:general_budget'), `${ies.title}“一般公共预算拨款收入”`)
      same(emit, 'cross.fiscal_income_gov_fund', fin('income:gov_fund'), iesIn('income:gov_fund'), `${ies.title}“政府性基金预算拨款收入”`)
    }
  }
  if (byUnit && exp) {
    // 部门支出分单位 adds up to the 支出总表, column by column where both print it
    for (const col of ['total', 'basic', 'project']) {
      const c = columnIndex(byUnit, col)
      if (c < 0) continue
      same(emit, 'cross.unit_breakdown_total', ref(byUnit, totalRow(byUnit), c), ref(exp, totalRow(exp), columnIndex(exp, col)), `${exp.title}合计`)
    }
  }
  if (bas && gen) {
    same(emit, 'cross.basic_total', ref(bas, totalRow(bas), columnIndex(bas, 'total')), ref(gen, totalRow(gen), columnIndex(gen, 'basic')), `${gen.title}“基本支出”合计`)
  }
  if (thr && bas) {
    const tc = columnIndex(thr, 'total')
    for (const [id, code, name] of [
      ['vehicle_operation', '30231', '公务用车运行维护费'],
      ['reception', '30217', '公务接待费'],
      ['meeting', '30215', '会议费'],
      ['training', '30216', '培训费'],
    ] as const) {
      const r = rowIndexById(thr, id)
      if (r < 0) continue
      const er = codeRow(bas, code)
      if (thr.rows[r]![tc] === null && er < 0) continue
      same(emit, 'cross.three_public_economic', { t: thr, r, c: tc }, ref(bas, er, columnIndex(bas, 'total')), `${bas.title}经济分类 ${code} ${name}`, 'warning')
    }
  }
}
