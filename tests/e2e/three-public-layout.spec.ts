import { DEMO_PASSWORD, E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * A Henan county department's 2023 budget (获嘉县医疗保障局's layout), written straight into the e2e
 * database: its 一般公共预算“三公”经费支出表 is printed across (docs/decisions/010) — one 预算数 row, the
 * items as columns, 公务用车购置及运行费 over 小计 / 公务用车购置费 / 公务用车运行费.
 */
async function henanScenario() {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const { db } = await import('../../lib/server/db')
  const b = await f.createHenanBudget()
  const reviewer = await f.createUser('reviewer', { regionId: b.region.id })
  const setStatus = async (status: 'submitted' | 'published') =>
    db().disclosure.update({ where: { id: b.id }, data: status === 'published' ? { status, approvedAt: new Date(), publishedAt: new Date() } : { status } })
  return { dept: b.dept, disclosure: b.id, accountant: await f.withPassword(b.accountant.id, DEMO_PASSWORD), reviewer: await f.withPassword(reviewer.id, DEMO_PASSWORD), setStatus }
}

const TITLE = '一般公共预算“三公”经费支出表'
const HEADER = [
  ['序号', '项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'],
  ['小计', '公务用车购置费', '公务用车运行费'],
]

test('[ACCOUNTANT][REVIEWER][PUBLIC][HENAN] the 三公 table printed across: the editor’s preview, a reviewer’s comment on a cell, the public page', async ({ page }) => {
  const s = await henanScenario()

  // the accountant's preview of the tables: one 预算数 row under the two-level header
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.disclosure}`)
  await page.getByRole('tab', { name: '公开报表预览' }).click()
  const table = page.locator('.budget-table', { has: page.getByRole('heading', { name: TITLE }) })
  await expect(table.locator('thead tr').nth(0).locator('th')).toHaveText(HEADER[0]!)
  await expect(table.locator('thead tr').nth(1).locator('th')).toHaveText(HEADER[1]!)
  await expect(table.locator('thead th', { hasText: '公务用车购置及运行费' })).toHaveAttribute('colspan', '3')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await expect(table.locator('tbody tr td')).toHaveText(['1', '预算数', '2.30', '', '1.80', '', '1.80', '0.50'])
  await table.scrollIntoViewIfNeeded()
  await shot(page, '40-henan-three-public-across')

  // a reviewer comments on 公务接待费: the comment names and marks that printed cell, also after a reload
  await s.setStatus('submitted')
  await page.context().clearCookies()
  await login(page, s.reviewer)
  await page.goto(`/review/disclosures/${s.disclosure}`)
  const review = page.getByTestId('review-table-three_public_expenses')
  await expect(review.locator('thead tr').nth(0).locator('th')).toHaveText(HEADER[0]!)
  const reception = review.locator('[data-row="0"][data-col="6"]')
  await expect(reception).toHaveText('0.50')
  await reception.click()
  await expect(page.getByTestId('selected-anchor')).toHaveText(`${TITLE} · 第 1 行「预算数」 · 「公务接待费」`)
  await page.getByLabel('意见', { exact: true }).fill('请说明公务接待费的测算依据')
  await page.getByRole('button', { name: '添加意见' }).click()
  await expect(page.getByTestId('notice')).toHaveText('意见已添加')
  await page.reload()
  await expect(page.getByTestId('review-table-three_public_expenses').locator('[data-row="0"][data-col="6"]').getByLabel('1 条意见')).toBeVisible()
  await expect(page.getByTestId('review-table-three_public_expenses').getByLabel('1 条意见')).toHaveCount(1)
  await page.getByTestId('review-table-three_public_expenses').scrollIntoViewIfNeeded()
  await shot(page, '41-henan-three-public-review-comment')

  // published: the public page's document prints it across as well
  await s.setStatus('published')
  await page.goto(`/disclosures/${s.dept.code}/2023`)
  const doc = page.locator(`[data-table="three_public_expenses"]`)
  await expect(doc.locator('th[colspan="3"]')).toHaveText('公务用车购置及运行费')
  await expect(doc.locator('tbody tr')).toHaveCount(1)
  await expect(doc.locator('tbody tr')).toContainText('预算数')
  await doc.scrollIntoViewIfNeeded()
  await shot(page, '42-henan-three-public-public-page')
})
