import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { loadFixture, workbookFor } from '../unit/exchange-support'
import { createScenario, expect, login, shot, test } from './support'

test('[ACCOUNTANT][IMPORT] the preview shows how each column was read; the user gives an unknown column its meaning and the import succeeds', async ({ page }) => {
  const s = await createScenario({ year: 2024 })
  const fx = loadFixture('chengde-2023')
  const dept = { code: s.department.code, name: s.department.name }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-reading-'))
  const file = path.join(dir, '部门预算2024-本地表头.xlsx')
  // an export whose 收入总表 words one header its own way: 财政资金拨入 for 财政拨款收入
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load((await workbookFor(dept, 2024, fx.tables)) as unknown as ArrayBuffer)
  const ws = wb.worksheets.find((w) => w.getCell('A1').value === '部门预算收入总表')!
  ws.eachRow((row) => row.eachCell((c) => void (c.value === '财政拨款收入' ? (c.value = '财政资金拨入') : null)))
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()))

  await login(page, s.accountant)
  await page.goto('/workspace/import')
  await page.getByLabel(/选择工作簿/).setInputFiles(file)
  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('读出 11 张表')
  // one structural finding for the table, no arithmetic on a guess
  await expect(summary.locator('.badge-error')).toHaveText('错误 1')
  const findings = page.getByTestId('import-findings')
  await expect(findings).toContainText('无法识别「部门预算收入总表」表的列：F4“本年收入/财政资金拨入”')
  const reading = page.getByTestId('reading-income_summary')
  await expect(reading).toHaveAttribute('open', '')
  await expect(reading).toContainText('1 列未识别')
  await expect(reading.locator('tr', { hasText: 'D4' })).toContainText('合计')
  await expect(reading).toContainText('类级科目 3 行')
  await reading.scrollIntoViewIfNeeded()
  await shot(page, 'reading-01-unknown-column')

  // the user says what the column is
  await reading.getByLabel('「本年收入/财政资金拨入」列（F4）的含义').selectOption({ label: '本年收入/财政拨款收入' })
  await expect(page.getByTestId('import-meanings')).toContainText('「本年收入/财政资金拨入」')
  await page.getByRole('button', { name: '按指定的列含义重新校验' }).click()
  await expect(summary.locator('.badge-error')).toHaveText('错误 0')
  await expect(summary.locator('.badge-rounding')).toHaveText('尾差 11')
  await expect(page.getByTestId('reading-income_summary')).toContainText('全部识别')
  await shot(page, 'reading-02-column-assigned')

  await page.getByRole('button', { name: '确认导入' }).click()
  await page.waitForURL('**/workspace/disclosures/**')
  await expect(page.getByTestId('imported-banner')).toContainText('已从 部门预算2024-本地表头.xlsx 导入')
  await expect(page.locator('#tbl-income_summary td[data-row="3"][data-col="2"]')).toHaveText('939.97')
  await shot(page, 'reading-03-imported')
  fs.rmSync(dir, { recursive: true, force: true })
})
