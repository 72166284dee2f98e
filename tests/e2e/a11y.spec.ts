import type { Page } from '@playwright/test'
import { expectNoSeriousA11y } from './a11y'
import { createScenario, expect, login, shot, test } from './support'

/**
 * Issue 12: 0 critical and 0 serious axe-core violations on every page of the three journeys — the
 * public's, the accountant's, the reviewer's — and the admin's pages.
 */
async function check(page: Page, url: string, name: string) {
  await page.goto(url)
  await page.waitForLoadState('networkidle')
  await expectNoSeriousA11y(page, `${name} (${url})`)
}

async function signInAs(page: Page, username: string) {
  await page.context().clearCookies()
  await login(page, username)
}

test('public pages: 0 serious axe-core violations', async ({ page }) => {
  test.setTimeout(180_000)
  for (const [url, name] of [
    ['/', '首页'],
    ['/regions', '按地区浏览'],
    ['/regions/130800', '承德市'],
    ['/regions/130800/2023', '承德市 2023 年'],
    ['/disclosures/447/2023', '承德市医疗保障局 2023 年'],
    ['/search?q=三公经费', '搜索'],
    ['/search?q=不存在的词语', '搜索（无结果）'],
    ['/login', '登录'],
  ] as const)
    await check(page, url, name)
  // search: each query finds 承德 2023 (or 乐亭 2022 for the procurement item, which 承德 2023 does not buy), and a hit links to the place it matched
  for (const [q, who] of [
    ['三公经费', '承德市医疗保障局 2023'],
    ['公务接待', '承德市医疗保障局 2023'],
    ['2101501', '承德市医疗保障局 2023'],
    ['台式计算机', '乐亭县医疗保障局 2022'],
  ] as const) {
    await page.goto(`/search?q=${encodeURIComponent(q)}`)
    const hit = page.locator('.search-result').filter({ has: page.getByRole('heading', { name: new RegExp(who) }) })
    await expect(hit, q).toHaveCount(1)
    const place = hit.locator('.search-result__matches a[href*="#"]').first()
    await expect(place, q).toBeVisible()
    if (q === '三公经费') await shot(page, 'a11y-search-three-public')
    if (q === '2101501') {
      await place.click()
      await expect(page).toHaveURL(/\/disclosures\/447\/2023#tbl-.+-r\d+$/)
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1))
      await expect(page.locator(`[id="${id}"]`)).toContainText('2101501')
    }
  }
  // the disclosure page as a phone shows it
  await page.setViewportSize({ width: 390, height: 844 })
  await check(page, '/disclosures/447/2023', '承德市医疗保障局 2023 年（手机）')
})

test('the public tables on a phone (390 px): the name column stays readable, the table scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/disclosures/447/2023')
  const table = page.locator('.dd-table').filter({ has: page.locator('td.code') }).first()
  await table.scrollIntoViewIfNeeded()
  const nameCell = table.locator('tbody tr').first().locator('td').nth(2)
  const box = (await nameCell.boundingBox())!
  // a name like 社会保障和就业支出 on one or two lines, never one character per line
  expect(box.width).toBeGreaterThanOrEqual(100)
  const scroll = table.locator('.dd-scroll')
  const { scrollWidth, clientWidth } = await scroll.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }))
  expect(clientWidth).toBeLessThanOrEqual(390)
  expect(scrollWidth).toBeGreaterThanOrEqual(clientWidth)
  await shot(page, 'a11y-phone-table')
  // the page itself does not scroll sideways: only the table does
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(392)
})

test('accountant pages: 0 serious axe-core violations', async ({ page }) => {
  test.setTimeout(600_000)
  const draft = await createScenario()
  await signInAs(page, draft.accountant)
  const d = `/workspace/disclosures/${draft.disclosure.id}`
  for (const [url, name] of [
    ['/workspace', '工作台'],
    [d, '编辑'],
    [`${d}/notes`, '情况说明'],
    [`${d}/performance`, '绩效目标'],
    [`${d}/procurement`, '政府采购'],
    [`${d}/preview`, '预览'],
    [`${d}/submit`, '提交'],
    ['/workspace/import', '导入'],
  ] as const)
    await check(page, url, `会计：${name}`)
})

test('reviewer and admin pages: 0 serious axe-core violations', async ({ page }) => {
  test.setTimeout(600_000)
  const submitted = await createScenario({ status: 'submitted' })
  await signInAs(page, submitted.reviewer)
  await check(page, '/review', '审核工作台')
  await check(page, `/review/disclosures/${submitted.disclosure.id}`, '审核')
  await check(page, '/admin/audit', '审计日志（审核）')
  await signInAs(page, submitted.admin)
  for (const [url, name] of [
    ['/admin/audit', '审计日志'],
    ['/admin/catalogue', '科目表'],
    ['/admin/glossary', '名词解释'],
    ['/admin/templates', '表样模板'],
  ] as const)
    await check(page, url, `管理员：${name}`)
  await page.goto('/admin/templates')
  const href = await page.locator('main a[href^="/admin/templates/"]').first().getAttribute('href')
  expect(href).toBeTruthy()
  await check(page, href!, '管理员：模板')
  await shot(page, 'a11y-admin-template')
})
