import type { Fen } from './money'
import type { ExpenditureLine } from './types'
import { EXPENDITURE_CATEGORIES, FUND_TYPES, isPersonnelEconomic } from './types'

/**
 * One pass over the expenditure lines that the derivation (derive.ts) and the line checks
 * (validate-lines.ts) share: each line's function and economic code as a small integer, interned once
 * per distinct code, and its fund and category as an index into FUND_TYPES / EXPENDITURE_CATEGORIES.
 * The loops after it read typed arrays instead of hashing the same strings again: a department's
 * lines are thousands, its distinct codes a few hundred (docs/decisions/011-kernel-one-pass.md).
 *
 * A fund or category outside the lists gets the index OTHER: no template filter can tell two such
 * values apart (a filter only ever names listed values), and the line checks report each such line.
 */
export type ExpenditureIndex = {
  lines: ExpenditureLine[]
  /** id → the code as written on the lines (a string, or anything a malformed line carries). */
  functionCodes: unknown[]
  economicCodes: unknown[]
  unitCodes: unknown[]
  /** id → project code; lines without a project have the id -1. */
  projectCodes: unknown[]
  /** Per line: function code id, economic code id, unit id, project id, fund index, category index, amount. */
  fn: Int32Array
  eco: Int32Array
  unit: Int32Array
  project: Int32Array
  fund: Uint8Array
  category: Uint8Array
  amount: Float64Array
}

export const FUND_OTHER = FUND_TYPES.length
export const CATEGORY_OTHER = EXPENDITURE_CATEGORIES.length

/** Index of a fund in FUND_TYPES, or FUND_OTHER. A switch: strings compare without hashing. */
export function fundIndex(f: unknown): number {
  switch (f) {
    case 'general':
      return 0
    case 'gov_fund':
      return 1
    case 'state_capital':
      return 2
    case 'special_account':
      return 3
    case 'unit_funds':
      return 4
    default:
      return FUND_OTHER
  }
}

/** Index of a category in EXPENDITURE_CATEGORIES, or CATEGORY_OTHER. */
export function categoryIndex(c: unknown): number {
  switch (c) {
    case 'basic':
      return 0
    case 'project':
      return 1
    case 'operating':
      return 2
    case 'remit_superior':
      return 3
    case 'subsidy_subordinate':
      return 4
    default:
      return CATEGORY_OTHER
  }
}

/** Interns values as 0, 1, 2 … in order of first sight. */
class Interner {
  readonly ids = new Map<unknown, number>()
  readonly values: unknown[] = []
  id(v: unknown): number {
    let id = this.ids.get(v)
    if (id === undefined) {
      this.ids.set(v, (id = this.values.length))
      this.values.push(v)
    }
    return id
  }
}

/** The only pass that reads the line objects: every later loop reads the typed arrays. */
export function indexExpenditure(lines: ExpenditureLine[]): ExpenditureIndex {
  const n = lines.length
  const fn = new Int32Array(n)
  const eco = new Int32Array(n)
  const unit = new Int32Array(n)
  const project = new Int32Array(n)
  const fund = new Uint8Array(n)
  const category = new Uint8Array(n)
  const amount = new Float64Array(n)
  const fns = new Interner()
  const ecos = new Interner()
  const units = new Interner()
  const projects = new Interner()
  for (let i = 0; i < n; i++) {
    const l = lines[i]!
    fn[i] = fns.id(l.functionCode)
    eco[i] = ecos.id(l.economicCode)
    unit[i] = units.id(l.unitCode)
    project[i] = l.projectCode ? projects.id(l.projectCode) : -1
    fund[i] = fundIndex(l.fund)
    category[i] = categoryIndex(l.category)
    amount[i] = l.amount
  }
  return { lines, functionCodes: fns.values, economicCodes: ecos.values, unitCodes: units.values, projectCodes: projects.values, fn, eco, unit, project, fund, category, amount }
}

/**
 * Lines summed by (code, fund, category[, 人员/公用]): the finest grain any template filter or table
 * row can see (filters.ts). `line` is the group's first line, standing for all of them in filters;
 * `nonZero` says whether any of its lines is non-zero. Groups come by code in the order codes
 * were first seen; no sum depends on the order (amounts are integers, added exactly).
 */
export type ExpenditureGroup = { line: ExpenditureLine; amount: Fen; nonZero: boolean }

/** 人员/公用 as filters see it: 1 人员经费, 0 公用经费, 2 a code that is not a string (malformed line). */
function personnelOf(code: unknown): number {
  return typeof code === 'string' ? (isPersonnelEconomic(code) ? 1 : 0) : 2
}

export function groupExpenditure(index: ExpenditureIndex, by: 'function' | 'economic', withPersonnel = false): ExpenditureGroup[] {
  const codeIds = by === 'function' ? index.fn : index.eco
  const codeCount = by === 'function' ? index.functionCodes.length : index.economicCodes.length
  const nF = FUND_OTHER + 1
  const nC = CATEGORY_OTHER + 1
  const nP = withPersonnel ? 3 : 1
  const personnel = withPersonnel ? Uint8Array.from(index.economicCodes, personnelOf) : null
  const size = codeCount * nF * nC * nP
  const sums = new Float64Array(size)
  const first = new Int32Array(size).fill(-1)
  const nonZero = new Uint8Array(size)
  const { lines, eco, fund, category, amount } = index
  for (let i = 0; i < lines.length; i++) {
    let slot = (codeIds[i]! * nF + fund[i]!) * nC + category[i]!
    if (personnel) slot = slot * nP + personnel[eco[i]!]!
    const a = amount[i]!
    sums[slot]! += a
    if (first[slot] === -1) first[slot] = i
    if (a !== 0) nonZero[slot] = 1
  }
  const out: ExpenditureGroup[] = []
  for (let s = 0; s < size; s++) if (first[s] !== -1) out.push({ line: lines[first[s]!]!, amount: sums[s]!, nonZero: nonZero[s] === 1 })
  return out
}
