import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { Page } from '@playwright/test'
import { listZipEntries } from '../../lib/exchange/zip'
import { createScenario, expect, login, shot, test } from './support'

const PROJECT = '2023 年医疗服务与保障能力提升补助资金'
const SHOTS = path.resolve('tests/e2e/screenshots')

function zipText(buf: Buffer, name: string): string {
  const e = listZipEntries(buf).find((x) => x.name === name)
  if (!e) throw new Error(`${name} missing`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  return (e.method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8')
}

/**
 * Adds a 三级 indicator in the grid's blank row, keyboard only: the 二级 chosen by typing its name
 * (its 一级 follows), then Tab through the row. Backspace opens a cell emptied for Chinese input.
 */
async function addIndicator(page: Page, level2: string, v: { name: string; description: string; operator: string; value: string; unit: string; basis: string }) {
  await page.getByRole('grid', { name: '绩效指标' }).focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight') // 二级指标
  for (const text of [level2, v.name, v.description, v.operator, v.value, v.unit, v.basis]) {
    if (text) {
      await page.keyboard.press('Backspace')
      await page.keyboard.type(text)
    }
    await page.keyboard.press('Tab')
  }
}
const indicatorCell = (page: Page, name: string, col: number) => page.getByRole('grid', { name: '绩效指标' }).locator('tbody tr', { hasText: name }).locator('td').nth(col)
async function retype(page: Page, name: string, col: number, value: string) {
  await indicatorCell(page, name, col).click()
  await page.keyboard.press('Backspace')
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

test('[ACCOUNTANT][DOCUMENT] fills a project’s 绩效目标表 with the indicator tree, previews the document, downloads PDF and Word', async ({ page }) => {
  test.setTimeout(150_000)
  const s = await createScenario()
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.disclosure.id}`)
  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '绩效目标' }).click()
  await expect(page.getByRole('heading', { name: /绩效目标/ }).first()).toBeVisible()
  await expect(page.locator('tr[data-project]')).toHaveCount(7)
  await shot(page, 'document-01-performance-projects')

  await page.getByRole('button', { name: `填写“${PROJECT}”的绩效目标表` }).click()
  const editor = page.getByTestId('target-editor')
  await expect(editor).toBeVisible()
  await editor.getByLabel('年度绩效目标（每行一条）').fill('完成 2024 年度医保信息化、基金监管、政策宣传等工作。')
  await editor.getByLabel('一季度支出计划（万元）').fill('100')
  await editor.getByLabel('二季度支出计划（万元）').fill('150')
  await editor.getByLabel('三季度支出计划（万元）').fill('150')
  await editor.getByLabel('四季度支出计划（万元）').fill('71')
  // a table with no indicators is reported at once
  await expect(editor.getByTestId('notes-findings')).toContainText('没有绩效指标')

  await addIndicator(page, '数量指标', { name: '召开会议次数', description: '召开医保工作新闻发布会、政策吹风会次数', operator: '≥', value: '2', unit: '', basis: '工作计划' })
  // a number without a unit is flagged while typing; the unit clears it
  await expect(editor.getByTestId('notes-findings')).toContainText('没有计量单位')
  await retype(page, '召开会议次数', 6, '次')
  await expect(editor.getByTestId('notes-findings')).not.toContainText('没有计量单位')
  await addIndicator(page, '质量指标', { name: '医保信息系统正常运行率', description: '医保信息系统正常运行率', operator: '≥', value: '90', unit: '%', basis: '冀财社[2022]218 号' })
  await addIndicator(page, '成本指标', { name: '资金成本', description: '此项目资金成本', operator: '≤', value: '471', unit: '万元', basis: '预算批复文件' })
  await addIndicator(page, '社会效益指标', { name: '参保群众政策知晓率', description: '参保群众政策知晓率', operator: '≥', value: '90', unit: '%', basis: '冀财社[2022]218 号' })
  await addIndicator(page, '可持续影响指标', { name: '提升医疗保障能力', description: '是否提升医疗服务与保障能力', operator: '定性', value: '有效提升', unit: '', basis: '工作计划' })
  await addIndicator(page, '服务对象满意度指标', { name: '参保人员满意度', description: '参保人员对医保服务的满意度', operator: '≥', value: '90', unit: '%', basis: '经验标准' })
  // a cost above the project's 471 万元 is an error, shown before saving
  await retype(page, '资金成本', 5, '500')
  await expect(editor.getByTestId('notes-findings')).toContainText('超过项目资金 471.00 万元')
  await retype(page, '资金成本', 5, '471')
  await expect(editor.getByTestId('notes-findings')).not.toContainText('超过项目资金')
  await expect(indicatorCell(page, '参保人员满意度', 0)).toHaveText('满意度指标')
  await page.getByRole('grid', { name: '绩效指标' }).scrollIntoViewIfNeeded()
  await shot(page, 'document-02-indicator-tree')

  await editor.getByRole('button', { name: '保存绩效目标表' }).click()
  await expect(page.getByTestId('perf-notice')).toHaveText('绩效目标表已保存')
  await expect(page.locator(`tr[data-project="447-2023-03"]`)).toContainText('6 个指标')
  await shot(page, 'document-03-target-saved')

  // 情况说明: a number typed into free text that contradicts the tables is flagged where it is
  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '情况说明' }).click()
  await expect(page.getByTestId('generated-overview')).toContainText('2024年预算收入2350.50万元，其中：一般公共预算拨款收入2275.24万元，上年结转75.26万元。')
  await shot(page, 'document-04a-notes-editor')
  await page.getByLabel('其他需要说明的事项').fill('本部门一般公共预算拨款收入 2350.50 万元，其他无需说明。')
  await page.getByRole('button', { name: '保存情况说明' }).click()
  await expect(page.getByTestId('notes-notice')).toHaveText('情况说明已保存')
  const finding = page.getByTestId('notes-findings').locator('li[data-rule="notes.number_mismatch"]')
  await expect(finding).toContainText('报表为 2275.24 万元')
  await finding.getByRole('button', { name: '定位到填写处' }).click()
  await expect(page.getByLabel('其他需要说明的事项')).toBeFocused()
  await shot(page, 'document-04-notes-number-flagged')

  // preview: the complete document with the new table
  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '预览与下载' }).click()
  const preview = page.getByTestId('document-preview')
  await expect(preview.locator('[data-table="income_expenditure_summary"]')).toContainText('2350.50')
  const target = preview.locator('[data-project="447-2023-03"]')
  await expect(target).toContainText('召开会议次数')
  await expect(target).toContainText('≥2 次')
  await expect(target).toContainText('≤471 万元')
  await expect(target).toContainText('一季度 100.00')
  await shot(page, 'document-05-preview-top')
  await target.scrollIntoViewIfNeeded()
  await shot(page, 'document-06-preview-target-table')

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'document-e2e-'))
  const [pdfDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()])
  expect(pdfDl.suggestedFilename()).toBe(`${s.department.name}2024年部门预算信息公开.pdf`)
  const pdfFile = path.join(dir, 'document.pdf')
  await pdfDl.saveAs(pdfFile)
  const pdf = fs.readFileSync(pdfFile)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const text = execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })
  expect(text).toContain('部门预算收支总表')
  expect(text).toContain('召开会议次数')
  expect(text).toContain('五、预算绩效信息')
  // the PDF's page with the new target table, as an image beside the screenshots
  const pages = text.split('\f')
  const n = pages.findIndex((p) => p.includes('召开会议次数')) + 1
  execFileSync('pdftoppm', ['-f', String(n), '-l', String(n), '-r', '70', '-png', '-singlefile', pdfFile, path.join(SHOTS, 'document-07-pdf-target-page')])

  const [docxDl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()])
  expect(docxDl.suggestedFilename()).toBe(`${s.department.name}2024年部门预算信息公开.docx`)
  const docxFile = path.join(dir, 'document.docx')
  await docxDl.saveAs(docxFile)
  const docx = fs.readFileSync(docxFile)
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
  const xml = zipText(docx, 'word/document.xml')
  expect(xml).toContain('召开会议次数')
  expect(xml).toContain('<w:tblHeader/>')
  expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(13)
})

test('[ACCOUNTANT][PROCUREMENT] enters a purchase: 数量 × 单价 fills the amount, the table and the statement follow', async ({ page }) => {
  const s = await createScenario()
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.disclosure.id}/procurement`)
  await expect(page.getByText('没有采购项目')).toBeVisible()
  // typed into the grid's blank row, keyboard only
  const grid = page.getByRole('grid', { name: '政府采购预算' })
  await grid.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Home')
  await page.keyboard.type('447-2023-03')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('台式计算机')
  await page.keyboard.press('Tab')
  await page.keyboard.type('A02010104')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Backspace')
  await page.keyboard.type('台')
  await page.keyboard.press('Tab')
  await page.keyboard.type('2')
  await page.keyboard.press('Tab')
  await page.keyboard.type('4500')
  await page.keyboard.press('Enter')
  const item = grid.locator('tbody tr').first()
  await page.getByRole('button', { name: '按数量 × 单价填入空白金额（一般公共预算拨款）' }).click()
  await expect(item).toContainText('0.90（= 数量 × 单价）')
  // a different amount is named before saving
  const general = item.locator('td').nth(6)
  await general.click()
  await page.keyboard.type('9100')
  await page.keyboard.press('Enter')
  await expect(item).toContainText('与数量 × 单价 = 0.90 不符')
  await general.click()
  await page.keyboard.type('9000')
  await page.keyboard.press('Enter')
  const vehicles = page.getByRole('grid', { name: '固定资产占用情况' }).locator('tbody tr', { hasText: '车辆（台、辆）' })
  await vehicles.locator('td').nth(1).click()
  await page.keyboard.type('4')
  await page.keyboard.press('Tab')
  await page.keyboard.type('749580.00')
  await page.keyboard.press('Enter')
  await page.getByRole('button', { name: '保存政府采购与资产' }).click()
  await expect(page.getByTestId('procurement-notice')).toHaveText('政府采购与资产已保存')
  await expect(page.getByTestId('procurement-total')).toHaveText('0.90')
  await shot(page, 'document-08-procurement')

  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '预览与下载' }).click()
  const preview = page.getByTestId('document-preview')
  await expect(preview.locator('[data-section="procurement"]')).toContainText('安排政府采购预算0.90万元')
  await expect(preview.locator('[data-section="procurement"] table')).toContainText('台式计算机')
  await expect(preview.locator('[data-section="assets"]')).toContainText('74.96')
})

test('[ADMIN][GLOSSARY] edits the region’s 名词解释, which the region’s documents print', async ({ page }) => {
  const s = await createScenario()
  await login(page, s.admin)
  await page.goto(`/admin/glossary?region=${s.region.id}`)
  await expect(page.getByText('尚未设置名词解释')).toBeVisible()
  await page.getByLabel('第 1 条解释').fill('指市级财政当年拨付的资金。')
  await page.getByRole('button', { name: /保存.*名词解释/ }).click()
  await expect(page.getByTestId('glossary-notice')).toHaveText('名词解释已保存')
  await shot(page, 'document-09-glossary')
  const res = await page.request.get(`/api/disclosures/${s.department.code}/2024/document?format=html`)
  expect(res.status()).toBe(200)
  expect(await res.text()).toContain('<strong>1、一般公共预算拨款收入：</strong>指市级财政当年拨付的资金。')
})
