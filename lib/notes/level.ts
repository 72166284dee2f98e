import type { GeneratedNotes } from './types'

/**
 * Whose budget the notes explain (docs/decisions/009): a department's 部门预算, or a unit's own 单位预算
 * (Disclosure.unitCode set).
 */
export type BudgetLevel = 'department' | 'unit'

/**
 * A heading of the notes as a unit's budget prints it. lib/notes words its own text for the level; the
 * template's layout titles are data worded for a department (Henan's 第一部分 部门概况, 第二部分 …年部门预算
 * 情况说明), so a unit's names its 单位预算, 单位概况 and 单位职责 in them. A department's headings are returned as they are.
 */
export const headingForLevel = (title: string, level: BudgetLevel | undefined): string =>
  level === 'unit' ? title.replaceAll('部门预算', '单位预算').replaceAll('部门概况', '单位概况').replaceAll('部门职责', '单位职责') : title

/** The notes with every section title as the level prints it: what the document prints, and what review and submission see. */
export function notesForLevel(notes: GeneratedNotes, level: BudgetLevel | undefined): GeneratedNotes {
  if (level !== 'unit') return notes
  return { ...notes, sections: notes.sections.map((s) => ({ ...s, title: headingForLevel(s.title, level) })) }
}
