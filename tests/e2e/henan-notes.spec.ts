import { DEMO_PASSWORD, E2E_DATABASE_URL, expect, login, shot, test } from './support'

const TYPES = ['副部（省）级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车']

/**
 * A department in a Henan region with its 2023 budget (the henan-dept-2023 template), entered as
 * lines, with 3 vehicles in its 固定资产 table, written straight into the e2e database.
 */
async function henanScenario() {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const b = await f.createHenanBudget({ extra: { fixedAssets: [{ category: 'vehicles', quantity: '3', value: 450_000_00 }] } })
  return { id: b.id, dept: b.dept, accountant: await f.withPassword(b.accountant.id, DEMO_PASSWORD) }
}

test('[ACCOUNTANT][NOTES][HENAN] the notes follow the Henan template: 部门概况, 情况说明 一–九 with vehicles by type, 名词解释; counts typed, saved and printed in the document', async ({ page }) => {
  const s = await henanScenario()
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.id}`)
  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '情况说明' }).click()
  await page.waitForURL('**/notes')

  // the template's parts and sections, in its order and wording — not Hebei's 一 to 九
  await expect(page.getByTestId('notes-layout-note')).toContainText('河南省部门预算公开表（2023年）')
  const form = page.getByRole('form', { name: '情况说明' })
  await expect(form.getByRole('heading', { level: 2 })).toHaveText(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
  const legends = await form.locator('legend').allTextContents()
  expect(legends).toEqual([
    '一、主要职能',
    '二、部门预算单位构成',
    '一、收支预算总体情况',
    '二、收入预算总体情况',
    '三、支出预算总体情况',
    '四、财政拨款收支预算总体情况',
    '五、一般公共预算支出情况',
    '六、一般公共预算基本支出情况',
    '七、一般公共预算“三公”经费支出情况',
    '八、政府性基金预算支出情况',
    '九、其他重要事项的情况说明',
    '（一）机构运转经费',
    '（二）政府采购情况',
    '（三）国有资产占用情况',
    '（四）预算绩效管理情况',
    '名词解释',
  ])
  await expect(form.getByText('二、部门预算安排的总体情况')).toHaveCount(0)
  // the generated figures are read-only text; only what is typed has inputs
  await expect(page.getByTestId('generated-income')).toContainText('获嘉县医疗保障局2023年收入合计343.96万元')
  await expect(page.locator('#form-income').locator('input, textarea, select')).toHaveCount(0)
  await page.getByLabel('部门职责（每行一条，自动编号“（一）（二）……”）').fill('贯彻执行医疗保障法律法规和政策。\n负责全县医疗保障基金监督管理。')
  await shot(page, 'henan-notes-01-parts')

  // the finding asks for the vehicles by type and takes the accountant to the first input
  const findings = page.getByTestId('notes-findings')
  const missing = findings.locator('li[data-rule="notes.vehicle_types_missing"]')
  await expect(missing).toContainText('尚未填写各车型的车辆数')
  await missing.getByRole('button', { name: '定位到填写处' }).click()
  await expect(page.getByLabel(TYPES[0]!, { exact: true })).toBeFocused()

  // typed with the keyboard, type after type; a negative count is refused at its field
  const counts = [0, 1, 0, 0, -1, 0, 0, 0]
  for (const [i, n] of counts.entries()) {
    await page.keyboard.type(String(n))
    if (i < counts.length - 1) await page.keyboard.press('Tab')
  }
  await page.getByLabel('单价50万元以上通用设备（台、套）').fill('1')
  await page.getByRole('button', { name: '保存情况说明' }).click()
  await expect(page.getByTestId('notes-notice')).toContainText('国有资产占用情况中“执法执勤用车”的车辆数不能为负数')
  await expect(page.locator('#form-assets').getByRole('alert')).toHaveText('国有资产占用情况中“执法执勤用车”的车辆数不能为负数')
  await page.locator('#form-assets').scrollIntoViewIfNeeded()
  await shot(page, 'henan-notes-02-negative-count')

  await page.getByLabel('执法执勤用车', { exact: true }).fill('2')
  await expect(page.getByTestId('vehicles-sum')).toHaveText('已填 8 / 8 个车型，合计 3 辆')
  await page.getByLabel('执法执勤用车', { exact: true }).press('Enter')
  await expect(page.getByTestId('notes-notice')).toContainText('情况说明已保存')
  await expect(page.getByText('有未保存的修改')).toHaveCount(0)
  const sentence = '截至2022年底，获嘉县医疗保障局共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车1辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车2辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车0辆；单价50万元以上通用设备1台（套）。'
  await expect(page.getByTestId('generated-assets')).toContainText(sentence)
  await expect(findings.locator('li[data-rule^="notes.vehicle"]')).toHaveCount(0)
  await expect(page.getByLabel('执法执勤用车', { exact: true })).toHaveValue('2')
  await page.getByTestId('generated-assets').scrollIntoViewIfNeeded()
  await shot(page, 'henan-notes-03-saved')

  // the document preview prints it under （三）国有资产占用情况 of 第二部分
  await page.getByRole('navigation', { name: /编制页面/ }).getByRole('link', { name: '预览与下载' }).click()
  const doc = page.getByTestId('document-preview')
  await expect(doc).toContainText('第二部分 2023年部门预算情况说明')
  const para = doc.getByText(sentence)
  await expect(para).toBeVisible()
  await para.scrollIntoViewIfNeeded()
  await shot(page, 'henan-notes-04-preview')

  // after a reload the counts are still there
  await page.goto(`/workspace/disclosures/${s.id}/notes`)
  await expect(page.getByLabel('主要负责人用车', { exact: true })).toHaveValue('1')
  await expect(page.getByLabel('单价50万元以上通用设备（台、套）')).toHaveValue('1')
})
