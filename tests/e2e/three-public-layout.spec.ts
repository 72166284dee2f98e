import crypto from 'node:crypto'
import { DEMO_PASSWORD, E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * A Henan county department's 2023 budget (获嘉县医疗保障局's layout), written straight into the e2e
 * database: its 一般公共预算“三公”经费支出表 is printed across (docs/decisions/010) — one 预算数 row, the
 * items as columns, 公务用车购置及运行费 over 小计 / 公务用车购置费 / 公务用车运行费.
 */
async function henanScenario() {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const { henanDept2023 } = await import('../factories/template-layouts')
  const { replaceDisclosureData } = await import('../../lib/disclosure/server/replace-data')
  const { hashPassword } = await import('../../lib/server/password')
  const { db } = await import('../../lib/server/db')
  await f.ensureReferenceData()
  const region = await f.createRegion(`获嘉县${crypto.randomInt(1000, 10_000)}`)
  await db().region.update({ where: { id: region.id }, data: { province: '河南省' } })
  const dept = await f.createDepartment(region.id, String(crypto.randomInt(100_000, 1_000_000)), '获嘉县医疗保障局')
  const data = henanDept2023()
  const code = (c: string) => `${dept.code}${c.slice(-3)}`
  const local = {
    ...data,
    department: { code: dept.code, name: dept.name },
    units: data.units.map((u) => ({ ...u, code: code(u.code) })),
    revenue: data.revenue.map((l) => ({ ...l, unitCode: code(l.unitCode) })),
    expenditure: data.expenditure.map((l) => ({ ...l, unitCode: code(l.unitCode) })),
    projects: data.projects.map((p) => ({ ...p, unitCode: p.unitCode ? code(p.unitCode) : p.unitCode })),
  }
  const template = await db().template.findUniqueOrThrow({ where: { key: 'henan-dept-2023' } })
  const d = await db().disclosure.create({ data: { departmentId: dept.id, year: 2023, status: 'draft', templateId: template.id } })
  await db().$transaction((tx) => replaceDisclosureData(tx, d.id, dept.id, local), { timeout: 30_000 })
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const user = async (role: 'accountant' | 'reviewer') => {
    const u = await f.createUser(role, role === 'accountant' ? { departmentId: dept.id } : { regionId: region.id })
    return (await db().user.update({ where: { id: u.id }, data: { passwordHash } })).username
  }
  const setStatus = async (status: 'submitted' | 'published') =>
    db().disclosure.update({ where: { id: d.id }, data: status === 'published' ? { status, approvedAt: new Date(), publishedAt: new Date() } : { status } })
  return { dept, disclosure: d.id, accountant: await user('accountant'), reviewer: await user('reviewer'), setStatus }
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
