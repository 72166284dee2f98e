import { createScenario, expect, login, shot, test } from './support'

test('[ACCOUNTANT][ENTRY] adds a line by keyboard, sees 支出总表 change, pastes rows, gets a located error', async ({ page }) => {
  const s = await createScenario()
  const unit = `${s.department.code}-447001`
  await login(page, s.accountant)
  await shot(page, '01-accountant-workspace')
  await page.locator('.card', { hasText: '2024 年部门预算' }).getByRole('link', { name: '编辑' }).click()
  await expect(page.getByRole('heading', { name: /2024 年部门预算/ })).toBeVisible()
  await expect(page.getByTestId('total-expenditure')).toHaveText('2350.50')
  await shot(page, '02-editor-expenditure-grid')

  // keyboard only, from the function code of the new row: code picker, Tab through the fields, Enter saves
  await page.getByLabel('新增行 功能分类科目（项）').click()
  await page.keyboard.type('2101501')
  await page.keyboard.press('Tab')
  await page.keyboard.type('30201')
  await page.keyboard.press('Tab') // 资金性质 (一般公共预算)
  await page.keyboard.press('Tab') // 支出类型 (基本支出)
  await page.keyboard.press('Tab') // 项目 (无)
  await page.keyboard.press('Tab') // 金额
  await page.keyboard.type('12345.67')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('notice')).toHaveText('已添加')
  // 2350.502 万元 + 1.234567 万元 = 2351.736567 → 2351.74
  await expect(page.getByTestId('total-expenditure')).toHaveText('2351.74')
  await shot(page, '03-line-added-by-keyboard')

  await page.getByRole('tab', { name: '公开报表预览' }).click()
  const summary = page.locator('#tbl-expenditure_summary')
  await expect(summary.locator('tbody tr').first()).toContainText('2351.74')
  await summary.scrollIntoViewIfNeeded()
  await shot(page, '04-expenditure-summary-updated')

  // three rows copied from Excel, one with a code that does not exist: nothing is added, the error names row and column
  await page.getByRole('tab', { name: /支出明细/ }).click()
  const before = await page.locator('[data-testid="grid-expenditure"] tbody tr[data-row-id]').count()
  const bad = [`${unit}\t2101501 行政运行\t30201\t一般公共预算\t基本支出\t\t100.00`, `${unit}\t2101598\t30201\t一般公共预算\t基本支出\t\t200.00`, `${unit}\t2101501\t30207\t一般公共预算\t基本支出\t\t300.00`].join('\n')
  await page.getByText('从 Excel 粘贴多行').click()
  await page.getByLabel('粘贴内容').fill(bad)
  await page.getByRole('button', { name: '导入粘贴内容' }).click()
  await expect(page.getByTestId('notice')).toContainText('第 2 行「功能分类科目编码」')
  await expect(page.getByTestId('notice')).toContainText('2101598 不在 2024 年支出功能分类科目表中')
  await expect(page.locator('[data-testid="grid-expenditure"] tbody tr[data-row-id]')).toHaveCount(before)
  await shot(page, '05-paste-located-error')

  // the same block with the code corrected goes in whole, through a real paste event on the grid
  await page.getByLabel('粘贴内容').fill('')
  const good = bad.replace('2101598', '2101599')
  await page.locator('[data-testid="grid-expenditure"]').evaluate((el, text) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', text)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, good)
  await expect(page.getByTestId('notice')).toHaveText('已粘贴 3 行')
  await expect(page.locator('[data-testid="grid-expenditure"] tbody tr[data-row-id]')).toHaveCount(before + 3)
  await expect(page.getByTestId('total-expenditure')).toHaveText('2351.80')
  await shot(page, '06-paste-accepted')

  // keyboard editing of an existing cell: arrows, Enter to edit, Enter to save
  await page.locator('[data-testid="grid-expenditure"] tbody tr[data-row-id]').last().locator('td').last().click()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('400.00')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('notice')).toHaveText('已保存')
  await expect(page.getByTestId('total-expenditure')).toHaveText('2351.81')

  await page.getByRole('tab', { name: /校验结果/ }).click()
  await expect(page.locator('.findings li.error').first()).toBeVisible()
  await shot(page, '07-findings')
})
