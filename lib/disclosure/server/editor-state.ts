import 'server-only'
import { summarise } from '@/lib/budget/findings'
import { projectTotals } from '@/lib/budget/derive-extra'
import { formatYuan } from '@/lib/budget/money'
import { storedExtraTables } from '@/lib/budget/extra-table'
import { toFixtureTable } from '@/lib/budget/table'
import { presentFindings } from '@/lib/budget/present'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import type { Actor } from '@/lib/server/authz'
import { can } from '@/lib/server/authz'
import { partVersionsOf } from '../parts'
import { computeFor } from './compute-disclosure'
import { findDisclosureById, scopeOf } from './find-disclosure'
import type { DisclosureFull } from './to-budget-data'
import { subjectOf } from './to-budget-data'
import type { EditorState } from '../view'
export type { EditorLine, EditorState } from '../view'

export async function getEditorState(actor: Actor, disclosureId: string, opts: { withCatalogue?: boolean } = {}): Promise<EditorState> {
  return editorStateOf(actor, await findDisclosureById(actor, disclosureId), opts)
}

/** getEditorState of a disclosure the actor was already allowed to read (findDisclosureById). */
export async function editorStateOf(actor: Actor, d: DisclosureFull, opts: { withCatalogue?: boolean } = {}): Promise<EditorState> {
  const { tables, findings, data } = await computeFor(d)
  const totals = projectTotals(data)
  const cat = opts.withCatalogue === false ? null : await loadCatalogue(d.year)
  return {
    id: d.id,
    year: d.year,
    status: d.status,
    version: d.version,
    versions: partVersionsOf(d),
    canEdit: can(actor, 'disclosure.edit', scopeOf(d)),
    source: d.source === 'imported' || d.source === 'consolidated' ? d.source : 'lines',
    unit: d.unitCode ? subjectOf(d) : null,
    importedFrom: d.importedFrom,
    importedAt: d.importedAt ? d.importedAt.toISOString() : null,
    department: { code: d.department.code, name: d.department.name, region: d.department.region.name },
    // a unit's 单位预算 takes lines of that unit only
    units: d.department.units.filter((u) => !d.unitCode || u.code === d.unitCode).map((u) => ({ code: u.code, name: u.name })),
    projects: d.projects.map((p) => ({ id: p.id, code: p.code, name: p.name, unitCode: p.unitCode, purpose: p.purpose, amount: formatYuan(totals.get(p.code) ?? 0) })),
    threePublic: d.threePublic.map((e) => ({ item: e.item, fund: e.fund, amount: e.amount.toFixed(2) })),
    vehicles: { purchased: d.vehiclesPurchased, held: d.vehiclesHeld },
    revenue: d.revenueLines.map((l) => ({ id: l.id, unitCode: l.unitCode, functionCode: l.functionCode, source: l.source, amount: l.amount.toFixed(2) })),
    expenditure: d.expenditureLines.map((l) => ({
      id: l.id,
      unitCode: l.unitCode,
      functionCode: l.functionCode,
      economicCode: l.economicCode,
      fund: l.fund,
      category: l.category,
      projectCode: l.projectCode,
      amount: l.amount.toFixed(2),
    })),
    tables: tables.map(toFixtureTable),
    beyondTemplate: storedExtraTables(d),
    // cells as printed: a 三公 table printed across has its findings turned with it (docs/decisions/010)
    findings: presentFindings(findings, tables),
    summary: summarise(findings),
    catalogue: cat
      ? {
          function: [...cat.function.values()].filter((e) => e.level === 3).map((e) => [e.code, e.name]),
          economic: [...cat.economic.values()].filter((e) => e.level === 2).map((e) => [e.code, e.name]),
        }
      : { function: [], economic: [] },
  }
}
