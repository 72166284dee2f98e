import type { Catalogue } from './catalogue'
import { deriveTables } from './derive'
import type { Finding } from './findings'
import { indexExpenditure } from './line-index'
import type { BudgetTable } from './table'
import type { Template } from './template'
import type { BudgetData } from './types'
import { validateLines } from './validate-lines'
import { validateTables } from './validate-tables'

export type Computed = { tables: BudgetTable[]; findings: Finding[] }

/** Derives every table of the template from the lines and validates both the lines and the tables. */
export function computeDisclosure(data: BudgetData, template: Template, catalogue: Catalogue): Computed {
  // one pass indexes the expenditure lines for both the derivation and the line checks (line-index.ts)
  const index = indexExpenditure(data.expenditure)
  const tables = deriveTables(data, template, catalogue, index)
  // Codes and names of derived rows come from the catalogue, so table-level code checks would only
  // repeat the line checks; those are located at the line a user can fix.
  const findings = [...validateLines(data, catalogue, index), ...validateTables(tables, template)]
  return { tables, findings }
}
