import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { World } from './workflow-support'
import { createCase, createWorld, versionOf } from './workflow-support'

/**
 * Issue 11, finding 10: after 447/2024 was published, /disclosures/447001/2024 (a unit's code, which names
 * its department's budget) stayed "not found" while its tables API answered 200 — the page had been
 * rendered and cached as not found under the unit's code, and publication revalidated the department's
 * code only. Next's cache is replaced here by one that behaves the same way (entries kept per key and
 * arguments until one of their tags is revalidated), so the test shows what a visitor would get.
 */
const cache = vi.hoisted(() => {
  const entries = new Map<string, { tags: string[]; value: unknown }>()
  const paths: string[] = []
  return { entries, paths }
})
vi.mock('next/cache', () => ({
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string[], opts: { tags: string[] }) =>
    async (...args: A): Promise<R> => {
      const k = JSON.stringify([key, args])
      const hit = cache.entries.get(k)
      if (hit) return hit.value as R
      const value = await fn(...args)
      cache.entries.set(k, { tags: opts.tags, value })
      return value
    },
  revalidateTag: (tag: string) => {
    for (const [k, e] of cache.entries) if (e.tags.includes(tag)) cache.entries.delete(k)
  },
  revalidatePath: (p: string) => {
    cache.paths.push(p)
  },
}))
const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const { cachedDisclosureView } = await import('@/lib/portal/server/cache')
const { publishAction } = await import('@/lib/workflow/actions')
const tablesRoute = await import('@/app/api/disclosures/[code]/[year]/tables/route')

describe('publication revalidates every address that names the budget (real PostgreSQL)', () => {
  let w: World
  let c: Awaited<ReturnType<typeof createCase>>
  let unitCode: string
  beforeAll(async () => {
    w = await createWorld()
    c = await createCase(w, 'approved', 2024)
    await db().disclosure.update({ where: { id: c.id }, data: { approvedAt: new Date() } })
    unitCode = (await db().unit.findFirstOrThrow({ where: { departmentId: c.dept.id }, orderBy: { position: 'asc' } })).code
  })

  it('the page under a unit’s code is found once its department’s budget is published, as its tables API is', async () => {
    session.actor = null
    const tables = async (code: string) => (await tablesRoute.GET(new Request(`http://portal.test/api/disclosures/${code}/2024/tables`), { params: Promise.resolve({ code, year: '2024' }) })).status
    // a visitor asks before publication: not found, and the answer is cached under the unit's code
    expect(await cachedDisclosureView(unitCode, 2024)).toBeNull()
    expect(await cachedDisclosureView(c.dept.code, 2024)).toBeNull()
    expect(await tables(unitCode)).toBe(404)

    session.actor = w.reviewer
    const r = await publishAction({ disclosureId: c.id, version: await versionOf(c.id) })
    expect(r).toMatchObject({ ok: true })

    session.actor = null
    expect(await tables(unitCode)).toBe(200)
    const byUnit = await cachedDisclosureView(unitCode, 2024)
    expect(byUnit?.department.code).toBe(c.dept.code)
    expect((await cachedDisclosureView(c.dept.code, 2024))?.id).toBe(c.id)
    // the rendered pages themselves (force-static) are revalidated by path, the unit's included
    expect(cache.paths).toEqual(expect.arrayContaining([`/disclosures/${c.dept.code}/2024`, `/disclosures/${unitCode}/2024`, `/disclosures/${unitCode}/2024/revisions/1`]))
  }, 120_000)
})
