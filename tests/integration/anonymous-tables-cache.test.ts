import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { correctDisclosure } from '@/lib/workflow/server/correct-disclosure'
import type { World } from './workflow-support'
import { createCase, createWorld, versionOf } from './workflow-support'

vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {}, revalidatePath: () => {} }))
const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const tablesRoute = await import('@/app/api/disclosures/[code]/[year]/tables/route')

/**
 * The tables API keeps its answer for anonymous readers in memory (lib/portal/server/anonymous-published.ts).
 * A publication or a correction must be seen by the next anonymous request in this process, and a
 * correction's draft never.
 */
describe('anonymous tables answers follow every publication (real PostgreSQL)', () => {
  let w: World
  let c: Awaited<ReturnType<typeof createCase>>
  const YEAR = 2024
  const get = async (code: string) => {
    const res = await tablesRoute.GET(new Request(`http://portal.test/api/disclosures/${code}/${YEAR}/tables`), { params: Promise.resolve({ code, year: String(YEAR) }) })
    return { status: res.status, etag: res.headers.get('etag'), cache: res.headers.get('cache-control'), text: await res.text() }
  }
  beforeAll(async () => {
    w = await createWorld()
    c = await createCase(w, 'approved', YEAR)
    await db().disclosure.update({ where: { id: c.id }, data: { approvedAt: new Date() } })
  })

  it('not found, then revision 1 once published, the draft correction never, revision 2 at once when it is published', async () => {
    session.actor = null
    expect((await get(c.dept.code)).status).toBe(404)
    expect((await get(c.dept.code)).status).toBe(404)

    await publishDisclosure(w.reviewer, { disclosureId: c.id, version: await versionOf(c.id) })
    const first = await get(c.dept.code)
    expect(first.status).toBe(200)
    expect(first.cache).toMatch(/^public/)
    const again = await get(c.dept.code)
    expect(again.etag).toBe(first.etag)
    expect(again.text).toBe(first.text)

    // a correction starts as a draft with changed figures: anonymous readers keep getting revision 1
    const corr = await correctDisclosure(c.accountant, { disclosureId: c.id, version: await versionOf(c.id), correctionNote: '更正支出金额' })
    const line = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: corr.id }, orderBy: { position: 'asc' } })
    await db().expenditureLine.update({ where: { id: line.id }, data: { amount: line.amount.plus(123456.78) } })
    expect(await get(c.dept.code)).toEqual(first)

    await db().disclosure.update({ where: { id: corr.id }, data: { status: 'approved', approvedAt: new Date() } })
    await publishDisclosure(w.reviewer, { disclosureId: corr.id, version: await versionOf(corr.id) })
    const second = await get(c.dept.code)
    expect(second.status).toBe(200)
    expect(second.etag).not.toBe(first.etag)
    expect(second.text).not.toBe(first.text)
    expect(await get(c.dept.code)).toEqual(second)
  }, 180_000)

  it('refuses a hostile address itself with a Chinese 400, since proxy.ts does not run for this route (docs/decisions/026)', async () => {
    for (const actor of [null, c.accountant]) {
      session.actor = actor
      for (const [url, code] of [
        [`/api/disclosures/%ZZ/${YEAR}/tables`, '%ZZ'],
        [`/api/disclosures/a%00b/${YEAR}/tables`, 'a\u0000b'],
        [`/api/disclosures/${c.dept.code}/${YEAR}/tables?q=%00`, c.dept.code],
        [`/api/disclosures/${c.dept.code}/${YEAR}/tables?revision=%ZZ`, c.dept.code],
      ] as const) {
        const res = await tablesRoute.GET(new Request(`http://portal.test${url}`), { params: Promise.resolve({ code, year: String(YEAR) }) })
        expect(res.status, url).toBe(400)
        expect(res.headers.get('cache-control')).toBe('no-store')
        expect(((await res.json()) as { error: { message: string } }).error.message, url).toMatch(/[\u4e00-\u9fff]/)
      }
      // the clean address still answers (the published revision above)
      expect((await tablesRoute.GET(new Request(`http://portal.test/api/disclosures/${c.dept.code}/${YEAR}/tables`), { params: Promise.resolve({ code: c.dept.code, year: String(YEAR) }) })).status).toBe(200)
    }
  })
})
