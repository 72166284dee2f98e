import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { E2E_DATABASE_URL, expect, shot, test } from './support'

/**
 * The anonymous visitor's journey through the public portal, on data this spec writes itself: a
 * region with two departments (one published in 2022 and 2023, one in 2023) and a third department
 * whose only disclosure is a draft.
 */
type Scenario = { regionCode: string; regionName: string; a: { code: string; name: string }; b: { code: string; name: string; project: string }; draftProject: string }

let s: Scenario

async function createPortalScenario(): Promise<Scenario> {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const { chengde2023 } = await import('../../prisma/demo')
  const f = await import('../factories/db')
  const { db } = await import('../../lib/server/db')
  const tag = Math.random().toString(36).slice(2, 7)
  const region = await f.createRegion(`门户测试市${tag}`)
  const a = await f.createDepartment(region.id, `PA${tag}`, `门户测试市${tag}医疗保障局`)
  const b = await f.createDepartment(region.id, `PB${tag}`, `门户测试市${tag}数据局`)
  const c = await f.createDepartment(region.id, `PC${tag}`, `门户测试市${tag}草稿局`)
  const project = `智慧医保${tag}平台建设项目`
  const draftProject = `未公开${tag}草稿项目`

  // A: 2023 as 承德 2023; 2022 the year before — one project 10 万元 lower and no 公务接待费
  const a2023 = chengde2023()
  const i = a2023.expenditure.findIndex((l) => l.category === 'project')
  const a2022 = { ...a2023, year: 2022, expenditure: a2023.expenditure.map((l, j) => (j === i ? { ...l, amount: l.amount - 10_000_000 } : l)), threePublic: a2023.threePublic.filter((e) => e.item !== 'reception') }
  // B: the same budget with a project of its own and 5 万元 more 公务接待费, so it leads the 三公 ranking
  const base = chengde2023()
  const b2023 = {
    ...base,
    projects: base.projects.map((p, k) => (k === 0 ? { ...p, name: project } : p)),
    threePublic: base.threePublic.map((e) => (e.item === 'reception' ? { ...e, amount: e.amount + 5_000_000 } : e)),
  }
  const c2023 = { ...base, projects: base.projects.map((p, k) => (k === 0 ? { ...p, name: draftProject } : p)) }
  const published = async (deptId: string, data: typeof a2023, date: string) => {
    const d = await f.createDisclosure(deptId, data, 'published')
    await db().disclosure.update({ where: { id: d.id }, data: { publishedAt: new Date(`${date}T00:00:00+08:00`), approvedAt: new Date(`${date}T00:00:00+08:00`) } })
  }
  await published(a.id, a2022, '2022-02-10')
  await published(a.id, a2023, '2023-02-16')
  await published(b.id, b2023, '2023-02-20')
  await f.createDisclosure(c.id, c2023, 'draft')
  return { regionCode: region.code, regionName: region.name, a: { code: a.code, name: a.name }, b: { code: b.code, name: b.name, project }, draftProject }
}

test.beforeAll(async () => {
  s = await createPortalScenario()
})

const phone = { width: 390, height: 844 }
const NINE_TITLES = ['部门预算收支总表', '部门预算收入总表', '部门预算支出总表', '部门预算财政拨款收支总表', '部门预算一般公共预算财政拨款支出表', '部门预算一般公共预算财政拨款基本支出表', '部门预算政府基金预算财政拨款支出表', '部门预算国有资本经营预算财政拨款支出表', '部门预算财政拨款“三公”经费支出表']

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, 'the page itself does not scroll sideways (wide tables scroll inside their own region)').toBeLessThanOrEqual(1)
}

/** Our region's link on the region list: this page or one of the next ones (30 regions a page, plain links). */
async function regionLinkOnPages(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: '按地区浏览' })).toBeVisible()
  for (;;) {
    const link = page.getByRole('link', { name: `河北省${s.regionName}` })
    if ((await link.count()) > 0) return link
    const next = page.getByRole('navigation', { name: '地区分页' }).getByRole('link', { name: '下一页' })
    expect(await next.count(), `河北省${s.regionName} is on one of the pages`).toBe(1)
    const at = Number((await page.getByRole('navigation', { name: '地区分页' }).getByText(/^第 \d+ \//).textContent())!.match(/\d+/)![0])
    await next.click()
    await expect(page.getByRole('navigation', { name: '地区分页' }).getByText(new RegExp(`^第 ${at + 1} /`))).toBeVisible()
  }
}

test('[PUBLIC] browse: front page → region → year, with the cross-department comparison sortable by mouse and keyboard', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main')
  await expect(page.getByRole('heading', { level: 1, name: '部门预算信息公开' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: '按地区和年度浏览' })).toBeVisible()
  await shot(page, 'portal-01-home')
  // the front page lists the regions that published most recently (ours published in 2023): all regions are on /regions
  await page.getByRole('link', { name: '全部地区（按省份分页浏览）' }).click()
  const region = await regionLinkOnPages(page)
  await region.click()
  await expect(page.getByRole('heading', { level: 1, name: `河北省${s.regionName}部门预算公开` })).toBeVisible()
  await page.getByRole('link', { name: /2023 年（2 个部门）/ }).click()
  await expect(page).toHaveURL(new RegExp(`/regions/${s.regionCode}/2023$`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${s.regionName} 2023 年部门预算`)

  const table = page.getByRole('table', { name: /各部门预算比较/ })
  await expect(table.locator('tbody tr')).toHaveCount(2) // the draft department is not listed
  await expect(page.getByText('草稿局')).toHaveCount(0)
  const firstDept = () => table.locator('tbody tr').first().locator('th')
  await expect(firstDept()).toContainText(s.a.code)

  const threePublic = table.getByRole('columnheader', { name: /“三公”经费/ })
  await threePublic.getByRole('button').click()
  await expect(threePublic).toHaveAttribute('aria-sort', 'descending')
  await expect(firstDept()).toContainText(s.b.code)
  await expect(table.locator('tbody tr').first().locator('td').nth(3)).toHaveText('6.73')
  await expect(page.getByText(/按“三公”经费从高到低排序/)).toBeVisible()
  // keyboard: the sort buttons are in the tab order and toggle with Enter
  await threePublic.getByRole('button').focus()
  await page.keyboard.press('Enter')
  await expect(threePublic).toHaveAttribute('aria-sort', 'ascending')
  await expect(firstDept()).toContainText(s.a.code)
  await expect(table.locator('tfoot')).toContainText('全部 2 个部门合计')
  await shot(page, 'portal-02-region-comparison')

  await page.setViewportSize(phone)
  await noHorizontalScroll(page)
  await shot(page, 'portal-03-region-phone')
})

test('[PUBLIC] all regions: grouped by province, a page at a time, links that work without JavaScript', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: '全部地区（按省份分页浏览）' }).click()
  await expect(page).toHaveURL(/\/regions$/)
  await expect(page.getByRole('heading', { level: 1, name: '按地区浏览' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^河北省/ })).toBeVisible()
  await expect(page.getByText(/共 \d+ 个地区已公开部门预算/)).toBeVisible()
  await shot(page, 'portal-01b-regions')
  // our region, found by its province's pages: every page is a plain link (/regions?province=…&page=…)
  await page.goto('/regions?province=%E6%B2%B3%E5%8C%97%E7%9C%81')
  await expect(await regionLinkOnPages(page)).toBeVisible()
  await expect(page.locator('.region-list > li').first()).toBeVisible()
  expect(await page.locator('.region-list > li').count()).toBeLessThanOrEqual(30)
  // a page number past the end shows the last page, not an error
  const last = await page.goto('/regions?page=9999')
  expect(last?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: '按地区浏览' })).toBeVisible()
})

test('[PUBLIC] search a project name in Chinese, open the disclosure: tables, charts with data tables, year-over-year, downloads', async ({ page, request }) => {
  await page.goto('/')
  await page.getByLabel('搜索部门、项目或情况说明').fill(s.b.project)
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(page).toHaveURL(/\/search\?q=/)
  await expect(page.getByRole('heading', { level: 2, name: /找到 1 个/ })).toBeVisible()
  const hit = page.locator('.search-result').first()
  await expect(hit.locator('mark')).toHaveText(s.b.project)
  await shot(page, 'portal-04-search')

  // a draft's project is never found
  await page.goto(`/search?q=${encodeURIComponent(s.draftProject)}`)
  await expect(page.getByRole('heading', { level: 2, name: /没有找到/ })).toBeVisible()
  await page.goBack()

  await hit.getByRole('link', { name: `${s.b.name} 2023 年部门预算` }).click()
  await expect(page).toHaveURL(new RegExp(`/disclosures/${s.b.code}/2023$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${s.b.name} 2023 年部门预算信息公开`)

  // the nine tables, as real tables with captions and header cells
  // (reached by a client-side navigation: the tables and notes are fetched from …/content)
  const content = page.locator('.portal-document, section[aria-labelledby="tables"]')
  for (const title of NINE_TITLES) await expect(content.getByRole('table', { name: new RegExp(`^${title}（`) }).first()).toBeAttached()
  await expect(content.getByRole('table', { name: /^部门预算收支总表（/ }).getByRole('columnheader', { name: '收入' })).toBeVisible()
  if (fs.existsSync(path.resolve('components/document/disclosure-document-view.tsx'))) {
    // the 情况说明, drawn by the documents module's web view
    await expect(content.getByRole('heading', { name: '一、部门职责及机构设置情况' })).toBeVisible()
    await expect(content.getByRole('heading', { name: '三、机关运行经费安排情况' })).toBeVisible()
  }

  // key figures and charts, each chart with its data table
  await expect(page.locator('.key-figure').filter({ hasText: '支出合计' })).toContainText('2350.50')
  await expect(page.locator('.key-figure').filter({ hasText: '“三公”经费' })).toContainText('6.73')
  const charts = page.locator('figure.portal-figure')
  await expect(charts).toHaveCount(3)
  for (const name of [/支出按功能分类/, /基本支出与项目支出，单位/, /财政拨款“三公”经费，单位/]) await expect(page.getByRole('table', { name })).toBeVisible()
  await expect(page.locator('figure.portal-figure .recharts-surface').first()).toBeVisible()
  await expect(page.getByRole('table', { name: /支出按功能分类/ }).getByRole('rowheader', { name: '210 卫生健康支出' })).toBeVisible()
  await expect(page.getByText('本部门没有 2023 年以前已公开的预算')).toBeVisible()
  await page.locator('#charts').evaluate((el) => el.scrollIntoView())
  await shot(page, 'portal-05-disclosure-charts')
  if (fs.existsSync(path.resolve('components/document/disclosure-document-view.tsx'))) {
    await content.getByRole('heading', { name: '三、机关运行经费安排情况' }).evaluate((el) => el.scrollIntoView())
    await shot(page, 'portal-10-disclosure-notes')
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'portal-06-disclosure-top')

  // downloads: links at stable URLs; those whose route exists answer
  const links = page.locator('section[aria-labelledby="downloads"] a')
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!))
  for (const f of ['pdf', 'docx', 'html']) expect(hrefs).toContain(`/api/disclosures/${s.b.code}/2023/document?format=${f}`)
  for (const f of ['xlsx', 'csv', 'json']) expect(hrefs).toContain(`/api/disclosures/${s.b.code}/2023/export?format=${f}`)
  const routes: [RegExp, string][] = [
    [/\/document\?/, 'app/api/disclosures/[code]/[year]/document/route.ts'],
    [/\/export\?/, 'app/api/disclosures/[code]/[year]/export/route.ts'],
    [/\/tables$/, 'app/api/disclosures/[code]/[year]/tables/route.ts'],
    [/\/api\/open-data\//, 'app/api/open-data/disclosures/[code]/[year]/[file]/route.ts'],
  ]
  let checked = 0
  for (const href of hrefs) {
    const route = routes.find(([re]) => re.test(href))
    if (!route || !fs.existsSync(path.resolve(route[1]))) continue
    const res = await request.get(href)
    expect(res.status(), href).toBe(200)
    expect((await res.body()).length, href).toBeGreaterThan(100)
    checked++
  }
  expect(checked).toBeGreaterThanOrEqual(5)
  const pkg = await (await request.get(`/api/open-data/disclosures/${s.b.code}/2023/datapackage.json`)).json()
  expect(pkg.profile).toBe('fiscal-data-package')
  expect(Object.keys(pkg.model.dimensions)).toEqual(expect.arrayContaining(['functional-classification', 'economic-classification']))
  const csvBytes = await (await request.get(`/api/open-data/disclosures/${s.b.code}/2023/expenditure.csv`)).body()
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM: Excel opens the Chinese text correctly
  const csv = csvBytes.toString('utf8')
  expect(csv.split('\r\n')[0]).toContain('function_code')
  expect(csv).toContain(s.b.project)
  const regionPkg = await request.get(`/api/open-data/regions/${s.regionCode}/2023/datapackage.json`)
  expect(((await regionPkg.json()) as { sources: unknown[] }).sources).toHaveLength(2)

  // served from the cache on the next request; without JavaScript the HTML is complete, and the
  // document's markup is in it once (not repeated in the RSC payload)
  const again = await request.get(`/disclosures/${s.b.code}/2023`)
  expect(again.headers()['x-nextjs-cache']).toBe('HIT')
  const html = await again.text()
  for (const title of NINE_TITLES) expect(html).toContain(`${title}（`)
  expect(html.split('data-section=\\"operating\\"').length - 1).toBe(0) // not in the RSC payload (escaped there)
  expect(html.split('data-section="operating"').length - 1).toBe(1)
  const fragment = await request.get(`/disclosures/${s.b.code}/2023/content`)
  expect(fragment.status()).toBe(200)
  expect(await fragment.text()).toContain('三、机关运行经费安排情况')
  expect((await request.get(`/disclosures/${s.b.code}/2023/content`, { headers: { 'if-none-match': fragment.headers()['etag']! } })).status()).toBe(304)

  await page.setViewportSize(phone)
  await page.reload()
  await noHorizontalScroll(page)
  await shot(page, 'portal-07-disclosure-phone')
  await page.locator('#chart-function-cap').evaluate((el) => el.scrollIntoView())
  await shot(page, 'portal-11-charts-phone')
})

test('[PUBLIC] compare years: the year-over-year section and the table-by-table comparison', async ({ page }) => {
  await page.goto(`/disclosures/${s.a.code}/2023`)
  await expect(page.getByRole('navigation', { name: '其他年度' }).getByRole('link', { name: '2022' })).toBeVisible()
  const yoy = page.getByRole('table', { name: /主要数据：2023 年与 2022 年/ })
  await expect(yoy).toBeVisible()
  await expect(yoy.getByRole('row', { name: /项目支出/ })).toContainText('+10.00')
  await expect(yoy.getByRole('row', { name: /“三公”经费/ })).toContainText('+0.33')
  await expect(page.getByRole('table', { name: /财政拨款“三公”经费，单位/ }).locator('tbody tr')).toHaveCount(2)
  await page.locator('#yoy').scrollIntoViewIfNeeded()
  await shot(page, 'portal-08-year-over-year')

  await page.getByRole('link', { name: '逐表比较 2023 年与 2022 年的九张报表' }).click()
  await expect(page).toHaveURL(new RegExp(`/disclosures/${s.a.code}/2023/compare/2022$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${s.a.name} 2023 年与 2022 年部门预算比较`)
  const three = page.getByRole('table', { name: /部门预算财政拨款“三公”经费支出表：2023 年与 2022 年比较/ })
  await expect(three.getByRole('row', { name: /三、公务接待费/ })).toContainText('+0.33')
  await expect(page.locator('section.compared-table')).toHaveCount(9)
  await shot(page, 'portal-09-compare-tables')
  // keyboard: on a fresh load the skip link is the first stop and jumps to the content
  await page.goto(page.url())
  await page.keyboard.press('Tab')
  await expect(page.locator('a.skip-link')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
})

test('[PUBLIC] a draft has no public page, and a year or department that does not exist is a Chinese 404', async ({ page, request }) => {
  expect((await request.get(`/disclosures/${s.a.code}/2019`)).status()).toBe(404)
  expect((await request.get('/disclosures/447/2024')).status()).toBe(404) // the demo draft
  expect((await request.get(`/api/open-data/disclosures/${s.a.code}/2019/datapackage.json`)).status()).toBe(404)
  expect((await request.get(`/api/open-data/disclosures/${s.a.code}/2023/secret.txt`)).status()).toBe(404)
  await page.goto(`/regions/${s.regionCode}/2019`)
  await expect(page.getByRole('heading', { level: 1, name: '未找到地区或年度的部门预算' })).toBeVisible()
  await page.goto(`/disclosures/${s.a.code}/2019`)
  await expect(page.getByRole('heading', { level: 1, name: '未找到部门预算公开' })).toBeVisible()
})
