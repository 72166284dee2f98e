import 'server-only'
import { formatWan } from '@/lib/budget/money'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor } from '@/lib/server/authz'
import { can } from '@/lib/server/authz'
import { validateOverallTarget } from '../overall'
import { overallBudget } from '../overall-budget'
import { renderOverall } from '../render'
import { ZOverallTarget } from '../schemas'
import { validateTargets } from '../validate'
import { loadTargets } from './rows'
import type { PerformanceState } from '../view'
export type { PerformanceState } from '../view'

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
