import type { Browser, Page } from '@playwright/test'
import { expectNoSeriousA11y } from './a11y'
import { createScenario, expect, login, shot, test } from './support'

/**
 * Two sessions of one accountant edit the same draft (two browser contexts). The second save never
 * silently reverts the first: lines merge line by line; a change to the same line, the 三公 figures or
 * the procurement list comes back as a conflict that keeps what was typed and offers a choice.
 */
async function session(browser: Browser, user: string, path: string): Promise<Page> {
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await login(page, user)
  await page.goto(path)
  return page
}
const grid = (p: Page, name: string) => p.getByRole('grid', { name })
const amountCell = (p: Page, row: number) => grid(p, '支出明细').locator('tbody tr').nth(row).locator('td').nth(6)
async function typeAmount(p: Page, row: number, value: string) {
  await amountCell(p, row).click()
  await p.keyboard.type(value)
  await p.keyboard.press('Enter')
}
const saved = (p: Page) => expect(p.getByTestId('save-state-expenditure')).toHaveText('已保存', { timeout: 20_000 })

test('[ACCOUNTANT][TWO SESSIONS][LINES] edits to different lines merge; the same line is a conflict that keeps the typed value, with a choice', async ({ browser }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const path = `/workspace/disclosures/${s.disclosure.id}`
  const a = await session(browser, s.accountant, path)
  const b = await session(browser, s.accountant, path)

  await typeAmount(a, 0, '111')
  await saved(a)
  await typeAmount(b, 1, '222') // b has not seen a's change
  await saved(b)
  await expect(amountCell(b, 0)).toHaveText('111.00') // a's change merged into b's grid
  await expect(amountCell(b, 1)).toHaveText('222.00')
  await a.reload()
  await expect(amountCell(a, 0)).toHaveText('111.00')
  await expect(amountCell(a, 1)).toHaveText('222.00')

  // both change line 3: a first, then b, who still sees the old value
  await typeAmount(a, 2, '333')
  await saved(a)
  await typeAmount(b, 2, '444')
  const conflict = b.getByTestId('line-conflict')
  await expect(conflict).toContainText('第 3 行')
  await expect(conflict).toContainText('您的「444.00」，对方的「333.00」')
  await expect(amountCell(b, 2)).toHaveText('444.00') // the typed value stays visible
  await expectNoSeriousA11y(b, 'grid conflict choice (lines)')
  await shot(b, 'two-sessions-01-line-conflict')
  await conflict.getByRole('button', { name: '保留我的' }).click()
  await saved(b)
  await a.reload()
  await expect(amountCell(a, 2)).toHaveText('444.00')
  await expect(amountCell(a, 0)).toHaveText('111.00')
  await shot(a, 'two-sessions-02-after-choice')
})

test('[ACCOUNTANT][TWO SESSIONS][三公] a stale 三公 save is a conflict that keeps the typed figures; leaving the tab keeps them too', async ({ browser }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const path = `/workspace/disclosures/${s.disclosure.id}`
  const a = await session(browser, s.accountant, path)
  const b = await session(browser, s.accountant, path)
  const reception = (p: Page) => grid(p, '“三公”经费填报').locator('tbody tr', { hasText: '公务接待费' }).locator('td').nth(2)
  for (const p of [a, b]) await p.getByRole('tab', { name: '“三公”经费' }).click()

  await reception(a).click()
  await a.keyboard.type('5000')
  await a.keyboard.press('Enter')
  await a.getByRole('button', { name: '保存“三公”经费' }).click()
  await expect(a.getByTestId('notice')).toHaveText('“三公”经费已保存')

  await reception(b).click()
  await b.keyboard.type('6000')
  await b.keyboard.press('Enter')
  // switching tabs does not drop the typed figure
  await b.getByRole('tab', { name: /支出明细/ }).click()
  await b.getByRole('tab', { name: '“三公”经费' }).click()
  await expect(reception(b)).toHaveText('6,000.00')
  await b.getByRole('button', { name: '保存“三公”经费' }).click()
  const conflict = b.getByTestId('three-public-conflict')
  await expect(conflict).toContainText('公务接待费·一般公共预算：您的「6,000.00」，对方的「5,000.00」')
  await expect(reception(b)).toHaveText('6,000.00')
  await shot(b, 'two-sessions-03-three-public-conflict')
  await conflict.getByRole('button', { name: '保留我的并保存' }).click()
  await expect(b.getByTestId('notice')).toHaveText('“三公”经费已保存')
  await a.reload()
  await a.getByRole('tab', { name: '“三公”经费' }).click()
  await expect(reception(a)).toHaveText('6,000.00')
})

test('[ACCOUNTANT][TWO SESSIONS][PROCUREMENT] a rejected save, corrected, saves; a stale save is a conflict with a choice', async ({ browser }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const path = `/workspace/disclosures/${s.disclosure.id}/procurement`
  const a = await session(browser, s.accountant, path)
  const b = await session(browser, s.accountant, path)
  const g = (p: Page) => grid(p, '政府采购预算')

  // a: a purchase without its project is refused, then corrected and saved
  await g(a).focus()
  await a.keyboard.press('Control+End')
  await a.keyboard.press('Home')
  await a.keyboard.press('ArrowRight')
  await a.keyboard.press('Backspace')
  await a.keyboard.type('台式计算机')
  await a.keyboard.press('Tab')
  await a.keyboard.type('A02010104')
  await a.keyboard.press('Tab')
  await a.keyboard.press('Tab')
  await a.keyboard.type('2')
  await a.keyboard.press('Tab')
  await a.keyboard.type('4500')
  await a.keyboard.press('Tab')
  await a.keyboard.type('9000')
  await a.keyboard.press('Enter')
  await a.getByRole('button', { name: '保存政府采购与资产' }).click()
  await expect(a.getByTestId('procurement-notice')).toContainText('请选择采购资金来源项目')
  await shot(a, 'two-sessions-04-procurement-rejected')
  await g(a).locator('tbody tr').first().locator('td').first().click()
  await a.keyboard.type('447-2023-03')
  await a.keyboard.press('Enter')
  await a.getByRole('button', { name: '保存政府采购与资产' }).click()
  await expect(a.getByTestId('procurement-notice')).toHaveText('政府采购与资产已保存')
  await expect(a.getByTestId('procurement-total')).toHaveText('0.90')

  // b has not seen a's purchase: its save is refused as a conflict, its typed row stays, and it chooses
  await g(b).focus()
  await b.keyboard.press('Control+End')
  await b.keyboard.press('Home')
  await b.keyboard.type('447-2023-03')
  await b.keyboard.press('Tab')
  await b.keyboard.press('Backspace')
  await b.keyboard.type('打印机')
  await b.keyboard.press('Tab')
  await b.keyboard.press('Tab')
  await b.keyboard.press('Tab')
  await b.keyboard.press('Tab')
  await b.keyboard.press('Tab')
  await b.keyboard.type('3000')
  await b.keyboard.press('Enter')
  await b.getByRole('button', { name: '保存政府采购与资产' }).click()
  const conflict = b.getByTestId('procurement-conflict')
  await expect(conflict).toContainText('对方保存的版本：1 项采购（台式计算机）')
  await expect(g(b).locator('tbody tr').first()).toContainText('打印机')
  await shot(b, 'two-sessions-05-procurement-conflict')
  await conflict.getByRole('button', { name: '采用对方的' }).click()
  await expect(g(b).locator('tbody tr').first()).toContainText('台式计算机')
  await expect(b.getByTestId('procurement-state')).toHaveText('已保存')
})

test('[ACCOUNTANT][TWO SESSIONS][INDICATORS] a stale save of a 绩效目标表 keeps the typed indicators and offers a choice', async ({ browser }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const path = `/workspace/disclosures/${s.disclosure.id}/performance`
  const a = await session(browser, s.accountant, path)
  const b = await session(browser, s.accountant, path)
  const PROJECT = '2023 年医疗服务与保障能力提升补助资金'
  async function addIndicator(p: Page, level2: string, name: string, value: string, unit: string) {
    await p.getByRole('button', { name: `填写“${PROJECT}”的绩效目标表` }).click()
    await p.getByRole('grid', { name: '绩效指标' }).focus()
    await p.keyboard.press('Control+End')
    await p.keyboard.press('Home')
    await p.keyboard.press('ArrowRight')
    for (const text of [level2, name, '', '≥', value, unit, '工作计划']) {
      if (text) {
        await p.keyboard.press('Backspace')
        await p.keyboard.type(text)
      }
      await p.keyboard.press('Tab')
    }
  }
  await addIndicator(a, '数量指标', '召开会议次数', '2', '次')
  await a.getByRole('button', { name: '保存绩效目标表' }).click()
  await expect(a.getByTestId('perf-notice')).toHaveText('绩效目标表已保存')

  await addIndicator(b, '质量指标', '系统正常运行率', '90', '%')
  await b.getByRole('button', { name: '保存绩效目标表' }).click()
  const conflict = b.getByTestId('target-conflict')
  await expect(conflict).toContainText('对方的版本：1 个指标（召开会议次数）')
  await expect(b.getByRole('grid', { name: '绩效指标' })).toContainText('系统正常运行率')
  await shot(b, 'two-sessions-06-indicators-conflict')
  await conflict.getByRole('button', { name: '采用对方的' }).click()
  await expect(b.getByRole('grid', { name: '绩效指标' })).toContainText('召开会议次数')
  await expect(b.getByRole('grid', { name: '绩效指标' })).not.toContainText('系统正常运行率')
})

test('[ACCOUNTANT][TWO SESSIONS][PROJECTS] projects merge row by row across a stale version; the same project is a conflict that keeps the typed name, with a choice', async ({ browser }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const path = `/workspace/disclosures/${s.disclosure.id}`
  const a = await session(browser, s.accountant, path)
  const b = await session(browser, s.accountant, path)
  for (const p of [a, b]) await p.getByRole('tab', { name: /项目（/ }).click()
  const nameCell = (p: Page, row: number) => grid(p, '项目清单').locator('tbody tr').nth(row).locator('td').nth(1)
  const purposeCell = (p: Page, row: number) => grid(p, '项目清单').locator('tbody tr').nth(row).locator('td').nth(3)
  const retype = async (p: Page, cell: ReturnType<typeof nameCell>, text: string) => {
    await cell.click()
    await p.keyboard.press('Backspace')
    await p.keyboard.type(text)
    await p.keyboard.press('Enter')
  }
  const projectsSaved = (p: Page) => expect(p.getByTestId('save-state-projects')).toHaveText('已保存', { timeout: 20_000 })

  // a renames project 1; b, on the older version, changes project 2's 用途说明: b's batch is refused for the stale
  // version, the current projects merge in, and b's change goes again — both kept
  await retype(a, nameCell(a, 0), '甲改的项目名称')
  await projectsSaved(a)
  await retype(b, purposeCell(b, 1), '乙写的用途说明')
  await projectsSaved(b)
  await expect(nameCell(b, 0)).toHaveText('甲改的项目名称')
  await a.reload()
  await a.getByRole('tab', { name: /项目（/ }).click()
  await expect(purposeCell(a, 1)).toHaveText('乙写的用途说明')

  // both rename project 3: b still sees the old name — a conflict that keeps b's typed name, with a choice
  await retype(a, nameCell(a, 2), '甲的第三个项目')
  await projectsSaved(a)
  await retype(b, nameCell(b, 2), '乙的第三个项目')
  const conflict = b.getByTestId('line-conflict')
  await expect(conflict).toContainText('第 3 行项目')
  await expect(conflict).toContainText('项目名称：您的「乙的第三个项目」，对方的「甲的第三个项目」')
  await expect(nameCell(b, 2)).toHaveText('乙的第三个项目')
  await expectNoSeriousA11y(b, 'grid conflict choice (projects)')
  await shot(b, 'two-sessions-05-project-conflict')
  await conflict.getByRole('button', { name: '保留我的' }).click()
  await projectsSaved(b)
  await a.reload()
  await a.getByRole('tab', { name: /项目（/ }).click()
  await expect(nameCell(a, 2)).toHaveText('乙的第三个项目')
  await expect(nameCell(a, 0)).toHaveText('甲改的项目名称')
})
