import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '@/src/generated/prisma/client'
import { toTsvector } from '@/lib/portal/search-grams'
import { migrateDeploy } from '@/lib/server/migrate'

/**
 * Issue 14: what every public page, search and the review queue read stays flat with the number of
 * published disclosures — checked on the query plans. Thousands of rows are generated with plain SQL
 * (a county-scale database is too small for the planner to prefer indexes, which would prove nothing),
 * every statement the portal functions send is recorded, and its EXPLAIN must not scan Disclosure, the
 * lines or the portal tables sequentially.
 */
type Logged = { query: string; params: string }
const logged: Logged[] = []
const tag = Math.random().toString(36).slice(2, 6)
// a database of its own on the test server: thousands of generated disclosures must not crowd the other tests' searches
const server = process.env.DATABASE_URL!
const database = `portal_scale_${tag}`
async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: server })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}
await onServer(`CREATE DATABASE ${database}`)
const url = server.replace(/\/[^/?]+(\?|$)/, `/${database}$1`)
migrateDeploy(url)
const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: 'event', level: 'query' }] })
client.$on('query', (e) => logged.push({ query: e.query, params: e.params }))
// the portal's db() uses this client (lib/server/db.ts keeps one per process on globalThis)
;(globalThis as unknown as { prisma?: PrismaClient }).prisma = client

const { db } = await import('@/lib/server/db')
const { loadRecent, loadRecentRegions, loadRegion, loadRegionPage, loadRegionYear, regionPageSql, REGIONS_PER_PAGE } = await import('@/lib/portal/server/browse')
const { findPublished } = await import('@/lib/portal/server/disclosure-data')
const { findPublishedRef, findPublishedYearRefs } = await import('@/lib/portal/server/published-files')
const { revisionStore } = await import('@/lib/portal/server/revision-store')
const { findPriorDisclosure } = await import('@/lib/notes/server/load-notes-context')
const { unitPartsOf } = await import('@/lib/disclosure/server/compute-disclosure')
const { loadRegionComparison } = await import('@/lib/portal/server/region-comparison')
const { DENSE_PROBE, searchPublished, searchStatement, SEARCH_WINDOW } = await import('@/lib/portal/server/search')
const { reviewQueue } = await import('@/lib/workflow/server/review-queue')
const { createUser, ensureReferenceData } = await import('../factories/db')

const REGIONS = 12
const PER_REGION = 250
const YEARS = [2091, 2092, 2093]
const QUEUED = 300
// a province of many regions (each with a published year in the read model), for the paged region list
const MANY_REGIONS = 2000
// QueueSummary holds one row per returned disclosure only (a small table is rightly read whole)
const WATCHED = ['Disclosure', 'ExpenditureLine', 'RevenueLine', 'Project', 'PortalEntry', 'PortalSearchText', 'SubmissionSnapshot']

const TEXTS = [
  '“三公”经费财政拨款支出预算为 12.50 万元，比上年减少 1.20 万元，其中公务接待费 3.00 万元。',
  '机关运行经费财政拨款预算 86.40 万元，主要用于办公费、印刷费、水电费、办公设备购置等。',
  '2101501 行政运行',
  '2080505 机关事业单位基本养老保险缴费支出',
  '医疗保障信息化建设项目',
  '台式计算机',
  '部门预算收支总体情况：收入总计 2350.50 万元，支出总计 2350.50 万元。',
  '政府采购预算 45.00 万元，其中预留中小企业份额 18.00 万元。',
]

beforeAll(async () => {
  await ensureReferenceData()
  const tpl = await db().template.findFirstOrThrow({ select: { id: true } })
  await db().$executeRawUnsafe(`INSERT INTO "Region" ("id", "code", "name", "province", "financeBureau") SELECT 'sr${tag}' || g, 'SR${tag}' || g, '规模测试' || g || '市', '河北省', '财政局' FROM generate_series(1, ${REGIONS}) g`)
  await db().$executeRawUnsafe(`INSERT INTO "Department" ("id", "code", "name", "regionId") SELECT 'sd${tag}' || g, 'SD${tag}' || g, '规模测试部门' || g, 'sr${tag}' || (1 + g % ${REGIONS}) FROM generate_series(1, ${REGIONS * PER_REGION}) g`)
  await db().$executeRawUnsafe(`INSERT INTO "Disclosure" ("id", "departmentId", "year", "status", "templateId", "publishedAt", "updatedAt", "notes")
    SELECT 'sx${tag}' || g || '-' || y, 'sd${tag}' || g, y, 'published', '${tpl.id}', now() - (g || ' minutes')::interval, now(), '{"duties":{"intro":"负责医疗保障工作"}}'::jsonb
    FROM generate_series(1, ${REGIONS * PER_REGION}) g, unnest(ARRAY[${YEARS.join(',')}]) y`)
  await db().$executeRawUnsafe(`INSERT INTO "Disclosure" ("id", "departmentId", "year", "status", "templateId", "submittedAt", "approvedAt", "updatedAt")
    SELECT 'sq${tag}' || g, 'sd${tag}' || g, 2094, (ARRAY['submitted', 'approved', 'returned'])[1 + g % 3]::"DisclosureStatus", '${tpl.id}', now() - (g || ' hours')::interval, CASE WHEN g % 3 = 1 THEN now() - (g || ' hours')::interval END, now()
    FROM generate_series(1, ${QUEUED}) g`)
  await db().$executeRawUnsafe(`INSERT INTO "ExpenditureLine" ("id", "disclosureId", "unitCode", "functionCode", "fund", "category", "economicCode", "amount", "position")
    SELECT 'sl${tag}' || d."id" || '-' || k, d."id", 'u', '2101501', 'general', CASE WHEN k < 4 THEN 'basic' ELSE 'project' END, '30101', 1000.00 * k, k
    FROM "Disclosure" d, generate_series(1, 5) k WHERE d."id" LIKE 's_${tag}%'`)
  await db().$executeRawUnsafe(`INSERT INTO "RevenueLine" ("id", "disclosureId", "unitCode", "functionCode", "source", "amount", "position")
    SELECT 'sv${tag}' || d."id" || '-' || k, d."id", 'u', '2101501', 'general_budget', 2000.00 * k, k
    FROM "Disclosure" d, generate_series(1, 3) k WHERE d."id" LIKE 's_${tag}%'`)
  await db().$executeRawUnsafe(`INSERT INTO "Project" ("id", "disclosureId", "code", "name")
    SELECT 'sp${tag}' || d."id" || '-' || k, d."id", 'P' || k, '规模测试项目' || k
    FROM "Disclosure" d, generate_series(1, 2) k WHERE d."id" LIKE 's_${tag}%'`)
  await db().$executeRawUnsafe(`INSERT INTO "SubmissionSnapshot" ("id", "disclosureId", "version", "tables", "notes", "findingSummary")
    SELECT 'ss${tag}' || d."id", d."id", 1, '[]'::jsonb, '{}'::jsonb, '{"error":0,"warning":2,"rounding":3}'::jsonb
    FROM "Disclosure" d WHERE d."id" LIKE 's_${tag}%'`)
  await db().$executeRawUnsafe(`INSERT INTO "PortalEntry" ("id", "departmentId", "year", "disclosureId", "revision", "regionId", "departmentCode", "departmentName", "publishedAt")
    SELECT d."departmentId" || '-' || d."year", d."departmentId", d."year", d."id", 1, dep."regionId", dep."code", dep."name", d."publishedAt"
    FROM "Disclosure" d JOIN "Department" dep ON dep."id" = d."departmentId" WHERE d."id" LIKE 'sx${tag}%'`)
  await db().$executeRawUnsafe(`INSERT INTO "PortalRegionYear" ("regionId", "year", "departments") SELECT "regionId", "year", COUNT(*) FROM "PortalEntry" WHERE "id" LIKE 'sd${tag}%' GROUP BY 1, 2`)
  await db().$executeRawUnsafe(`INSERT INTO "Region" ("id", "code", "name", "province", "financeBureau") SELECT 'sz${tag}' || g, 'SZ${tag}' || lpad(g::text, 5, '0'), '规模测试' || g || '县', '规模省', '财政局' FROM generate_series(1, ${MANY_REGIONS}) g`)
  await db().$executeRawUnsafe(`INSERT INTO "PortalRegionYear" ("regionId", "year", "departments") SELECT 'sz${tag}' || g, y, 40 FROM generate_series(1, ${MANY_REGIONS}) g, unnest(ARRAY[${YEARS.join(',')}]) y`)
  const values = TEXTS.map((t, i) => `(${i}, '${t}', '${toTsvector(t).replace(/'/g, "''")}')`).join(', ')
  // most texts in every disclosure; the procurement item and the project in one in ten (few hits)
  await db().$executeRawUnsafe(`INSERT INTO "PortalSearchText" ("entryId", "year", "kind", "anchor", "label", "text", "tsv")
    SELECT e."id", e."year", 'notes', 'sec-x', '说明', t.text, t.tsv::tsvector FROM "PortalEntry" e, (VALUES ${values}) t(i, text, tsv)
    WHERE e."id" LIKE 'sd${tag}%' AND (t.i NOT IN (4, 5) OR hashtext(e."id") % 10 = 0)`)
  await db().$executeRawUnsafe('ANALYZE')
}, 300_000)

afterAll(async () => {
  await client.$disconnect()
  await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
})

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }
/**
 * The plan's nodes, except what runs under a Limit on the search table: when a term is in most rows
 * (“三公” in every disclosure's notes) the planner rightly reads the table in order and stops after
 * MAX_CANDIDATES matches — bounded work at any size; a rare term goes through the GIN index.
 */
const nodes = (n: PlanNode, underLimit = false): PlanNode[] => {
  const limit = underLimit || n['Node Type'] === 'Limit'
  const self = limit && n['Relation Name'] === 'PortalSearchText' ? [] : [n]
  return [...self, ...(n.Plans ?? []).flatMap((c) => nodes(c, limit))]
}

/** The sequential scans of watched tables in the plans of every statement logged while `fn` ran. */
async function seqScansOf(fn: () => Promise<unknown>): Promise<{ statements: number; scans: string[] }> {
  logged.length = 0
  await fn()
  const statements = logged.filter((l) => /^\s*(SELECT|WITH)/i.test(l.query))
  const scans: string[] = []
  for (const s of statements) {
    const params = JSON.parse(s.params) as unknown[]
    const rows = await client.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(`EXPLAIN (FORMAT JSON) ${s.query}`, ...params)
    for (const n of nodes(rows[0]!['QUERY PLAN'][0]!.Plan)) if (n['Node Type'] === 'Seq Scan' && WATCHED.includes(n['Relation Name'] ?? '')) scans.push(`${n['Relation Name']}: ${s.query.slice(0, 160)}`)
  }
  return { statements: statements.length, scans }
}

describe(`query plans at ${REGIONS * PER_REGION * YEARS.length} published disclosures (real PostgreSQL)`, () => {
  it.each([
    ['the front page (recently published regions and publications)', () => Promise.all([loadRecentRegions(12), loadRecent(10)])],
    ['the regions page (one page, by province)', () => Promise.all([loadRegionPage({ page: 2 }), loadRegionPage({ province: '规模省', page: 5 })])],
    ['a region page', () => loadRegion(`SR${tag}3`)],
    ['a region-year page', () => loadRegionYear(`SR${tag}3`, 2092)],
    ['a disclosure by its code', () => findPublished(`SD${tag}77`, 2092)],
    // what a disclosure page's first render reads (lib/portal/server/disclosure-view.ts and the files it builds)
    ['a disclosure page: its revision by code, its other years, their stored files', async () => {
      const ref = (await findPublishedRef(`SD${tag}77`, 2092))!
      const years = await findPublishedYearRefs(ref.departmentId, ref.unitCode)
      await revisionStore().has(ref.id)
      await revisionStore().get(ref.id, 'view.json')
      await revisionStore().getMany(years.map((y) => y.id), 'figures.json')
    }],
    ['a disclosure page: last year and the units for its notes and tables', async () => {
      const d = (await findPublished(`SD${tag}77`, 2092))!
      await Promise.all([findPriorDisclosure(d), unitPartsOf(d)])
    }],
    ['the region comparison', () => loadRegionComparison(`SR${tag}3`, 2092)],
    ['search, many hits', () => searchPublished('三公经费')],
    ['search, few hits', () => searchPublished('台式计算机')],
    ['search, a code', () => searchPublished('2101501')],
    ['search, no hit', () => searchPublished('无此内容的词语')],
  ])('%s: no sequential scan of disclosures, lines or the portal tables', async (_name, fn) => {
    const { statements, scans } = await seqScansOf(fn as () => Promise<unknown>)
    expect(statements).toBeGreaterThan(0)
    expect(scans).toEqual([])
  })

  it('the regions page reads one page of regions through the (province, code) index, not every region', async () => {
    type Analyzed = PlanNode & { 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: Analyzed[] }
    const all = (n: Analyzed): Analyzed[] => [n, ...(n.Plans ?? []).flatMap(all)]
    for (const province of [undefined, '规模省']) {
      const sql = regionPageSql(province, REGIONS_PER_PAGE, 0)
      const [row] = await client.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: Analyzed }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, ...sql.values)
      const plan = all(row!['QUERY PLAN'][0]!.Plan)
      const regions = plan.filter((n) => n['Relation Name'] === 'Region')
      expect(regions.map((n) => n['Node Type'])).not.toContain('Seq Scan')
      // rows of Region read: the page (and the few reference regions without a publication it skips), not all 2,000+
      expect(regions.reduce((k, n) => k + (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1), 0)).toBeLessThanOrEqual(2 * REGIONS_PER_PAGE)
    }
    const page = await loadRegionPage({ province: '规模省', page: 3 })
    expect(page.total).toBe(MANY_REGIONS)
    expect(page.pages).toBe(Math.ceil(MANY_REGIONS / REGIONS_PER_PAGE))
    expect(page.regions.map((r) => r.code)).toEqual(Array.from({ length: REGIONS_PER_PAGE }, (_, i) => `SZ${tag}${String(2 * REGIONS_PER_PAGE + i + 1).padStart(5, '0')}`))
    expect(page.regions[0]!.years).toEqual(YEARS.map((year) => ({ year, departments: 40 })).reverse())
    expect(page.provinces).toEqual(expect.arrayContaining([{ province: '规模省', regions: MANY_REGIONS }]))
  })

  it('search for a term in every disclosure reads a fixed window of the newest, not the database', async () => {
    type Analyzed = PlanNode & { 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: Analyzed[] }
    const all = (n: Analyzed): Analyzed[] => [n, ...(n.Plans ?? []).flatMap(all)]
    const read = (plan: Analyzed[], table: string) => plan.filter((n) => n['Relation Name'] === table).reduce((k, n) => k + (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1), 0)
    const stmt = searchStatement(['三公经费'], 20, 0)!
    for (const [sql, entries] of [[stmt.probe, DENSE_PROBE], [stmt.windowHits, SEARCH_WINDOW]] as const) {
      const [row] = await client.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: Analyzed }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`, ...sql.values)
      const plan = all(row!['QUERY PLAN'][0]!.Plan)
      expect(plan.filter((n) => n['Relation Name'] === 'PortalSearchText').map((n) => n['Index Name'])).not.toContain('PortalSearchText_tsv_idx')
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toEqual([])
      // the newest `entries` disclosures (+ the page's 20 by key) and their search rows (8 each here), of 27,000 disclosures
      expect(read(plan, 'PortalEntry')).toBeLessThanOrEqual(entries + 20)
      expect(read(plan, 'PortalSearchText')).toBeLessThanOrEqual(entries * TEXTS.length)
    }
    // the matched places of the page's 20 hits: their rows by entry, never the term's whole posting list
    const ids = (await client.$queryRawUnsafe<{ entry_id: string }[]>(stmt.windowHits.text, ...stmt.windowHits.values)).map((r) => r.entry_id)
    expect(ids).toHaveLength(20)
    const places = stmt.places(ids)
    const [row] = await client.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: Analyzed }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${places.text}`, ...places.values)
    const plan = all(row!['QUERY PLAN'][0]!.Plan)
    expect(plan.filter((n) => n['Relation Name'] === 'PortalSearchText').map((n) => n['Index Name'])).not.toContain('PortalSearchText_tsv_idx')
    expect(plan.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).toEqual([])
    expect(read(plan, 'PortalSearchText')).toBeLessThanOrEqual(20 * TEXTS.length)
  })

  it('the review queue with hundreds of submissions: one page, no sequential scan', async () => {
    const admin = await createUser('admin')
    let page: Awaited<ReturnType<typeof reviewQueue>> | undefined
    const { scans } = await seqScansOf(async () => (page = await reviewQueue(admin, new Date(), { page: 3, pageSize: 50 })))
    expect(page!.queue).toHaveLength(50)
    expect(page!.total).toBeGreaterThanOrEqual(QUEUED)
    expect(scans).toEqual([])
    // the first page's rows are read in queue order through the (status, submittedAt) index: 50 rows, not every submission
    logged.length = 0
    await reviewQueue(admin, new Date(), { page: 1, pageSize: 50 })
    const pageStmt = logged.find((l) => /FROM "public"\."Disclosure"/.test(l.query) && /ORDER BY/.test(l.query) && /LIMIT/.test(l.query))!
    type Analyzed = PlanNode & { 'Actual Rows'?: number; 'Actual Loops'?: number; Plans?: Analyzed[] }
    const all = (n: Analyzed): Analyzed[] => [n, ...(n.Plans ?? []).flatMap(all)]
    const [row] = await client.$queryRawUnsafe<{ 'QUERY PLAN': { Plan: Analyzed }[] }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) ${pageStmt.query}`, ...(JSON.parse(pageStmt.params) as unknown[]))
    const read = all(row!['QUERY PLAN'][0]!.Plan).filter((n) => n['Relation Name'] === 'Disclosure').reduce((k, n) => k + (n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1), 0)
    expect(read).toBeLessThanOrEqual(51)
  })

  it('the data behind the plans is what the pages show', async () => {
    expect((await loadRegionYear(`SR${tag}3`, 2092))!.departments).toHaveLength(PER_REGION)
    expect((await findPublished(`SD${tag}77`, 2092))?.id).toBe(`sx${tag}77-2092`)
    expect((await findPublishedRef(`SD${tag}77`, 2092))?.id).toBe(`sx${tag}77-2092`)
    expect((await findPublishedYearRefs(`sd${tag}77`)).map((r) => r.year)).toEqual(YEARS)
    expect((await findPriorDisclosure((await findPublished(`SD${tag}77`, 2092))!))?.id).toBe(`sx${tag}77-2091`)
    const many = await searchPublished('三公经费')
    // a term in every disclosure: ranked among the SEARCH_WINDOW newest, and the page says so
    expect(many.window).toBe(SEARCH_WINDOW)
    expect(many.total).toBe(SEARCH_WINDOW)
    expect(many.hits).toHaveLength(20)
    // a term in one disclosure in ten: every hit, through the GIN index
    const few = await searchPublished('台式计算机', { limit: 50 })
    expect(few.window).toBeNull()
    expect(few.total).toBeGreaterThan(SEARCH_WINDOW)
    expect(few.total).toBeLessThan((REGIONS * PER_REGION * YEARS.length) / 5)
  })
})
