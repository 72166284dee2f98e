import { expectNoSeriousA11y } from './a11y'
import { E2E_DATABASE_URL, expect, shot, test } from './support'

/**
 * Issue 12 acceptance, in Chromium: what a citizen types finds the 承德 2023 disclosure, and the hit's
 * snippet links to the place it matched (a table row, a 情况说明 paragraph, the procurement list). The
 * demo's 承德 2023 budget buys nothing (无政府采购预算); here it buys one item through a project, as a
 * budget with purchases would, so that a procurement item can be searched for.
 */
let dept: { code: string; name: string }

test.beforeAll(async () => {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const { chengde2023 } = await import('../../prisma/demo')
  const { chengde2023Notes } = await import('../../prisma/demo/notes-chengde-2023')
  const f = await import('../factories/db')
  const { db } = await import('../../lib/server/db')
  const { writeNotesAndTargets } = await import('../../lib/notes/server/seed-notes')
  const { indexPublished } = await import('../../lib/portal/server/publication-index')
  const tag = Math.random().toString(36).slice(2, 7)
  const region = await f.createRegion(`搜索验收市${tag}`)
  const d = await f.createDepartment(region.id, `SE${tag}`, `承德市医疗保障局${tag}`)
  const item = { projectCode: '447-2023-03', itemName: '便携式计算机', catalogueCode: 'A02010105', unit: '台', quantity: '2', unitPrice: 6_000_00, amounts: { general: 12_000_00 } }
  const c = await f.createDisclosure(d.id, { ...chengde2023(), procurement: [item] }, 'published')
  await writeNotesAndTargets(db(), c.id, { notes: chengde2023Notes((u) => `${d.code}-${u}`) })
  await db().disclosure.update({ where: { id: c.id }, data: { publishedAt: new Date('2023-02-16T00:00:00+08:00') } })
  await indexPublished(c.id)
  dept = { code: d.code, name: d.name }
})

const QUERIES: [string, RegExp][] = [
  ['三公经费', /三公/],
  ['“三公”经费', /三公/],
  ['三公', /三公/],
  ['公务接待', /公务接待/],
  ['公务接待费', /公务接待费/],
  ['便携式计算机', /便携式计算机/],
  ['2101501', /2101501/],
  ['医疗保障管理事务', /医疗保障管理事务/],
]

test('[PUBLIC][SEARCH] each query finds 承德 2023; the snippet links to the matched place on the disclosure page', async ({ page }) => {
  test.setTimeout(180_000)
  for (const [q, says] of QUERIES) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`)
    const hit = page.locator('.search-result').filter({ has: page.getByRole('link', { name: `${dept.name} 2023 年部门预算` }) })
    await expect(hit, q).toHaveCount(1)
    const link = hit.locator('.search-result__matches a[href*="#"]').filter({ hasText: says }).first()
    await expect(link, q).toBeVisible()
    await expect(link.locator('mark'), q).toBeVisible()
    const href = (await link.getAttribute('href'))!
    expect(href, q).toMatch(new RegExp(`/disclosures/${dept.code}/2023#(tbl-|sec-)`))
    if (q === '“三公”经费') {
      await expectNoSeriousA11y(page, 'search results')
      await shot(page, 'portal-search-01-sangong')
    }
    if (q === '便携式计算机' || q === '公务接待') {
      // the link opens the disclosure at the place: the anchored element is there and says what was searched
      await link.click()
      await expect(page).toHaveURL(new RegExp(`#${href.split('#')[1]}$`))
      const target = page.locator(`[id="${href.split('#')[1]}"]`)
      await expect(target, q).toBeAttached()
      await expect(target, q).toContainText(says)
      // marked and brought into view, also after the client-side navigation (where CSS :target does not apply)
      await expect(target, q).toHaveClass(/hash-target/)
      await expect(target, q).toBeInViewport()
      await shot(page, q === '公务接待' ? 'portal-search-02-reception-place' : 'portal-search-03-procurement-place')
    }
  }
})
