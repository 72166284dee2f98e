import type { BudgetTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import type { NotesContext } from '@/lib/notes/generate'
import { generateNotes } from '@/lib/notes/generate'
import type { NotesLayout } from '@/lib/budget/template'
import { applyNotesLayout } from '@/lib/notes/layout'
import type { DocumentModel } from './model'
import { buildToc, NOTES_PART_ID, tableAnchor } from './model'

export type AssembleInput = Omit<NotesContext, 'tables'> & {
  tables: BudgetTable[]
  amountUnit: '万元' | '元'
  region: DocumentModel['region']
  status: string
  dateLine: string
  /** The template's layout of the 情况说明 (parts and sections, docs/decisions/009); absent: as generated. */
  notesLayout?: NotesLayout
  /**
   * Whose budget it is (docs/decisions/009): a department's 部门预算 (absent) or a unit's own 单位预算
   * (Disclosure.unitCode set) — the title and the headings name it.
   */
  level?: 'department' | 'unit'
}

/** 部门预算 or 单位预算: what the document's title and headings call the budget. */
export const budgetLevelName = (level: AssembleInput['level']): '部门预算' | '单位预算' => (level === 'unit' ? '单位预算' : '部门预算')

/** The document model from the disclosure's tables and notes context: pure, so it is tested without a server. */
export function assembleDocument(input: AssembleInput): DocumentModel {
  const notes = applyNotesLayout(generateNotes({ ...input, tables: input.tables }), input.notesLayout, input)
  const dept = input.department
  const nine = NINE_TABLE_KEYS.map((k) => input.tables.find((t) => t.key === k)).filter((t): t is BudgetTable => !!t)
  const tables = nine.map((t) => ({
    id: tableAnchor(t.key),
    table: toFixtureTable(t),
    caption: { left: `${dept.code} ${dept.name}`, middle: `预算年度：${input.year}`, right: `单位：${input.amountUnit}` },
  }))
  const level = budgetLevelName(input.level)
  const base = { tables, notes, tablesTitle: `${level}公开表` }
  // buildToc names the notes part 部门预算信息公开情况说明; a unit's document names its own budget
  const toc = buildToc(base).map((e) => (e.id === NOTES_PART_ID && input.level === 'unit' ? { ...e, title: e.title.replace('部门预算', level) } : e))
  return {
    title: `${dept.name}${input.year}年${level}信息公开`,
    department: dept,
    year: input.year,
    region: input.region,
    status: input.status,
    dateLine: input.dateLine,
    amountUnit: input.amountUnit,
    ...base,
    toc,
  }
}
