import { expectNoSeriousA11y } from './a11y'
import { createScenario, DEMO_PASSWORD, expect, login, shot, test } from './support'

/**
 * Issue 11 item 9: a password change ends every session of the user. One browser changes the password; a
 * second browser signed in as the same user is signed out on its next request; the old password no longer
 * signs in, the new one does.
 */
test('changing the password signs out every other session; the old password stops working', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  const other = await browser.newContext({ baseURL })
  const second = await other.newPage()
  try {
    await login(page, s.accountant)
    await login(second, s.accountant)

    await page.getByRole('link', { name: '修改密码' }).click()
    await expect(page).toHaveURL(/\/account\/password$/)
    await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible()
    await expect(page.getByText('新密码至少 8 位，须同时含有字母和数字，且不能与当前密码相同。')).toBeVisible()
    await expectNoSeriousA11y(page, '修改密码')

    // mistakes are said in Chinese on their fields, nothing changes
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD)
    await page.getByLabel('新密码', { exact: true }).fill('xinmima2026')
    await page.getByLabel('再次输入新密码').fill('xinmima2025')
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(page.getByText('两次输入的新密码不一致')).toBeVisible()
    await page.getByLabel('当前密码').fill('not-my-password1')
    await page.getByLabel('再次输入新密码').fill('xinmima2026')
    await page.getByRole('button', { name: '修改密码' }).click()
    await expect(page.getByText('当前密码不正确')).toBeVisible()
    await shot(page, 'account-password-errors')
    await expectNoSeriousA11y(page, '修改密码（有错误）')

    await page.getByLabel('当前密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '修改密码' }).click()
    await page.waitForURL('**/login?notice=password-changed')
    await expect(page.locator('.alert[role=status]')).toHaveText('密码已修改，您在所有设备上的登录都已失效。请用新密码重新登录。')
    await shot(page, 'account-password-changed')

    // the other browser's session has ended: its next request is sent to sign in
    await second.goto('/workspace')
    await expect(second).toHaveURL(/\/login/)
    await expect(second.getByRole('button', { name: '登录' })).toBeVisible()

    // the old password no longer signs in; the new one does
    await page.getByLabel('用户名').fill(s.accountant)
    await page.getByLabel('密码').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: '登录' }).click()
    await expect(page.locator('.alert[role=alert]')).toHaveText('用户名或密码不正确')
    await login(page, s.accountant, 'xinmima2026')
    await expect(page.getByRole('link', { name: '修改密码' })).toBeVisible()
  } finally {
    await other.close()
  }
})
