import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadFixture, withValue, workbookFor } from '../unit/exchange-support'
import { createScenario, expect, login, shot, test } from './support'

test('[ACCOUNTANT][IMPORT] uploads a workbook with an error, finds its cell, fixes the source, re-uploads, imports and sees the tables', async ({ page }) => {
  const s = await createScenario({ year: 2024 })
  const fx = loadFixture('chengde-2023')
  const dept = { code: s.department.code, name: s.department.name }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-import-'))
  const file = path.join(dir, '部门预算2024.xlsx')
  // the source as exported by the budget system, with one slip: 2080109 合计 939.97 typed as 949.97
  fs.writeFileSync(file, await workbookFor(dept, 2024, withValue(fx.tables, 'income_summary', 3, 2, 949.97)))

  await login(page, s.accountant)
  await page.getByRole('link', { name: '从 Excel 导入预算报表' }).click()
  await expect(page.getByRole('heading', { name: /导入预算报表/ })).toBeVisible()
  await shot(page, 'exchange-01-import-page')

  await page.getByLabel(/选择工作簿/).setInputFiles(file)
  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('读出 11 张表')
  await expect(summary.locator('.badge-error')).not.toHaveText('错误 0')
  await expect(page.getByTestId('import-confirm')).toContainText('已有草稿')
  // errors: importing needs an explicit confirmation
  await expect(page.getByRole('button', { name: /仍然导入/ })).toBeDisabled()
  const finding = page.getByTestId('import-findings').getByRole('button', { name: /部门预算收入总表 D9/ }).first()
  await expect(finding).toContainText('949.97')
  await shot(page, 'exchange-02-findings-beside-preview')

  await finding.click()
  const cell = page.locator('#imp-income_summary td[data-row="3"][data-col="2"]')
  await expect(cell).toHaveClass(/highlight/)
  await expect(cell).toHaveText('949.97')
  await expect(cell).toBeInViewport()
  await shot(page, 'exchange-03-finding-cell-highlighted')

  // fix the source and upload it again
  fs.writeFileSync(file, await workbookFor(dept, 2024, fx.tables))
  await page.getByLabel(/选择工作簿/).setInputFiles(file)
  await expect(summary.locator('.badge-error')).toHaveText('错误 0')
  await expect(summary.locator('.badge-rounding')).toHaveText('尾差 11')
  await shot(page, 'exchange-04-fixed-source-reuploaded')

  await page.getByRole('button', { name: '确认导入' }).click()
  await page.waitForURL('**/workspace/disclosures/**')
  await expect(page.getByTestId('imported-banner')).toContainText('已从 部门预算2024.xlsx 导入')
  await expect(page.getByRole('tab', { name: /支出明细/ })).toHaveCount(0)
  const ies = page.locator('#tbl-income_expenditure_summary')
  await expect(ies).toContainText('部门预算收支总表')
  await expect(ies.locator('tr', { hasText: '收入总计' })).toContainText('2350.50')
  await expect(page.locator('#tbl-income_summary td[data-row="3"][data-col="2"]')).toHaveText('939.97')
  await shot(page, 'exchange-05-imported-tables')

  // the same tables come back out as a workbook
  await page.getByText('导出报表').click()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Excel 工作簿/ }).click()])
  expect(download.suggestedFilename()).toBe(`${s.department.code}-2024-部门预算.xlsx`)
  fs.rmSync(dir, { recursive: true, force: true })
})
