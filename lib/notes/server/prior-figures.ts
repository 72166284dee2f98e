import 'server-only'
import type { Catalogue } from '@/lib/budget/catalogue'
import { catalogueFor, computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { db } from '@/lib/server/db'
import type { Figures } from '../figures'
import { computeFigures } from '../figures'
import { parseStoredNotes } from '../schemas'

/** Last year's published budget without its data: what decides whether its figures are still the ones computed. */
export type PriorRef = { id: string; year: number; revision: number; version: number; updatedAt: Date; source: string; template: { id: string; updatedAt: Date } }

const priorWhere = (d: Pick<DisclosureFull, 'departmentId' | 'year' | 'unitCode'>) => ({ departmentId: d.departmentId, unitCode: d.unitCode, year: d.year - 1, status: 'published' as const })

/** The same budget a year earlier (the department's, or the same unit's 单位预算), latest published revision, without its data. */
export function findPriorRef(d: Pick<DisclosureFull, 'departmentId' | 'year' | 'unitCode'>): Promise<PriorRef | null> {
  return db().disclosure.findFirst({
    where: priorWhere(d),
    orderBy: { revision: 'desc' },
    select: { id: true, year: true, revision: true, version: true, updatedAt: true, source: true, template: { select: { id: true, updatedAt: true } } },
  })
}

/** The same, with all its data (for those that print or compute it). */
export function findPriorDisclosure(d: Pick<DisclosureFull, 'departmentId' | 'year' | 'unitCode'>): Promise<DisclosureFull | null> {
  return db().disclosure.findFirst({ where: priorWhere(d), orderBy: { revision: 'desc' }, include: disclosureInclude })
}

/**
 * The prior year's figures, computed once per state of everything they are computed from, not once per
 * editor request (docs/decisions/026): the revision (its id — a correction is a new revision — its
 * version and updatedAt, which every save moves), its template (id, updatedAt), the names and natures of
 * the department's units (read with the current disclosure, the same department), and the year's
 * catalogue (the key lives in a WeakMap on the catalogue object, which a catalogue import replaces).
 * A consolidated prior year sums other disclosures (its units' budgets), which this key cannot see, so
 * it is computed every time, as before.
 */
const byCatalogue = new WeakMap<Catalogue, Map<string, Promise<Figures>>>()
const MAX_ENTRIES = 500

export async function priorFigures(d: Pick<DisclosureFull, 'departmentId' | 'year' | 'unitCode' | 'department'>, ref: PriorRef): Promise<Figures> {
  const compute = async () => {
    const prior = await db().disclosure.findFirst({ where: { id: ref.id }, include: disclosureInclude })
    if (!prior) throw new Error(`上年预算 ${ref.id} 已不存在`)
    const pc = await computeFor(prior)
    return computeFigures({ tables: pc.tables, data: pc.data, notes: parseStoredNotes(prior.notes) })
  }
  if (ref.source === 'consolidated') return compute()
  const catalogue = await catalogueFor(ref.year)
  let cache = byCatalogue.get(catalogue)
  if (!cache) byCatalogue.set(catalogue, (cache = new Map()))
  const dept = d.department
  const key = JSON.stringify([ref.id, ref.version, ref.updatedAt.getTime(), ref.template.id, ref.template.updatedAt.getTime(), dept.code, dept.name, dept.units.map((u) => [u.code, u.name, u.nature, u.rank, u.fundingForm])])
  let hit = cache.get(key)
  if (!hit) {
    if (cache.size >= MAX_ENTRIES) cache.clear()
    hit = compute()
    cache.set(key, hit)
    // a failure is not remembered
    hit.catch(() => cache.get(key) === hit && cache.delete(key))
  }
  // each caller gets its own copy: the notes generator must not be able to change what the next request reads
  return structuredClone(await hit)
}
