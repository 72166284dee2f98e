/**
 * What the disclosure editor and the year review show, as plain serialisable data: the types client
 * components import. Pure (no server code); lib/disclosure/server/* builds these values.
 */
import type { ExtraTable } from '@/lib/budget/extra-table'
import type { Finding } from '@/lib/budget/findings'
import type { FixtureTable } from '@/lib/budget/table'
import type { DisclosureStatus } from '@/lib/domain/status'
import type { PartVersions } from './parts'
import type { YearFlag } from './year-review'

export type EditorLine = { id: string; unitCode: string; functionCode: string; economicCode?: string; fund?: string; category?: string; projectCode?: string | null; source?: string; amount: string }

/** Everything the editor shows, in plain serialisable data. Amounts of lines are 元 strings. */
export type EditorState = {
  id: string
  year: number
  status: DisclosureStatus
  /** the disclosure's version (the workflow's); a save sends its part's from `versions` (docs/decisions/017) */
  version: number
  versions: PartVersions
  canEdit: boolean
  /** 'imported': the tables are a workbook's, read-only here (re-import to change them). */
  /** 'consolidated': a department budget summed from its units' budgets, no lines of its own (docs/decisions/009). */
  source: 'lines' | 'imported' | 'consolidated'
  /** A unit's 单位预算: the unit; null for the department's budget. */
  unit: { code: string; name: string } | null
  importedFrom: string | null
  importedAt: string | null
  department: { code: string; name: string; region: string }
  units: { code: string; name: string }[]
  projects: { id: string; code: string; name: string; unitCode: string | null; purpose: string | null; amount: string }[]
  threePublic: { item: string; fund: string; amount: string }[]
  vehicles: { purchased: number | null; held: number | null }
  revenue: EditorLine[]
  expenditure: EditorLine[]
  tables: FixtureTable[]
  /** Tables the imported workbook printed beyond the template (项目支出表 …), as printed. */
  beyondTemplate: ExtraTable[]
  findings: Finding[]
  summary: { error: number; warning: number; rounding: number }
  catalogue: { function: [string, string][]; economic: [string, string][] }
}

export type YearReview = { fromYear: number; year: number; flags: YearFlag[]; canEdit: boolean }
