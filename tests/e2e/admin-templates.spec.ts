import crypto from 'node:crypto'
import { createScenario, DEMO_PASSWORD, E2E_DATABASE_URL, expect, login, shot, test } from './support'

test('[ADMIN][TEMPLATE] copies the 2024 template to 2025, renames a row label, and a new 2025 disclosure uses it without a deploy', async ({ page, browser }) => {
  const s = await createScenario({ year: 2024 })
  await login(page, s.admin)
  await page.goto('/admin/templates')
  await page.getByLabel('从模板').selectOption('hebei-dept-2024')
  await page.getByLabel('新模板编号').fill('hebei-dept-2025')
  await page.getByLabel('新模板名称').fill('河北省部门预算公开表（2025年）')
  await page.getByRole('button', { name: '复制为新模板' }).click()
  await page.waitForURL('**/admin/templates/hebei-dept-2025')
  await expect(page.getByRole('heading', { name: '河北省部门预算公开表（2025年）' })).toBeVisible()

  const field = page.getByLabel('部门预算收支总表 行 九、其他收入', { exact: true })
  await field.fill('九、其他收入（含单位资金）')
  await page.getByRole('button', { name: /保存修改（1）/ }).click()
  await expect(page.getByRole('status')).toContainText('已保存 1 处修改')
  await shot(page, '21-admin-template-renamed')

  // the department's accountant starts 2025 from 2024: the new template is picked and prints the new label
  const ctx = await browser.newContext()
  const acc = await ctx.newPage()
  await login(acc, s.accountant)
  await acc.getByLabel('新建预算年度').fill('2025')
  await acc.getByLabel('以哪一年的明细为起点').selectOption('2024')
  await acc.getByRole('button', { name: '新建' }).click()
  await acc.waitForURL('**/workspace/disclosures/**')
  await expect(acc.getByRole('heading', { name: /2025 年部门预算/ })).toBeVisible()
  await acc.getByRole('tab', { name: '公开报表预览' }).click()
  const summary = acc.locator('.budget-table', { hasText: '部门预算收支总表' }).first()
  await expect(summary).toContainText('九、其他收入（含单位资金）')
  await expect(summary).toContainText('2350.50')
  await summary.scrollIntoViewIfNeeded()
  await shot(acc, '22-2025-disclosure-uses-new-template')
  await ctx.close()
})

/**
 * A Henan department's 2023 budget, written straight into the e2e database, on the template `templateKey`
 * (a copy of henan-dept-2023): its 三公 table is printed across (docs/decisions/010).
 */
async function henanBudgetOn(templateKey: string) {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const b = await f.createHenanBudget({ templateKey })
  return { disclosure: b.id, accountant: await f.withPassword(b.accountant.id, DEMO_PASSWORD) }
}

test('[ADMIN][TEMPLATE][HENAN] renames the 小计 of the 三公 table printed across; the budget on that template prints it, its amount columns equally wide', async ({ page, browser }) => {
  const s = await createScenario({ year: 2024 })
  const key = `henan-dept-${crypto.randomInt(2100, 10_000)}`
  await login(page, s.admin)
  await page.goto('/admin/templates')
  await page.getByLabel('从模板').selectOption('henan-dept-2023')
  await page.getByLabel('新模板编号').fill(key)
  await page.getByLabel('新模板名称').fill('河南省部门预算公开表（小计改名）')
  await page.getByRole('button', { name: '复制为新模板' }).click()
  await page.waitForURL(`**/admin/templates/${key}`)

  const field = page.getByLabel('一般公共预算“三公”经费支出表 小计列 小计', { exact: true })
  await expect(field).toHaveValue('小计')
  await field.fill('小计数')
  await page.getByRole('button', { name: /保存修改（1）/ }).click()
  await expect(page.getByRole('status')).toContainText('已保存 1 处修改')
  // saved: the field now names the new label
  const renamed = page.getByLabel('一般公共预算“三公”经费支出表 小计列 小计数', { exact: true })
  await expect(renamed).toHaveValue('小计数')
  await renamed.evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await shot(page, '23-admin-template-subtotal-renamed')
  await page.reload()
  await expect(renamed).toHaveValue('小计数')

  // a budget on that template: the group's own column is headed 小计数, every amount column equally wide
  const b = await henanBudgetOn(key)
  const ctx = await browser.newContext()
  const acc = await ctx.newPage()
  await login(acc, b.accountant)
  await acc.goto(`/workspace/disclosures/${b.disclosure}`)
  await acc.getByRole('tab', { name: '公开报表预览' }).click()
  const table = acc.locator('.budget-table', { has: acc.getByRole('heading', { name: '一般公共预算“三公”经费支出表' }) })
  await expect(table.locator('thead tr').nth(1).locator('th')).toHaveText(['小计数', '公务用车购置费', '公务用车运行费'])
  await expect(table.locator('table')).toHaveAttribute('data-layout', 'even')
  const widths = await table.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width))
  // 序号, 项目, then six amount columns
  expect(widths).toHaveLength(8)
  const amounts = widths.slice(2)
  expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThan(1)
  expect(amounts[0]!).toBeGreaterThan(widths[1]!)
  await table.scrollIntoViewIfNeeded()
  await shot(acc, '24-henan-three-public-across-even-columns')

  // the same in the document preview (the public page's markup)
  await acc.goto(`/workspace/disclosures/${b.disclosure}/preview`)
  const doc = acc.getByTestId('document-preview').locator('[data-table="three_public_expenses"]')
  await expect(doc.locator('thead tr').nth(1).locator('th')).toHaveText(['小计数', '公务用车购置费', '公务用车运行费'])
  const docWidths = await doc.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.map((td) => td.getBoundingClientRect().width))
  const docAmounts = docWidths.slice(2)
  expect(Math.max(...docAmounts) - Math.min(...docAmounts)).toBeLessThan(1)
  await doc.scrollIntoViewIfNeeded()
  await shot(acc, '25-henan-three-public-across-document')
  await ctx.close()
})
