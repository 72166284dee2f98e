import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expectNoSeriousA11y } from './a11y'
import { createScenario, expect, login, shot, test } from './support'

const seeds = path.resolve(import.meta.dirname, '../fixtures/seeds')

/** A disclosure this product publishes, as PDF, with one defect in its text (增加增加). */
function publishedPdfWithDefect(): Buffer {
  const out = path.join(os.tmpdir(), `inspect-${process.pid}.pdf`)
  const r = spawnSync('npx', ['tsx', '--import', './scripts/server-only-hook.mjs', 'tests/support/make-defect-pdf.ts', out], { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 120_000 })
  if (r.status !== 0) throw new Error(r.stderr)
  return fs.readFileSync(out)
}

test('[REVIEWER][INSPECT] uploads three published documents, opens a finding and sees its page, downloads the region summary', async ({ page }) => {
  test.setTimeout(240_000)
  const s = await createScenario()
  await login(page, s.reviewer)
  await page.goto('/review')
  await page.getByRole('link', { name: '公开文件检查' }).click()
  await expect(page.getByRole('heading', { name: '公开文件检查' })).toBeVisible()

  await page.getByTestId('inspect-files').setInputFiles([
    { name: '承德市医疗保障局2023年部门预算.pdf', mimeType: 'application/pdf', buffer: publishedPdfWithDefect() },
    { name: 'laiyuan-2024.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(seeds, 'laiyuan-2024.txt')) },
    { name: 'laoting-2022.txt', mimeType: 'text/plain', buffer: fs.readFileSync(path.join(seeds, 'laoting-2022.txt')) },
  ])
  await page.getByRole('button', { name: '开始检查' }).click()
  const summary = page.getByTestId('inspect-summary')
  await expect(summary.locator('tbody tr')).toHaveCount(3, { timeout: 120_000 })
  await expect(summary.locator('tbody tr', { hasText: 'laiyuan-2024.txt' })).toContainText('涞源县医疗保障局本级')
  await shot(page, 'inspect-summary')

  // the laiyuan report: the 会议费 finding
  await page.getByRole('button', { name: '查看 laiyuan-2024.txt 的检查结果' }).click()
  await expect(page.getByTestId('inspect-findings')).toContainText('会议费')
  await expectNoSeriousA11y(page, '/review/inspect with a report shown')

  // the PDF: the doubled word, shown on its page with the sentence marked
  await page.getByRole('button', { name: /查看 承德市医疗保障局2023年部门预算\.pdf/ }).click()
  const finding = page.getByTestId('inspect-findings').getByRole('button', { name: /“增加增加”词语重复/ })
  await expect(finding).toContainText(/第 \d+ 页/)
  await finding.click()
  const view = page.getByTestId('inspect-page')
  await expect(view.locator('figcaption')).toHaveText(/第 \d+ 页/)
  const pageNo = Number(/第 (\d+) 页/.exec((await view.locator('figcaption').textContent()) ?? '')![1])
  // the page as printed: an image rendered for this reviewer, with a Chinese description
  const img = view.getByTestId('inspect-page-image')
  await expect(img).toHaveAttribute('alt', new RegExp(`第 ${pageNo} 页的页面图像，问题所在语句：.*增加增加.*已在图中用黄色框标出`))
  // the sentence is marked on the image
  await expect(view.getByTestId('inspect-image-mark').first()).toBeVisible()
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(300)
  const src = (await img.getAttribute('src'))!
  const png = await page.request.get(src)
  expect(png.headers()['content-type']).toBe('image/png')
  // and the page's text beside it, the sentence marked
  await expect(view.getByTestId('inspect-mark').first()).toContainText('增加增加')
  await expectNoSeriousA11y(page, '/review/inspect with a report and its page shown')
  await img.scrollIntoViewIfNeeded()
  await shot(page, 'inspect-finding-page')

  // the region summary, as XLSX and as PDF
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总（Excel）' }).click()])
  expect(xlsx.suggestedFilename()).toMatch(/预算公开检查汇总\.xlsx$/)
  const xlsxBytes = fs.readFileSync((await xlsx.path())!)
  expect(xlsxBytes.subarray(0, 2).toString()).toBe('PK')
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总（PDF）' }).click()])
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  expect(fs.readFileSync((await pdf.path())!).subarray(0, 4).toString()).toBe('%PDF')
})

test('[ACCOUNTANT] cannot open the inspection workspace or its API', async ({ page }) => {
  const s = await createScenario()
  await login(page, s.accountant)
  await page.goto('/review/inspect')
  await expect(page.getByText('公开文件检查仅供财政局审核人员和系统管理员使用。')).toBeVisible()
  const res = await page.request.post('/api/review/inspect', { multipart: { file: { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('x') } } })
  expect(res.status()).toBe(403)
  expect((await page.request.get('/api/review/inspect/page?doc=00000000-0000-4000-8000-000000000000&page=1')).status()).toBe(403)
})
