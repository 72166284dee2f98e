import type { FixtureTable } from '@/lib/budget/table'
import type { BudgetLevel } from '@/lib/notes/level'
import type { GeneratedNotes } from '@/lib/notes/types'
import type { RenderedOverall } from '@/lib/performance/render'

/** One of the nine published tables with its caption line (code and name · 预算年度 · 单位). */
export type DocumentTable = { id: string; table: FixtureTable; caption: { left: string; middle?: string; right: string } }

/** The 部门（单位）整体绩效目标表 (Henan 预算11表), printed after the nine tables with the same caption line. */
export type DocumentOverallTable = { id: string; target: RenderedOverall; caption: { left: string; middle?: string; right: string } }

export type TocEntry = { id: string; title: string; level: 1 | 2 }

/**
 * Whose budget a document is (docs/decisions/009): a department's 部门预算, or a unit's own 单位预算
 * (Disclosure.unitCode set). Every title of the document names it: the title, the cover, the parts, the
 * 目录, the file name and the PDF/DOCX properties.
 */
export type { BudgetLevel } from '@/lib/notes/level'

/** Whose budget, for a page's headings: the department's (unit null) or a unit's own 单位预算. */
export type BudgetSubject = { level: BudgetLevel; unit: { code: string; name: string } | null }

/** 部门预算 or 单位预算: what the document's titles call the budget. */
export const budgetLevelName = (level: BudgetLevel | undefined): '部门预算' | '单位预算' => (level === 'unit' ? '单位预算' : '部门预算')

/** The titles that name the budget, for a level: the tables part, the notes part, the cover's subtitle and code label. */
export function levelTitles(level: BudgetLevel | undefined, year: number) {
  const name = budgetLevelName(level)
  return {
    name,
    /** 部门预算公开表 | 单位预算公开表 */
    tablesPart: `${name}公开表`,
    /** 部门预算信息公开情况说明 | 单位预算信息公开情况说明 */
    notesPart: `${name}信息公开情况说明`,
    /** 2023年部门预算信息公开 (the cover's line under the name, the document's subject) */
    subtitle: `${year}年${name}信息公开`,
    /** 部门编码 | 单位编码 (the cover) */
    codeLabel: level === 'unit' ? '单位编码' : '部门编码',
  }
}

/**
 * A heading of the notes as a unit's document prints it: a heading that names the 部门预算 (Hebei's
 * 二、部门预算安排的总体情况, Henan's 第二部分 …年部门预算情况说明) names the unit's 单位预算. A department's
 * headings are returned as they are.
 */
export { headingForLevel } from '@/lib/notes/level'

/**
 * The complete disclosure as one model, laid out like the seeds: cover, 目录, 部门预算公开表 (the
 * nine tables), 部门预算信息公开情况说明 (sections 一 to 九 with their tables) — 单位预算… for a unit's
 * own budget (`level`). The PDF, DOCX and web renderers all draw this; none of them computes anything.
 */
export type DocumentModel = {
  title: string
  /** A department's 部门预算 or a unit's 单位预算: every title reads it (levelTitles). */
  level: BudgetLevel
  department: { code: string; name: string }
  year: number
  region: { name: string; province: string; financeBureau: string } | null
  status: string
  /** The date printed on the cover: 公开日期 when published, else 生成日期. */
  dateLine: string
  amountUnit: string
  tablesTitle: string
  tables: DocumentTable[]
  /** The template's 部门（单位）整体绩效目标表 when it has one (lib/document/overall-table.ts). */
  overall?: DocumentOverallTable
  notes: GeneratedNotes
  toc: TocEntry[]
}

export const TABLES_PART_ID = 'part-tables'
export const NOTES_PART_ID = 'part-notes'

/** Stable anchors: the same ids in the PDF destinations, the DOCX bookmarks and the web page. */
export const tableAnchor = (key: string) => `tbl-${key}`
/** The table key of the 部门（单位）整体绩效目标表 (its anchor is tbl-overall_performance). */
export const OVERALL_TABLE_KEY = 'overall_performance'
export const sectionAnchor = (id: string) => `sec-${id}`
/** Block `i` of a notes section (a paragraph or a table inside the notes): what a search hit links to. */
export const paragraphAnchor = (section: string, i: number) => `${sectionAnchor(section)}-p${i}`
/** Body row `i` of a table whose anchor is `table`. */
export const tableRowAnchor = (table: string, i: number) => `${table}-r${i}`

/** The 目录: the tables part and its tables (the 整体绩效目标表 last), the notes part and its sections; the parts named for the level. */
export function buildToc(m: Pick<DocumentModel, 'level' | 'year' | 'tables' | 'notes' | 'tablesTitle' | 'overall'>): TocEntry[] {
  return [
    { id: TABLES_PART_ID, title: m.tablesTitle, level: 1 },
    ...m.tables.map((t): TocEntry => ({ id: t.id, title: t.table.title, level: 2 })),
    ...(m.overall ? [{ id: m.overall.id, title: m.overall.target.title, level: 2 } as TocEntry] : []),
    { id: NOTES_PART_ID, title: levelTitles(m.level, m.year).notesPart, level: 1 },
    ...m.notes.sections.map((s): TocEntry => ({ id: sectionAnchor(s.id), title: s.title, level: 2 })),
  ]
}

/** “承德市医疗保障局2023年部门预算信息公开.pdf” (a unit's: “…年单位预算信息公开.pdf”): the download's Chinese file name, as the title. */
export function documentFileName(m: Pick<DocumentModel, 'department' | 'year' | 'level'>, ext: 'pdf' | 'docx' | 'html'): string {
  return `${m.department.name}${levelTitles(m.level, m.year).subtitle}.${ext}`
}
