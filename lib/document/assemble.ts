import type { BudgetTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import type { NotesContext } from '@/lib/notes/generate'
import { generateNotes } from '@/lib/notes/generate'
import type { NotesLayout } from '@/lib/budget/template'
import { applyNotesLayout } from '@/lib/notes/layout'
import { notesForLevel } from '@/lib/notes/level'
import type { BudgetLevel, DocumentModel } from './model'
import { buildToc, levelTitles, tableAnchor } from './model'

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
  level?: BudgetLevel
}

/** The document model from the disclosure's tables and notes context: pure, so it is tested without a server. */
export function assembleDocument(input: AssembleInput): DocumentModel {
  const level: BudgetLevel = input.level ?? 'department'
  const titles = levelTitles(level, input.year)
  // lib/notes words the notes for the level; the layout's titles (data) are named for it here (notesForLevel)
  const notes = notesForLevel(applyNotesLayout(generateNotes({ ...input, tables: input.tables, level }), input.notesLayout, input), level)
  const dept = input.department
  const nine = NINE_TABLE_KEYS.map((k) => input.tables.find((t) => t.key === k)).filter((t): t is BudgetTable => !!t)
  const tables = nine.map((t) => ({
    id: tableAnchor(t.key),
    table: toFixtureTable(t),
    caption: { left: `${dept.code} ${dept.name}`, middle: `预算年度：${input.year}`, right: `单位：${input.amountUnit}` },
  }))
  const base = { level, year: input.year, tables, notes, tablesTitle: titles.tablesPart }
  return {
    title: `${dept.name}${titles.subtitle}`,
    department: dept,
    region: input.region,
    status: input.status,
    dateLine: input.dateLine,
    amountUnit: input.amountUnit,
    ...base,
    toc: buildToc(base),
  }
}
