/**
 * Public portal benchmarks.
 *
 *   npx tsx scripts/bench-portal.ts
 *
 * prints
 *
 *   portal.published_page_rps: <rps> (baseline: <rps> static file from the same server, ratio: <r>, target: ≥ 0.5)
 *   portal.region_comparison_1000: <ms> ms (baseline: <ms> ms the same aggregation as one raw SQL query, ratio: <r>, target: ≤ 3)
 *
 * `npm run bench -- --only portal:tables,portal:editor` runs only those figures (scripts/bench.ts).
 *
 * Set-up: the production server (scripts/start.ts: a fresh embedded PostgreSQL on a free port, migrations,
 * the demo seed, `next build` into .next-bench when the sources are newer, `next start`) on a free
 * loopback port; stopped at the end, with its database.
 *
 * published_page_rps: autocannon, 50 connections, 10 s, against the published demo page
 *   /disclosures/447/2023 (warmed once, so it is served from the cache as every later visitor gets it);
 *   baseline: the same load on a static file of the same server (the largest /_next/static chunk the page
 *   references). Both must finish with 0 errors and 0 non-2xx answers, or the bench fails.
 * region_comparison_1000: a region of 1,000 departments, each with a published 2023 disclosure of the
 *   承德 2023 shape (128 expenditure lines, amounts varied per department, 三公 entries), written with
 *   createMany into the same database; op = loadRegionComparison (the portal's query + pure aggregation);
 *   baseline = the same figures computed by PostgreSQL in one SQL statement. Both results are checked equal.
 *   Median of 7 runs after 2 warm-ups each. Timing is reported, never asserted.
 * tables_api_rps: autocannon, 50 connections, 10 s, against the published tables API
 *   /api/disclosures/447/2023/tables (served from the revision's stored files, docs/decisions/015; the clean
 *   address skips proxy.ts and the route checks its own URL, docs/decisions/026);
 *   baseline: the same static file as for the page. 0 errors and 0 non-2xx, or the bench fails.
 * editor.page_ms: the accountant (kuaiji) signed in, the editor page of the 447 2024 draft
 *   /workspace/disclosures/<id>, median of 15 sequential requests after 3 warm-ups; baseline: the login page
 *   the same way (report only). editor.page_rps: the same page under autocannon, 10 connections, 10 s.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'

const ROOT = path.resolve(import.meta.dirname, '..')
export const PAGE = '/disclosures/447/2023'
const REGION_DEPARTMENTS = 1000

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
}

async function waitFor(url: string, ms: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + ms
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`服务器已退出（代码 ${child.exitCode}）`)
    try {
      const r = await fetch(url)
      if (r.status < 500) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`等待 ${url} 超时`)
}

/** `dataDir`: the embedded PostgreSQL's data directory (relative to the repository). */
export type Server = { base: string; databaseUrl: string; dataDir: string; stop: () => Promise<void> }

export async function startServer(): Promise<Server> {
  const [port, pgPort] = [await freePort(), await freePort()]
  const log: string[] = []
  const dataDir = `.tmp/bench-portal-pg-${pgPort}`
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-only-hook.mjs', 'scripts/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_FRESH: '1', NEXT_DIST_DIR: '.next-bench', NEXTAUTH_URL: `http://127.0.0.1:${port}`, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (c: Buffer) => log.push(c.toString()))
  child.stderr!.on('data', (c: Buffer) => log.push(c.toString()))
  const base = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))])
  }
  try {
    await waitFor(`${base}/login`, 600_000, child)
  } catch (e) {
    await stop()
    throw new Error(`${(e as Error).message}\n${log.join('').slice(-3000)}`)
  }
  return { base, databaseUrl: `postgresql://postgres:postgres@127.0.0.1:${pgPort}/yusuan`, dataDir: path.join(ROOT, dataDir), stop }
}

async function load(url: string): Promise<{ rps: number; errors: number; non2xx: number }> {
  const r = await autocannon({ url, connections: 50, duration: 10, pipelining: 1 })
  return { rps: r.requests.average, errors: r.errors + r.timeouts, non2xx: r.non2xx }
}

/** The largest static chunk the page references: a file the same server sends from disk. */
async function staticFileOf(base: string): Promise<string> {
  const html = await (await fetch(`${base}${PAGE}`)).text()
  const files = [...new Set([...html.matchAll(/\/_next\/static\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]))]
  if (files.length === 0) throw new Error('页面中没有找到静态文件')
  let best = files[0]!
  let size = -1
  for (const f of files) {
    const n = (await (await fetch(`${base}${f}`)).arrayBuffer()).byteLength
    if (n > size) [best, size] = [f, n]
  }
  return best
}

export async function benchPublishedPage(base: string): Promise<string> {
  const warm = await fetch(`${base}${PAGE}`)
  if (warm.status !== 200) throw new Error(`${PAGE} 返回 ${warm.status}`)
  await fetch(`${base}${PAGE}`)
  const file = await staticFileOf(base)
  const page = await load(`${base}${PAGE}`)
  const stat = await load(`${base}${file}`)
  for (const [what, r] of [
    ['page', page],
    ['static file', stat],
  ] as const) {
    if (r.errors || r.non2xx) throw new Error(`${what}: ${r.errors} errors, ${r.non2xx} non-2xx`)
  }
  return `portal.published_page_rps: ${page.rps.toFixed(0)} (baseline: ${stat.rps.toFixed(0)} static file from the same server, ratio: ${(page.rps / stat.rps).toFixed(2)}, target: ≥ 0.5)`
}

export async function benchTablesApi(base: string): Promise<string> {
  const url = `${base}/api/disclosures/447/2023/tables`
  const warm = await fetch(url)
  if (warm.status !== 200) throw new Error(`${url} 返回 ${warm.status}`)
  const file = await staticFileOf(base)
  const api = await load(url)
  const stat = await load(`${base}${file}`)
  for (const [what, r] of [
    ['tables API', api],
    ['static file', stat],
  ] as const) {
    if (r.errors || r.non2xx) throw new Error(`${what}: ${r.errors} errors, ${r.non2xx} non-2xx (tables API ${api.rps.toFixed(0)} rps, static file ${stat.rps.toFixed(0)} rps)`)
  }
  return `portal.tables_api_rps: ${api.rps.toFixed(0)} (baseline: ${stat.rps.toFixed(0)} static file from the same server, ratio: ${(api.rps / stat.rps).toFixed(2)}, target: ≥ 0.5)`
}

/** Signs in through next-auth's credentials flow; the session cookie. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: jar, Origin: base },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/workspace`, json: 'true' }),
  })
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('session-token'))
  if (!session) throw new Error(`登录失败（${res.status}）`)
  return `${jar}; ${session}`
}

async function sequentialMs(url: string, cookie: string, warm = 3, runs = 15): Promise<number> {
  const once = async () => {
    const t0 = performance.now()
    const r = await fetch(url, { headers: { Cookie: cookie }, redirect: 'manual' })
    await r.arrayBuffer()
    if (r.status !== 200) throw new Error(`${url} 返回 ${r.status}`)
    return performance.now() - t0
  }
  for (let i = 0; i < warm; i++) await once()
  const xs: number[] = []
  for (let i = 0; i < runs; i++) xs.push(await once())
  return median(xs)
}

export async function benchEditorPage(base: string, databaseUrl: string): Promise<string[]> {
  process.env.DATABASE_URL = databaseUrl
  const { db } = await import('../lib/server/db')
  const { DEMO_PASSWORD } = await import('../prisma/seed')
  const d = await db().disclosure.findFirstOrThrow({ where: { department: { code: '447' }, year: 2024, unitCode: '' }, select: { id: true } })
  const cookie = await signIn(base, 'kuaiji', DEMO_PASSWORD)
  const url = `${base}/workspace/disclosures/${d.id}`
  const page = await sequentialMs(url, cookie)
  const login = await sequentialMs(`${base}/login`, '')
  const r = await autocannon({ url, connections: 10, duration: 10, pipelining: 1, headers: { cookie } })
  if (r.errors + r.timeouts || r.non2xx) throw new Error(`editor page: ${r.errors + r.timeouts} errors, ${r.non2xx} non-2xx`)
  return [
    `editor.page_ms: ${page.toFixed(1)} ms (baseline: ${login.toFixed(1)} ms the login page, ratio: ${(page / login).toFixed(2)}, report only)`,
    `editor.page_rps: ${r.requests.average.toFixed(1)} (10 connections, p50 ${r.latency.p50} ms; issue 11 measured 8.9 rps, p50 4 s)`,
  ]
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** A region of `n` departments with a published 2023 disclosure each, written in a few createMany calls. */
async function generateRegion(n: number): Promise<string> {
  const { db } = await import('../lib/server/db')
  const { formatYuan } = await import('../lib/budget/money')
  const { chengde2023 } = await import('../prisma/demo')
  const base = chengde2023()
  const code = `B${Date.now().toString(36)}`
  const region = await db().region.create({ data: { code, name: '基准测试市', province: '河北省', financeBureau: '基准测试市财政局' } })
  const tpl = await db().template.findUniqueOrThrow({ where: { key: 'hebei-dept-2023' } })
  const depts = Array.from({ length: n }, (_, i) => ({ id: `${code}-d${i}`, code: `${code}-${String(i).padStart(4, '0')}`, name: `基准测试局${i}`, regionId: region.id }))
  await db().department.createMany({ data: depts })
  await db().unit.createMany({ data: depts.flatMap((d) => base.units.map((u, position) => ({ code: `${d.code}-${u.code}`, name: u.name, nature: u.nature ?? null, departmentId: d.id, position, isSelf: position === 0 }))) })
  await db().disclosure.createMany({ data: depts.map((d) => ({ id: `${d.id}-2023`, departmentId: d.id, year: 2023, status: 'published' as const, templateId: tpl.id, publishedAt: new Date() })) })
  // amounts vary by department: × (500 + i) / 1000, in exact 分
  const scale = (fen: number, i: number) => Math.round((fen * (500 + i)) / 1000)
  for (let from = 0; from < n; from += 100) {
    const chunk = depts.slice(from, from + 100)
    await db().expenditureLine.createMany({
      data: chunk.flatMap((d, k) =>
        base.expenditure.map((l, position) => ({ disclosureId: `${d.id}-2023`, unitCode: `${d.code}-${l.unitCode}`, functionCode: l.functionCode, economicCode: l.economicCode, fund: l.fund, category: l.category, projectCode: l.projectCode ?? null, amount: formatYuan(scale(l.amount, from + k)), position })),
      ),
    })
    await db().threePublicEntry.createMany({ data: chunk.flatMap((d, k) => base.threePublic.map((e) => ({ disclosureId: `${d.id}-2023`, item: e.item, fund: e.fund, amount: formatYuan(scale(e.amount, from + k) + (from + k) * 100) }))) })
  }
  // the portal's read model, as publication keeps it (lib/portal/server/publication-index.ts): the list the
  // comparison reads; written directly here, the document-derived search rows are not needed for this figure
  const now = new Date()
  await db().portalEntry.createMany({ data: depts.map((d) => ({ departmentId: d.id, year: 2023, disclosureId: `${d.id}-2023`, revision: 1, regionId: region.id, departmentCode: d.code, departmentName: d.name, publishedAt: now })) })
  await db().portalRegionYear.create({ data: { regionId: region.id, year: 2023, departments: n } })
  await db().$executeRawUnsafe('ANALYZE')
  return code
}

type Row = { code: string; total: number; basic: number; project: number; general_budget: number; personnel: number; operating: number; three_public: number }

/** The same figures in one SQL statement: latest published revision per department, sums rounded once to 0.01 万元. */
async function rawComparison(regionCode: string, year: number): Promise<Row[]> {
  const { db } = await import('../lib/server/db')
  return db().$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (d."departmentId") d."id", dep."code", COALESCE(d."notes" -> 'operatingCosts' -> 'civilServiceUnits', '[]'::jsonb) AS civil
      FROM "Disclosure" d JOIN "Department" dep ON dep."id" = d."departmentId" JOIN "Region" r ON r."id" = dep."regionId"
      WHERE d."status" = 'published' AND d."unitCode" = '' AND d."year" = ${year} AND r."code" = ${regionCode}
      ORDER BY d."departmentId", d."revision" DESC
    ), e AS (
      SELECT x."disclosureId" AS id,
        SUM(x."amount") AS total,
        SUM(x."amount") FILTER (WHERE x."category" = 'basic') AS basic,
        SUM(x."amount") FILTER (WHERE x."category" = 'project') AS project,
        SUM(x."amount") FILTER (WHERE x."fund" = 'general') AS general_budget,
        SUM(x."amount") FILTER (WHERE x."fund" = 'general' AND x."category" = 'basic' AND left(x."economicCode", 3) IN ('301', '303')) AS personnel,
        SUM(x."amount") FILTER (WHERE x."fund" IN ('general', 'gov_fund', 'state_capital') AND x."category" = 'basic' AND left(x."economicCode", 3) NOT IN ('301', '303')
          AND (u."nature" ~ '行政|参公|参照公务员' OR l."civil" ? x."unitCode")) AS operating
      FROM latest l JOIN "ExpenditureLine" x ON x."disclosureId" = l."id" LEFT JOIN "Unit" u ON u."code" = x."unitCode"
      GROUP BY x."disclosureId"
    ), t AS (
      SELECT e."disclosureId" AS id, SUM(e."amount") AS three_public FROM "ThreePublicEntry" e
      WHERE e."disclosureId" IN (SELECT "id" FROM latest) AND e."fund" IN ('general', 'gov_fund', 'state_capital')
        AND e."item" IN ('abroad_research', 'abroad_other', 'vehicle_purchase', 'vehicle_operation', 'reception')
      GROUP BY e."disclosureId"
    )
    SELECT l."code",
      ROUND(COALESCE(e.total, 0) / 100)::int AS total, ROUND(COALESCE(e.basic, 0) / 100)::int AS basic,
      ROUND(COALESCE(e.project, 0) / 100)::int AS project, ROUND(COALESCE(e.general_budget, 0) / 100)::int AS general_budget,
      ROUND(COALESCE(e.personnel, 0) / 100)::int AS personnel, ROUND(COALESCE(e.operating, 0) / 100)::int AS operating,
      ROUND(COALESCE(t.three_public, 0) / 100)::int AS three_public
    FROM latest l LEFT JOIN e ON e.id = l."id" LEFT JOIN t ON t.id = l."id"
    ORDER BY l."code"`
}

async function timed<T>(fn: () => Promise<T>, warm = 2, runs = 7): Promise<{ ms: number; last: T }> {
  let last!: T
  for (let i = 0; i < warm; i++) last = await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    last = await fn()
    samples.push(performance.now() - t0)
  }
  return { ms: median(samples), last }
}

export async function benchRegionComparison(databaseUrl: string): Promise<string> {
  process.env.DATABASE_URL = databaseUrl
  const regionCode = await generateRegion(REGION_DEPARTMENTS)
  const { loadRegionComparison } = await import('../lib/portal/server/region-comparison')
  const op = await timed(() => loadRegionComparison(regionCode, 2023))
  const raw = await timed(() => rawComparison(regionCode, 2023))
  const rows = op.last!.rows
  if (rows.length !== REGION_DEPARTMENTS || raw.last.length !== REGION_DEPARTMENTS) throw new Error(`部门数不符：${rows.length} / ${raw.last.length}`)
  const byCode = new Map(raw.last.map((r) => [r.code, r]))
  for (const r of rows) {
    const s = byCode.get(r.code)!
    const same = s.total === r.total && s.basic === r.basic && s.project === r.project && s.general_budget === r.generalBudget && s.personnel === r.personnel && s.operating === r.operating && s.three_public === r.threePublic
    if (!same) throw new Error(`${r.code}: 与 SQL 结果不一致 ${JSON.stringify(r)} ≠ ${JSON.stringify(s)}`)
  }
  return `portal.region_comparison_1000: ${op.ms.toFixed(1)} ms (baseline: ${raw.ms.toFixed(1)} ms the same aggregation as one raw SQL query, ratio: ${(op.ms / raw.ms).toFixed(2)}, target: ≤ 3)`
}

/** Printable lines for the benchmark report. */
export async function benchPortal(): Promise<string[]> {
  const server = await startServer()
  try {
    // each figure on its own: one that fails (a timeout on a loaded machine) does not take the others with it
    const lines: string[] = []
    // npm run bench -- --only portal:tables,portal:editor (scripts/bench.ts): only the figures whose name contains one of these
    const wanted = (process.env.BENCH_ONLY ?? '').split(',').filter((o) => o.startsWith('portal:')).map((o) => o.slice('portal:'.length))
    const run = async (name: string, f: () => Promise<string | string[]>) => {
      if (wanted.length && !wanted.some((w) => name.includes(w))) return
      try {
        lines.push(...[await f()].flat())
      } catch (e) {
        lines.push(`${name}: failed — ${(e as Error).message}`)
      }
    }
    await run('portal.published_page_rps', () => benchPublishedPage(server.base))
    await run('portal.tables_api_rps', () => benchTablesApi(server.base))
    await run('editor.page_ms', () => benchEditorPage(server.base, server.databaseUrl))
    await run('portal.region_comparison_1000', () => benchRegionComparison(server.databaseUrl))
    await run('exchange.concurrent_request_during_import_ms', async () => {
      const { benchRequestDuringImport } = await import('./bench-import-concurrency')
      const { DEMO_PASSWORD } = await import('../prisma/seed')
      return benchRequestDuringImport(server.base, await signIn(server.base, 'kuaiji', DEMO_PASSWORD))
    })
    const { db } = await import('../lib/server/db')
    await db().$disconnect()
    return lines
  } finally {
    await server.stop()
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href
if (invokedDirectly) {
  benchPortal().then(
    (lines) => {
      for (const line of lines) console.log(line)
      process.exit(0)
    },
    (e) => {
      console.error(e)
      process.exit(1)
    },
  )
}
