import { createScenario, expect, login, shot, test } from './support'

test('[ACCOUNTANT][PROJECTS][三公] adds a project, puts a line on it, enters 三公 and sees the tables follow', async ({ page }) => {
  const s = await createScenario()
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.disclosure.id}`)
  await page.getByRole('tab', { name: /项目（/ }).click()
  await page.getByRole('button', { name: '新增项目' }).click()
  await page.getByLabel('项目编码').fill('P-2024-99')
  await page.getByLabel('项目名称').fill('2024 年医保信息化建设经费')
  await page.getByRole('button', { name: '保存项目' }).click()
  await expect(page.getByTestId('notice')).toHaveText('项目已添加')
  await expect(page.getByRole('cell', { name: '2024 年医保信息化建设经费' })).toBeVisible()

  await page.getByRole('tab', { name: /支出明细/ }).click()
  // a project line typed in the grid's blank row: codes, 支出类型 and 项目 chosen by typing, then the amount
  const grid = page.getByRole('grid', { name: '支出明细' })
  await grid.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('2101599')
  await page.keyboard.press('Tab')
  await page.keyboard.type('30299')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab') // 资金性质
  await page.keyboard.press('Backspace') // empties the cell and opens it: Chinese is typed into it
  await page.keyboard.type('项目')
  await page.keyboard.press('Tab') // 项目支出
  await page.keyboard.type('P-2024-99')
  await page.keyboard.press('Tab')
  await page.keyboard.type('50000')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('save-state-expenditure')).toHaveText('已保存')
  await expect(grid.locator('tbody tr[data-row-id]').last()).toContainText('2024 年医保信息化建设经费')

  await page.getByRole('tab', { name: /项目（/ }).click()
  const row = page.getByRole('row', { name: /P-2024-99/ })
  await expect(row).toContainText('50,000.00')
  // a project that carries lines cannot be deleted
  page.once('dialog', (d) => void d.accept())
  await row.getByRole('button', { name: '删除' }).click()
  await expect(page.getByTestId('notice')).toContainText('下还有 1 行支出明细')
  await shot(page, '11-projects')

  await page.getByRole('tab', { name: '“三公”经费' }).click()
  const tp = page.getByRole('grid', { name: '“三公”经费填报' })
  await tp.locator('tbody tr', { hasText: '公务接待费' }).locator('td').nth(2).click()
  await page.keyboard.type('5000')
  await page.keyboard.press('Enter')
  await page.getByLabel('公务用车保有量（辆）').fill('4')
  await page.getByRole('button', { name: '保存“三公”经费' }).click()
  await expect(page.getByTestId('notice')).toHaveText('“三公”经费已保存')
  const t = page.locator('.budget-table', { hasText: '“三公”经费支出表' })
  // 公务接待费 0.33 万元 (3300 元) became 5000 元 = 0.50; 小计 = 1.40 + 0.50 = 1.90
  await expect(t.getByRole('row', { name: /三、公务接待费/ })).toContainText('0.50')
  await expect(t.getByRole('row', { name: /“三公”经费小计/ })).toContainText('1.90')
  await shot(page, '12-three-public')
  // 三公 now disagrees with the 30217 line of the basic table: a located warning, not an error
  await page.getByRole('tab', { name: /校验结果/ }).click()
  await expect(page.locator('.findings li.warning[data-rule="cross.three_public_economic"]')).toContainText('公务接待费')
})
