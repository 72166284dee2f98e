import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { overallTargetOf, projectTargetOf } from '@/lib/performance/server/rows'
import { db } from '@/lib/server/db'
import { computeFigures } from '../figures'
import type { NotesContext } from '../generate'
import { parseStoredNotes } from '../schemas'

export type LoadedContext = { ctx: NotesContext; computed: Awaited<ReturnType<typeof computeFor>>; targetIds: string[]; priorDisclosure: { id: string; year: number; revision: number } | null }

/**
 * Last year's disclosure of the same department, when it is in the system and published: its figures
 * are the prior-year figures of the notes (docs/decisions/005). Published disclosures are public, so
 * reading it needs no further permission than reading this one.
 */
export async function findPriorDisclosure(d: Pick<DisclosureFull, 'departmentId' | 'year'>): Promise<DisclosureFull | null> {
  return db().disclosure.findFirst({ where: { departmentId: d.departmentId, year: d.year - 1, status: 'published' }, orderBy: { revision: 'desc' }, include: disclosureInclude })
}

/** Everything the notes are generated from, for a disclosure the caller has already been allowed to read. */
export async function loadNotesContext(d: DisclosureFull): Promise<LoadedContext> {
  const [computed, glossary, targets, prior] = await Promise.all([
    computeFor(d),
    db().glossaryEntry.findMany({ where: { regionId: d.department.regionId }, orderBy: [{ position: 'asc' }, { term: 'asc' }] }),
    db().performanceTarget.findMany({ where: { disclosureId: d.id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    findPriorDisclosure(d),
  ])
  let priorSystem: NotesContext['priorSystem'] = null
  if (prior) {
    const pc = await computeFor(prior)
    priorSystem = { year: prior.year, figures: computeFigures({ tables: pc.tables, data: pc.data, notes: parseStoredNotes(prior.notes) }) }
  }
  const projectRows = targets.filter((t) => t.kind === 'project')
  const ctx: NotesContext = {
    year: d.year,
    department: { code: d.department.code, name: d.department.name },
    data: computed.data,
    tables: computed.tables,
    notes: parseStoredNotes(d.notes),
    priorSystem,
    glossary: glossary.map((g) => ({ term: g.term, definition: g.definition })),
    targets: { overall: overallTargetOf(targets.find((t) => t.kind === 'overall')), projects: projectRows.map(projectTargetOf) },
  }
  return { ctx, computed, targetIds: projectRows.map((t) => t.id), priorDisclosure: prior ? { id: prior.id, year: prior.year, revision: prior.revision } : null }
}
