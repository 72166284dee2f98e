import type { FixtureTable } from '@/lib/budget/table'
import type { RenderedTarget } from '@/lib/performance/render'
import type { TargetFinding } from '@/lib/performance/validate'

export const SECTION_IDS = ['duties', 'overview', 'operating', 'threePublic', 'performance', 'procurement', 'assets', 'glossary', 'other'] as const
export type SectionId = (typeof SECTION_IDS)[number]

/** The section titles of the seeds' 情况说明, in order. */
export const SECTION_TITLES: Record<SectionId, string> = {
  duties: '一、部门职责及机构设置情况',
  overview: '二、部门预算安排的总体情况',
  operating: '三、机关运行经费安排情况',
  threePublic: '四、财政拨款“三公”经费预算情况及增减变化原因',
  performance: '五、预算绩效信息',
  procurement: '六、政府采购预算情况',
  assets: '七、国有资产信息',
  glossary: '八、名词解释',
  other: '九、其他需要说明的事项',
}

/** The 本年收入 sources the notes name, in the order of the 收入总表 (figures keys income.<source>). */
export const INCOME_LABELS: [source: string, label: string][] = [
  ['general_budget', '一般公共预算拨款收入'],
  ['gov_fund', '政府性基金预算拨款收入'],
  ['state_capital', '国有资本经营预算拨款收入'],
  ['special_account', '财政专户管理资金收入'],
  ['business', '事业收入'],
  ['business_operating', '事业单位经营收入'],
  ['superior_subsidy', '上级补助收入'],
  ['subordinate_remit', '附属单位上缴收入'],
  ['other', '其他收入'],
]

/** A simple printed table of the notes (机构设置情况), cells as text. */
export type TextTable = { title: string; columns: string[]; rows: string[][] }

/** A budget table printed inside the notes (政府采购预算, 固定资产占用情况表) with its caption line. */
export type NoteBudgetTable = { table: FixtureTable; caption: { left: string; middle?: string; right: string }; unit: string }

export type NotesBlock =
  | { kind: 'heading'; text: string }
  | {
      kind: 'paragraph'
      text: string
      /** Figure keys stated in the paragraph (generated from the data). */
      figures?: string[]
      /** Free-text fields of the notes rendered inside this paragraph (for locating findings). */
      fields?: string[]
      /** A term in bold at the start (名词解释). */
      lead?: string
    }
  | { kind: 'textTable'; table: TextTable }
  | { kind: 'budgetTable'; table: NoteBudgetTable }
  | { kind: 'performanceTable'; target: RenderedTarget }

export type NotesSection = { id: SectionId; title: string; blocks: NotesBlock[] }

/** Where a finding in the notes points: a section, the paragraph's index among its blocks, and the field to edit. */
export type NotesLocation = { section: SectionId; paragraph: number; field?: string }

export type NotesFinding = TargetFinding & { notes?: NotesLocation }

export type GeneratedNotes = {
  title: string
  preamble: string
  sections: NotesSection[]
  figures: Record<string, number>
  findings: NotesFinding[]
}
