/**
 * The province-scale generator (issue 14): N published department disclosures over 3 years, in regions of
 * DEPARTMENTS_PER_REGION departments each (a real county or city: tens of departments) — a larger province
 * has more regions, not fuller ones, so a region page holds the same content at 1k and at 50k; each a copy of a real published disclosure (the demo's 承德市医疗保障局 2023: its units, revenue
 * and expenditure lines, projects, 三公 and notes) under its own department and unit codes, with amounts
 * varied per department — written with INSERT … SELECT generate_series in a few statements per batch, so
 * 50,000 disclosures take minutes. The portal's read model (PortalEntry, PortalRegionYear,
 * PortalSearchText) is filled as publication fills it: the search rows of the source disclosure, under each
 * copy's entry, plus each copy's own department and region names.
 */
import type { PrismaClient } from '../src/generated/prisma/client'
import { toTsvector } from '../lib/portal/search-grams'

export const YEARS = [2021, 2022, 2023]
/** Departments per region (each published every year): department g is in region 1 + ⌊g / DEPARTMENTS_PER_REGION⌋. */
export const DEPARTMENTS_PER_REGION = 50
/** Regions holding `n` published disclosures (the last may be partly filled). */
export const regionsFor = (n: number) => Math.ceil(n / YEARS.length / DEPARTMENTS_PER_REGION)
/** Regions completely filled by `departments` departments (the ones a fair measurement visits). */
export const fullRegions = (departments: number) => Math.floor(departments / DEPARTMENTS_PER_REGION)
export const regionCode = (r: number) => `G${String(r).padStart(4, '0')}`
/** The project name that exactly FEW_HITS disclosures carry, at every scale (search with few hits). */
export const RARE_PROJECT = '湿地候鸟栖息地监测站建设项目'
export const FEW_HITS = 9

export type Source = { id: string; departmentId: string; entryId: string }

export async function sourceDisclosure(db: PrismaClient): Promise<Source> {
  const d = await db.disclosure.findFirstOrThrow({ where: { status: 'published', unitCode: '', department: { code: '447' }, year: 2023 }, select: { id: true, departmentId: true } })
  const e = await db.portalEntry.findFirstOrThrow({ where: { disclosureId: d.id }, select: { id: true } })
  return { ...d, entryId: e.id }
}

/** Regions 1..`count` (codes G0001…). */
export async function ensureRegions(db: PrismaClient, count: number): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO "Region" ("id", "code", "name", "province", "financeBureau")
    SELECT 'gr' || g, 'G' || lpad(g::text, 4, '0'), '规模' || g || '县', '河北省', '规模' || g || '县财政局' FROM generate_series(1, ${count}) g
    ON CONFLICT DO NOTHING`)
}

/**
 * Departments `from`..`to`-1 (each published for the three years), in one transaction per call. Department
 * g is in region 1 + ⌊g / DEPARTMENTS_PER_REGION⌋ (ensureRegions first); its amounts are the source's × (700 + g % 600) / 1000.
 */
export async function generateDepartments(db: PrismaClient, src: Source, from: number, to: number): Promise<void> {
  const range = `generate_series(${from}, ${to - 1}) g`
  const ids = `'gd' || g`
  const years = `unnest(ARRAY[${YEARS.join(',')}]) y`
  const dis = `'gx' || g || '-' || y`
  const scale = `(700 + g % 600) / 1000.0`
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "Department" ("id", "code", "name", "regionId") SELECT ${ids}, 'G' || g, '规模测试' || (ARRAY['医疗保障局', '教育局', '卫生健康局', '民政局', '交通运输局', '水利局', '农业农村局', '自然资源局'])[1 + g % 8] || g, 'gr' || (1 + g / ${DEPARTMENTS_PER_REGION}) FROM ${range}`)
      await tx.$executeRawUnsafe(`INSERT INTO "Unit" ("id", "code", "name", "nature", "rank", "fundingForm", "isSelf", "departmentId", "position")
        SELECT 'gu' || g || '-' || u."code", 'G' || g || '-' || u."code", u."name", u."nature", u."rank", u."fundingForm", u."isSelf", ${ids}, u."position" FROM ${range}, "Unit" u WHERE u."departmentId" = '${src.departmentId}'`)
      await tx.$executeRawUnsafe(`INSERT INTO "Disclosure" ("id", "departmentId", "year", "revision", "status", "version", "templateId", "approvedAt", "publishedAt", "submittedAt", "source", "notes", "updatedAt")
        SELECT ${dis}, ${ids}, y, 1, 'published', 1, s."templateId", s."approvedAt", make_timestamptz(y, 2, 1 + g % 27, 8, 0, 0, 'Asia/Shanghai') + (g % 1440) * interval '1 minute', s."submittedAt", s."source", s."notes", now()
        FROM ${range}, ${years}, "Disclosure" s WHERE s."id" = '${src.id}'`)
      await tx.$executeRawUnsafe(`INSERT INTO "RevenueLine" ("id", "disclosureId", "unitCode", "functionCode", "source", "amount", "position")
        SELECT ${dis} || '-r' || l."position", ${dis}, 'G' || g || '-' || l."unitCode", l."functionCode", l."source", round(l."amount" * ${scale}, 2), l."position"
        FROM ${range}, ${years}, "RevenueLine" l WHERE l."disclosureId" = '${src.id}'`)
      await tx.$executeRawUnsafe(`INSERT INTO "ExpenditureLine" ("id", "disclosureId", "unitCode", "functionCode", "fund", "category", "economicCode", "projectCode", "amount", "position")
        SELECT ${dis} || '-e' || l."position", ${dis}, 'G' || g || '-' || l."unitCode", l."functionCode", l."fund", l."category", l."economicCode", l."projectCode", round(l."amount" * ${scale}, 2), l."position"
        FROM ${range}, ${years}, "ExpenditureLine" l WHERE l."disclosureId" = '${src.id}'`)
      await tx.$executeRawUnsafe(`INSERT INTO "Project" ("id", "disclosureId", "code", "name", "unitCode", "purpose", "position")
        SELECT ${dis} || '-p' || p."code", ${dis}, p."code", CASE WHEN g < ${FEW_HITS} AND p."position" = 0 AND y = ${YEARS[2]} THEN '${RARE_PROJECT}' ELSE p."name" END, 'G' || g || '-' || p."unitCode", p."purpose", p."position"
        FROM ${range}, ${years}, "Project" p WHERE p."disclosureId" = '${src.id}'`)
      await tx.$executeRawUnsafe(`INSERT INTO "ThreePublicEntry" ("id", "disclosureId", "item", "fund", "amount")
        SELECT ${dis} || '-t' || t."item" || t."fund", ${dis}, t."item", t."fund", round(t."amount" * ${scale}, 2) FROM ${range}, ${years}, "ThreePublicEntry" t WHERE t."disclosureId" = '${src.id}'`)
      // the read model, as publication writes it
      await tx.$executeRawUnsafe(`INSERT INTO "PortalEntry" ("id", "departmentId", "year", "disclosureId", "revision", "regionId", "departmentCode", "departmentName", "publishedAt")
        SELECT d."departmentId" || '-' || d."year", d."departmentId", d."year", d."id", 1, dep."regionId", dep."code", dep."name", d."publishedAt"
        FROM "Disclosure" d JOIN "Department" dep ON dep."id" = d."departmentId" WHERE d."departmentId" IN (SELECT ${ids} FROM ${range})`)
      await tx.$executeRawUnsafe(`INSERT INTO "PortalSearchText" ("entryId", "year", "kind", "anchor", "label", "text", "tsv")
        SELECT ${ids} || '-' || y, y, s."kind", s."anchor", s."label", s."text", s."tsv"
        FROM ${range}, ${years}, "PortalSearchText" s WHERE s."entryId" = '${src.entryId}' AND s."kind" NOT IN ('department', 'region', 'project')`)
    },
    { timeout: 600_000 },
  )
  // names (department, region, project): one tsvector per distinct text, computed here (the bigram cutter
  // is the application's), then joined in SQL — one statement per kind, no row travels to this process
  const within = `e."departmentId" IN (SELECT ${ids} FROM ${range})`
  const kinds: [string, string, string][] = [
    ['department', `e."departmentName"`, `FROM "PortalEntry" e WHERE ${within}`],
    ['region', `r."province" || r."name"`, `FROM "PortalEntry" e JOIN "Region" r ON r."id" = e."regionId" WHERE ${within}`],
    ['project', `p."code" || ' ' || p."name"`, `FROM "PortalEntry" e JOIN "Project" p ON p."disclosureId" = e."disclosureId" WHERE ${within}`],
  ]
  for (const [kind, text, from] of kinds) {
    const distinct = (await db.$queryRawUnsafe<{ text: string }[]>(`SELECT DISTINCT ${text} AS text ${from}`)).map((r) => r.text)
    await db.$executeRawUnsafe(
      `INSERT INTO "PortalSearchText" ("entryId", "year", "kind", "anchor", "label", "text", "tsv")
       SELECT e."id", e."year", '${kind}', '', '', ${text}, m.tsv::tsvector ${from.replace('WHERE', `JOIN unnest($1::text[], $2::text[]) AS m(text, tsv) ON m.text = ${text} WHERE`)}`,
      distinct,
      distinct.map(toTsvector),
    )
  }
}

/**
 * Bulk generation without the GIN indexes (search bigrams, notes and project-name trigrams): they are
 * dropped before `fill` and built again after it — one index build instead of millions of GIN inserts. The
 * b-tree and unique indexes stay (the generator reads the source's rows by them).
 */
export async function withoutGinIndexes(db: PrismaClient, fill: () => Promise<void>): Promise<void> {
  const gin = await db.$queryRawUnsafe<{ name: string; def: string }[]>(`SELECT indexname::text AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND indexdef ILIKE '% USING gin %'`)
  for (const i of gin) await db.$executeRawUnsafe(`DROP INDEX "${i.name}"`)
  try {
    await fill()
  } finally {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '1GB'`)
      for (const i of gin) await tx.$executeRawUnsafe(i.def)
    }, { timeout: 3_600_000 })
  }
}

export async function refreshRegionYears(db: PrismaClient): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO "PortalRegionYear" ("regionId", "year", "departments") SELECT "regionId", "year", COUNT(*)::int FROM "PortalEntry" GROUP BY 1, 2
    ON CONFLICT ("regionId", "year") DO UPDATE SET "departments" = EXCLUDED."departments"`)
}

/** `n` disclosures waiting for review (submitted, with the submission's stored summary), spread over the generated departments. */
export async function generateSubmissions(db: PrismaClient, src: Source, from: number, to: number, departments: number): Promise<void> {
  const range = `generate_series(${from}, ${to - 1}) g`
  await db.$executeRawUnsafe(`INSERT INTO "Disclosure" ("id", "departmentId", "year", "status", "version", "templateId", "submittedAt", "source", "notes", "updatedAt")
    SELECT 'gs' || g, 'gd' || (g % ${departments}), 2024 + g / ${departments}, 'submitted', 2, s."templateId", now() - g * interval '1 minute', s."source", s."notes", now()
    FROM ${range}, "Disclosure" s WHERE s."id" = '${src.id}'`)
  await db.$executeRawUnsafe(`INSERT INTO "ExpenditureLine" ("id", "disclosureId", "unitCode", "functionCode", "fund", "category", "economicCode", "projectCode", "amount", "position")
    SELECT 'gs' || g || '-e' || l."position", 'gs' || g, 'G' || (g % ${departments}) || '-' || l."unitCode", l."functionCode", l."fund", l."category", l."economicCode", l."projectCode", l."amount", l."position"
    FROM ${range}, "ExpenditureLine" l WHERE l."disclosureId" = '${src.id}'`)
  await db.$executeRawUnsafe(`INSERT INTO "SubmissionSnapshot" ("id", "disclosureId", "version", "tables", "notes", "findingSummary", "createdAt")
    SELECT 'gss' || g, 'gs' || g, 1, '[]'::jsonb, '{}'::jsonb, '{"error":0,"warning":3,"rounding":11}'::jsonb, now() - g * interval '1 minute' FROM ${range}`)
}

/**
 * Gives the generated revisions of a region-year the source revision's stored files (docs/decisions/015),
 * as publication would have written them: the same files, sizes and work per department (the bytes are the
 * source's). Revisions that already have files are left alone.
 */
export async function copySourceFiles(db: PrismaClient, srcId: string, region: string, year: number): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO "RevisionFile" ("id", "disclosureId", "name", "contentType", "fileName", "body", "etag")
    SELECT e."disclosureId" || '/' || f."name", e."disclosureId", f."name", f."contentType", f."fileName", f."body", f."etag"
    FROM "PortalEntry" e JOIN "Region" r ON r."id" = e."regionId", "RevisionFile" f
    WHERE r."code" = $1 AND e."year" = $2 AND f."disclosureId" = $3
      AND NOT EXISTS (SELECT 1 FROM "RevisionFile" x WHERE x."disclosureId" = e."disclosureId")`, region, year, srcId)
}
