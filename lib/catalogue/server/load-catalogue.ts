import 'server-only'
import type { Catalogue } from '@/lib/budget/catalogue'
import { catalogueFromEntries } from '@/lib/budget/catalogue'
import { db } from '@/lib/server/db'

const cache = new Map<number, { at: number; catalogue: Catalogue }>()
const TTL_MS = 60_000

/** The year's catalogue from the database (cached briefly; an import clears the cache). */
export async function loadCatalogue(year: number): Promise<Catalogue> {
  const hit = cache.get(year)
  if (hit && Date.now() - hit.at < TTL_MS) return hit.catalogue
  const rows = await db().catalogueEntry.findMany({ where: { year } })
  const catalogue = catalogueFromEntries(
    year,
    rows.map((r) => ({ kind: r.kind, code: r.code, name: r.name, aliases: r.aliases, verified: r.verified })),
  )
  cache.set(year, { at: Date.now(), catalogue })
  return catalogue
}

export function clearCatalogueCache(): void {
  cache.clear()
}
