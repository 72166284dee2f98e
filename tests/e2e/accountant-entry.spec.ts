import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { createScenario, expect, login, shot, test } from './support'

const grid = (page: Page) => page.getByRole('grid', { name: '支出明细' })
const dataRows = (page: Page) => grid(page).locator('tbody tr[data-row-id]')
const saved = (page: Page) => expect(page.getByTestId('save-state-expenditure')).toHaveText('已保存', { timeout: 20_000 })
const cell = (page: Page, row: number, col: number) => grid(page).locator('tbody tr').nth(row).locator('td').nth(col)
const AMOUNT = 6

async function seriousAxe(page: Page, name: string) {
  const r = await new AxeBuilder({ page }).analyze()
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

test('[ACCOUNTANT][ENTRY] keyboard only, as in Excel: Tab into the grid, add a line by name, overwrite, fill down, delete five rows in one step, undo, redo, paste 12 rows', async ({ page, context }) => {
  test.setTimeout(240_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  page.on('dialog', (d) => {
    throw new Error(`unexpected browser dialog: ${d.message()}`)
  })
  const s = await createScenario()
  const unit = `${s.department.code}-447001`
  await login(page, s.accountant)
  await shot(page, '01-accountant-workspace')
  await page.locator('.card', { hasText: '2024 年部门预算' }).getByRole('link', { name: '编辑' }).click()
  await expect(page.getByRole('heading', { name: /2024 年部门预算/ })).toBeVisible()
  await expect(page.getByTestId('total-expenditure')).toHaveText('2350.50')
  const startRows = await dataRows(page).count()
  await seriousAxe(page, 'editor')
  await shot(page, '02-editor-expenditure-grid')

  // 1. Tab reaches the grid
  await page.getByRole('tab', { name: /支出明细/ }).focus()
  for (let i = 0; i < 30 && !(await grid(page).evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(grid(page)).toBeFocused()
  await expect(cell(page, 0, 0)).toHaveAttribute('aria-selected', 'true')
  await shot(page, '03-grid-reached-with-tab')

  // 2. a new line on the blank row: the function code found by typing its name, the list visible above the grid
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('F2')
  await page.keyboard.type('行政运行')
  const list = page.getByTestId('picker-list')
  await expect(list).toBeVisible()
  await expect(list.getByRole('option').first()).toContainText('行政运行')
  // the list is drawn above the grid's scroll box: its options are on screen, not clipped
  await expect(list.getByRole('option').first()).toBeInViewport()
  await expect(list.getByRole('option').nth(2)).toBeInViewport()
  await shot(page, '04-picker-list-by-name')
  const chosenCode = (await list.getByRole('option').first().locator('.code').innerText()).trim()
  await page.keyboard.press('Tab')
  await page.keyboard.type('30201')
  await page.keyboard.press('Tab') // commits 30201, on to 资金性质
  await page.keyboard.press('Tab') // 资金性质 stays 一般公共预算
  await page.keyboard.press('Tab') // 支出类型 stays 基本支出
  await page.keyboard.press('Tab') // 项目 stays empty
  await page.keyboard.type('12345.67')
  await page.keyboard.press('Enter')
  const added = dataRows(page).nth(startRows)
  await expect(added.locator('td').nth(1)).toHaveText(new RegExp(`^${chosenCode} .*行政运行$`)) // the code cell shows code + name
  await expect(added.locator('td').nth(2)).toContainText('30201 ')
  await saved(page)
  // 2350.502 万元 + 1.234567 万元 = 2351.736567 → 2351.74
  await expect(page.getByTestId('total-expenditure')).toHaveText('2351.74')
  await shot(page, '05-line-added-by-keyboard')

  // a required value emptied: the line is held back, the status names its row and column in Chinese, the cell is marked
  await page.keyboard.press('Control+End')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('save-state-expenditure')).toContainText(`第 ${startRows + 1} 行「金额（元）」：金额为空`)
  await expect(added.locator('td').nth(AMOUNT)).toHaveAttribute('aria-invalid', 'true')
  await expect(added.locator('td').nth(AMOUNT)).toHaveClass(/cell-error/)
  await shot(page, '05b-empty-amount-flagged')
  await page.keyboard.press('Control+z')
  await saved(page)
  await expect(page.getByTestId('total-expenditure')).toHaveText('2351.74')

  // 3. overwrite an amount by typing on the selected cell
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < AMOUNT; i++) await page.keyboard.press('ArrowRight')
  await page.keyboard.type('500')
  await page.keyboard.press('Enter')
  await expect(cell(page, 0, AMOUNT)).toHaveText('500.00')
  await saved(page)
  await shot(page, '06-amount-overwritten')

  // 4. fill down three rows (Shift+↓ ×3, Ctrl+D)
  await page.keyboard.press('ArrowUp')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Control+d')
  for (let r = 1; r <= 3; r++) await expect(cell(page, r, AMOUNT)).toHaveText('500.00')
  await saved(page)
  const afterFill = await page.getByTestId('total-expenditure').innerText()
  await shot(page, '07-filled-down-three-rows')

  // 5. select five rows and delete them in one action, without a browser confirm
  const countBefore = await dataRows(page).count()
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Shift+Space')
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown')
  await shot(page, '08-five-rows-selected')
  await page.keyboard.press('Control+-')
  await expect(dataRows(page)).toHaveCount(countBefore - 5)
  await expect(page.getByTestId('grid-message')).toContainText('已删除 5 行')
  await saved(page)
  await expect(page.getByTestId('total-expenditure')).not.toHaveText(afterFill)
  await shot(page, '09-five-rows-deleted')

  // 6. undo brings all five back, redo deletes them again; both are saved
  await page.keyboard.press('Control+z')
  await expect(dataRows(page)).toHaveCount(countBefore)
  await expect(cell(page, 0, AMOUNT)).toHaveText('500.00')
  await saved(page)
  await expect(page.getByTestId('total-expenditure')).toHaveText(afterFill)
  await shot(page, '10-undo-delete')
  await page.keyboard.press('Control+y')
  await expect(dataRows(page)).toHaveCount(countBefore - 5)
  await saved(page)
  await shot(page, '11-redo-delete')

  // 7. copy a range as TSV
  await page.keyboard.press('Control+Home')
  await page.keyboard.press('Shift+ArrowDown')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Control+c')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.split(/\r?\n/)).toHaveLength(2)
  expect(copied.split(/\r?\n/)[0]!.split('\t')).toHaveLength(2)

  // 8. a 12-row block pasted at the blank row: first with one unknown code (nothing added, the place named), then corrected
  const block = (bad: boolean) =>
    Array.from({ length: 12 }, (_, i) => [unit, bad && i === 4 ? '2101598' : '2101501 行政运行', '30201', '一般公共预算', '基本支出', '', `${i + 1}00.00`].join('\t')).join('\r\n')
  const rowsNow = await dataRows(page).count()
  await page.keyboard.press('Control+End')
  await page.keyboard.press('Home')
  await page.evaluate((t) => navigator.clipboard.writeText(t), block(true))
  await page.keyboard.press('Control+v')
  await expect(page.getByTestId('grid-message')).toContainText('第 ')
  await expect(page.getByTestId('grid-message')).toContainText('「功能分类科目编码」：科目编码 2101598 不在 2024 年支出功能分类科目表中')
  await expect(dataRows(page)).toHaveCount(rowsNow)
  await shot(page, '12-paste-located-error')
  await page.evaluate((t) => navigator.clipboard.writeText(t), block(false))
  await page.keyboard.press('Control+v')
  await expect(page.getByTestId('grid-message')).toHaveText('已粘贴 12 行')
  await expect(dataRows(page)).toHaveCount(rowsNow + 12)
  await saved(page)
  await shot(page, '13-paste-12-rows')

  // everything above is on the server: a reload shows the same rows and totals
  const total = await page.getByTestId('total-expenditure').innerText()
  const gridTotal = await page.getByTestId('grid-total-amount').first().innerText()
  await page.reload()
  await expect(dataRows(page)).toHaveCount(rowsNow + 12)
  await expect(page.getByTestId('total-expenditure')).toHaveText(total)
  await expect(page.getByTestId('grid-total-amount').first()).toHaveText(gridTotal)

  // the frozen columns: at 1440 px the amount column is on screen, and stays when the grid scrolls sideways
  const amountHeader = grid(page).getByRole('columnheader', { name: '金额（元）' })
  await expect(amountHeader).toBeInViewport()
  await grid(page).locator('..').evaluate((el) => (el.scrollLeft = 400))
  await expect(amountHeader).toBeInViewport()
  await expect(grid(page).getByRole('columnheader', { name: '功能分类科目（项）' })).toBeInViewport()
  await shot(page, '14-frozen-columns-scrolled')

  await page.getByRole('tab', { name: '公开报表预览' }).click()
  await expect(page.locator('#tbl-expenditure_summary tbody tr').first()).toContainText(total)
  await page.getByRole('tab', { name: /校验结果/ }).click()
  // the editor counts findings as the submit page does (one function)
  const count = Number((await page.getByRole('tab', { name: /校验结果/ }).innerText()).match(/（(\d+)）/)![1])
  await expect(page.locator('.findings li')).toHaveCount(count)
  await seriousAxe(page, 'findings')
  await shot(page, '15-findings')
  // a finding on a derived table cell opens the lines that make it, the grid filtered to them
  const open = page.getByRole('button', { name: /查看构成此数的 \d+ 行/ }).first()
  const n = Number((await open.innerText()).match(/(\d+) 行/)![1])
  await open.click()
  await expect(page.getByTestId('line-filter')).toBeVisible()
  await expect(page.locator('[data-testid^="grid-"] tbody tr[data-row-id]')).toHaveCount(n)
  await shot(page, '16-finding-opens-its-lines')
  await page.getByRole('button', { name: '显示全部明细' }).click()
  await expect(page.getByTestId('line-filter')).toHaveCount(0)
})
