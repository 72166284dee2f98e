import { describe, expect, it } from 'vitest'
// Next's own matcher compilation and matching (the build writes the first into functions-config-manifest.json,
// the router runs the second on the raw and on the decoded path): internal modules, so an upgrade that
// moves them fails here rather than silently changing what the proxy sees
import * as staticInfo from 'next/dist/build/analysis/get-page-static-info'
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher'
import { config } from '@/proxy'
import { checkRequestUrl } from '@/lib/server/request'

type Matchers = Parameters<typeof getMiddlewareRouteMatcher>[0]
// exported at runtime, not in the package's type declarations
const { getMiddlewareMatchers } = staticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => Matchers }
const matchers = getMiddlewareMatchers(config.matcher, {})
const match = getMiddlewareRouteMatcher(matchers)
const noHeaders = { headers: {} } as unknown as Parameters<typeof match>[1]

/** Whether the proxy runs for a raw request path, as Next's router decides it (raw path, or its decoding). */
function proxyRuns(rawPath: string): boolean {
  let decoded = rawPath
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    // Next matches the raw path only then
  }
  return match(rawPath, noHeaders, {}) || match(decoded, noHeaders, {})
}

describe('proxy.ts matcher (docs/decisions/026): only the clean address of the published tables API skips the proxy', () => {
  it('skips /api/disclosures/<code>/<year>/tables with a plain code and a four-digit year', () => {
    for (const p of ['/api/disclosures/447/2023/tables', '/api/disclosures/447001/2024/tables', '/api/disclosures/B-x_1/2023/tables']) expect(proxyRuns(p), p).toBe(false)
  })

  it('still runs for every other path, and for hostile or unusual forms of the tables address', () => {
    for (const p of [
      '/',
      '/disclosures/447/2023',
      '/api/search',
      '/api/me',
      '/api/imports',
      '/api/disclosures/447/2023/document',
      '/api/disclosures/447/2023/export',
      '/workspace/disclosures/x',
      '/api/disclosures/%ZZ/2023/tables',
      '/api/disclosures/%00/2023/tables',
      '/api/disclosures/a%00b/2023/tables',
      '/api/disclosures/447%00/2023/tables',
      '/api/disclosures/%E0%A4%A/2023/tables',
      '/api/disclosures/..%2F..%2Fetc/2023/tables',
      '/api/disclosures/447/2023/tables%00',
      '/api/disclosures/447/2023/tables/',
      '/api/disclosures/447/2023/tables.json',
      '/api/disclosures/447/2147483648/tables',
      '/api/disclosures/447/1e309/tables',
      '/api/disclosures/447/202/tables',
      '/api/disclosures//2023/tables',
      '/api/disclosures/4 47/2023/tables',
      '/api/disclosures/%34%34%37/2023/tables',
      '/api/disclosures/447/2023/tables/x',
    ])
      expect(proxyRuns(p), p).toBe(true)
  })

  it('a query on the skipped address is checked by the route itself (handle → checkRequestUrl), with a Chinese message', () => {
    expect(checkRequestUrl('http://h/api/disclosures/447/2023/tables')).toBeNull()
    expect(checkRequestUrl('http://h/api/disclosures/447/2023/tables?revision=2')).toBeNull()
    for (const u of ['http://h/api/disclosures/447/2023/tables?q=%00', 'http://h/api/disclosures/447/2023/tables?q=%ZZ', 'http://h/api/disclosures/%ZZ/2023/tables', 'http://h/api/disclosures/a%00b/2023/tables', 'http://h/api/disclosures/447/2023/tables?x=%E0%A4%A']) {
      const problem = checkRequestUrl(u)
      expect(problem, u).toMatch(/[\u4e00-\u9fff]/)
    }
  })
})
