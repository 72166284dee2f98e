import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { authOptions } from '@/lib/server/auth'
import { db } from '@/lib/server/db'
import { hashPassword } from '@/lib/server/password'
import { RateLimiter } from '@/lib/server/rate-limit'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser } from '../factories/db'

type Authorize = (credentials: Record<string, string>, req: unknown) => Promise<{ id: string } | null>
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize

function sources(dirs: string[], ext = /\.(ts|tsx)$/): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (ext.test(e.name)) out.push(p)
    }
  }
  for (const d of dirs) walk(path.resolve(d))
  return out
}
const rel = (f: string) => path.relative(process.cwd(), f)

describe('security: login rate limiting, server-side checks everywhere, user text never rendered as HTML', () => {
  it('login: after 10 failed attempts in a minute a username is refused, even with the right password; other usernames are not affected', async () => {
    const u = await createUser('accountant')
    await db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword('correct-horse') } })
    const username = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).username
    expect(await authorize({ username, password: 'correct-horse' }, {})).toMatchObject({ id: u.id })
    for (let i = 0; i < 10; i++) expect(await authorize({ username, password: `wrong-${i}` }, {})).toBeNull()
    await expect(authorize({ username, password: 'correct-horse' }, {})).rejects.toThrow('登录尝试过于频繁，请 1 分钟后再试')
    const other = await createUser('reviewer')
    await db().user.update({ where: { id: other.id }, data: { passwordHash: await hashPassword('another-pass') } })
    const otherName = (await db().user.findUniqueOrThrow({ where: { id: other.id } })).username
    expect(await authorize({ username: otherName, password: 'another-pass' }, {})).toMatchObject({ id: other.id })
  })

  it('the limiter opens again after its window, and a successful login clears the count', () => {
    const l = new RateLimiter(2, 60_000)
    expect([l.allow('a', 0), l.allow('a', 1), l.allow('a', 2)]).toEqual([true, true, false])
    expect(l.allow('a', 60_001)).toBe(true)
    l.reset('a')
    expect([l.allow('a', 60_002), l.allow('a', 60_003)]).toEqual([true, true])
  })

  it('security headers: CSP, frame and type protections always; HSTS exactly when the site is served over https', async () => {
    const keys = async (url: string | undefined) => {
      vi.resetModules()
      vi.stubEnv('NEXTAUTH_URL', url ?? '')
      // @ts-expect-error next.config.js is plain JavaScript without a declaration file
      const config = ((await import('../../next.config.js')) as { default: { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> } }).default
      const all = await config.headers()
      vi.unstubAllEnvs()
      return Object.fromEntries(all.find((h) => h.source === '/:path*')!.headers.map((h) => [h.key, h.value]))
    }
    const http = await keys('http://127.0.0.1:3000')
    expect(http['Content-Security-Policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
    expect(http).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' })
    expect(http['Strict-Transport-Security']).toBeUndefined()
    expect((await keys('https://yusuan.example.gov.cn'))['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains')
  })

  /**
   * Every place that puts an HTML string into the page, with the reason it is safe. A new one fails this
   * test until it is reviewed and listed here (and, if it can carry user text, tested like the one below).
   */
  const HTML_SINKS: Record<string, string> = {
    'components/portal/server-html.tsx': 'the public page’s document markup, made on the server by React (renderToStaticMarkup escapes all text); checked with markup in a project name below',
  }

  it('HTML from strings (dangerouslySetInnerHTML, innerHTML, …) appears only in the reviewed places', () => {
    const sinks = sources(['app', 'components', 'lib']).filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(fs.readFileSync(f, 'utf8')))
    expect(sinks.map(rel).filter((f) => !(f in HTML_SINKS))).toEqual([])
  })

  it('the public document markup escapes user text: markup typed into the notes and a project name arrives as text', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const d = await createDisclosure(dept.id, chengde2023(), 'published')
    const evil = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
    await db().project.updateMany({ where: { disclosureId: d.id, code: '447-2023-01' }, data: { name: `${evil}运行经费` } })
    await db().disclosure.update({ where: { id: d.id }, data: { notes: { duties: { intro: '', items: [`${evil}拟订医疗保障制度`] }, other: `${evil}无其他需要说明的事项` } } })
    const { loadDisclosureView } = await import('@/lib/portal/server/disclosure-view')
    const v = (await loadDisclosureView(dept.code, 2023)) as { documentHtml?: string; projects: { name: string }[] } | null
    expect(v?.projects.map((p) => p.name)).toContain(`${evil}运行经费`)
    const html = v?.documentHtml ?? ''
    expect(html).toContain('拟订医疗保障制度')
    expect(html).not.toContain('<script>window.__xss')
    expect(html).not.toMatch(/<img[^>]*onerror/)
    expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;')
  }, 180_000) // its first read builds the revision's frozen files (PDF, DOCX …, docs/decisions/013)

  it('every server action module authenticates on the server (getActor) and every mutating route handler checks a permission', () => {
    const actions = sources(['app', 'lib', 'components']).filter((f) => /^\s*['"]use server['"]/m.test(fs.readFileSync(f, 'utf8')))
    expect(actions.map(rel)).toEqual(expect.arrayContaining(['lib/workflow/actions.ts', 'lib/disclosure/actions.ts']))
    expect(actions.filter((f) => !/getActor\(/.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([])
    const mutatingRoutes = sources(['app'], /^route\.ts$/).filter((f) => /export (const|async function) (POST|PUT|PATCH|DELETE)\b/.test(fs.readFileSync(f, 'utf8')) && !f.includes('[...nextauth]'))
    // a route handler either checks itself or delegates to a lib/**/server operation that takes the actor
    expect(mutatingRoutes.filter((f) => !/getActor\(/.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([])
  })
})
