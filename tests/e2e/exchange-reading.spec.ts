import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { loadFixture, workbookFor } from '../unit/exchange-support'
import { extras, withExtras } from '../unit/exchange-extra-support'
import { expectNoSeriousA11y } from './a11y'
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

test('[ACCOUNTANT][IMPORT] tables beyond the template (项目支出表, 政府采购预算表, 绩效目标表) are shown in the preview, imported and shown with the disclosure', async ({ page }) => {
  // two accessibility scans of pages with a dozen tables each
  test.setTimeout(180_000)
  const s = await createScenario({ year: 2024 })
  const fx = loadFixture('chengde-2023')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-extra-'))
  const file = path.join(dir, '部门预算2024-含项目表.xlsx')
  const { printed, expected } = extras(2024, '万元')
  fs.writeFileSync(file, await withExtras(await workbookFor({ code: s.department.code, name: s.department.name }, 2024, fx.tables), printed))

  await login(page, s.accountant)
  await page.goto('/workspace/import')
  await page.getByLabel(/选择工作簿/).setInputFiles(file)
  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText('读出 11 张表')
  await expect(page.getByTestId('import-extras')).toContainText(`另有 ${expected.length} 张模板以外的表，按原样导入`)
  await expect(summary).not.toContainText('未识别、已忽略的工作表')
  const project = page.getByTestId('extra-table').filter({ hasText: expected[0]!.title })
  await expect(project.locator('tbody tr')).toHaveCount(expected[0]!.rows.length)
  await expect(project).toContainText('医疗救助彩票公益金项目')
  await project.scrollIntoViewIfNeeded()
  await shot(page, 'reading-04-extra-tables-preview')
  await expectNoSeriousA11y(page, 'import preview with tables beyond the template')

  await page.getByRole('button', { name: '确认导入' }).click()
  await page.waitForURL('**/workspace/disclosures/**')
  await expect(page.getByRole('heading', { name: '模板以外的表（按导入原样）' })).toBeVisible()
  await expect(page.getByTestId('extra-table')).toHaveCount(expected.length)
  await page.getByTestId('extra-table').last().scrollIntoViewIfNeeded()
  await shot(page, 'reading-05-extra-tables-disclosure')
  await expectNoSeriousA11y(page, 'disclosure with tables beyond the template')
  fs.rmSync(dir, { recursive: true, force: true })
})
