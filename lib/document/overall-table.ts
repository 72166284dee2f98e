import type { AmountUnit } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import type { NotesContext } from '@/lib/notes/generate'
import { overallBudget, overallTableFindings } from '@/lib/performance/overall-budget'
import { renderOverall } from '@/lib/performance/render'
import type { DocumentModel } from './model'
import { buildToc, OVERALL_TABLE_KEY, tableAnchor } from './model'

export type OverallTableInput = Pick<NotesContext, 'year' | 'department' | 'data' | 'targets' | 'performanceLayout'> & { tables: BudgetTable[]; amountUnit: AmountUnit }

/**
 * Adds the template's 部门（单位）整体绩效目标表 (Henan 预算11表) to an assembled document: printed after
 * the nine tables, listed in the 目录, with 预算情况 derived from the same tables (lib/performance/
 * overall-budget.ts) and the table's findings beside the notes' findings. A template without one
 * leaves the document as it is. The table is printed even when nothing is entered yet (its 预算情况
 * is the data's), and the findings say what is missing.
 */
export function withOverallTable(m: DocumentModel, input: OverallTableInput): DocumentModel {
  const layout = input.performanceLayout?.overall
  if (!layout) return m
  const budget = overallBudget({ tables: input.tables, data: input.data, unit: input.amountUnit })
  const target = renderOverall(input.targets.overall, { layout, year: input.year, unitName: input.department.name, budget })
  const overall = {
    id: tableAnchor(OVERALL_TABLE_KEY),
    target,
    caption: { left: `${input.department.code} ${input.department.name}`, middle: `预算年度：${input.year}`, right: `单位：${input.amountUnit}` },
  }
  // the same findings the submission gate weighs (lib/workflow/server/disclosure-content.ts)
  const findings = overallTableFindings(input, m.notes.findings)
  const withTable = { ...m, overall, notes: { ...m.notes, findings: [...m.notes.findings, ...findings] } }
  return { ...withTable, toc: buildToc(withTable) }
}
