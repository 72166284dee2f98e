import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { indicatorsOf } from '@/lib/portal/figures'
import { loadRegions, loadRegionYear } from '@/lib/portal/server/browse'
import { publicFigures } from '@/lib/portal/server/disclosure-data'
import { loadDisclosureView, loadTableComparison } from '@/lib/portal/server/disclosure-view'
import { loadDisclosureOpenData, loadRegionOpenData, renderOpenDataFile } from '@/lib/portal/server/open-data'
import { backfillRevisionFiles } from '@/lib/portal/server/published-files'
import { loadRegionComparison } from '@/lib/portal/server/region-comparison'
import { searchPublished } from '@/lib/portal/server/search'
import { indexMissingPublications, indexPublished } from '@/lib/portal/server/publication-index'
import { revalidatePublished } from '@/lib/portal/server/cache'
import { db } from '@/lib/server/db'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion } from '../factories/db'
import { loadFixture } from '../support/fixtures'

const tag = Math.random().toString(36).slice(2, 7)
const projectB = `社区医保${tag}便民服务站项目`
const projectDraft = `草稿${tag}专项`
const notesPhrase = `医保经办窗口${tag}延时服务`
let region: { id: string; code: string }
let a: { id: string; code: string }
let b: { id: string; code: string }
let c: { id: string; code: string }
let imp: { id: string; code: string }

async function publish(deptId: string, data: ReturnType<typeof chengde2023>, extra: Record<string, unknown> = {}) {
  const d = await createDisclosure(deptId, data, 'published')
  await db().disclosure.update({ where: { id: d.id }, data: { publishedAt: new Date('2023-02-16T00:00:00+08:00'), ...extra } })
  await indexPublished(d.id) // changed after the factory published it: index again, as a publication would
  return d
}

beforeAll(async () => {
  region = await createRegion(`门户集成${tag}市`)
  a = await createDepartment(region.id, `IA${tag}`, `门户集成${tag}医疗保障局`)
  b = await createDepartment(region.id, `IB${tag}`, `门户集成${tag}数据局`)
  c = await createDepartment(region.id, `IC${tag}`, `门户集成${tag}草稿局`)
  imp = await createDepartment(region.id, `ID${tag}`, `门户集成${tag}导入局`)
  const base = chengde2023()
  const i = base.expenditure.findIndex((l) => l.category === 'project')
  // A: 2022, and 2023 in two published revisions (the second a correction: one project 10 万元 lower)
  await publish(a.id, { ...base, year: 2022, threePublic: base.threePublic.filter((e) => e.item !== 'reception') })
  // (the factory creates revision 1, so the correction is written first and renumbered)
  const a2 = await createDisclosure(a.id, { ...base, expenditure: base.expenditure.map((l, j) => (j === i ? { ...l, amount: l.amount - 10_000_000 } : l)) }, 'published')
  await db().disclosure.update({ where: { id: a2.id }, data: { revision: 2, publishedAt: new Date('2023-03-01T00:00:00+08:00'), correctionNote: '更正一个项目的预算数' } })
  await publish(a.id, base)
  // B: its own project and notes text; its notes count every unit as 参公 for 机关运行经费
  const bUnits = base.units.map((u) => `${b.code}-${u.code}`)
  await publish(b.id, { ...base, projects: base.projects.map((p, k) => (k === 0 ? { ...p, name: projectB } : p)) }, { notes: { duties: { intro: `本局负责${notesPhrase}等工作。` }, operatingCosts: { civilServiceUnits: bUnits } } })
  // C: only a draft
  await createDisclosure(c.id, { ...base, projects: base.projects.map((p, k) => (k === 0 ? { ...p, name: projectDraft } : p)) }, 'draft')
  // an imported disclosure: the approved workbook's tables as declared, no lines
  const tpl = await db().template.findUniqueOrThrow({ where: { key: 'hebei-dept-2023' } })
  await db().disclosure.create({ data: { departmentId: imp.id, year: 2023, status: 'published', templateId: tpl.id, source: 'imported', declaredTables: loadFixture('chengde-2023').tables as object[], publishedAt: new Date() } })
  // written as published rows, not through publication: their frozen files are built as the start script
  // builds those of revisions published before snapshots existed (docs/decisions/015)
  await backfillRevisionFiles({ department: { regionId: region.id } })
  // and the portal's read model, as start-up does
  await indexMissingPublications()
}, 600_000)

describe('portal queries (real PostgreSQL)', () => {
  it('search has its one bigram GIN index; the unused trigram indexes of ADR 008 are dropped (ADR 020)', async () => {
    const idx = await db().$queryRaw<{ indexname: string }[]>`SELECT indexname::text AS indexname FROM pg_indexes WHERE indexname LIKE '%_trgm_idx' OR indexname = 'PortalSearchText_tsv_idx' ORDER BY indexname`
    expect(idx.map((r) => r.indexname)).toEqual(['PortalSearchText_tsv_idx'])
  })

  it('disclosure view: the latest published revision, its history, the previous year and the version list', async () => {
    const v = (await loadDisclosureView(a.code, 2023))!
    expect(v.revision).toBe(2)
    expect(v.latestRevision).toBe(2)
    expect(v.revisions.map((r) => r.revision)).toEqual([1, 2])
    expect(v.correctionNote).toBe('更正一个项目的预算数')
    expect(v.tables).toHaveLength(9)
    expect(v.figures.project).toBe(64150 - 1000)
    expect(v.history.map((h) => h.year)).toEqual([2022, 2023])
    expect(v.previous?.year).toBe(2022)
    expect(v.previous?.indicators.find((x) => x.key === 'threePublic')).toMatchObject({ current: 173, base: 140, diff: 33 })
    const first = (await loadDisclosureView(a.code, 2023, 1))!
    expect(first.revision).toBe(1)
    expect(first.latestRevision).toBe(2)
    expect(first.figures.project).toBe(64150)
    // a unit's code finds its department; JSON round trip (the cache stores JSON) changes nothing
    const byUnit = (await loadDisclosureView(`${a.code}-447001`, 2023))!
    expect(byUnit.department.code).toBe(a.code)
    expect(JSON.parse(JSON.stringify(v))).toEqual(v)
  })

  it('drafts and years without a publication are not found; nor is a revision that was never published', async () => {
    expect(await loadDisclosureView(c.code, 2023)).toBeNull()
    expect(await loadDisclosureView(a.code, 2021)).toBeNull()
    expect(await loadDisclosureView(a.code, 2023, 3)).toBeNull()
    expect(await loadDisclosureOpenData(c.code, 2023)).toBeNull()
    expect(await loadTableComparison(c.code, 2023, 2022)).toBeNull()
  })

  it('table comparison of two published years', async () => {
    const cmp = (await loadTableComparison(a.code, 2023, 2022))!
    expect(cmp.tables).toHaveLength(9)
    expect(cmp.years).toEqual([2022, 2023])
    const es = cmp.tables.find((t) => t.key === 'expenditure_summary')!
    expect(es.rows.find((r) => r.key === 'total')!.cells[0]).toMatchObject({ current: 234050, base: 235050, diff: -1000 })
  })

  it('search finds a published disclosure by a project name, by notes text, by the department name; never a draft', async () => {
    const byProject = await searchPublished(projectB)
    expect(byProject.hits.map((h) => h.department.code)).toEqual([b.code])
    expect(byProject.hits[0]!.matches.find((m) => m.kind === 'project')?.snippet?.match).toBe(projectB)
    const byNotes = await searchPublished(notesPhrase)
    expect(byNotes.hits.map((h) => h.department.code)).toEqual([b.code])
    expect(byNotes.hits[0]!.matches.find((m) => m.kind === 'notes')?.snippet?.match).toBe(notesPhrase)
    expect((await searchPublished(projectDraft)).total).toBe(0)
    // every term must match (AND); a part of a word is enough (no segmentation)
    const both = await searchPublished(`门户集成${tag} 便民服务`)
    expect(both.hits.map((h) => h.department.code)).toEqual([b.code])
    const byName = await searchPublished(`门户集成${tag}`)
    expect(byName.hits.map((h) => `${h.department.code}:${h.year}`).sort()).toEqual([`${a.code}:2022`, `${a.code}:2023`, `${b.code}:2023`, `${imp.code}:2023`].sort())
    // the latest revision only, once per department-year
    expect(byName.hits.find((h) => h.department.code === a.code && h.year === 2023)?.revision).toBe(2)
    // LIKE metacharacters are literal
    expect((await searchPublished(`门户集成${tag}%`)).total).toBe(0)
    expect((await searchPublished('   ')).total).toBe(0)
  })

  it('region comparison equals each disclosure’s own figures, uses the latest revision, reads imported tables, leaves drafts out', async () => {
    const cmp = (await loadRegionComparison(region.code, 2023))!
    expect(cmp.rows.map((r) => r.code)).toEqual([a.code, b.code, imp.code])
    for (const row of cmp.rows) {
      const latest = await db().disclosure.findFirstOrThrow({ where: { status: 'published', year: 2023, department: { code: row.code } }, orderBy: { revision: 'desc' }, include: disclosureInclude })
      const { code: _c, name: _n, revision, ...ind } = row
      expect(revision).toBe(latest.revision)
      expect(ind).toEqual(indicatorsOf(await publicFigures(latest)))
    }
    // 机关运行经费 in the notes' scope: A counts its 行政 unit only, B (notes: all units 参公) every unit
    expect(cmp.rows.find((r) => r.code === a.code)!.operating).toBe(3280)
    expect(cmp.rows.find((r) => r.code === b.code)!.operating).toBe(7870)
    expect((await loadDisclosureView(b.code, 2023))!.figures.operating).toBe(7870)
    expect((await loadDisclosureView(a.code, 2023))!.figures.operating).toBe(3280)
    expect(cmp.rows.find((r) => r.code === imp.code)!.total).toBe(235050)
    expect(cmp.rows.find((r) => r.code === a.code)!.project).toBe(63150)
  })

  it('browse: regions with years and counts; a region-year lists its published departments', async () => {
    const regions = await loadRegions()
    expect(regions.find((r) => r.code === region.code)?.years).toEqual([
      { year: 2023, departments: 3 },
      { year: 2022, departments: 1 },
    ])
    const listing = (await loadRegionYear(region.code, 2023))!
    expect(listing.years).toEqual([2023, 2022])
    expect(listing.departments.map((d) => [d.code, d.revision])).toEqual([
      [a.code, 2],
      [b.code, 1],
      [imp.code, 1],
    ])
    expect(await loadRegionYear(region.code, 2019)).toBeNull()
  })

  it('open data: the region package holds every published department; CSV rows equal the lines', async () => {
    const set = (await loadRegionOpenData(region.code, 2023))!
    expect(set.list.map((d) => d.department.code)).toEqual([a.code, b.code, imp.code])
    const body = renderOpenDataFile(set, 'expenditure.csv', 'http://x').body
    expect(body.startsWith('\uFEFFfiscal_year,')).toBe(true) // a BOM, so that Excel reads UTF-8
    const rows = parse(body, { columns: true, bom: true }) as Record<string, string>[]
    const lines = await db().expenditureLine.count({ where: { disclosure: { status: 'published', year: 2023, department: { regionId: region.id }, revision: { in: [1, 2] } } } })
    const a1Lines = await db().expenditureLine.count({ where: { disclosure: { department: { code: a.code }, year: 2023, revision: 1 } } })
    expect(rows).toHaveLength(lines - a1Lines) // revision 1 of A is superseded
    const pkg = JSON.parse(renderOpenDataFile(set, 'datapackage.json', 'http://x/regions').body) as { sources: unknown[]; profile: string }
    expect(pkg.profile).toBe('fiscal-data-package')
    expect(pkg.sources).toHaveLength(3)
    // the imported disclosure has no lines but its tables are in tables.csv
    const cells = parse(renderOpenDataFile(set, 'tables.csv', 'http://x').body, { columns: true }) as Record<string, string>[]
    expect(cells.some((r) => r.department_code === imp.code && r.table_key === 'three_public_expenses')).toBe(true)
  })

  it('revalidatePublished is safe to call outside a Next.js request (scripts, these tests)', () => {
    expect(() => revalidatePublished(a.code, 2023)).not.toThrow()
  })
})
