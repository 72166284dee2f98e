import { describe, expect, it } from 'vitest'
import { urls } from '@/lib/portal/format'

describe('urls.regions: the paged region list is plain links', () => {
  it('page 1 of all provinces is /regions; a province and a page go into the query, encoded', () => {
    expect(urls.regions()).toBe('/regions')
    expect(urls.regions(undefined, 1)).toBe('/regions')
    expect(urls.regions(undefined, 3)).toBe('/regions?page=3')
    expect(urls.regions('河北省')).toBe(`/regions?province=${encodeURIComponent('河北省')}`)
    const u = new URL(urls.regions('河北省', 2), 'http://x')
    expect(u.pathname).toBe('/regions')
    expect(u.searchParams.get('province')).toBe('河北省')
    expect(u.searchParams.get('page')).toBe('2')
  })
})
