import 'server-only'
import { revalidatePath, revalidateTag, unstable_cache } from 'next/cache'
import { cache } from 'react'
import { loadRegionYear } from './browse'
import { loadDisclosureView, loadTableComparison } from './disclosure-view'
import { loadRegionComparison } from './region-comparison'

/**
 * Caching of the public portal (docs/decisions/008-portal-caching-and-search.md).
 *
 * Published pages are rendered once and served from Next's cache (the pages are force-static ISR);
 * their data comes through these unstable_cache wrappers, tagged so that a publication revalidates
 * exactly what it changes:
 *   portal:dept:<department code>  every page and package of that department (all years: the
 *                                  year-over-year figures and 三公 over the years span them)
 *   portal:year:<year>             region pages and region packages of that year
 *   portal:index                   region-year listings
 * Nothing is cached by time: data changes only by publication, and publication calls revalidatePublished.
 * The front page, the region list and search are cheap indexed queries and are not cached at all, so they
 * are right even when data reaches the database without a publication (seed, migration, tests).
 */
export const TAGS = {
  all: 'portal:all',
  index: 'portal:index',
  department: (code: string) => `portal:dept:${code}`,
  year: (year: number) => `portal:year:${year}`,
}

// React cache(): a page's generateMetadata and the page itself share one load per render (a first render
// used to run every loader twice); unstable_cache keeps the result across requests.
export const cachedDisclosureView = cache((code: string, year: number, revision?: number) =>
  unstable_cache(loadDisclosureView, ['portal-disclosure'], { tags: [TAGS.all, TAGS.department(code)] })(code, year, revision),
)

export const cachedTableComparison = cache((code: string, year: number, base: number) =>
  unstable_cache(loadTableComparison, ['portal-compare'], { tags: [TAGS.all, TAGS.department(code)] })(code, year, base),
)

export const cachedRegionYear = cache((region: string, year: number) =>
  unstable_cache(loadRegionYear, ['portal-region-year'], { tags: [TAGS.all, TAGS.index, TAGS.year(year)] })(region, year),
)

export const cachedRegionComparison = cache((region: string, year: number) =>
  unstable_cache(loadRegionComparison, ['portal-region-comparison'], { tags: [TAGS.all, TAGS.year(year)] })(region, year),
)

function outsideNext(e: unknown): boolean {
  return e instanceof Error && /static generation store missing|incrementalCache missing/.test(e.message)
}

/**
 * Call after a disclosure of a department for `year` is published (or a correction of it is), with the
 * department's code and the codes of its units (`codes`, from publishDisclosure): the department's pages,
 * the pages a unit's code names (a unit's own 单位预算 at /disclosures/<unit code>/<year>, which may have
 * been rendered as "not found" before it was published), the region pages of that year, the home page and
 * search serve the new revision from the next request on (the entries expire at once, no stale copy is served).
 *
 * Call it from a Server Action or Route Handler, after the publishing transaction has committed.
 * Outside a Next.js request (scripts, integration tests) there is no cache to revalidate and it
 * does nothing; it never throws for that reason.
 */
export function revalidatePublished(codes: string | string[], year: number, revision?: number): void {
  const list = [...new Set(typeof codes === 'string' ? [codes] : codes)]
  try {
    for (const tag of [...list.map(TAGS.department), TAGS.year(year), TAGS.index]) revalidateTag(tag, { expire: 0 })
    for (const code of list) {
      revalidatePath(`/disclosures/${code}/${year}`)
      // the revision's own address, which a visitor may have asked for (and got "not found") before
      if (revision !== undefined) revalidatePath(`/disclosures/${code}/${year}/revisions/${revision}`)
    }
    revalidatePath('/')
  } catch (e) {
    if (!outsideNext(e)) throw e
  }
}
