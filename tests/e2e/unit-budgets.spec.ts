import crypto from 'node:crypto'
import { E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * A department with two units in a Hebei region: each unit's 2024 单位预算 (entered as lines) and the
 * department's 2024 budget consolidated from them, written straight into the e2e database.
 */
async function unitScenario() {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const { hebeiUnit2024 } = await import('../factories/template-layouts')
  const { createDisclosure } = await import('../../lib/disclosure/server/create-disclosure')
  const { replaceDisclosureData } = await import('../../lib/disclosure/server/replace-data')
  const { hashPassword } = await import('../../lib/server/password')
  const { db } = await import('../../lib/server/db')
  const { DEMO_PASSWORD } = await import('./support')
  await f.ensureReferenceData()
  const region = await f.createRegion()
  const dept = await f.createDepartment(region.id, String(crypto.randomInt(100_000, 1_000_000)), '测试市医疗保障局')
  const units = [
    { code: `${dept.code}001`, name: '测试市医疗保障局本级' },
    { code: `${dept.code}002`, name: '测试市医疗保障服务中心' },
  ]
  await db().unit.createMany({ data: units.map((u, i) => ({ ...u, departmentId: dept.id, position: i, isSelf: i === 0 })) })
  const accountant = await f.createUser('accountant', { departmentId: dept.id })
  await db().user.update({ where: { id: accountant.id }, data: { passwordHash: await hashPassword(DEMO_PASSWORD) } })
  const actor = { ...accountant }
  for (const [i, u] of units.entries()) {
    const { id } = await createDisclosure(actor, { departmentId: dept.id, year: 2024, unitCode: u.code })
    await db().$transaction((tx) => replaceDisclosureData(tx, id, dept.id, hebeiUnit2024(u, i + 1)), { timeout: 30_000 })
  }
  const { id } = await createDisclosure(actor, { departmentId: dept.id, year: 2024, consolidate: true })
  const username = (await db().user.findUniqueOrThrow({ where: { id: accountant.id } })).username
  return { dept, units, departmentBudget: id, accountant: username }
}

test('[ACCOUNTANT][UNITS] a department with two units: the units’ 单位预算 and the department budget summed from them, with 部门预算支出分单位表; a new unit budget from the workspace', async ({ page }) => {
  const s = await unitScenario()
  await login(page, s.accountant)
  await expect(page.getByText(`2024 年单位预算：${s.units[0]!.name}`)).toBeVisible()
  await expect(page.getByText(`2024 年单位预算：${s.units[1]!.name}`)).toBeVisible()
  await expect(page.getByText('2024 年部门预算（单位汇总）')).toBeVisible()

  // the department's budget: no lines of its own, its tables the sum of the units', by unit
  await page.goto(`/workspace/disclosures/${s.departmentBudget}`)
  await expect(page.getByTestId('consolidated-banner')).toContainText('由所属单位的单位预算汇总而成')
  await expect(page.getByRole('tab', { name: /支出明细/ })).toHaveCount(0)
  const byUnit = page.locator('.budget-table', { hasText: '部门预算支出分单位表' }).first()
  await expect(byUnit).toContainText(s.units[0]!.code)
  await expect(byUnit).toContainText(s.units[1]!.name)
  const summary = page.locator('.budget-table', { hasText: '部门预算收支总表' }).first()
  await expect(summary).toBeVisible()
  await byUnit.scrollIntoViewIfNeeded()
  await shot(page, '30-department-consolidated-by-unit')

  // a unit's budget: the unit layout, headed by 单位预算
  await page.goto('/workspace')
  await page.locator('.card', { hasText: `2024 年单位预算：${s.units[0]!.name}` }).getByRole('link', { name: '编辑' }).click()
  await page.waitForURL('**/workspace/disclosures/**')
  await expect(page.getByRole('heading', { name: new RegExp(`2024 年单位预算：${s.units[0]!.name}`) })).toBeVisible()
  await page.getByRole('tab', { name: '公开报表预览' }).click()
  await expect(page.locator('.budget-table', { hasText: '单位预算收支总表' }).first()).toContainText('五、单位资金')
  await shot(page, '31-unit-budget-tables')
  // its 三公 table (upright, a label column and amounts): the amount columns equally wide
  const threePublic = page.locator('.budget-table', { hasText: '单位预算财政拨款“三公”经费支出表' }).first()
  await expect(threePublic.locator('table')).toHaveAttribute('data-layout', 'even')
  const widths = await threePublic.locator('tbody tr').first().locator('td').evaluateAll((tds) => tds.slice(2).map((td) => td.getBoundingClientRect().width))
  expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(1)
  await threePublic.evaluate((el) => el.scrollIntoView({ block: 'start' }))
  await shot(page, '31a-unit-budget-three-public')
  // its tables are exported by the unit's code; its document is titled 单位预算
  await page.getByTestId('export-menu').locator('summary').click()
  await expect(page.getByTestId('export-menu').getByRole('link', { name: /Excel/ })).toHaveAttribute('href', `/api/disclosures/${s.units[0]!.code}/2024/export?format=xlsx`)
  await page.goto(`${new URL(page.url()).pathname}/preview`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`2024 年单位预算：${s.units[0]!.name} · 预览与下载`)
  const preview = page.getByTestId('document-preview')
  await expect(preview).toContainText(`${s.units[0]!.name}`)
  await expect(preview).toContainText('2024年单位预算信息公开')
  await expect(preview).toContainText(`单位编码：${s.units[0]!.code}`)
  await expect(preview).toContainText('单位预算公开表')
  await expect(preview).not.toContainText('部门预算公开表')
  await expect(preview.locator('.dd-toc')).toContainText('单位预算信息公开情况说明')
  await expect(preview.locator('.dd-toc')).not.toContainText('部门预算')
  await shot(page, '31b-unit-budget-document')
  // the downloads are named for the unit's 单位预算
  const pdf = await page.request.get(await page.getByTestId('download-pdf').getAttribute('href') as string)
  expect(pdf.ok()).toBe(true)
  expect(decodeURIComponent(pdf.headers()['content-disposition'] ?? '')).toContain(`${s.units[0]!.name}2024年单位预算信息公开.pdf`)
  const base = new URL(page.url()).pathname.replace(/\/preview$/, '')

  // its editing pages are headed by the unit's 单位预算, never 部门预算: 情况说明, 绩效目标, 政府采购与资产
  const editors = [
    ['/notes', '情况说明', '32-unit-budget-notes'],
    ['/performance', '绩效目标', '33-unit-budget-performance'],
    ['/procurement', '政府采购与资产', '34-unit-budget-procurement'],
  ] as const
  for (const [path, name, screenshot] of editors) {
    await page.goto(`${base}${path}`)
    const h1 = page.getByRole('heading', { level: 1 })
    await expect(h1).toContainText(`2024 年单位预算：${s.units[0]!.name} · ${name}`)
    await expect(h1).not.toContainText('部门预算')
    const subnav = page.getByRole('navigation', { name: '2024 年单位预算的编制页面' })
    await expect(subnav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page')
    if (path === '/notes') {
      // the Hebei sections as the unit's document heads them; the generated text names the unit
      await expect(page.locator('#form-overview legend').first()).toHaveText('二、单位预算安排的总体情况')
      await expect(page.locator('form[aria-label="情况说明"] legend', { hasText: '部门预算' })).toHaveCount(0)
      await expect(page.getByText(`留空时为“${s.units[0]!.name}主要职责是：”`)).toBeVisible()
      // and the unit's 职责, not a department's
      await expect(page.locator('#form-duties legend').first()).toHaveText('一、单位职责及机构设置情况')
      await expect(page.getByLabel('单位职责引言')).toBeVisible()
      await expect(page.locator('form[aria-label="情况说明"]')).not.toContainText('部门职责')
    }
    if (path === '/procurement') await expect(page.getByText(`2024年，${s.units[0]!.name}无政府采购预算，空表列示。`)).toBeVisible()
    await shot(page, screenshot)
  }

  // the department's budget keeps its 部门预算 headings
  await page.goto(`/workspace/disclosures/${s.departmentBudget}/notes`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2024 年部门预算 · 情况说明')
  await expect(page.getByRole('navigation', { name: '2024 年部门预算的编制页面' })).toBeVisible()
  await expect(page.locator('#form-overview legend').first()).toHaveText('二、部门预算安排的总体情况')

  // starting a unit's 2025 budget from the workspace
  await page.goto('/workspace')
  await page.getByLabel('新建预算年度').fill('2025')
  await page.getByLabel('预算级次').selectOption(`unit:${s.units[1]!.code}`)
  await page.getByLabel('以哪一年的明细为起点').selectOption('2024')
  await page.getByRole('button', { name: '新建' }).click()
  await page.waitForURL('**/workspace/disclosures/**')
  await page.getByRole('tab', { name: '公开报表预览' }).click()
  await expect(page.locator('.budget-table', { hasText: '单位预算收支总表' }).first()).toBeVisible()
  await page.goto('/workspace')
  await expect(page.getByText(`2025 年单位预算：${s.units[1]!.name}`)).toBeVisible()
})
