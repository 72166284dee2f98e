import type { BudgetTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import type { NotesContext } from '@/lib/notes/generate'
import { generateNotes } from '@/lib/notes/generate'
import type { NotesLayout } from '@/lib/budget/template'
import { applyNotesLayout } from '@/lib/notes/layout'
import type { GeneratedNotes } from '@/lib/notes/types'
import type { BudgetLevel, DocumentModel } from './model'
import { buildToc, headingForLevel, levelTitles, tableAnchor } from './model'

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

/**
 * The notes as the document prints them. lib/notes words the 情况说明 for the budget's level (单位职责,
 * 本单位, …年单位预算信息公开情况说明); the template's layout titles are data worded for a department
 * (Henan's 第二部分 …年部门预算情况说明), so a unit's document names its 单位预算 in them too
 * (headingForLevel, as the notes editor heads its sections).
 */
function notesFor(notes: GeneratedNotes, level: BudgetLevel, year: number): GeneratedNotes {
  if (level !== 'unit') return notes
  const to = levelTitles(level, year)
  return {
    ...notes,
    title: notes.title.replace(`${year}年部门预算信息公开情况说明`, `${year}年${to.notesPart}`),
    preamble: notes.preamble.replace(`${year}年部门预算公开如下`, `${year}年${to.name}公开如下`),
    sections: notes.sections.map((s) => ({ ...s, title: headingForLevel(s.title, level) })),
  }
}

/** The document model from the disclosure's tables and notes context: pure, so it is tested without a server. */
export function assembleDocument(input: AssembleInput): DocumentModel {
  const level: BudgetLevel = input.level ?? 'department'
  const titles = levelTitles(level, input.year)
  const notes = notesFor(applyNotesLayout(generateNotes({ ...input, tables: input.tables, level }), input.notesLayout, input), level, input.year)
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
