import { expect, login, shot, test } from './support'

/**
 * Cached public pages are the same HTML for every visitor (docs/decisions/008); the header still shows
 * a signed-in visitor as signed in (asked of /api/me in the browser), and an anonymous one as a visitor.
 */
test('[HEADER] a cached published page shows the signed-in user, not 登录; an anonymous visitor sees 登录', async ({ page, request, browser }) => {
  // warm the cache anonymously first, so the signed-in visit below is served the cached HTML
  const warm = await request.get('/disclosures/447/2023')
  expect(warm.status()).toBe(200)
  const cached = await request.get('/disclosures/447/2023')
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT')
  expect(await cached.text()).not.toContain('（部门会计）')

  const me = await request.get('/api/me')
  expect(await me.json()).toEqual({ user: null })
  expect(me.headers()['cache-control']).toContain('no-store')

  await login(page, 'kuaiji')
  await page.goto('/disclosures/447/2023')
  const header = page.locator('header.site-header')
  await expect(header.getByText('（部门会计）')).toBeVisible()
  await expect(header.getByRole('link', { name: '工作台' })).toBeVisible()
  await expect(header.getByRole('button', { name: '退出' })).toBeVisible()
  await expect(header.getByRole('link', { name: '登录' })).toHaveCount(0)
  await expect(header.getByRole('link', { name: '审核' })).toHaveCount(0)
  await shot(page, 'header-signed-in-cached-page')

  const anonymous = await browser.newContext()
  const visitor = await anonymous.newPage()
  await visitor.goto('/disclosures/447/2023')
  await expect(visitor.locator('header.site-header').getByRole('link', { name: '登录' })).toBeVisible()
  await visitor.waitForLoadState('networkidle')
  await expect(visitor.locator('header.site-header').getByRole('link', { name: '工作台' })).toHaveCount(0)
  await anonymous.close()
})
