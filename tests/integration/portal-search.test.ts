import { beforeAll, describe, expect, it } from 'vitest'
import { indexPublished } from '@/lib/portal/server/publication-index'
import { searchPublished } from '@/lib/portal/server/search'
import { writeNotesAndTargets } from '@/lib/notes/server/seed-notes'
import { db } from '@/lib/server/db'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion } from '../factories/db'
import { chengde2023Notes } from '../../prisma/demo/notes-chengde-2023'
import { laoting2022Notes } from '../../prisma/demo/notes-laoting-2022'

/**
 * Issue 12: what a citizen types finds the 承德 2023 disclosure, and each hit links to the place it
 * matched. The demo's 承德 2023 budget has no procurement items (its document says 无政府采购预算); 乐亭
 * 2022 has 台式计算机. For the acceptance's “a procurement item” query, the 承德 2023 disclosure here
 * buys one item through its 2023 医保信息化 project (便携式计算机), as a budget that has purchases would.
 */
const tag = Math.random().toString(36).slice(2, 7)
let chengde: { id: string; code: string }
let laoting: { id: string; code: string }

beforeAll(async () => {
  const region = await createRegion(`搜索测试${tag}市`)
  chengde = await createDepartment(region.id, `SC${tag}`, `承德市医疗保障局${tag}`)
  laoting = await createDepartment(region.id, `SL${tag}`, `乐亭县医疗保障局${tag}`)
  const base = chengde2023()
  const item = { projectCode: '447-2023-03', itemName: '便携式计算机', catalogueCode: 'A02010105', unit: '台', quantity: '2', unitPrice: 6_000_00, amounts: { general: 12_000_00 } }
  const c = await createDisclosure(chengde.id, { ...base, procurement: [item] }, 'published')
  const l = await createDisclosure(laoting.id, laoting2022(), 'published')
  await writeNotesAndTargets(db(), c.id, { notes: chengde2023Notes((u) => `${chengde.code}-${u}`) })
  await writeNotesAndTargets(db(), l.id, { notes: laoting2022Notes() })
  await db().disclosure.updateMany({ where: { id: { in: [c.id, l.id] } }, data: { publishedAt: new Date() } })
  for (const d of [c, l]) await indexPublished(d.id) // notes written after the factory published: index again
}, 120_000)

const hitOf = async (q: string, code: string) => (await searchPublished(q, { limit: 50 })).hits.find((h) => h.department.code === code)

describe('public search finds what a citizen types (real PostgreSQL)', () => {
  it('the acceptance: each query finds 承德 2023, with a snippet linking to the place it matched', async () => {
    // query → what the matched place says, and where it is (a table row, a notes section, the procurement list)
    const cases: [string, RegExp, RegExp][] = [
      ['三公经费', /三公/, /^(tbl-|sec-)/],
      ['“三公”经费', /三公/, /^(tbl-|sec-)/],
      ['三公', /三公/, /^(tbl-|sec-)/],
      ['公务接待', /公务接待/, /^(tbl-|sec-)/],
      ['公务接待费', /公务接待费/, /^(tbl-|sec-)/],
      ['便携式计算机', /便携式计算机/, /^sec-procurement-p\d+-r\d+$/],
      ['2101501', /2101501/, /^tbl-.+-r\d+$/],
      ['医疗保障管理事务', /医疗保障管理事务/, /^tbl-.+-r\d+$/],
    ]
    for (const [q, says, place] of cases) {
      const hit = await hitOf(q, chengde.code)
      expect(hit, q).toBeDefined()
      expect(hit!.year, q).toBe(2023)
      const m = hit!.matches.find((x) => says.test(x.text) && place.test(x.anchor))
      expect(m, `${q}: a match that says ${says} at ${place}; got ${JSON.stringify(hit!.matches.map((x) => [x.kind, x.anchor, x.text.slice(0, 30)]))}`).toBeDefined()
      expect(m!.snippet, q).not.toBeNull()
      expect(`${m!.snippet!.before}${m!.snippet!.match}${m!.snippet!.after}`, q).toMatch(says)
    }
  })


  it('三公经费, “三公”经费 and 三公 are one thing', async () => {
    for (const q of ['三公经费', '“三公”经费', '三公']) {
      const hit = await hitOf(q, chengde.code)
      expect(hit, q).toBeDefined()
      expect(hit!.year).toBe(2023)
      expect(hit!.matches.length).toBeGreaterThan(0)
      expect(hit!.matches.every((m) => m.anchor !== '' || m.kind === 'region' || m.kind === 'project')).toBe(true)
    }
  })

  it('公务接待 finds 承德 whose notes and tables say 公务接待费, with a snippet and the place', async () => {
    const hit = (await hitOf('公务接待', chengde.code))!
    expect(hit).toBeDefined()
    const m = hit.matches.find((x) => x.text.includes('公务接待费'))!
    expect(m).toBeDefined()
    expect(m.snippet?.match).toMatch(/^公务接待/)
    expect(m.anchor).toMatch(/^(tbl-|sec-)/)
  })

  it('a classification code finds the disclosure at the table row that prints it', async () => {
    const hit = (await hitOf('2101501', chengde.code))!
    expect(hit).toBeDefined()
    const m = hit.matches.find((x) => x.kind === 'code')!
    expect(m.text).toContain('2101501')
    expect(m.anchor).toMatch(/^tbl-.+-r\d+$/)
    // and the code's name
    expect(await hitOf('医疗保障管理事务', chengde.code)).toBeDefined()
  })

  it('a procurement item finds the disclosure that buys it (乐亭 2022: 台式计算机), also by a synonym', async () => {
    for (const q of ['台式计算机', '台式机']) {
      const hit = (await hitOf(q, laoting.code))!
      expect(hit, q).toBeDefined()
      const m = hit.matches.find((x) => x.kind === 'procurement')!
      expect(m.text).toContain('台式计算机')
      expect(m.anchor).toMatch(/^sec-procurement-p\d+-r\d+$/)
    }
    expect(await hitOf('台式计算机', chengde.code)).toBeUndefined() // 承德 2023 buys none
  })

  it('every term must match; text that is not there finds nothing', async () => {
    expect(await hitOf(`三公经费 乐亭县医疗保障局${tag}`, chengde.code)).toBeUndefined()
    expect(await hitOf(`三公经费 承德市医疗保障局${tag}`, chengde.code)).toBeDefined()
    expect((await searchPublished(`不存在的词${tag}`)).total).toBe(0)
  })
})
