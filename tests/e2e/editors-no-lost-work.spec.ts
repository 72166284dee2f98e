import type { Browser, Page } from '@playwright/test'
import { expectNoSeriousA11y } from './a11y'
import { createScenario, E2E_DATABASE_URL, expect, login, shot, test } from './support'

/**
 * Nobody's work is lost or overwritten (issue 11 finding 1, issue 12 items 2 and 4): the non-grid
 * editors autosave against their part's own version (ADR 017), merge after a conflict, and warn
 * before leaving with unsaved text.
 */

async function session(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext()
  const page = await ctx.newPage()
  await login(page, username)
  return page
}

const other = (p: Page) => p.getByLabel('其他需要说明的事项')
const savedState = (p: Page) => p.getByTestId('notes-save-state')

test('[EDITORS] two sessions edit the notes: the later save sees a conflict with both texts, keeps its own on the new version, the other change stays', async ({ browser }) => {
  const s = await createScenario()
  const url = `/workspace/disclosures/${s.disclosure.id}/notes`
  const a = await session(browser, s.accountant)
  const b = await session(browser, s.accountant)
  await a.goto(url)
  await b.goto(url)
  await expect(savedState(a)).toHaveText('已保存')

  // B writes two fields and its autosave stores them
  await b.locator('#f-operating-extra').fill('乙补充的机关运行经费说明。')
  await other(b).fill('乙写的其他事项。')
  await expect(savedState(b)).toHaveText('已保存')

  // A, still on the version it opened, writes the same field: its save is refused, and it is shown both
  await other(a).fill('甲写的其他事项。')
  const panel = a.getByTestId('conflict-panel')
  await expect(panel).toBeVisible()
  await expect(savedState(a)).toHaveText('未保存：与他人的修改冲突')
  await expect(panel.getByTestId('conflict-other').getByTestId('conflict-mine')).toHaveText('甲写的其他事项。')
  await expect(panel.getByTestId('conflict-other').getByTestId('conflict-theirs')).toHaveText('乙写的其他事项。')
  // what only B changed is already merged in; A's text is still in the field
  await expect(a.locator('#f-operating-extra')).toHaveValue('乙补充的机关运行经费说明。')
  await expect(other(a)).toHaveValue('甲写的其他事项。')
  await panel.scrollIntoViewIfNeeded()
  await expectNoSeriousA11y(a, 'notes conflict panel')
  await shot(a, 'editors-01-notes-conflict-side-by-side')

  // A keeps its own: saved on the new version, B's other field intact
  await panel.getByRole('button', { name: '按所选保存' }).click()
  await expect(panel).toHaveCount(0)
  await expect(savedState(a)).toHaveText('已保存')
  await b.reload()
  await expect(other(b)).toHaveValue('甲写的其他事项。')
  await expect(b.locator('#f-operating-extra')).toHaveValue('乙补充的机关运行经费说明。')
  await a.reload()
  await expect(other(a)).toHaveValue('甲写的其他事项。')
  await expect(a.locator('#f-operating-extra')).toHaveValue('乙补充的机关运行经费说明。')
  await shot(a, 'editors-02-notes-kept-on-new-version')
})

test('[EDITORS] two sessions edit the overall target: the later save shows both texts side by side, accessibly, and keeps its own', async ({ browser }) => {
  const s = await createScenario()
  const url = `/workspace/disclosures/${s.disclosure.id}/performance`
  const a = await session(browser, s.accountant)
  const b = await session(browser, s.accountant)
  await a.goto(url)
  await b.goto(url)
  const goals = (p: Page) => p.getByLabel('总体绩效目标（每行一段）')
  await goals(b).fill('乙写的总体绩效目标。')
  await expect(b.getByTestId('overall-save-state')).toHaveText('已保存')
  await goals(a).fill('甲写的总体绩效目标。')
  const panel = a.getByTestId('conflict-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByTestId('conflict-mine').first()).toContainText('甲写的总体绩效目标。')
  await expect(panel.getByTestId('conflict-theirs').first()).toContainText('乙写的总体绩效目标。')
  await expect(goals(a)).toHaveValue('甲写的总体绩效目标。')
  await panel.scrollIntoViewIfNeeded()
  await expectNoSeriousA11y(a, 'overall-form conflict panel')
  await shot(a, 'editors-05-overall-conflict-side-by-side')
  await panel.getByRole('button', { name: '按所选保存' }).click()
  await expect(panel).toHaveCount(0)
  await expect(a.getByTestId('overall-save-state')).toHaveText('已保存')
  await b.reload()
  await expect(goals(b)).toHaveValue('甲写的总体绩效目标。')
})

test('[EDITORS] typed notes and overall targets survive leaving the page: autosaved, or the leave is stopped with a warning', async ({ page }) => {
  const s = await createScenario()
  const url = `/workspace/disclosures/${s.disclosure.id}/notes`
  await login(page, s.accountant)
  await page.goto(url)

  // typed, then a link clicked at once (before the autosave): the person is asked, and stays
  await other(page).fill('离开前输入的文字。')
  let asked = ''
  page.once('dialog', (d) => {
    asked = d.message()
    void d.dismiss()
  })
  await page.getByRole('link', { name: '绩效目标' }).first().click()
  await expect.poll(() => asked).toContain('有未保存的修改')
  await expect(page).toHaveURL(new RegExp(`${url}$`))
  await expect(other(page)).toHaveValue('离开前输入的文字。')

  // autosaved: leaving later asks nothing and the text is there on return
  await expect(savedState(page)).toHaveText('已保存')
  await shot(page, 'editors-03-notes-autosaved')
  await page.getByRole('link', { name: '绩效目标' }).first().click()
  await expect(page).toHaveURL(/\/performance$/)

  // a non-grid form on that page: the overall target's paragraphs
  const goals = page.getByLabel('总体绩效目标（每行一段）')
  await goals.fill('全面完成年度医保基金监管任务。')
  await expect(page.getByTestId('overall-save-state')).toHaveText('已保存')
  await page.getByTestId('overall-save-state').evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await shot(page, 'editors-04-overall-autosaved')
  await page.goto('/workspace')
  await page.goto(url)
  await expect(other(page)).toHaveValue('离开前输入的文字。')
  await page.goto(`/workspace/disclosures/${s.disclosure.id}/performance`)
  await expect(page.getByLabel('总体绩效目标（每行一段）')).toHaveValue('全面完成年度医保基金监管任务。')
})

test('[EDITORS] two tabs edit the lines and the notes of one draft: both edits are kept, no conflict', async ({ page, context }) => {
  const s = await createScenario()
  const unit = `${s.department.code}-447001`
  await login(page, s.accountant)
  await page.goto(`/workspace/disclosures/${s.disclosure.id}/notes`)
  await expect(savedState(page)).toHaveText('已保存')

  const lines = await context.newPage()
  await lines.goto(`/workspace/disclosures/${s.disclosure.id}`)
  await expect(lines.getByTestId('total-expenditure')).toHaveText('2350.50')
  // one line pasted at the grid's blank row, as an accountant pastes from Excel (the grid autosaves it)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const grid = lines.getByRole('grid', { name: /支出明细/ })
  await grid.focus()
  await lines.keyboard.press('Control+End')
  await lines.keyboard.press('Home')
  await lines.evaluate((t) => navigator.clipboard.writeText(t), `${unit}\t2101501\t30201\t一般公共预算\t基本支出\t\t10000.00`)
  await lines.keyboard.press('Control+v')
  await expect(lines.getByTestId('total-expenditure')).toHaveText('2351.50')
  await expect(lines.getByTestId('save-state-expenditure')).toHaveText('已保存', { timeout: 20_000 })

  // the notes tab opened before the line was saved: its save is not a conflict
  await other(page).fill('与明细同时编辑的说明。')
  await expect(savedState(page)).toHaveText('已保存')
  await expect(page.getByTestId('conflict-panel')).toHaveCount(0)
  await shot(page, 'editors-05-notes-saved-beside-lines')
  await lines.reload()
  await expect(lines.getByTestId('total-expenditure')).toHaveText('2351.50')
  await page.reload()
  await expect(other(page)).toHaveValue('与明细同时编辑的说明。')
})

test('[EDITORS] a new year copied from last year: the parts chosen, the old year flagged in the editors and at the gate', async ({ page }) => {
  const s = await createScenario({ year: 2023, status: 'published' })
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const { writeNotesAndTargets } = await import('../../lib/notes/server/seed-notes')
  const { db } = await import('../../lib/server/db')
  const { chengde2023Notes } = await import('../../prisma/demo/notes-chengde-2023')
  await writeNotesAndTargets(db(), s.disclosure.id, { notes: { ...chengde2023Notes(), other: '本部门2023年无其他需要说明的事项。' } })
  await login(page, s.accountant)
  const form = page.getByRole('form', { name: '新建年度预算' })
  await form.getByLabel('新建预算年度').fill('2024')
  await form.getByLabel('以哪一年的明细为起点').selectOption('2023')
  await form.getByLabel('“三公”经费与车辆').uncheck()
  await form.getByLabel(/情况说明的文字/).check()
  await shot(page, 'editors-06-new-year-parts')
  await form.getByRole('button', { name: '新建' }).click()
  await page.waitForURL(/\/workspace\/disclosures\/[^/]+$/)
  const id = new URL(page.url()).pathname.split('/').pop()!
  const review = page.getByTestId('year-review')
  await expect(review).toContainText('本预算复制自 2023 年')
  await expect(review.getByTestId('year-flag').first()).toContainText('2023')
  await shot(page, 'editors-07-old-year-flagged')

  // the notes page lists its own flags; “已核对” takes one off
  await page.getByRole('link', { name: '情况说明' }).first().click()
  const flag = page.getByTestId('year-flag').filter({ hasText: '其他需要说明的事项' })
  await expect(flag).toContainText('本部门2023年无其他需要说明的事项。')
  await flag.getByRole('button', { name: /已核对/ }).click()
  await expect(flag).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('year-flag').filter({ hasText: '其他需要说明的事项' })).toHaveCount(0)

  // the gate still lists the project names that name 2023
  await page.goto(`/workspace/disclosures/${id}/submit`)
  await expect(page.getByText(/仍写着“2023 ?年/).first()).toBeVisible()
  await page.getByText(/仍写着“2023 ?年/).first().evaluate((e) => e.scrollIntoView({ block: 'center' }))
  await shot(page, 'editors-08-gate-lists-old-year')
})
