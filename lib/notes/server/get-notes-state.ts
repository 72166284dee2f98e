import 'server-only'
import { formatPrinted, formatWan } from '@/lib/budget/money'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import type { Actor } from '@/lib/server/authz'
import { can } from '@/lib/server/authz'
import { CHANGE_KEYS } from '../schemas'
import { generateNotes } from '../generate'
import { computeFigures, priorFrom } from '../figures'
import { layNotes, vehicleTypesOf } from '../layout'
import { loadNotesContext } from './load-notes-context'
import type { NotesState } from '../view'
export type { NotesState } from '../view'

export async function getNotesState(actor: Actor, disclosureId: string): Promise<NotesState> {
  const d = await findDisclosureById(actor, disclosureId)
  const { ctx, computed } = await loadNotesContext(d)
  const generated = generateNotes(ctx)
  const notesLayout = computed.template.notes
  const laid = notesLayout ? layNotes(generated, notesLayout, ctx) : null
  const fig = computeFigures({ tables: ctx.tables, data: ctx.data, notes: ctx.notes })
  const prior = priorFrom({ system: ctx.priorSystem?.figures ?? null, entered: ctx.notes.prior, style: ctx.notes.overview.style })
  const projectAmount = (code: string) => {
    const fen = (ctx.data?.expenditure ?? []).reduce((s, l) => s + (l.projectCode === code ? l.amount : 0), 0)
    return formatWan(fen)
  }
  return {
    id: d.id,
    year: d.year,
    status: d.status,
    version: d.notesVersion,
    canEdit: can(actor, 'disclosure.edit', scopeOf(d)),
    department: { code: d.department.code, name: d.department.name, region: d.department.region.name },
    units: d.department.units.map((u) => ({ code: u.code, name: u.name, nature: u.nature ?? '' })),
    projects: d.projects.map((p) => ({ code: p.code, name: p.name, amount: projectAmount(p.code) })),
    economic: fig.operatingItems.map((i) => ({ code: i.code, name: i.name })),
    vehicles: { purchased: d.vehiclesPurchased, held: d.vehiclesHeld },
    notes: ctx.notes,
    generated,
    layout: laid ? { templateName: computed.template.name, parts: laid.parts, findings: laid.findings, vehicleTypes: vehicleTypesOf(notesLayout) } : null,
    prior: {
      systemYear: ctx.priorSystem?.year ?? null,
      values: Object.fromEntries(CHANGE_KEYS.flatMap((k) => (prior.values[k] !== undefined ? [[k, formatPrinted(prior.values[k]!)]] : []))),
      source: prior.source,
    },
  }
}
