import type { Page } from '@playwright/test'
import { createScenario, expect, login, shot, test } from './support'

const XSS_COMMENT = '<img src=x onerror="window.__xss=1"> 合计与批复数不符，请核实'
const XSS_PROJECT = '<script>window.__xss=2</script>运行经费项目'

async function signInAs(page: Page, username: string) {
  await page.context().clearCookies()
  await login(page, username)
}

/** Scenario data plus, written straight into the e2e database: a warning to explain and a project name that is markup. */
async function journeyScenario() {
  const s = await createScenario()
  const { db } = await import('../../lib/server/db')
  const basic = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: s.disclosure.id, category: 'basic' }, orderBy: { position: 'asc' } })
  const project = await db().project.findFirstOrThrow({ where: { disclosureId: s.disclosure.id }, orderBy: { code: 'asc' } })
  await db().expenditureLine.update({ where: { id: basic.id }, data: { projectCode: project.code } })
  await db().project.update({ where: { id: project.id }, data: { name: XSS_PROJECT } })
  return s
}

test('[ACCOUNTANT][SUBMIT] → [REVIEWER][COMMENT][RETURN] → [ACCOUNTANT][RESUBMIT] → [REVIEWER][APPROVE][PUBLISH] → [PUBLIC] reads the tables', async ({ page }) => {
  test.setTimeout(180_000)
  const s = await journeyScenario()
  const code = s.department.code
  const unit = `${code}-447001`

  // ── accountant: the gate asks for an explanation of the one warning, then submits
  await signInAs(page, s.accountant)
  await page.locator('.card', { hasText: '2024 年部门预算' }).getByRole('link', { name: '提交审核' }).click()
  await expect(page.getByRole('heading', { name: /提交与审核意见/ })).toBeVisible()
  await expect(page.getByText('没有错误。')).toBeVisible()
  // the line warning, and the notes' warnings (no duties, prior-year figures or targets entered in this scenario)
  const warnings = page.getByRole('group', { name: /条提示须修正，或说明原因/ }).getByRole('textbox')
  const explanation = page.getByRole('textbox', { name: /不应挂项目/ })
  await expect(explanation).toBeVisible()
  expect(await warnings.count()).toBeGreaterThan(1)
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.getByText('请填写说明').first()).toBeVisible()
  await shot(page, 'review-01-gate-needs-explanation')
  await explanation.fill('该笔人员经费经财政局同意在项目中列支')
  for (const box of await warnings.all()) if (!(await box.inputValue())) await box.fill('本年度情况说明另行报送，已报财政局备案')
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.getByTestId('notice')).toHaveText('已提交审核，等待财政局审核')
  await expect(page.getByText(/提交，等待财政局审核。审核期间不能修改/)).toBeVisible()
  await shot(page, 'review-02-submitted')

  // ── reviewer: the queue, then a comment on 支出总表 合计/合计, then a return with a reason
  await signInAs(page, s.reviewer)
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审核' }).click()
  const row = page.getByTestId('review-queue').locator('tr', { hasText: code })
  await expect(row).toContainText('已提交')
  await expect(row).toContainText('错误 0')
  await expect(row).toContainText(`提示 ${await (await import('../../lib/server/db')).db().warningAcknowledgement.count({ where: { disclosureId: s.disclosure.id } })}`)
  await shot(page, 'review-03-queue')
  await row.getByRole('link', { name: /审核/ }).click()
  await expect(page.getByRole('heading', { name: /2024 年部门预算/ })).toBeVisible()
  await page.getByRole('tab', { name: /校验结果/ }).click()
  await expect(page.getByTestId('explanation').filter({ hasText: '该笔人员经费' })).toHaveText(/^会计说明：该笔人员经费经财政局同意在项目中列支/)
  await page.getByRole('tab', { name: '报表与意见' }).click()
  const total = page.getByTestId('review-table-expenditure_summary').locator('[data-row="0"][data-col="2"]')
  await total.click()
  await expect(page.getByTestId('selected-anchor')).toHaveText('部门预算支出总表 · 第 1 行「合计」 · 「合计」')
  await page.getByLabel('意见', { exact: true }).fill(XSS_COMMENT)
  await page.getByRole('button', { name: '添加意见' }).click()
  await expect(page.getByTestId('notice')).toHaveText('意见已添加')
  await expect(total.getByLabel('1 条意见')).toBeVisible()
  await total.scrollIntoViewIfNeeded()
  await shot(page, 'review-04-cell-comment')
  await page.getByLabel('退回理由').fill('支出总表合计与批复数不符，请核实后重新提交')
  await page.getByRole('button', { name: '退回修改' }).click()
  await expect(page.getByTestId('notice')).toContainText('已退回修改')
  await expect(page.getByRole('heading', { name: /已退回/ })).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'review-05-returned')

  // ── accountant: sees the comments where they point, fixes (100.00 元 more income and expenditure), resubmits
  await signInAs(page, s.accountant)
  await expect(page.locator('.card', { hasText: '2024 年部门预算' })).toContainText('已退回')
  await page.locator('.card', { hasText: '2024 年部门预算' }).getByRole('link', { name: '编辑' }).click()
  await page.getByTestId('workflow-link').click()
  await expect(page.getByText(/财政局已退回，共 2 条意见/)).toBeVisible()
  const comments = page.getByTestId('comment')
  await expect(comments.first()).toContainText('部门预算支出总表 · 第 1 行「合计」 · 「合计」')
  // the markup in the comment is text, not an element
  await expect(comments.first()).toContainText(XSS_COMMENT)
  await expect(comments.nth(1)).toContainText('支出总表合计与批复数不符')
  await expect(page.getByTestId('review-table-expenditure_summary').locator('[data-row="0"][data-col="2"]').getByLabel('1 条意见')).toBeVisible()
  await shot(page, 'review-06-accountant-sees-comments')
  await page.getByRole('link', { name: '2024 年部门预算' }).click()
  await page.getByRole('tab', { name: /收入明细/ }).click()
  await page.getByText('从 Excel 粘贴多行').click()
  await page.getByLabel('粘贴内容').fill(`${unit}\t2101501\t一般公共预算拨款\t100.00`)
  await page.getByRole('button', { name: '导入粘贴内容' }).click()
  await expect(page.getByTestId('notice')).toHaveText('已粘贴 1 行')
  await page.getByRole('tab', { name: /支出明细/ }).click()
  if (!(await page.getByLabel('粘贴内容').isVisible())) await page.getByText('从 Excel 粘贴多行').click()
  await page.getByLabel('粘贴内容').fill(`${unit}\t2101501\t30201\t一般公共预算\t基本支出\t\t100.00`)
  await page.getByRole('button', { name: '导入粘贴内容' }).click()
  await expect(page.getByTestId('notice')).toHaveText('已粘贴 1 行')
  await expect(page.getByTestId('total-expenditure')).toHaveText('2350.51')
  await page.getByTestId('workflow-link').click()
  // the explanations given before are kept (folded away, as nothing is left to explain)
  await expect(page.getByRole('group', { name: /0 条待说明/ })).toBeVisible()
  await page.getByText(/已说明的 \d+ 条提示/).click()
  await expect(page.getByRole('textbox', { name: /不应挂项目/ })).toHaveValue('该笔人员经费经财政局同意在项目中列支')
  await page.getByRole('button', { name: '提交审核' }).click()
  await expect(page.getByTestId('notice')).toHaveText('已提交审核，等待财政局审核')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'review-07-resubmitted')

  // ── reviewer: the changed cell against the previous submission, approval with the 批复 date, publication
  await signInAs(page, s.reviewer)
  await page.goto('/review')
  await page.getByTestId('review-queue').locator('tr', { hasText: code }).getByRole('link', { name: /审核/ }).click()
  await expect(page.getByRole('radio', { name: /与上次提交/ })).toBeChecked()
  const changed = page.getByTestId('review-table-expenditure_summary').locator('[data-row="0"][data-col="2"]')
  await expect(changed).toContainText('2350.51')
  await expect(changed).toContainText('原 2350.50（+0.01）')
  await changed.scrollIntoViewIfNeeded()
  await shot(page, 'review-08-diff-previous-submission')
  await page.getByRole('tab', { name: /变动/ }).click()
  await expect(page.getByTestId('changes')).toContainText('第 1 行「合计」「合计」：2350.50 → 2350.51（+0.01）')
  const today = await page.getByLabel('批复日期').inputValue()
  expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  await page.getByRole('button', { name: '审核通过' }).click()
  await expect(page.getByTestId('notice')).toContainText(`已审核通过，批复日期 ${today}`)
  await expect(page.getByTestId('deadline')).toContainText('还剩 20 天')
  await page.evaluate(() => window.scrollTo(0, 0))
  await shot(page, 'review-09-approved-deadline')
  await page.getByRole('button', { name: '公开', exact: true }).click()
  await expect(page.getByTestId('notice')).toContainText('已公开')
  await expect(page.getByRole('heading', { name: /已公开/ })).toBeVisible()
  await shot(page, 'review-10-published')

  // ── accountant: the deadline is shown as met
  await signInAs(page, s.accountant)
  await expect(page.locator('.card', { hasText: '2024 年部门预算' }).getByTestId('deadline')).toContainText('公开')

  // ── anonymous visitor: the public page with the tables; the project name's markup is shown as text
  await page.context().clearCookies()
  await page.goto(`/disclosures/${code}/2024`)
  await expect(page.getByRole('heading', { name: new RegExp(`${s.department.name} 2024 年部门预算信息公开`) })).toBeVisible()
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible()
  for (const title of ['部门预算收支总表', '部门预算支出总表', '部门预算财政拨款“三公”经费支出表']) await expect(page.getByRole('heading', { name: title }).first()).toBeVisible()
  // the corrected total, as published
  await expect(page.getByRole('row').filter({ hasText: '合计' }).filter({ hasText: '2350.51' }).first()).toBeVisible()
  await shot(page, 'review-11-public-page')
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()

  // ── admin: the audit log has every step, with who and what changed
  await signInAs(page, s.admin)
  await page.goto(`/admin/audit?disclosure=${s.disclosure.id}`)
  const log = page.getByTestId('audit-log')
  for (const step of ['提交审核 · 预算公开', '审核意见 · 审核意见', '退回修改 · 预算公开', '粘贴导入 · 收入明细', '审核通过 · 预算公开', '公开 · 预算公开']) await expect(log.getByRole('cell', { name: step }).first()).toBeVisible()
  await expect(log.locator('tr', { hasText: '退回修改 · 预算公开' })).toContainText('退回理由：（无） → 支出总表合计与批复数不符')
  await shot(page, 'review-13-audit-log')
})

test('[REVIEWER][CONFLICT] two tabs on one submission: the stale decision is refused and the page offers to reload', async ({ page }) => {
  const s = await createScenario({ status: 'submitted' })
  await login(page, s.reviewer)
  const other = await page.context().newPage()
  await page.goto(`/review/disclosures/${s.disclosure.id}`)
  await other.goto(`/review/disclosures/${s.disclosure.id}`)
  // tab 1 comments (the version moves on) …
  await page.getByTestId('review-table-income_summary').locator('[data-row="0"][data-col="2"]').click()
  await page.getByLabel('意见', { exact: true }).fill('请说明收入增长原因')
  await page.getByRole('button', { name: '添加意见' }).click()
  await expect(page.getByTestId('notice')).toHaveText('意见已添加')
  // … tab 2, still on the old version, approves: refused, nothing lost, reload offered
  await other.getByRole('button', { name: '审核通过' }).click()
  await expect(other.getByTestId('notice')).toContainText('已被他人修改或状态已变化')
  await other.evaluate(() => window.scrollTo(0, 0))
  await shot(other, 'review-12-conflict-reload')
  await other.getByRole('button', { name: '重新加载' }).click()
  await expect(other.getByRole('tab', { name: '审核意见（1）' })).toBeVisible()
  await other.getByRole('button', { name: '审核通过' }).click()
  await expect(other.getByTestId('notice')).toContainText('已审核通过')
  await other.close()
})

test('[SECURITY] security headers on every page and a session cookie that scripts cannot read', async ({ page, request }) => {
  const res = await request.get('/login')
  const h = res.headers()
  expect(h['content-security-policy']).toContain("default-src 'self'")
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(h['x-frame-options']).toBe('DENY')
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(h['x-powered-by']).toBeUndefined()
  const s = await createScenario()
  await login(page, s.accountant)
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('next-auth.session-token'))
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
  expect(await page.evaluate(() => document.cookie)).not.toContain('session-token')
})
