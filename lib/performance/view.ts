/**
 * What the performance editors show, as plain serialisable data: the type client components import.
 * Pure (no server code); lib/performance/server/get-performance-state.ts builds it.
 */
import type { DisclosureStatus } from '@/lib/domain/status'
import type { OverallLayout } from './overall'
import type { OverallBudget } from './overall-budget'
import type { RenderedOverall } from './render'
import type { TOverallTarget, TProjectTarget } from './schemas'
import type { TargetFinding } from './validate'

export type PerformanceState = {
  id: string
  year: number
  status: DisclosureStatus
  /** the disclosure's version; a save sends its part's: versions.targets (project tables) or versions.overall (docs/decisions/017) */
  version: number
  versions: { targets: number; overall: number }
  canEdit: boolean
  department: { code: string; name: string; region: string }
  /** A department's 部门预算 or a unit's own 单位预算 (docs/decisions/009): the messages name it. */
  level: 'department' | 'unit'
  projects: { code: string; name: string; amount: string; amountYuan: string }[]
  projectExpenditure: string
  targets: (TProjectTarget & { id: string })[]
  overall: TOverallTarget | null
  findings: TargetFinding[]
  /** The template's spending plan: its points' labels (3月底 …) and whether they are cumulative. */
  spendingPlan: { cumulative: boolean; label: string; points: { key: 'q1' | 'q2' | 'q3' | 'q4'; label: string }[] } | null
  /**
   * The template's 部门（单位）整体绩效目标表 (Henan 预算11表), when it has one: its layout (title with the
   * year), and 预算情况 as the document prints it, derived from the tables (read-only in the form).
   */
  overallTable: { layout: OverallLayout; title: string; budget: RenderedOverall['budget']; budgetLabels: Pick<RenderedOverall['labels'], 'budget' | 'total' | 'byRevenue' | 'byExpenditure'>; budgetSource: OverallBudget['source'] } | null
}
