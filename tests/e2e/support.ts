import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test as base } from '@playwright/test'

export const DEMO_PASSWORD = 'demo12345'
const SHOTS = path.resolve('tests/e2e/screenshots')

/** Any console error fails the test: a page that logs errors is a page with a bug. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text())
      })
      page.on('pageerror', (e) => errors.push(String(e)))
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL('**/workspace')
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false })
}

/** The e2e server's database (playwright.config.ts starts it on this port). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 55433)}/yusuan`

/**
 * Each journey gets its own region, department, draft and users, written straight into the e2e
 * database, so journeys never depend on one another or on the demo data.
 */
export async function createScenario(opts: { year?: number; status?: 'draft' | 'submitted' | 'approved' | 'published' } = {}) {
  process.env.DATABASE_URL = E2E_DATABASE_URL
  const { chengde2023 } = await import('../../prisma/demo')
  const f = await import('../factories/db')
  const { hashPassword } = await import('../../lib/server/password')
  const { db } = await import('../../lib/server/db')
  const region = await f.createRegion()
  const dept = await f.createDepartment(region.id)
  const disclosure = await f.createDisclosure(dept.id, { ...chengde2023(), year: opts.year ?? 2024 }, opts.status ?? 'draft')
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const mk = async (role: 'accountant' | 'reviewer' | 'admin') => {
    const u = await f.createUser(role, role === 'accountant' ? { departmentId: dept.id } : role === 'reviewer' ? { regionId: region.id } : {})
    await db().user.update({ where: { id: u.id }, data: { passwordHash } })
    return (await db().user.findUniqueOrThrow({ where: { id: u.id } })).username
  }
  return { region, department: dept, disclosure, accountant: await mk('accountant'), reviewer: await mk('reviewer'), admin: await mk('admin') }
}
