import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect } from '@playwright/test'

/**
 * axe-core on the page as it is now: no critical or serious violation (issue 12). Every rule axe runs by
 * default (WCAG 2.x A/AA and best practices); a failure lists each rule with the first elements it hit.
 */
export async function expectNoSeriousA11y(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  // soft: one run reports every page's violations, and the test still fails
  expect.soft(
    bad.map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    `axe-core on ${name}`,
  ).toEqual([])
}
