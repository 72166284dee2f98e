import type { Catalogue, ClassificationKind } from './catalogue'
import { levelOf, LEVEL_NAMES, nameMatches, suggestCodes } from './catalogue'
import type { Finding } from './findings'
import { wan } from './findings'
import { cellToNumber } from './money'
import type { BudgetTable } from './table'
import { columnIndex, rowIndexById, rowLabel } from './table'
import type { TableTemplate, Template, ThreePublicTable, TreeTable, UnitBreakdownTable } from './template'
import { templateTable } from './template'
import { identitiesFor, sameWording } from './validate-printed-layout'
import type { Emit, TableSet } from './check-sum'
import { checkColumnSum, checkRowSum, checkSum, describeCell, value } from './check-sum'
import { crossRules } from './validate-cross'

const amountCols = (t: BudgetTable) => t.columns.map((c, i) => (c.kind === 'amount' ? i : -1)).filter((i) => i >= 0)

// ---------------------------------------------------------------- per-table rules

function treeRules(t: BudgetTable, tt: TreeTable, emit: Emit, catalogue: Catalogue | undefined): void {
  const kind: ClassificationKind = tt.kind === 'function_tree' ? 'function' : 'economic'
  const coded = t.meta.map((m, r) => ({ m, r })).filter((x) => x.m.kind === 'code') as { m: { kind: 'code'; code: string; level: number }; r: number }[]
  const totalRow = t.meta.findIndex((m) => m.kind === 'total')
  const lens = kind === 'function' ? [3, 5, 7] : [3, 5]
  const indexOfCode = new Map<string, number>()
  coded.forEach((x, i) => indexOfCode.set(x.m.code, i))
  // Children of every coded row, found once in one pass (not once per row and column): a row's parent
  // is its code cut to the previous level's length. Codes longer than the last level hang under it too,
  // so that tree.bad_level can name the parent.
  const kidRows: number[][] = coded.map(() => [])
  const hasDeeper = new Set<string>()
  for (const k of coded) {
    const len = k.m.code.length
    const li = lens.indexOf(len)
    if (li > 0) {
      const pi = indexOfCode.get(k.m.code.slice(0, lens[li - 1]))
      if (pi !== undefined && coded[pi]!.m.level === k.m.level - 1) kidRows[pi]!.push(k.r)
    } else if (li < 0 && len > lens[lens.length - 1]!) {
      hasDeeper.add(k.m.code.slice(0, lens[lens.length - 1]))
    }
  }
  const level1Rows = coded.filter((x) => x.m.level === 1).map((x) => x.r)
  const totalWhat = `各${LEVEL_NAMES[0]}级科目之和`
  const parentWhat = coded.map((p) => `其下各${LEVEL_NAMES[p.m.level]}级科目之和`)
  for (const c of amountCols(t)) {
    if (totalRow >= 0) checkColumnSum(emit, 'tree.total', t, totalRow, c, level1Rows, totalWhat)
    for (let i = 0; i < coded.length; i++) {
      const kids = kidRows[i]!
      if (kids.length === 0) continue
      checkColumnSum(emit, 'tree.parent', t, coded[i]!.r, c, kids, parentWhat[i]!)
    }
  }
  for (const p of coded) {
    const li = lens.indexOf(p.m.code.length)
    if (li > 0 && !indexOfCode.has(p.m.code.slice(0, lens[li - 1]))) {
      emit({ rule: 'tree.missing_parent', severity: 'error', table: t.key, row: p.r, col: 0, rowLabel: rowLabel(t, p.r), column: t.columns[0]!.label, message: `${t.title}科目 ${p.m.code} 缺少上级科目 ${p.m.code.slice(0, lens[li - 1])} 行` })
    }
    if (li === lens.length - 1) {
      // a longer code starting with this one
      if (hasDeeper.has(p.m.code)) emit({ rule: 'tree.bad_level', severity: 'error', table: t.key, row: p.r, col: 0, rowLabel: rowLabel(t, p.r), column: t.columns[0]!.label, message: `${t.title}科目 ${p.m.code} 已是末级，不应再有下级科目` })
    }
  }
  for (const idn of identitiesFor(tt, t)) {
    const ti = columnIndex(t, idn.target)
    const pis = idn.parts.map((p) => columnIndex(t, p)).filter((i) => i >= 0)
    if (ti < 0 || pis.length === 0) continue
    // the parts the table prints, by their printed headers (never an id)
    const what = pis.map((i) => `「${t.columns[i]!.label}」`).join('+')
    const all = [ti, ...pis]
    t.rows.forEach((row, r) => {
      if (all.every((i) => row[i] === null)) return
      checkRowSum(emit, 'row.identity', t, r, ti, pis, what)
    })
  }
  if (catalogue) codeRules(t, kind, coded, catalogue, emit)
}

function codeRules(t: BudgetTable, kind: ClassificationKind, coded: { m: { code: string; level: number }; r: number }[], catalogue: Catalogue, emit: Emit): void {
  const kindName = kind === 'function' ? '支出功能分类科目' : '部门预算支出经济分类科目'
  for (const { m, r } of coded) {
    const entry = catalogue[kind].get(m.code)
    const name = String(t.rows[r]![1] ?? '')
    if (!entry) {
      const suggestions = suggestCodes(catalogue, kind, m.code).map((e) => ({ code: e.code, name: e.name }))
      emit({
        rule: 'code.unknown',
        severity: 'error',
        table: t.key,
        row: r,
        col: 0,
        rowLabel: rowLabel(t, r),
        column: t.columns[0]!.label,
        suggestions,
        message: `${t.title}第 ${r + 1} 行科目编码 ${m.code} 不在 ${catalogue.year} 年${kindName}中${suggestions.length ? `；相近的科目：${suggestions.map((s) => `${s.code} ${s.name}`).join('、')}` : ''}`,
      })
    } else if (name && !nameMatches(entry, name)) {
      emit({
        rule: 'code.name_mismatch',
        severity: 'warning',
        table: t.key,
        row: r,
        col: 1,
        rowLabel: rowLabel(t, r),
        column: t.columns[1]!.label,
        message: `${t.title}科目 ${m.code} 的名称“${name}”与 ${catalogue.year} 年科目名称“${entry.name}”不一致`,
      })
    }
  }
}

function pairRules(t: BudgetTable, emit: Emit, tt?: TableTemplate): void {
  const inAmt = columnIndex(t, 'in_amount')
  const outCols = amountCols(t).filter((c) => c !== inAmt)
  const left = (id: string) => rowIndexById(t, id, 'left')
  const right = (id: string) => rowIndexById(t, id, 'right')
  const ci = left('current_income')
  const ce = right('current_expenditure')
  const carryIn = left('carry_in')
  const carryOut = right('carry_out')
  const gi = left('grand_income')
  const ge = right('grand_expenditure')
  // some provinces print no 本年收入合计 / 结转 rows (Shanghai 2026: items, then 收入总计 / 支出总计)
  if (gi < 0 || ge < 0 || ci >= 0 !== carryIn >= 0 || ce >= 0 !== carryOut >= 0) {
    emit({ rule: 'table.structure', severity: 'error', table: t.key, message: `${t.title}缺少合计行（本年收入合计、本年支出合计、结转、总计）` })
    return
  }
  const incomeDefs = tt && (tt.kind === 'income_expenditure_summary' || tt.kind === 'fiscal_summary') ? tt.incomeRows : []
  const childIds = new Set(incomeDefs.flatMap((x) => x.sumOf ?? []))
  const incomeItems = t.meta.map((m, r) => (m.kind === 'pair' && m.left?.startsWith('income:') && !childIds.has(m.left) ? r : -1)).filter((r) => r >= 0)
  const classItems = t.meta.map((m, r) => (m.kind === 'pair' && m.right?.startsWith('class:') ? r : -1)).filter((r) => r >= 0)
  const carryItems = t.meta.map((m, r) => (m.kind === 'pair' && m.left?.startsWith('carry:') ? r : -1)).filter((r) => r >= 0)
  for (const def of incomeDefs) {
    if (!def.sumOf) continue
    const r = left(def.id)
    if (r < 0) continue
    checkSum(emit, 'summary.income_parent', { t, r, c: inAmt }, def.sumOf.map((k) => left(k)).filter((k) => k >= 0).map((k) => ({ t, r: k, c: inAmt })), '其下各项之和')
  }
  if (ci >= 0) checkSum(emit, 'summary.current_income', { t, r: ci, c: inAmt }, incomeItems.map((r) => ({ t, r, c: inAmt })), '各项收入之和')
  for (const c of outCols) {
    if (ce >= 0) {
      checkSum(emit, 'summary.current_expenditure', { t, r: ce, c }, classItems.map((r) => ({ t, r, c })), '各项支出之和')
      checkSum(emit, 'summary.grand_expenditure', { t, r: ge, c }, [{ t, r: ce, c }, { t, r: carryOut, c }], '本年支出合计与年末结转结余之和')
    } else {
      checkSum(emit, 'summary.grand_expenditure', { t, r: ge, c }, classItems.map((r) => ({ t, r, c })), '各项支出之和')
    }
  }
  if (carryIn >= 0 && carryItems.length && (value({ t, r: carryIn, c: inAmt }) !== null || carryItems.some((r) => value({ t, r, c: inAmt }) !== null))) {
    checkSum(emit, 'summary.carry_in', { t, r: carryIn, c: inAmt }, carryItems.map((r) => ({ t, r, c: inAmt })), '其下各项之和')
  }
  if (ci >= 0) checkSum(emit, 'summary.grand_income', { t, r: gi, c: inAmt }, [{ t, r: ci, c: inAmt }, { t, r: carryIn, c: inAmt }], '本年收入合计与上年结转之和')
  else checkSum(emit, 'summary.grand_income', { t, r: gi, c: inAmt }, incomeItems.map((r) => ({ t, r, c: inAmt })), '各项收入之和')
  checkSum(emit, 'summary.balance', { t, r: gi, c: inAmt }, [{ t, r: ge, c: outCols[0]! }], '支出总计（收支平衡）')
  if (outCols.length > 1) {
    const [tot, ...funds] = outCols
    t.meta.forEach((m, r) => {
      if (m.kind !== 'pair' || !m.right) return
      if ([tot!, ...funds].every((c) => value({ t, r, c }) === null)) return
      checkSum(emit, 'fiscal.row_funds', { t, r, c: tot! }, funds.map((c) => ({ t, r, c })), '各资金性质之和')
    })
  }
}

function threePublicRules(t: BudgetTable, tt: ThreePublicTable, emit: Emit): void {
  const tot = columnIndex(t, tt.totalColumnId)
  const funds = amountCols(t).filter((c) => c !== tot)
  t.rows.forEach((row, r) => {
    // a single amount column (预算数) is its own total
    if (funds.length === 0 || amountCols(t).every((c) => row[c] === null)) return
    checkSum(emit, 'three_public.row_funds', { t, r, c: tot }, funds.map((c) => ({ t, r, c })), '各资金性质之和')
  })
  for (const tr of tt.rows) {
    if (!tr.sumOf) continue
    const r = rowIndexById(t, tr.id)
    const kids = tr.sumOf.map((k) => rowIndexById(t, k)).filter((i) => i >= 0)
    if (r < 0) continue
    for (const c of amountCols(t)) checkSum(emit, 'three_public.parent', { t, r, c }, kids.map((k) => ({ t, r: k, c })), `${tr.sumOf.map((k) => `「${rowLabel(t, rowIndexById(t, k))}」`).join('+')}`)
  }
}

/** 部门支出分单位: 合计 = Σ units in every amount column, and the template's in-row identities. */
function unitBreakdownRules(t: BudgetTable, tt: UnitBreakdownTable, emit: Emit): void {
  const totalRow = t.meta.findIndex((m) => m.kind === 'total')
  const units = t.meta.map((m, r) => (m.kind === 'item' ? r : -1)).filter((r) => r >= 0)
  if (totalRow >= 0) for (const c of amountCols(t)) checkColumnSum(emit, 'unit_breakdown.total', t, totalRow, c, units, '各单位之和')
  for (const idn of tt.rowIdentities) {
    const ti = columnIndex(t, idn.target)
    const pis = idn.parts.map((p) => columnIndex(t, p)).filter((i) => i >= 0)
    if (ti < 0) continue
    const what = pis.map((i) => `「${t.columns[i]!.label}」`).join('+')
    t.rows.forEach((row, r) => {
      if ([ti, ...pis].every((i) => row[i] === null)) return
      checkRowSum(emit, 'row.identity', t, r, ti, pis, what)
    })
  }
}

function fixedAssetRules(t: BudgetTable, tpl: Template, emit: Emit): void {
  const tt = templateTable(tpl, 'fixed_assets')
  if (!tt || tt.kind !== 'fixed_assets') return
  const c = columnIndex(t, 'value')
  for (const tr of tt.rows) {
    if (!tr.sumOf) continue
    const r = rowIndexById(t, tr.id)
    if (r < 0) continue
    checkSum(emit, 'fixed_assets.total', { t, r, c }, tr.sumOf.map((k) => ({ t, r: rowIndexById(t, k), c })).filter((x) => x.r >= 0), '各类资产之和')
  }
}

function procurementRules(t: BudgetTable, emit: Emit): void {
  const tot = columnIndex(t, 'total')
  const funds = t.columns.map((col, i) => (col.id.startsWith('fund:') ? i : -1)).filter((i) => i >= 0)
  const qty = columnIndex(t, 'quantity')
  const price = columnIndex(t, 'unit_price')
  const budget = columnIndex(t, 'project_budget')
  const name = columnIndex(t, 'project_name')
  const items = t.meta.map((m, r) => (m.kind === 'item' ? r : -1)).filter((r) => r >= 0)
  const totalRow = t.meta.findIndex((m) => m.kind === 'total')
  for (const r of items) {
    checkSum(emit, 'procurement.item_funds', { t, r, c: tot }, funds.map((c) => ({ t, r, c })), '各资金来源之和')
    const q = t.rows[r]![qty]
    const p = t.rows[r]![price]
    const a = t.rows[r]![tot]
    if (typeof q === 'number' && typeof p === 'number' && typeof a === 'number') {
      const product = Math.round(q * p)
      if (product !== a) {
        emit({ rule: 'procurement.quantity_price', severity: Math.abs(product - a) <= 1 ? 'rounding' : 'error', table: t.key, row: r, col: tot, rowLabel: rowLabel(t, r), column: t.columns[tot]!.label, expected: cellToNumber(product), actual: cellToNumber(a), message: `${t.title}第 ${r + 1} 行：数量 ${q} × 单价 ${wan(p)} = ${wan(product)}，金额为 ${wan(a)}` })
      }
    }
  }
  if (totalRow >= 0) for (const c of [tot, ...funds]) checkSum(emit, 'procurement.total', { t, r: totalRow, c }, items.map((r) => ({ t, r, c })), '各采购项目之和')
  const perProject = new Map<string, { budget: number; sum: number; r: number }>()
  for (const r of items) {
    const k = String(t.rows[r]![name] ?? '')
    const b = t.rows[r]![budget]
    const a = t.rows[r]![tot]
    const e = perProject.get(k) ?? { budget: typeof b === 'number' ? b : 0, sum: 0, r }
    e.sum += typeof a === 'number' ? a : 0
    perProject.set(k, e)
  }
  for (const [k, e] of perProject) {
    if (e.budget && e.sum > e.budget) emit({ rule: 'procurement.over_budget', severity: 'error', table: t.key, row: e.r, col: budget, rowLabel: k, column: t.columns[budget]!.label, expected: cellToNumber(e.budget), actual: cellToNumber(e.sum), message: `项目“${k}”的政府采购金额合计 ${wan(e.sum)} 超过项目预算 ${wan(e.budget)}` })
  }
}

function emptyNoteRules(t: BudgetTable, tpl: Template, emit: Emit): void {
  const tt = templateTable(tpl, t.key)
  if (!tt || !('emptyNote' in tt) || !tt.emptyNote) return
  if (t.rows.length > 0) return
  if (!t.note) {
    emit({ rule: 'table.empty_note', severity: 'error', table: t.key, message: `${t.title}为空表，应注明“${tt.emptyNote}”` })
  } else if (!sameWording(t.note, tt.emptyNote)) {
    emit({ rule: 'table.empty_note_mismatch', severity: 'warning', table: t.key, message: `${t.title}的空表说明“${t.note}”与本表不符，应为“${tt.emptyNote}”` })
  }
}

function negativeRules(t: BudgetTable, emit: Emit): void {
  t.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'number' && v < 0 && t.columns[c]!.kind === 'amount') {
        emit({ rule: 'amount.negative', severity: 'error', table: t.key, row: r, col: c, rowLabel: rowLabel(t, r), column: t.columns[c]!.label, actual: cellToNumber(v), message: `${describeCell({ t, r, c })}为负数 ${wan(v)}，预算金额不能为负` })
      }
    }),
  )
}

export function indexTables(tables: BudgetTable[]): TableSet {
  const s: TableSet = {}
  for (const t of tables) s[t.key] = t
  return s
}

/** Validates printed tables (derived from lines or read from a workbook) against the template's identities. */
export function validateTables(tables: BudgetTable[], template: Template, catalogue?: Catalogue, notUnderstood: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = []
  const emit: Emit = (f) => out.push(f)
  for (const t of tables) {
    const tt = templateTable(template, t.key)
    if (!tt) continue
    negativeRules(t, emit)
    emptyNoteRules(t, template, emit)
    if (tt.kind === 'function_tree' || tt.kind === 'economic_tree') treeRules(t, tt, emit, catalogue)
    else if (tt.kind === 'income_expenditure_summary' || tt.kind === 'fiscal_summary') pairRules(t, emit, tt)
    else if (tt.kind === 'three_public') threePublicRules(t, tt, emit)
    else if (tt.kind === 'fixed_assets') fixedAssetRules(t, template, emit)
    else if (tt.kind === 'procurement') procurementRules(t, emit)
    else if (tt.kind === 'unit_breakdown') unitBreakdownRules(t, tt, emit)
  }
  for (const key of template.tables.map((x) => x.key)) {
    if (!tables.some((t) => t.key === key) && key !== 'procurement' && key !== 'fixed_assets') {
      const tt = templateTable(template, key)!
      emit({ rule: 'table.missing', severity: 'error', table: key, message: `缺少${tt.title}` })
    }
  }
  crossRules(indexTables(tables), emit, notUnderstood)
  return out
}

export { levelOf }
