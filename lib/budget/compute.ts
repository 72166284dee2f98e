import type { Catalogue } from './catalogue'
import { deriveTables } from './derive'
import type { Finding } from './findings'
import { indexExpenditure } from './line-index'
import { assertFen } from './money'
import type { BudgetTable } from './table'
import type { Template } from './template'
import type { BudgetData } from './types'
import { validateLines } from './validate-lines'
import { validateTables } from './validate-tables'

export type Computed = { tables: BudgetTable[]; findings: Finding[] }

/** Derives every table of the template from the lines and validates both the lines and the tables. */
export function computeDisclosure(data: BudgetData, template: Template, catalogue: Catalogue): Computed {
  assertLineAmounts(data)
  // one pass indexes the expenditure lines for both the derivation and the line checks (line-index.ts)
  const index = indexExpenditure(data.expenditure)
  const tables = deriveTables(data, template, catalogue, index)
  // Codes and names of derived rows come from the catalogue, so table-level code checks would only
  // repeat the line checks; those are located at the line a user can fix.
  const findings = [...validateLines(data, catalogue, index), ...validateTables(tables, template)]
  return { tables, findings }
}

/** The kernel's entry: every amount of the lines is an exact integer number of 分 (docs/decisions/001). */
function assertLineAmounts(data: BudgetData): void {
  data.revenue.forEach((l, i) => assertFen(l.amount, `收入第 ${i + 1} 行金额`))
  data.expenditure.forEach((l, i) => assertFen(l.amount, `支出第 ${i + 1} 行金额`))
  data.threePublic.forEach((l, i) => assertFen(l.amount, `“三公”经费第 ${i + 1} 行金额`))
}
