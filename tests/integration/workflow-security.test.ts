import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { authOptions } from '@/lib/server/auth'
import { db } from '@/lib/server/db'
import { hashPassword } from '@/lib/server/password'
import { BackoffLimiter } from '@/lib/server/rate-limit'
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
  it('login: after a few failures a username from one address waits, with exponential back-off, even with the right password; the same name from another address and other names are not affected', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const u = await createUser('accountant')
      await db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword('correct-horse') } })
      const username = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).username
      const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } })
      expect(await authorize({ username, password: 'correct-horse' }, from('10.0.0.1'))).toMatchObject({ id: u.id })
      for (let i = 0; i < 6; i++) expect(await authorize({ username, password: `wrong-${i}` }, from('10.0.0.1'))).toBeNull()
      // 5 free failures, the 6th asks for 1 s
      await expect(authorize({ username, password: 'correct-horse' }, from('10.0.0.1'))).rejects.toThrow('登录尝试过于频繁，请 1 秒后再试')
      // a stranger elsewhere cannot lock the owner out: her own address still signs in
      expect(await authorize({ username, password: 'correct-horse' }, from('10.0.0.2'))).toMatchObject({ id: u.id })
      vi.setSystemTime(Date.now() + 1100)
      expect(await authorize({ username, password: 'wrong-again' }, from('10.0.0.1'))).toBeNull()
      // the next wait doubles
      await expect(authorize({ username, password: 'correct-horse' }, from('10.0.0.1'))).rejects.toThrow('请 2 秒后再试')
      vi.setSystemTime(Date.now() + 2100)
      expect(await authorize({ username, password: 'correct-horse' }, from('10.0.0.1'))).toMatchObject({ id: u.id })
      const other = await createUser('reviewer')
      await db().user.update({ where: { id: other.id }, data: { passwordHash: await hashPassword('another-pass') } })
      const otherName = (await db().user.findUniqueOrThrow({ where: { id: other.id } })).username
      expect(await authorize({ username: otherName, password: 'another-pass' }, from('10.0.0.1'))).toMatchObject({ id: other.id })
    } finally {
      vi.useRealTimers()
    }
  }, 180_000)

  it('login: one address guessing many usernames is slowed down too (per-address back-off)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const from = { headers: { 'x-forwarded-for': '10.9.9.9' } }
      for (let i = 0; i < 21; i++) expect(await authorize({ username: `nobody-${i}-${Date.now()}`, password: 'guess' }, from)).toBeNull()
      await expect(authorize({ username: 'someone-else', password: 'guess' }, from)).rejects.toThrow('登录尝试过于频繁')
    } finally {
      vi.useRealTimers()
    }
  }, 180_000)

  it('the back-off: free failures, then 1 s, 2 s, 4 s … capped; forgotten after an hour; a reset clears it', () => {
    const l = new BackoffLimiter(2, 1000, 8000)
    l.fail('a', 0)
    l.fail('a', 0)
    expect(l.waitMs('a', 0)).toBe(0)
    l.fail('a', 0)
    expect(l.waitMs('a', 0)).toBe(1000)
    l.fail('a', 1000)
    expect(l.waitMs('a', 1000)).toBe(2000)
    for (let i = 0; i < 10; i++) l.fail('a', 5000)
    expect(l.waitMs('a', 5000)).toBe(8000)
    expect(l.waitMs('a', 5000 + 60 * 60_000 + 1)).toBe(0)
    l.fail('b', 0)
    l.fail('b', 0)
    l.fail('b', 0)
    l.reset('b')
    expect(l.waitMs('b', 0)).toBe(0)
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
  }, 180_000) // its first read builds the revision's frozen files (PDF, DOCX …, docs/decisions/015)

  it('every server action module authenticates on the server (getActor, or defineAction which looks the actor up once) and every mutating route handler checks a permission', () => {
    const actions = sources(['app', 'lib', 'components']).filter((f) => /^\s*['"]use server['"]/m.test(fs.readFileSync(f, 'utf8')))
    expect(actions.map(rel)).toEqual(expect.arrayContaining(['lib/workflow/actions.ts', 'lib/disclosure/actions.ts']))
    expect(actions.filter((f) => !/getActor\(|define(Form)?Action\(/.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([])
    const mutatingRoutes = sources(['app'], /^route\.ts$/).filter((f) => /export (const|async function) (POST|PUT|PATCH|DELETE)\b/.test(fs.readFileSync(f, 'utf8')) && !f.includes('[...nextauth]'))
    // a route handler either checks itself or delegates to a lib/**/server operation that takes the actor
    expect(mutatingRoutes.filter((f) => !/getActor\(/.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([])
  })
})
