import type { FixtureTable } from '@/lib/budget/table'
import type { GeneratedNotes } from '@/lib/notes/types'
import type { RenderedOverall } from '@/lib/performance/render'

/** One of the nine published tables with its caption line (code and name · 预算年度 · 单位). */
export type DocumentTable = { id: string; table: FixtureTable; caption: { left: string; middle?: string; right: string } }

/** The 部门（单位）整体绩效目标表 (Henan 预算11表), printed after the nine tables with the same caption line. */
export type DocumentOverallTable = { id: string; target: RenderedOverall; caption: { left: string; middle?: string; right: string } }

export type TocEntry = { id: string; title: string; level: 1 | 2 }

/**
 * The complete disclosure as one model, laid out like the seeds: cover, 目录, 部门预算公开表 (the
 * nine tables), 部门预算信息公开情况说明 (sections 一 to 九 with their tables). The PDF, DOCX and
 * web renderers all draw this; none of them computes anything.
 */
export type DocumentModel = {
  title: string
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

export function buildToc(m: Pick<DocumentModel, 'tables' | 'notes' | 'tablesTitle' | 'overall'>): TocEntry[] {
  return [
    { id: TABLES_PART_ID, title: m.tablesTitle, level: 1 },
    ...m.tables.map((t): TocEntry => ({ id: t.id, title: t.table.title, level: 2 })),
    ...(m.overall ? [{ id: m.overall.id, title: m.overall.target.title, level: 2 } as TocEntry] : []),
    { id: NOTES_PART_ID, title: '部门预算信息公开情况说明', level: 1 },
    ...m.notes.sections.map((s): TocEntry => ({ id: sectionAnchor(s.id), title: s.title, level: 2 })),
  ]
}

/** “承德市医疗保障局2023年部门预算信息公开.pdf”: the download's Chinese file name. */
export function documentFileName(m: Pick<DocumentModel, 'department' | 'year'>, ext: 'pdf' | 'docx' | 'html'): string {
  return `${m.department.name}${m.year}年部门预算信息公开.${ext}`
}
