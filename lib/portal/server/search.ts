import 'server-only'
import { db } from '@/lib/server/db'
import { Prisma } from '@/src/generated/prisma/client'
import type { SearchRowKind } from '../search-rows'
import type { Snippet } from '../search-text'
import { likePattern, parseQuery, snippet } from '../search-text'
import { highlightStrings, spellingsOf, termQuery, textMatches } from '../search-grams'

export type SearchMatch = { kind: SearchRowKind; label: string; text: string; snippet: Snippet | null; anchor: string }
export type SearchHit = {
  department: { code: string; name: string }
  region: { code: string; name: string; province: string }
  year: number
  revision: number
  publishedAt: string | null
  matches: SearchMatch[]
  score: number
}
/**
 * `capped`: more candidates matched than are ranked (MAX_CANDIDATES); `total` then counts those ranked.
 * `window`: the query is in most disclosures, so only the `window` most recently published were ranked
 * (`total` counts the hits among them) — the page asks the reader to narrow the query.
 */
export type SearchResult = { query: string; terms: string[]; hits: SearchHit[]; total: number; capped: boolean; window: number | null }

/** Search rows read through the GIN index per query at most (a term in many, but not most, disclosures). */
export const MAX_CANDIDATES = 5_000
/**
 * A query found in most disclosures (“三公经费”, “经费”) is ranked among the SEARCH_WINDOW most recently
 * published ones, read through the publishedAt index, instead of through the GIN index, whose posting list
 * for such a term grows with the database: the same work at 1,000 and at 50,000 disclosures. Whether a
 * query is that common is decided on the DENSE_PROBE newest: DENSE_MIN or more of them match.
 */
export const SEARCH_WINDOW = 100
export const DENSE_PROBE = 20
export const DENSE_MIN = 5
const MATCHES_PER_HIT = 4

type Row = { entry_id: string; year: number; revision: number; published_at: Date | null; dept_code: string; dept_name: string; region_code: string; region_name: string; province: string; score: number; total: bigint; capped: boolean }

/**
 * Search of the latest published revision of every department-year (docs/decisions/020-portal-scale.md):
 * department and region names, table rows (科目编码和名称, 项目), procurement items, projects and every
 * paragraph of the 情况说明 — the rows of PortalSearchText, written at publication. A term matches a row
 * when any of its spellings (lib/portal/search-synonyms.ts) occurs in the row's text: the bigram tsvector's
 * GIN index finds the candidates, the literal substring confirms them (LIKE metacharacters are literal).
 * Every term must match somewhere in the disclosure (AND). Ranked by where the terms were found
 * (name > region > project/procurement/code > notes), then newest year; each hit lists the matched places
 * with their anchors on the disclosure page.
 */
export async function searchPublished(rawQuery: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchResult> {
  const terms = parseQuery(rawQuery)
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50)
  const offset = Math.max(opts.offset ?? 0, 0)
  const empty = { query: rawQuery, terms, hits: [], total: 0, capped: false, window: null }
  const stmt = searchStatement(terms, limit, offset)
  if (!stmt) return empty
  const [probe] = await db().$queryRaw<{ n: number }[]>(stmt.probe)
  const dense = (probe?.n ?? 0) >= DENSE_MIN
  const rows = await db().$queryRaw<Row[]>(dense ? stmt.windowHits : stmt.hits)
  if (rows.length === 0) return { ...empty, window: dense ? SEARCH_WINDOW : null }
  const places = await db().$queryRaw<{ entryId: string; kind: SearchRowKind; anchor: string; label: string; text: string }[]>(stmt.places(rows.map((r) => r.entry_id)))
  const marks = highlightStrings(terms)
  const hits: SearchHit[] = rows.map((r) => {
    // places that say more of the query first (“三公”经费: a 三公 row before a row that only says 经费), then by kind
    const matches = places
      .filter((p) => p.entryId === r.entry_id)
      .map((p) => ({ p, n: terms.filter((t) => textMatches(p.text, t)).length }))
      .filter((x) => x.n > 0)
      .sort((a, b) => b.n - a.n || KIND_ORDER.indexOf(a.p.kind) - KIND_ORDER.indexOf(b.p.kind))
      .slice(0, MATCHES_PER_HIT)
      .map((x) => x.p)
      .map((p) => ({ kind: p.kind, label: p.label, text: p.text, anchor: p.anchor, snippet: snippet(p.text, marks, p.kind === 'notes' ? 30 : 100) }))
    return {
      department: { code: r.dept_code, name: r.dept_name },
      region: { code: r.region_code, name: r.region_name, province: r.province },
      year: r.year,
      revision: r.revision,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      matches,
      score: Number(r.score),
    }
  })
  return { query: rawQuery, terms, hits, total: Number(rows[0]!.total), capped: !dense && rows[0]!.capped, window: dense ? SEARCH_WINDOW : null }
}

/**
 * The statements of a search (exported for the EXPLAIN test): how many of the DENSE_PROBE newest
 * disclosures match (`probe`), the ranked page of hits through the GIN index (`hits`) or among the
 * SEARCH_WINDOW newest (`windowHits`), and the matched places of the page's hits (`places`).
 */
export function searchStatement(terms: string[], limit: number, offset: number): { probe: Prisma.Sql; hits: Prisma.Sql; windowHits: Prisma.Sql; places: (entryIds: string[]) => Prisma.Sql } | null {
  const queries = terms.map(termQuery)
  if (terms.length === 0 || queries.some((q) => q === null)) return null
  const termSql = terms.map((t, i) => Prisma.sql`(s."tsv" @@ ${queries[i]}::tsquery AND (${literal(t)}))`)
  const any = queries.map((q) => `(${q})`).join(' | ')
  const flags = Prisma.join(
    termSql.map((c, i) => Prisma.sql`${c} AS ${Prisma.raw(`t${i}`)}`),
    ', ',
  )
  const all = Prisma.join(
    terms.map((_, i) => Prisma.raw(`bool_or(m.t${i})`)),
    ' AND ',
  )
  const anyMatch = Prisma.raw(terms.map((_, i) => `x.t${i}`).join(' OR '))
  // a disclosure's rows, matched one by one (no GIN index): the newest `n` disclosures through the publishedAt index
  const newest = (n: number) => Prisma.sql`
      SELECT x.* FROM (SELECT e."id" FROM "PortalEntry" e WHERE e."publishedAt" IS NOT NULL ORDER BY e."publishedAt" DESC LIMIT ${n}) w
      CROSS JOIN LATERAL (SELECT s."entryId", s."year", s."kind", ${flags} FROM "PortalSearchText" s WHERE s."entryId" = w."id" OFFSET 0) x
      WHERE ${anyMatch}`
  const probe = Prisma.sql`SELECT COUNT(*)::int AS n FROM (SELECT m."entryId" FROM (${newest(DENSE_PROBE)}) m GROUP BY m."entryId" HAVING ${all}) d`
  // ranked and paged within the search table (score, year, entry); only the page's entries are then read
  const ranked = (m: Prisma.Sql) => Prisma.sql`
    WITH m AS (${m}), cnt AS (SELECT COUNT(*) > ${MAX_CANDIDATES} AS capped FROM m),
    h AS (
      SELECT m."entryId", MAX(m."year") AS year,
             (CASE WHEN bool_or(m."kind" = 'department') THEN 8 ELSE 0 END) + (CASE WHEN bool_or(m."kind" = 'region') THEN 4 ELSE 0 END)
             + (CASE WHEN bool_or(m."kind" IN ('project', 'procurement', 'code')) THEN 3 ELSE 0 END) + (CASE WHEN bool_or(m."kind" IN ('notes', 'table')) THEN 1 ELSE 0 END) AS score
      FROM m GROUP BY m."entryId" HAVING ${all}
    ), page AS (
      SELECT h.*, COUNT(*) OVER () AS total FROM h ORDER BY h.score DESC, h.year DESC, h."entryId" ASC LIMIT ${limit} OFFSET ${offset}
    )
    SELECT e."id" AS entry_id, e."year", e."revision", e."publishedAt" AS published_at, e."departmentCode" AS dept_code, e."departmentName" AS dept_name,
           r."code" AS region_code, r."name" AS region_name, r."province", page.score, page.total, cnt.capped
    FROM page JOIN "PortalEntry" e ON e."id" = page."entryId" JOIN "Region" r ON r."id" = e."regionId" CROSS JOIN cnt
    ORDER BY page.score DESC, page.year DESC, page."entryId" ASC`
  const hits = ranked(Prisma.sql`
      SELECT s."entryId", s."year", s."kind", ${flags}
      FROM "PortalSearchText" s
      WHERE s."tsv" @@ ${any}::tsquery
      LIMIT ${MAX_CANDIDATES + 1}`)
  const windowHits = ranked(newest(SEARCH_WINDOW))
  // the page's entries' rows by entryId, then matched one by one (OFFSET 0 keeps the planner from ANDing in the
  // GIN index: for a term in most disclosures its posting list is read whole, and it grows with the database)
  const places = (ids: string[]) => Prisma.sql`
    SELECT p."entryId", p."kind", p."anchor", p."label", p."text" FROM (
      SELECT s."id", s."entryId", s."kind", s."anchor", s."label", s."text", s."tsv" FROM "PortalSearchText" s
      WHERE s."entryId" IN (${Prisma.join(ids)}) AND s."kind" <> 'department' OFFSET 0
    ) p
    WHERE p."tsv" @@ ${any}::tsquery
    ORDER BY p."id"`
  return { probe, hits, windowHits, places }
}

const KIND_ORDER: SearchRowKind[] = ['region', 'project', 'procurement', 'code', 'table', 'notes', 'department']

/** The literal check of a term: any spelling as a substring of the NFKC text (case-insensitive). */
function literal(term: string): Prisma.Sql {
  return Prisma.join(
    spellingsOf(term).map((s) => Prisma.sql`normalize(s."text", NFKC) ILIKE ${likePattern(s.normalize('NFKC'))}`),
    ' OR ',
  )
}
