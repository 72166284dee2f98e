import fs from 'node:fs'
import path from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { createScenario, expect, login, test } from './support'

/**
 * Issue 11 build item 8 against the built app: every route (enumerated from app/, so a new route is
 * included automatically) and every server action (from the build's server-reference manifest) gets
 * the hostile inputs — NUL bytes, malformed percent-encoding, out-of-range numbers, oversized bodies,
 * foreign and missing origins, malformed callbackUrl — and answers each with a 4xx (or a clean page),
 * never a 500.
 */

const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`

/** app/ routes as URL templates: [x] and [...x] segments become {x}. */
function routes(): { url: string; kind: 'page' | 'route'; methods: string[] }[] {
  const out: { url: string; kind: 'page' | 'route'; methods: string[] }[] = []
  const walk = (dir: string, segs: string[]) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) {
        const seg = e.name.startsWith('(') ? null : e.name.replace(/^\[\.\.\.(\w+)\]$/, '{$1}').replace(/^\[(\w+)\]$/, '{$1}')
        walk(p, seg === null ? segs : [...segs, seg])
      } else if (e.name === 'page.tsx') out.push({ url: `/${segs.join('/')}`, kind: 'page', methods: ['GET'] })
      else if (e.name === 'route.ts') {
        const src = fs.readFileSync(p, 'utf8')
        const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => new RegExp(`export (const|async function|\\{[^}]*\\bas) ?${m}\\b|handler as ${m}`).test(src))
        out.push({ url: `/${segs.join('/')}`, kind: 'route', methods })
      }
    }
  }
  walk(path.resolve('app'), [])
  return out
}

const SAMPLE: Record<string, string> = { code: '447001', year: '2024', file: 'expenditure.csv', region: '130000', revision: '1', base: '2023', key: 'hebei-dept-2024', id: 'x', nextauth: 'session' }
const fill = (url: string, v: (name: string) => string) => url.replace(/\{(\w+)\}/g, (_, n: string) => v(n))

const HOSTILE_SEGMENTS = ['%ZZ', '%00', 'a%00b', '%E0%A4%A', '2147483648', '1e309', '..%2F..%2Fetc']
const HOSTILE_QUERIES = ['q=%00', 'q=%ZZ', 'offset=1e20&limit=1e309', 'page=1e309', 'page=-1', 'revision=2147483648', 'revision=%00', 'format=%00', 'table=%00', 'disclosure=%00', 'disclosure=%ZZ', 'callbackUrl=%2F%255Cevil.example%2F', 'callbackUrl=/%09/evil.example', 'callbackUrl=%ZZ', 'region=%00', 'action=%00', 'q=' + 'x'.repeat(5000)]

type Hit = { what: string; status: number }

async function sweep(request: APIRequestContext, who: string): Promise<Hit[]> {
  const hits: Hit[] = []
  const hit = async (what: string, p: Promise<{ status(): number }>) => hits.push({ what: `${who} ${what}`, status: (await p).status() })
  for (const r of routes()) {
    const plain = fill(r.url, (n) => SAMPLE[n] ?? 'x')
    const withSegs = r.url.includes('{') ? HOSTILE_SEGMENTS.flatMap((h) => [fill(r.url, () => h), ...Object.keys(SAMPLE).filter((n) => r.url.includes(`{${n}}`)).map((only) => fill(r.url, (n) => (n === only ? h : (SAMPLE[n] ?? 'x'))))]) : []
    const urls = [...new Set([plain, ...withSegs, ...HOSTILE_QUERIES.map((q) => `${plain}?${q}`), `${plain}%00`])]
    for (const method of r.methods) {
      for (const u of urls) {
        if (method === 'GET') await hit(`GET ${u}`, request.get(u, { maxRedirects: 0 }))
        else {
          await hit(`${method} ${u} (no Origin)`, request.fetch(u, { method, maxRedirects: 0, data: 'x' }))
          await hit(`${method} ${u} (foreign Origin)`, request.fetch(u, { method, maxRedirects: 0, headers: { origin: 'http://127.0.0.1:1' }, data: 'x' }))
        }
      }
      if (method !== 'GET') {
        await hit(`${method} ${plain} same origin, NUL fields`, request.fetch(plain, { method, maxRedirects: 0, headers: { origin: BASE }, multipart: { year: '20\u000024', confirm: 'true', file: { name: 'a\u0000.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004') } } }))
        await hit(`${method} ${plain} same origin, year 1e309`, request.fetch(plain, { method, maxRedirects: 0, headers: { origin: BASE }, multipart: { year: '1e309', file: { name: 'a.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') } } }))
      }
    }
  }
  return hits
}

/** Every server action of the build, called directly with hostile bodies. */
async function actions(request: APIRequestContext, who: string): Promise<Hit[]> {
  const dist = process.env.NEXT_DIST_DIR ?? '.next'
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, unknown> }
  const ids = Object.keys(manifest.node)
  expect(ids.length).toBeGreaterThan(15)
  const hits: Hit[] = []
  const bodies = ['["a\\u0000b"]', '[{"disclosureId":"%ZZ","version":2147483648}]', '[{"disclosureId":"x","version":1e309}]', '[{"disclosureId":"x","version":1,"values":{"vehiclesPurchased":"2147483648","vehiclesHeld":"0","amounts":{}}}]', '[{"disclosureId":"x\\u0000","version":1,"notes":{"other":"\\u0000"}}]', 'not json', '']
  for (const id of ids) {
    for (const body of bodies) {
      const r = await request.post('/workspace', { headers: { 'next-action': id, origin: BASE, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component' }, data: body, maxRedirects: 0 })
      hits.push({ what: `${who} action ${id.slice(0, 8)} ${body.slice(0, 40)}`, status: r.status() })
    }
    for (const [what, headers] of [
      ['no Origin', { 'next-action': id, 'content-type': 'text/plain;charset=UTF-8' }],
      ['foreign Origin', { 'next-action': id, origin: 'http://127.0.0.1:1', 'content-type': 'text/plain;charset=UTF-8' }],
    ] as const) {
      const r = await request.post('/workspace', { headers, data: '["x"]', maxRedirects: 0 })
      expect(r.status(), `${what} action ${id}`).toBe(403)
      expect(await r.text()).toMatch(/[\u4e00-\u9fff]/)
      hits.push({ what: `${who} action ${id.slice(0, 8)} ${what}`, status: r.status() })
    }
  }
  const big = await request.post('/workspace', { headers: { 'next-action': ids[0]!, origin: BASE, 'content-type': 'text/plain;charset=UTF-8' }, data: `["${'x'.repeat(1_100_000)}"]`, maxRedirects: 0 })
  expect(big.status()).toBe(413)
  expect(await big.text()).toContain('提交的内容过大')
  hits.push({ what: `${who} action body over 1 MB`, status: big.status() })
  return hits
}

test('[SECURITY][HOSTILE] every route handler, page and server action answers hostile input with a 4xx, never a 500', async ({ page, request }) => {
  test.setTimeout(600_000)
  const anonymous = [...(await sweep(request, 'anonymous')), ...(await actions(request, 'anonymous'))]
  const s = await createScenario({ year: 2024 })
  await login(page, s.accountant)
  const signedIn = [...(await sweep(page.request, 'accountant')), ...(await actions(page.request, 'accountant'))]
  const all = [...anonymous, ...signedIn]
  expect(all.length).toBeGreaterThan(1000)
  const fiveHundreds = all.filter((h) => h.status >= 500)
  expect(fiveHundreds, fiveHundreds.slice(0, 20).map((h) => `${h.status} ${h.what}`).join('\n')).toEqual([])
  // the examples of the finding, by name
  const one = async (u: string) => (await request.get(u)).status()
  expect(await one('/api/search?q=%00')).toBe(400)
  expect(await one('/api/disclosures/%ZZ/2023/tables')).toBe(400)
  expect(await one('/api/search?q=x&offset=1e20')).toBe(400)
  expect(await one('/search?q=x&page=1e309')).toBe(200)
  const nul = await request.get('/api/search?q=%00')
  expect(((await nul.json()) as { error: { message: string } }).error.message).toMatch(/控制字符/)
})

test('[SECURITY][REDIRECT] login sends a malformed or foreign callbackUrl to the workspace, never to another site', async ({ page }) => {
  const s = await createScenario({ year: 2024 })
  for (const cb of ['/%5Cevil.example/', '%2F%09%2Fevil.example', '/%5C%5Cevil.example', '//evil.example', 'https://evil.example/']) {
    await page.context().clearCookies()
    await page.goto(`/login?callbackUrl=${cb}`)
    await page.getByLabel('用户名').fill(s.accountant)
    await page.getByLabel('密码').fill('demo12345')
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL('**/workspace')
    expect(new URL(page.url()).origin).toBe(BASE)
  }
})

test('[SECURITY][SESSION] after sign-out the old session cookie no longer works', async ({ page, request }) => {
  const s = await createScenario({ year: 2024 })
  await login(page, s.accountant)
  const cookies = await page.context().cookies()
  const token = cookies.find((c) => c.name.includes('session-token'))!
  expect(token).toBeTruthy()
  const me = async () => ((await (await request.get('/api/me', { headers: { cookie: `${token.name}=${token.value}` } })).json()) as { user: unknown }).user
  expect(await me()).toBeTruthy()
  await page.getByRole('button', { name: '退出' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/workspace'))
  // the stolen or kept copy of the old token is dead on the server
  await expect.poll(me).toBeNull()
})
