import 'server-only'
import { db } from '@/lib/server/db'
import { Prisma } from '@/src/generated/prisma/client'
import type { Snippet } from '../search-text'
import { contains, likePattern, parseQuery, snippet, textLeaves } from '../search-text'

export type SearchMatch = { kind: 'department' | 'project' | 'notes' | 'region'; text: string; snippet: Snippet | null }
export type SearchHit = {
  department: { code: string; name: string }
  region: { code: string; name: string; province: string }
  year: number
  revision: number
  publishedAt: string | null
  matches: SearchMatch[]
  score: number
}
export type SearchResult = { query: string; terms: string[]; hits: SearchHit[]; total: number }

type Row = { id: string; year: number; revision: number; published_at: Date | null; dept_code: string; dept_name: string; region_code: string; region_name: string; province: string; total: bigint }

const WEIGHT = { department: 8, region: 4, project: 3, notes: 1 } as const

/**
 * Full-text search over the latest published revision of every department-year (departments' budgets: a
 * unit's 单位预算 is inside its department's, docs/decisions/009): department and region
 * names, project names and the notes. Every term must match somewhere (AND); hits are ranked by where
 * the terms were found (name > region > project > notes), then newest year first.
 */
export async function searchPublished(rawQuery: string, opts: { limit?: number; offset?: number } = {}): Promise<SearchResult> {
  const terms = parseQuery(rawQuery)
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 50)
  const offset = Math.max(opts.offset ?? 0, 0)
  if (terms.length === 0) return { query: rawQuery, terms, hits: [], total: 0 }
  const conditions = terms.map((t) => {
    const p = likePattern(t)
    return Prisma.sql`(dep."name" ILIKE ${p} OR r."name" ILIKE ${p} OR l."notes"::text ILIKE ${p} OR EXISTS (SELECT 1 FROM "Project" pr WHERE pr."disclosureId" = l."id" AND pr."name" ILIKE ${p}))`
  })
  const deptScore = Prisma.join(
    terms.map((t) => Prisma.sql`(CASE WHEN dep."name" ILIKE ${likePattern(t)} THEN 1 ELSE 0 END)`),
    ' + ',
  )
  const rows = await db().$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (d."departmentId", d."year") d."id", d."departmentId", d."year", d."revision", d."publishedAt", d."notes"
      FROM "Disclosure" d
      WHERE d."status" = 'published' AND d."unitCode" = ''
      ORDER BY d."departmentId", d."year", d."revision" DESC
    )
    SELECT l."id", l."year", l."revision", l."publishedAt" AS published_at, dep."code" AS dept_code, dep."name" AS dept_name,
           r."code" AS region_code, r."name" AS region_name, r."province", COUNT(*) OVER () AS total
    FROM latest l
    JOIN "Department" dep ON dep."id" = l."departmentId"
    JOIN "Region" r ON r."id" = dep."regionId"
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY (${deptScore}) DESC, l."year" DESC, dep."code" ASC
    LIMIT ${limit} OFFSET ${offset}`
  const total = rows.length ? Number(rows[0]!.total) : 0
  if (rows.length === 0) return { query: rawQuery, terms, hits: [], total }
  const ids = rows.map((r) => r.id)
  const projectFilter = Prisma.join(
    terms.map((t) => Prisma.sql`p."name" ILIKE ${likePattern(t)}`),
    ' OR ',
  )
  const [projects, notes] = await Promise.all([
    db().$queryRaw<{ disclosureId: string; name: string }[]>`SELECT p."disclosureId", p."name" FROM "Project" p WHERE p."disclosureId" IN (${Prisma.join(ids)}) AND (${projectFilter}) ORDER BY p."position", p."code"`,
    db().disclosure.findMany({ where: { id: { in: ids } }, select: { id: true, notes: true } }),
  ])
  const notesById = new Map(notes.map((n) => [n.id, n.notes]))
  const hits: SearchHit[] = rows.map((r) => {
    const matches: SearchMatch[] = []
    if (terms.some((t) => contains(r.dept_name, t))) matches.push({ kind: 'department', text: r.dept_name, snippet: snippet(r.dept_name, terms, 100) })
    if (terms.some((t) => contains(r.region_name, t))) matches.push({ kind: 'region', text: r.region_name, snippet: snippet(r.region_name, terms, 100) })
    for (const p of projects.filter((p) => p.disclosureId === r.id).slice(0, 5)) matches.push({ kind: 'project', text: p.name, snippet: snippet(p.name, terms, 100) })
    const leaves = textLeaves(notesById.get(r.id))
    const noteHits = leaves.filter((s) => terms.some((t) => contains(s, t))).slice(0, 2)
    for (const s of noteHits) matches.push({ kind: 'notes', text: s, snippet: snippet(s, terms) })
    const score = matches.reduce((acc, m) => acc + WEIGHT[m.kind], 0)
    return {
      department: { code: r.dept_code, name: r.dept_name },
      region: { code: r.region_code, name: r.region_name, province: r.province },
      year: r.year,
      revision: r.revision,
      publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
      matches,
      score,
    }
  })
  hits.sort((a, b) => b.score - a.score || b.year - a.year || a.department.code.localeCompare(b.department.code))
  return { query: rawQuery, terms, hits, total }
}
