import { catalogueHistoryCsv } from '../support/catalogue-history'
import { createScenario, expect, login, shot, test } from './support'

/**
 * Issue 11 (open item): the catalogue form says 5 MB, but as a server action it stopped at 1 MB. It now
 * posts to a route handler with the same 5 MB limit: a 2–3 MB catalogue imports; a 6 MB one gets the
 * Chinese message, both from the form's own check and from the server.
 */
test('an admin imports a 2–3 MB catalogue; a 6 MB one is refused in Chinese', async ({ page }) => {
  test.setTimeout(180_000)
  const s = await createScenario()
  await login(page, s.admin)
  await page.goto('/admin/catalogue')
  await expect(page.getByLabel('科目文件（CSV 或 XLSX，不超过 5 MB）')).toBeVisible()

  const csv = Buffer.from(catalogueHistoryCsv(1975, 70))
  expect(csv.length).toBeGreaterThan(2 * 1024 * 1024)
  await page.getByLabel('预算年度').fill('2041')
  await page.getByLabel('科目文件').setInputFiles({ name: '科目沿革.csv', mimeType: 'text/csv', buffer: csv })
  await page.getByRole('button', { name: '导入并替换' }).click()
  await expect(page.locator('.alert[role=status]')).toHaveText(/^已导入 2041 年支出功能分类科目 \d+ 条$/, { timeout: 120_000 })
  await shot(page, 'admin-catalogue-upload-2mb')

  const big = Buffer.from(catalogueHistoryCsv(1840, 215))
  expect(big.length).toBeGreaterThan(6 * 1000 * 1000)
  await page.getByLabel('科目文件').setInputFiles({ name: '科目沿革.csv', mimeType: 'text/csv', buffer: big })
  await page.getByRole('button', { name: '导入并替换' }).click()
  await expect(page.locator('.alert[role=alert]')).toHaveText('科目文件超过 5 MB，请拆分或删去不需要的年度后再上传')
  await shot(page, 'admin-catalogue-upload-6mb')

  // the server holds the same line when the form's check is bypassed (through proxy.ts and the route handler)
  const answer = await page.evaluate(async (text) => {
    const fd = new FormData()
    fd.set('file', new Blob([text], { type: 'text/csv' }), '科目沿革.csv')
    fd.set('year', '2041')
    fd.set('kind', 'function')
    const res = await fetch('/api/catalogue', { method: 'POST', body: fd })
    return { status: res.status, body: (await res.json()) as { error?: { message?: string } } }
  }, big.toString('utf8'))
  expect(answer.status).toBe(413)
  expect(answer.body.error?.message).toBe('科目文件超过 5 MB，请拆分或删去不需要的年度后再上传')
})
