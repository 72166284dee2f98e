import 'server-only'
import type { Computed } from '@/lib/budget/compute'
import { computeDisclosure } from '@/lib/budget/compute'
import { consolidate } from '@/lib/budget/consolidate'
import type { Finding } from '@/lib/budget/findings'
import { withPresentation } from '@/lib/budget/present'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { Template } from '@/lib/budget/template'
import type { BudgetData } from '@/lib/budget/types'
import { validateTables } from '@/lib/budget/validate-tables'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { db } from '@/lib/server/db'
import { STATUS_LABELS } from '@/lib/server/authz'
import type { DisclosureFull } from './to-budget-data'
import { disclosureInclude, subjectOf, toBudgetData } from './to-budget-data'
import { fixtureTablesColumn } from '@/lib/budget/table'
import { templateDefinition } from '@/lib/budget/template-schema'

/**
 * The units' budgets a consolidated department budget sums: per unit of the department, its latest
 * 单位预算 of the year — for a published department budget, its latest published one, so the public
 * page never shows a unit's unpublished figures. In the department's order of units.
 */
export async function unitPartsOf(d: Pick<DisclosureFull, 'departmentId' | 'year' | 'status' | 'department'>): Promise<DisclosureFull[]> {
  const rows = await db().disclosure.findMany({
    where: { departmentId: d.departmentId, year: d.year, unitCode: { not: '' }, ...(d.status === 'published' ? { status: 'published' as const } : {}) },
    orderBy: [{ unitCode: 'asc' }, { revision: 'desc' }],
    include: disclosureInclude,
  })
  const latest = new Map<string, DisclosureFull>()
  for (const r of rows) if (!latest.has(r.unitCode)) latest.set(r.unitCode, r)
  const order = new Map(d.department.units.map((u, i) => [u.code, i]))
  return [...latest.values()].sort((a, b) => (order.get(a.unitCode) ?? 1e9) - (order.get(b.unitCode) ?? 1e9) || a.unitCode.localeCompare(b.unitCode))
}

/** A department budget consolidated from its units' budgets (Σ of their lines), with what keeps it from being complete. */
async function consolidated(d: DisclosureFull): Promise<{ data: BudgetData; findings: Finding[] }> {
  const parts = await unitPartsOf(d)
  const findings: Finding[] = []
  if (parts.length === 0) findings.push({ rule: 'consolidation.no_units', severity: 'error', message: `${d.department.name}${d.year} 年的部门预算由所属单位的单位预算汇总，但还没有任何单位的 ${d.year} 年单位预算` })
  const withLines = parts.filter((p) => {
    if (p.source !== 'imported') return true
    findings.push({ rule: 'consolidation.imported_unit', severity: 'error', message: `单位 ${subjectOf(p).code} ${subjectOf(p).name}的单位预算是导入的报表，没有明细，不能汇总到部门预算；请录入或复制明细` })
    return false
  })
  for (const p of withLines) {
    if (p.status !== 'published') findings.push({ rule: 'consolidation.unit_unpublished', severity: 'warning', message: `单位 ${subjectOf(p).code} ${subjectOf(p).name}的单位预算当前为“${STATUS_LABELS[p.status]}”，部门预算按其最新数据汇总；公开部门预算时只汇总已公开的单位预算` })
  }
  return { data: consolidate({ code: d.department.code, name: d.department.name }, d.year, withLines.map(toBudgetData)), findings }
}

/**
 * The disclosure's tables and findings. Entered disclosures derive their tables from the lines; an
 * imported one keeps the workbook's printed tables as declared (lines cannot be rebuilt from the nine
 * tables), so those ARE its tables, validated with the same kernel and the year's catalogue
 * (docs/decisions/004-imported-disclosures.md). A consolidated department budget derives them from
 * the sum of its units' lines, with the 部门支出分单位 table (docs/decisions/009).
 */
type ComputedFor = Computed & { data: ReturnType<typeof toBudgetData>; template: Template }
const computedOf = new WeakMap<DisclosureFull, Promise<ComputedFor>>()

/**
 * computeFor, once per loaded disclosure: the editor page asks for the same disclosure's tables and
 * findings from several places (state, notes context, findings); a disclosure object is read fresh from
 * the database for each request and never changed, so its computation is shared (a failure is not kept).
 */
export function computeFor(d: DisclosureFull): Promise<ComputedFor> {
  let p = computedOf.get(d)
  if (!p) {
    p = computeUncached(d)
    computedOf.set(d, p)
    p.catch(() => computedOf.delete(d))
  }
  return p
}

/**
 * A template's definition checked once per version of the row (its id and updatedAt), not once per request:
 * the editor page computes the disclosure and its prior year, each reading a definition of a few hundred KB.
 */
const definitions = new Map<string, Template>()
function definitionOf(t: DisclosureFull['template']): Template {
  const key = `${t.id}@${t.updatedAt.getTime()}`
  let def = definitions.get(key)
  if (!def) {
    def = templateDefinition.read(t.definition)
    if (definitions.size >= 200) definitions.clear()
    definitions.set(key, def)
  }
  return def
}

/** The year's catalogue computeFor computes with (an object kept until a catalogue import or its TTL replaces it). */
export function catalogueFor(year: number) {
  return loadCatalogue(year)
}

async function computeUncached(d: DisclosureFull): Promise<ComputedFor> {
  const template = definitionOf(d.template)
  const catalogue = await loadCatalogue(d.year)
  if (d.source === 'consolidated') {
    const { data, findings } = await consolidated(d)
    const withUnits: Template = template.unitBreakdown ? { ...template, tables: [...template.tables, template.unitBreakdown] } : template
    const computed = computeDisclosure(data, withUnits, catalogue)
    return { tables: withPresentation(computed.tables, template), findings: [...findings, ...computed.findings], data, template }
  }
  const data = toBudgetData(d)
  if (d.source === 'imported' && Array.isArray(d.declaredTables)) {
    const { tables, findings } = tablesFromFixture(fixtureTablesColumn.read(d.declaredTables), template, d.year)
    return { tables, findings: [...findings, ...validateTables(tables, template, catalogue)], data, template }
  }
  const computed = computeDisclosure(data, template, catalogue)
  // how the template prints its tables (a 三公 table across, docs/decisions/010) rides along to the printing edges
  return { tables: withPresentation(computed.tables, template), findings: computed.findings, data, template }
}
