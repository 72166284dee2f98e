import 'server-only'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { loadTargets } from '@/lib/performance/server/rows'
import { db } from '@/lib/server/db'
import type { NotesContext } from '../generate'
import { parseStoredNotes } from '../schemas'
import { findPriorRef, priorFigures } from './prior-figures'

export type LoadedContext = { ctx: NotesContext; computed: Awaited<ReturnType<typeof computeFor>>; targetIds: string[]; priorDisclosure: { id: string; year: number; revision: number } | null }

/**
 * Last year's disclosure of the same department, when it is in the system and published: its figures
 * are the prior-year figures of the notes (docs/decisions/005). Published disclosures are public, so
 * reading it needs no further permission than reading this one. Its figures are kept per state of the
 * data they come from (priorFigures, docs/decisions/026).
 */
export { findPriorDisclosure } from './prior-figures'

/** Everything the notes are generated from, for a disclosure the caller has already been allowed to read. */
export async function loadNotesContext(d: DisclosureFull): Promise<LoadedContext> {
  const [computed, glossary, targets, prior] = await Promise.all([
    computeFor(d),
    db().glossaryEntry.findMany({ where: { regionId: d.department.regionId }, orderBy: [{ position: 'asc' }, { term: 'asc' }] }),
    loadTargets(d.id),
    findPriorRef(d),
  ])
  const priorSystem: NotesContext['priorSystem'] = prior ? { year: prior.year, figures: await priorFigures(d, prior) } : null
  const ctx: NotesContext = {
    year: d.year,
    // whose budget it is: the department's, or for a 单位预算 the unit's
    department: subjectOf(d),
    // a unit's own 单位预算 is worded for a unit (单位职责, 本单位 …)
    ...(d.unitCode ? { level: 'unit' as const } : {}),
    data: computed.data,
    tables: computed.tables,
    notes: parseStoredNotes(d.notes),
    priorSystem,
    glossary: glossary.map((g) => ({ term: g.term, definition: g.definition })),
    targets: { overall: targets.overall, projects: targets.projects },
    ...(computed.template.performance ? { performanceLayout: computed.template.performance } : {}),
  }
  return { ctx, computed, targetIds: targets.projectIds, priorDisclosure: prior ? { id: prior.id, year: prior.year, revision: prior.revision } : null }
}
