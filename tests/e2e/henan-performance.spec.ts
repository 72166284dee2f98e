import { DEMO_PASSWORD, E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * A Henan county department (region in 河南省, so its 2023 budget takes the henan-dept-2023 template)
 * with its budget entered as lines, and its accountant, written straight into the e2e database.
 */
async function henanScenario() {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const f = await import('../factories/db')
  const b = await f.createHenanBudget()
  return { id: b.id, dept: b.dept, accountant: await f.withPassword(b.accountant.id, DEMO_PASSWORD) }
}

const TITLE = '2023年部门（单位）整体绩效目标表（预算11表）'

test('[ACCOUNTANT][HENAN] fills the 部门（单位）整体绩效目标表 (预算11表): 年度履职目标, tasks, indicators by the template’s tree; 预算情况 from the tables; saves and sees it in the document', async ({ page }) => {
  const s = await henanScenario()
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.id}/performance`)
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible()
  const form = page.getByTestId('overall-table-editor')

  // 预算情况 is read from the tables, not typed
  const budget = form.getByTestId('overall-budget')
  await expect(budget.getByTestId('overall-budget-total')).toHaveText('343.96')
  await expect(budget.getByRole('row', { name: /一般公共预算\s*342\.46\s*基本支出\s*258\.96/ })).toBeVisible()
  await expect(budget.getByRole('row', { name: /政府性基金预算\s*0\.00\s*项目支出\s*85\.00/ })).toBeVisible()
  await expect(budget.getByRole('row', { name: /单位资金\s*1\.50/ })).toBeVisible()
  await expect(budget.locator('input')).toHaveCount(0)

  await form.getByLabel('年度履职目标').fill('贯彻落实医疗保障政策，确保医保基金安全平稳运行。\n提升医保经办服务水平，群众办事便捷高效。')
  await form.getByRole('button', { name: '添加任务' }).click()
  await form.getByLabel('年度主要任务第 1 行：任务名称').fill('医保基金监管')
  await form.getByLabel('年度主要任务第 1 行：主要内容').fill('开展定点医药机构专项检查和飞行检查，查处欺诈骗保行为。')
  await form.getByRole('button', { name: '添加任务' }).click()
  await form.getByLabel('年度主要任务第 2 行：任务名称').fill('医保经办服务能力提升')
  await form.getByLabel('年度主要任务第 2 行：主要内容').fill('推进经办大厅标准化建设，实现高频事项“一站式”办理。')

  // the indicators are typed in the spreadsheet grid, keyboard only: 一级, 二级, 三级, 指标值, 指标值说明 on the blank row
  const grid = form.getByRole('grid', { name: '年度绩效指标' })
  const cellOf = (row: number, col: number) => grid.locator('tbody tr[data-row-id]').nth(row).locator('td').nth(col)
  const indicator = async (level1: string, level2: string, level3: string, value: string, note: string) => {
    await grid.focus()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Home')
    for (const text of [level1, level2, level3, value, note]) {
      if (text) {
        await page.keyboard.press('Backspace') // empties the cell and opens it: Chinese is typed into it
        await page.keyboard.type(text)
      }
      await page.keyboard.press('Tab')
    }
  }
  await indicator('投入管理指标', '预算和财务管理', '预算执行率', '≥95%', '年度预算执行进度')
  await indicator('产出指标', '重点工作任务完成', '定点医药机构检查覆盖率', '100%', '辖区定点医药机构全覆盖')
  // a 二级 under another 一级 is marked on its cell with the rule's message; Ctrl+Z takes the change back
  await cellOf(1, 0).click()
  await page.keyboard.press('Backspace')
  await page.keyboard.type('效益指标')
  await page.keyboard.press('Enter')
  await expect(cellOf(1, 1)).toHaveAttribute('aria-invalid', 'true')
  await expect(cellOf(1, 1)).toHaveAttribute('title', /二级指标“重点工作任务完成”不属于一级指标“效益指标”/)
  await page.keyboard.press('Control+z')
  await expect(cellOf(1, 0)).toHaveText('产出指标')
  await expect(cellOf(1, 1)).not.toHaveAttribute('aria-invalid', 'true')
  // the 二级 picker offers the 二级 under the row's 一级 first
  await cellOf(1, 1).click()
  await page.keyboard.press('Backspace') // opens the cell empty: the picker lists what it offers
  await expect(page.getByRole('option').first()).toContainText('重点工作任务完成')
  await expect(page.getByRole('option').nth(1)).toContainText('履职目标实现')
  await page.keyboard.press('Escape')
  await expect(cellOf(1, 1)).toHaveText('重点工作任务完成')
  // typing a 二级 alone puts the row under its 一级
  await indicator('', '履职效益', '医保基金运行安全', '无重大风险', '基金收支平衡')
  await expect(cellOf(2, 0)).toHaveText('效益指标')
  await indicator('满意度', '满意度', '参保群众满意度', '≥90%', '问卷调查')
  await indicator('投入管理指标', '工作目标管理', '', '按时制定', '')

  // a row without 三级指标 is stopped, marked at its cell, with the rule's message
  await form.getByRole('button', { name: '保存整体绩效目标表' }).click()
  await expect(form.getByText('年度绩效指标第 5 行未填写三级指标').first()).toBeVisible()
  await expect(cellOf(4, 2)).toHaveAttribute('aria-invalid', 'true')
  await cellOf(4, 2).click()
  await page.keyboard.press('Backspace')
  await page.keyboard.type('年度工作计划制定')
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: TITLE }).evaluate((h) => h.scrollIntoView({ block: 'start' }))
  await shot(page, '40-henan-overall-table-form')
  await form.getByTestId('overall-indicators').evaluate((t) => t.scrollIntoView({ block: 'center' }))
  await shot(page, '41-henan-overall-table-indicators')

  await form.getByRole('button', { name: '保存整体绩效目标表' }).click()
  // the overall table's own notice and save state (it autosaves against its own version, ADR 017)
  await expect(page.getByTestId('overall-notice')).toContainText('部门整体绩效目标已保存')
  await expect(page.getByTestId('overall-save-state')).toHaveText('已保存')
  // read back from the server: the form holds what was saved
  await expect(page.getByTestId('overall-table-editor').getByLabel('年度主要任务第 2 行：任务名称')).toHaveValue('医保经办服务能力提升')
  await expect(cellOf(3, 2)).toHaveText('参保群众满意度')

  // the document: the 预算11表 after the nine tables, in the official shape
  await page.goto(`/workspace/disclosures/${s.id}/preview`)
  const doc = page.getByTestId('document-preview')
  await expect(doc.getByRole('link', { name: TITLE })).toBeVisible()
  const table = doc.locator('[data-table="overall_performance"]')
  await expect(table.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: '部门（单位）名称' })).toBeVisible()
  await expect(table.getByRole('row', { name: /部门（单位）名称\s*获嘉县医疗保障局/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /年度主要任务\s*任务名称\s*主要内容/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /医保基金监管\s*开展定点医药机构专项检查/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /预算情况（万元）\s*总额\s*按收入性质分\s*按支出性质分/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /343\.96\s*一般公共预算\s*342\.46\s*基本支出\s*258\.96/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /年度绩效指标\s*一级指标\s*二级指标\s*三级指标\s*指标值\s*指标值说明/ })).toBeVisible()
  // rows in the template's order: 投入管理 first although entered after 产出
  await expect(table.getByRole('row', { name: /投入管理指标\s*工作目标管理\s*年度工作计划制定\s*按时制定/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /^预算和财务管理\s*预算执行率\s*≥95%\s*年度预算执行进度$/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /满意度\s*满意度\s*参保群众满意度\s*≥90%\s*问卷调查/ })).toBeVisible()
  await table.evaluate((t) => t.scrollIntoView({ block: 'start' }))
  await shot(page, '42-henan-overall-table-document')

  // the PDF of the same document carries it too
  const pdf = await page.request.get(`/api/disclosures/${s.dept.code}/2023/document?format=pdf`)
  expect(pdf.status()).toBe(200)
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
})
