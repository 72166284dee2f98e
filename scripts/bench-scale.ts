/**
 * Province scale (issue 14): `npm run bench -- --scale N`.
 *
 * Starts the production server on a fresh embedded PostgreSQL (scripts/bench-portal.ts startServer), fills
 * it with 1,000 published department disclosures (scripts/bench-scale-data.ts: regions of 50 departments ×
 * 3 years — 7 regions at 1k, 334 at 50k —, copies of the demo's 承德 2023 with their lines) and 100 submissions, measures, grows the database to N
 * disclosures and N/10 submissions (5,000 at 50k), measures again, and prints each figure at both sizes
 * with the ratio (target ≤ 1.5) and the database size per 1,000 disclosures.
 *
 * Pages that are cached after their first visit (region-year, disclosure) are measured on their first
 * render: every sample asks for a page nobody has visited. Median of 7 samples after 2 warm-ups (which
 * use other pages). Timing is printed, never asserted. Region pages are measured on completely filled
 * regions only, so a region holds the same content at both sizes.
 *
 * The generated revisions have no stored files (docs/decisions/015); publication writes them, so a region's
 * open-data package is measured as served after publication: the revisions of the measured region-years get
 * the source revision's stored files (copied bytes, the same size and work per department) before timing.
 * A disclosure page's first render is measured both ways: with its revisions' files stored, as publication
 * leaves them (the page itself), and without (the page builds its year's and its other years' files on the
 * way: the one-time backfill of docs/decisions/015, CPU work per revision). A PDF download is of a revision
 * with its files.
 *
 * `--keep-db`: the embedded PostgreSQL's data directory is kept (and printed) for EXPLAIN afterwards;
 * otherwise it is deleted at the end.
 */
import fs from 'node:fs'
import { performance } from 'node:perf_hooks'
import type { PrismaClient } from '../src/generated/prisma/client'
import { startServer } from './bench-portal'
import { copySourceFiles, DEPARTMENTS_PER_REGION, ensureRegions, FEW_HITS, fullRegions, generateDepartments, generateSubmissions, RARE_PROJECT, refreshRegionYears, regionCode, regionsFor, sourceDisclosure, withoutGinIndexes, YEARS } from './bench-scale-data'

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

/**
 * The measured departments (disclosure page G100+ with files and G200+ without, PDF G300+, stage-shifted by 40) and the regions they are
 * in; region-years for the region pages are taken from the other completely filled regions, distinct per
 * request (region, then year) so a first render is a first render.
 */
function regionYears(stage: number, departments: number): (i: number) => { region: string; year: number } {
  const busy = new Set([100, 200, 300].flatMap((d) => [0, 1].flatMap((s) => [0, SAMPLES + WARM].map((i) => 1 + Math.floor((d + s * 40 + i) / DEPARTMENTS_PER_REGION)))))
  const free = Array.from({ length: fullRegions(departments) }, (_, k) => k + 1).filter((r) => !busy.has(r))
  if (free.length === 0) throw new Error('没有可测量的地区')
  // stage 0 starts at the first free region, later stages further on (regions not visited before)
  const start = stage === 0 ? 0 : Math.min(free.length - 1, 40 * stage)
  return (i) => {
    const k = start + i
    return { region: regionCode(free[k % free.length]!), year: YEARS[Math.floor(k / free.length) % YEARS.length]! }
  }
}

async function measure(base: string, cookie: string, stage: number, departments: number, db: PrismaClient, src: string): Promise<Figures> {
  const { loadRegionComparison } = await import('../lib/portal/server/region-comparison')
  // distinct pages per stage: the cached pages are measured on their first render
  const o = stage * 40
  const year = YEARS[2]!
  const ry = regionYears(stage, departments)
  const n = SAMPLES + WARM
  const pkg = (i: number) => ry(2 * n + i)
  // the measured packages' revisions, as publication leaves them: with their stored files
  for (let i = 0; i < n; i++) await copySourceFiles(db, src, pkg(i).region, pkg(i).year)
  // the measured disclosure pages (all their years) and PDFs: their files stored, as after publication
  const { ensureRevisionFiles, findPublishedRef, findPublishedYearRefs } = await import('../lib/portal/server/published-files')
  for (let i = 0; i < n; i++) {
    const page = (await findPublishedRef(`G${100 + o + i}`, year))!
    await ensureRevisionFiles((await findPublishedYearRefs(page.departmentId, page.unitCode)).map((r) => r.id))
    await ensureRevisionFiles([(await findPublishedRef(`G${300 + o + i}`, year))!.id])
  }
  return {
    home: await timeUrl(base, () => '/', 0),
    regions: await timeUrl(base, () => '/regions', 0),
    'region page': await timeUrl(base, (i) => `/regions/${ry(i).region}`, 0),
    'region-year page (first render)': await timeUrl(base, (i) => `/regions/${ry(n + i).region}/${ry(n + i).year}`, 0),
    'disclosure page (first render)': await timeUrl(base, (i) => `/disclosures/G${100 + o + i}/${year}`, 0),
    'disclosure page (first render, building its 3 years\' files)': await timeUrl(base, (i) => `/disclosures/G${200 + o + i}/${year}`, 0),
    [`search, few hits (${FEW_HITS})`]: await timeUrl(base, () => `/search?q=${encodeURIComponent(RARE_PROJECT)}`, 0),
    'search, many hits': await timeUrl(base, () => `/search?q=${encodeURIComponent('三公经费')}`, 0),
    'search, no hit': await timeUrl(base, () => `/search?q=${encodeURIComponent('不存在的词语组合')}`, 0),
    'region comparison': await timeFn((i) => loadRegionComparison(ry(i).region, ry(i).year), 0),
    'region open-data package': await timeUrl(base, (i) => `/api/open-data/regions/${pkg(i).region}/${pkg(i).year}/expenditure.csv`, 0),
    'review queue': await timeUrl(base, () => '/review', 0, cookie),
    'PDF download': await timeUrl(base, (i) => `/api/disclosures/G${300 + o + i}/${year}/document?format=pdf`, 0),
  }
}

async function dbSize(db: PrismaClient): Promise<number> {
  const [r] = await db.$queryRawUnsafe<{ size: bigint }[]>('SELECT pg_database_size(current_database()) AS size')
  return Number(r!.size)
}

export async function benchScale(target: number, opts: { keepDb?: boolean } = {}): Promise<string[]> {
  const server = await startServer()
  let kept = false
  try {
    process.env.DATABASE_URL = server.databaseUrl
    const { db } = await import('../lib/server/db')
    const src = await sourceDisclosure(db())
    const cookie = await login(server.base, 'admin', 'demo12345')
    let departments = 0
    let submissions = 0
    const stages = [...new Set([1000, Math.max(1000, target)])]
    const out: { n: number; queue: number; figures: Figures; size: number; after: number; seconds: number }[] = []
    for (const [k, n] of stages.entries()) {
      const t0 = performance.now()
      const want = Math.ceil(n / YEARS.length)
      await ensureRegions(db(), regionsFor(n))
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
      // the size of the generated data, before the measurement stores files for the pages it visits
      const size = await dbSize(db())
      out.push({ n, queue, size, figures: await measure(server.base, cookie, k, want, db(), src.id), after: await dbSize(db()), seconds })
    }
    kept = opts.keepDb === true
    const [a, b] = [out[0]!, out[out.length - 1]!]
    const k = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n))
    const lines = [`scale: ${k(a.n)} → ${k(b.n)} published disclosures over ${regionsFor(a.n)} → ${regionsFor(b.n)} regions of ${DEPARTMENTS_PER_REGION} departments and ${YEARS.length} years; review queue ${a.queue} → ${b.queue} submissions; generated in ${a.seconds.toFixed(0)} s + ${b.seconds.toFixed(0)} s`]
    for (const name of Object.keys(a.figures)) {
      const x = a.figures[name]!
      const y = b.figures[name]!
      lines.push(`scale.${name}: ${x.toFixed(1)} ms at ${k(a.n)}, ${y.toFixed(1)} ms at ${k(b.n)} (ratio ${k(b.n)}/${k(a.n)}: ${(y / x).toFixed(2)}, target: ≤ 1.5)`)
    }
    // what the growth added (the first stage's measured files excluded: `after` is its size once measured)
    const perThousand = b.n > a.n ? ((b.size - a.after) / (b.n - a.n)) * 1000 : a.size / (a.n / 1000)
    lines.push(`scale.database_size: ${(a.size / 1e6).toFixed(0)} MB at ${k(a.n)}, ${(b.size / 1e6).toFixed(0)} MB at ${k(b.n)}; ${(perThousand / 1e6).toFixed(1)} MB per 1,000 disclosures`)
    const [files] = await db().$queryRawUnsafe<{ mb: number }[]>(`SELECT (SUM(pg_column_size("body")) / NULLIF(COUNT(DISTINCT "disclosureId"), 0) / 1e6)::float AS mb FROM "RevisionFile"`)
    lines.push(`scale.revision_files: ${(files?.mb ?? 0).toFixed(2)} MB of stored files per published revision (written at publication, docs/decisions/015; the generator leaves them out, so the size above does not count them)`)
    if (kept) lines.push(`scale: database kept in ${server.dataDir} (delete it when done)`)
    await db().$disconnect()
    return lines
  } finally {
    await server.stop()
    if (!kept) fs.rmSync(server.dataDir, { recursive: true, force: true })
  }
}
