import 'server-only'
import { formatWan } from '@/lib/budget/money'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor, DisclosureStatus } from '@/lib/server/authz'
import { can } from '@/lib/server/authz'
import type { OverallLayout } from '../overall'
import { validateOverallTarget } from '../overall'
import type { OverallBudget } from '../overall-budget'
import { overallBudget } from '../overall-budget'
import type { RenderedOverall } from '../render'
import { renderOverall } from '../render'
import type { TOverallTarget, TProjectTarget } from '../schemas'
import { ZOverallTarget } from '../schemas'
import type { TargetFinding } from '../validate'
import { validateTargets } from '../validate'
import { loadTargets } from './rows'

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

export async function getPerformanceState(actor: Actor, disclosureId: string): Promise<PerformanceState> {
  const d = await findDisclosureById(actor, disclosureId)
  const [computed, stored] = await Promise.all([computeFor(d), loadTargets(d.id)])
  // what the targets are checked against: the derived tables and lines, the template's performance layout
  const ctx = { data: computed.data, tables: computed.tables, department: subjectOf(d), targets: { overall: stored.overall, projects: stored.projects }, performanceLayout: computed.template.performance }
  const targetIds = stored.projectIds
  const amounts: Record<string, number> = {}
  let projectExpenditure = 0
  for (const l of ctx.data?.expenditure ?? []) {
    if (l.category !== 'project') continue
    projectExpenditure += l.amount
    if (l.projectCode) amounts[l.projectCode] = (amounts[l.projectCode] ?? 0) + l.amount
  }
  const targets = ctx.targets.projects.map((t, i) => ({ ...t, id: targetIds[i]! }))
  const layout = computed.template.performance?.overall
  const budget = layout ? overallBudget({ tables: ctx.tables, data: ctx.data, unit: computed.template.amountUnit }) : null
  const rendered = layout && budget ? renderOverall(ctx.targets.overall, { layout, year: d.year, unitName: ctx.department.name, budget }) : null
  return {
    id: d.id,
    year: d.year,
    status: d.status,
    version: d.version,
    versions: { targets: d.targetsVersion, overall: d.overallVersion },
    canEdit: can(actor, 'disclosure.edit', scopeOf(d)),
    department: { code: d.department.code, name: d.department.name, region: d.department.region.name },
    level: d.unitCode ? 'unit' : 'department',
    projects: d.projects.map((p) => ({ code: p.code, name: p.name, amount: formatWan(amounts[p.code] ?? 0), amountYuan: ((amounts[p.code] ?? 0) / 100).toFixed(2) })),
    projectExpenditure: formatWan(projectExpenditure),
    targets,
    overall: ctx.targets.overall,
    findings: [...(layout ? validateOverallTarget(ctx.targets.overall ?? ZOverallTarget.parse({}), layout, budget) : []), ...validateTargets({ targets, projects: d.projects.map((p) => ({ code: p.code, name: p.name })), projectAmounts: amounts, projectExpenditure, ...(ctx.performanceLayout?.project?.spendingPlan ? { spendingPlan: ctx.performanceLayout.project.spendingPlan } : {}) })],
    spendingPlan: ctx.performanceLayout?.project?.spendingPlan ?? null,
    overallTable:
      layout && rendered && budget
        ? { layout, title: rendered.title, budget: rendered.budget, budgetLabels: { budget: rendered.labels.budget, total: rendered.labels.total, byRevenue: rendered.labels.byRevenue, byExpenditure: rendered.labels.byExpenditure }, budgetSource: budget.source }
        : null,
  }
}
