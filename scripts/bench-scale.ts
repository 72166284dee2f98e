/**
 * Province scale (issue 14): `npm run bench -- --scale N`.
 *
 * Starts the production server on a fresh embedded PostgreSQL (scripts/bench-portal.ts startServer), fills
 * it with 1,000 published department disclosures (scripts/bench-scale-data.ts: ~200 regions × 3 years,
 * copies of the demo's 承德 2023 with their lines) and 100 submissions, measures, grows the database to N
 * disclosures and N/10 submissions (5,000 at 50k), measures again, and prints each figure at both sizes
 * with the ratio (target ≤ 1.5) and the database size per 1,000 disclosures.
 *
 * Pages that are cached after their first visit (region-year, disclosure) are measured on their first
 * render: every sample asks for a page nobody has visited. Median of 7 samples after 2 warm-ups (which
 * use other pages). Timing is printed, never asserted.
 */
import { performance } from 'node:perf_hooks'
import type { PrismaClient } from '../src/generated/prisma/client'
import { startServer } from './bench-portal'
import { ensureRegions, FEW_HITS, generateDepartments, generateSubmissions, RARE_PROJECT, refreshRegionYears, REGIONS, sourceDisclosure, withoutGinIndexes, YEARS } from './bench-scale-data'

const BATCH = 1000
const SAMPLES = 7
const WARM = 2
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function login(base: string, username: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const r = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', cookie: jar, origin: base },
    body: new URLSearchParams({ csrfToken, username, password, json: 'true' }),
  })
  const session = r.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c?.includes("session-token"))
  if (!session) throw new Error(`登录失败（${r.status}）`)
  return `${jar}; ${session}`
}

/** Median ms of `SAMPLES` requests, each to the URL `url(i)` (i from `offset`); the warm-ups use other i. */
async function timeUrl(base: string, url: (i: number) => string, offset: number, cookie?: string): Promise<number> {
  const get = async (i: number) => {
    const t0 = performance.now()
    const r = await fetch(`${base}${url(i)}`, { headers: cookie ? { cookie } : {} })
    await r.arrayBuffer()
    if (r.status !== 200) throw new Error(`${url(i)} 返回 ${r.status}`)
    return performance.now() - t0
  }
  for (let i = 0; i < WARM; i++) await get(offset + SAMPLES + i)
  const xs: number[] = []
  for (let i = 0; i < SAMPLES; i++) xs.push(await get(offset + i))
  return median(xs)
}

async function timeFn(fn: (i: number) => Promise<unknown>, offset: number): Promise<number> {
  for (let i = 0; i < WARM; i++) await fn(offset + SAMPLES + i)
  const xs: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const t0 = performance.now()
    await fn(offset + i)
    xs.push(performance.now() - t0)
  }
  return median(xs)
}

type Figures = Record<string, number>
const region = (i: number) => `G${String(1 + (i % REGIONS)).padStart(4, '0')}`

async function measure(base: string, cookie: string, stage: number): Promise<Figures> {
  const { loadRegionComparison } = await import('../lib/portal/server/region-comparison')
  // distinct pages per stage: the cached pages are measured on their first render
  const o = stage * 40
  const year = YEARS[2]!
  return {
    home: await timeUrl(base, () => '/', 0),
    regions: await timeUrl(base, () => '/regions', 0),
    'region page': await timeUrl(base, (i) => `/regions/${region(o + i)}`, 0),
    'region-year page (first render)': await timeUrl(base, (i) => `/regions/${region(o + i)}/${year}`, 0),
    'disclosure page (first render)': await timeUrl(base, (i) => `/disclosures/G${100 + o + i}/${year}`, 0),
    [`search, few hits (${FEW_HITS})`]: await timeUrl(base, () => `/search?q=${encodeURIComponent(RARE_PROJECT)}`, 0),
    'search, many hits': await timeUrl(base, () => `/search?q=${encodeURIComponent('三公经费')}`, 0),
    'search, no hit': await timeUrl(base, () => `/search?q=${encodeURIComponent('不存在的词语组合')}`, 0),
    'region comparison': await timeFn((i) => loadRegionComparison(region(o + 20 + i), YEARS[1]!), 0),
    'region open-data package': await timeUrl(base, (i) => `/api/open-data/regions/${region(o + 30 + i)}/${YEARS[0]}/expenditure.csv`, 0),
    'review queue': await timeUrl(base, () => '/review', 0, cookie),
    'PDF download': await timeUrl(base, (i) => `/api/disclosures/G${300 + o + i}/${year}/document?format=pdf`, 0),
  }
}

async function dbSize(db: PrismaClient): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ size: bigint }[]>('SELECT pg_database_size(current_database()) AS size')
  return Number(r!.size)
}

export async function benchScale(target: number): Promise<string[]> {
  const server = await startServer()
  try {
    process.env.DATABASE_URL = server.databaseUrl
    const { db } = await import('../lib/server/db')
    const src = await sourceDisclosure(db())
    await ensureRegions(db())
    const cookie = await login(server.base, 'admin', 'demo12345')
    let departments = 0
    let submissions = 0
    const stages = [...new Set([1000, Math.max(1000, target)])]
    const out: { n: number; queue: number; figures: Figures; size: number; seconds: number }[] = []
    for (const [k, n] of stages.entries()) {
      const t0 = performance.now()
      const want = Math.ceil(n / YEARS.length)
      const grow = async () => {
        for (let from = departments; from < want; from += BATCH) {
          await generateDepartments(db(), src, from, Math.min(want, from + BATCH))
          process.stderr.write(`  已生成 ${Math.min(want, from + BATCH) * YEARS.length} 份已公开预算\r`)
        }
      }
      // a large step is loaded without the GIN indexes and builds them once at the end
      if (want - departments > 2 * BATCH) await withoutGinIndexes(db(), grow)
      else await grow()
      departments = want
      const queue = Math.max(100, Math.round(n / 10))
      await generateSubmissions(db(), src, submissions, queue, departments)
      submissions = queue
      await refreshRegionYears(db())
      await db().$executeRawUnsafe('VACUUM ANALYZE')
      const seconds = (performance.now() - t0) / 1000
      process.stderr.write(`\n  ${n} 份：生成用时 ${seconds.toFixed(0)} 秒，测量中…\n`)
      out.push({ n, queue, figures: await measure(server.base, cookie, k), size: await dbSize(db()), seconds })
    }
    await db().$disconnect()
    const [a, b] = [out[0]!, out[out.length - 1]!]
    const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))
    const lines = [`scale: ${k(a.n)} → ${k(b.n)} published disclosures over ${REGIONS} regions and ${YEARS.length} years; review queue ${a.queue} → ${b.queue} submissions; generated in ${a.seconds.toFixed(0)} s + ${b.seconds.toFixed(0)} s`]
    for (const name of Object.keys(a.figures)) {
      const x = a.figures[name]!
      const y = b.figures[name]!
      lines.push(`scale.${name}: ${x.toFixed(1)} ms at ${k(a.n)}, ${y.toFixed(1)} ms at ${k(b.n)} (ratio ${k(b.n)}/${k(a.n)}: ${(y / x).toFixed(2)}, target: ≤ 1.5)`)
    }
    const perThousand = b.n > a.n ? ((b.size - a.size) / (b.n - a.n)) * 1000 : a.size / (a.n / 1000)
    lines.push(`scale.database_size: ${(a.size / 1e6).toFixed(0)} MB at ${k(a.n)}, ${(b.size / 1e6).toFixed(0)} MB at ${k(b.n)}; ${(perThousand / 1e6).toFixed(1)} MB per 1,000 disclosures`)
    return lines
  } finally {
    await server.stop()
  }
}
