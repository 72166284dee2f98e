import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { importCatalogue } from '@/lib/catalogue/server/import-catalogue'
import { defaultGlossary } from '@/lib/notes/glossary'
import { saveGlossary } from '@/lib/notes/server/glossary'
import { loadDisclosureView } from '@/lib/portal/server/disclosure-view'
import { publishedRevisionsTouchedBy } from '@/lib/portal/server/frozen-revisions'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { copyTemplate, renameTemplateLabels } from '@/lib/templates/server/manage-templates'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser, ensureReferenceData } from '../factories/db'

// outside Next.js: the page data straight from its loader (the cache itself: publish-revalidation.test.ts)
vi.mock('next/cache', () => ({ unstable_cache: <F>(fn: F) => fn, revalidateTag: () => {}, revalidatePath: () => {} }))
const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const tablesRoute = await import('@/app/api/disclosures/[code]/[year]/tables/route')
const exportRoute = await import('@/app/api/disclosures/[code]/[year]/export/route')
const documentRoute = await import('@/app/api/disclosures/[code]/[year]/document/route')
const contentRoute = await import('@/app/disclosures/[code]/[year]/content/route')
const openDataRoute = await import('@/app/api/open-data/disclosures/[code]/[year]/[file]/route')
const regionDataRoute = await import('@/app/api/open-data/regions/[region]/[year]/[file]/route')

/**
 * Published means frozen (issue 11, finding 2; docs/decisions/015): every download and page of a
 * published revision is byte-identical before and after a glossary edit, a catalogue re-import with a
 * name changed and a template rename — while a draft of the same year and template picks them up.
 * A year of its own (with its own catalogue and template copy) keeps these shared edits away from the
 * other test files.
 */
const YEAR = 2060 + Math.floor(Math.random() * 30)
const TEMPLATE = `hebei-dept-${YEAR}`
const CHANGED_CODE = '2101501'

type Got = { status: number; type: string | null; etag: string | null; sha: string; text: string }

async function call(route: { GET: (req: Request, ctx: never) => Promise<Response> }, url: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<Got> {
  const res = await route.GET(new Request(`http://portal.test${url}`, { headers }), { params: Promise.resolve(params) } as never)
  const body = Buffer.from(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type'), etag: res.headers.get('etag'), sha: createHash('sha256').update(body).digest('hex'), text: body.toString('utf8') }
}

/** Every public output of the disclosure `code` for YEAR, keyed by what it is. */
async function everything(code: string, region: string): Promise<Record<string, Got>> {
  const p = { code, year: String(YEAR) }
  const out: Record<string, Got> = {}
  out.tables = await call(tablesRoute, `/api/disclosures/${code}/${YEAR}/tables`, p)
  for (const f of ['xlsx', 'json', 'csv']) out[`export.${f}`] = await call(exportRoute, `/api/disclosures/${code}/${YEAR}/export?format=${f}`, p)
  out['export.csv.table'] = await call(exportRoute, `/api/disclosures/${code}/${YEAR}/export?format=csv&table=expenditure_summary`, p)
  for (const f of ['pdf', 'docx', 'html']) out[`document.${f}`] = await call(documentRoute, `/api/disclosures/${code}/${YEAR}/document?format=${f}`, p)
  out.content = await call(contentRoute, `/disclosures/${code}/${YEAR}/content`, p)
  for (const file of ['datapackage.json', 'expenditure.csv', 'revenue.csv', 'tables.csv']) {
    out[`open-data/${file}`] = await call(openDataRoute, `/api/open-data/disclosures/${code}/${YEAR}/${file}`, { ...p, file })
    out[`region/${file}`] = await call(regionDataRoute, `/api/open-data/regions/${region}/${YEAR}/${file}`, { region, year: String(YEAR), file })
  }
  const view = await loadDisclosureView(code, YEAR)
  out.view = { status: view ? 200 : 404, type: null, etag: null, sha: createHash('sha256').update(JSON.stringify(view)).digest('hex'), text: JSON.stringify(view) }
  return out
}

describe('a published revision is a snapshot (real PostgreSQL)', () => {
  let admin: NonNullable<Actor>
  let reviewer: NonNullable<Actor>
  let accountant2: NonNullable<Actor>
  let regionId: string
  let regionCode: string
  let published: { id: string; code: string }
  let draft: { id: string; code: string }
  let before: Record<string, Got>
  let draftBefore: Record<string, Got>
  let tableTitlePath: string

  beforeAll(async () => {
    await ensureReferenceData()
    admin = await createUser('admin')
    // the year's own catalogue (a copy of 2023's) and template (a copy of 2023's)
    const rows = await db().catalogueEntry.findMany({ where: { year: 2023 } })
    await db().catalogueEntry.createMany({ data: rows.map(({ id: _id, ...r }) => ({ ...r, year: YEAR })) })
    await copyTemplate(admin, { from: 'hebei-dept-2023', to: TEMPLATE, name: `河北省部门预算公开表（${YEAR}）` })
    const tpl = await db().template.findUniqueOrThrow({ where: { key: TEMPLATE } })

    const region = await createRegion()
    regionId = region.id
    regionCode = region.code
    reviewer = await createUser('reviewer', { regionId })
    const dept = await createDepartment(region.id)
    const dept2 = await createDepartment(region.id)
    accountant2 = await createUser('accountant', { departmentId: dept2.id })
    const a = await createDisclosure(dept.id, { ...chengde2023(), year: YEAR }, 'approved')
    const b = await createDisclosure(dept2.id, { ...chengde2023(), year: YEAR }, 'draft')
    await db().disclosure.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { templateId: tpl.id } })
    await db().disclosure.update({ where: { id: a.id }, data: { approvedAt: new Date() } })
    const version = (await db().disclosure.findUniqueOrThrow({ where: { id: a.id } })).version
    const r = await publishDisclosure(reviewer, { disclosureId: a.id, version })
    expect(r.codes).toContain(dept.code)
    published = { id: a.id, code: dept.code }
    draft = { id: b.id, code: dept2.code }
    tableTitlePath = (await import('@/lib/budget/template-labels')).editableLabels(tpl.definition as never)[0]!.labels.find((l) => l.what === '表名')!.path

    session.actor = null
    before = await everything(published.code, regionCode)
    session.actor = accountant2
    draftBefore = await everything(draft.code, regionCode)
  }, 300_000)

  it('publication stored every file with the revision', async () => {
    const names = (await db().revisionFile.findMany({ where: { disclosureId: published.id }, select: { name: true } })).map((f) => f.name)
    for (const n of ['tables.json', 'view.json', 'figures.json', 'document.pdf', 'document.docx', 'document.html', 'export.xlsx', 'export.json', 'export.csv.zip', 'export.csv/expenditure_summary', 'open-data/meta.json', 'open-data/expenditure.csv', 'open-data/revenue.csv', 'open-data/tables.csv']) expect(names).toContain(n)
    for (const [what, got] of Object.entries(before)) expect(got.status, what).toBe(200)
    expect(before['document.pdf']!.text.startsWith('%PDF')).toBe(true)
    expect(before.tables!.text).toContain('行政运行')
  })

  it('serves a stored file with an ETag, 304 on If-None-Match, and long cache headers', async () => {
    session.actor = null
    const p = { code: published.code, year: String(YEAR) }
    const res = await tablesRoute.GET(new Request(`http://portal.test/api/disclosures/${published.code}/${YEAR}/tables`), { params: Promise.resolve(p) })
    expect(res.headers.get('cache-control')).toMatch(/public, max-age=\d{3,}/)
    const etag = res.headers.get('etag')!
    expect(etag).toBe(before.tables!.etag)
    const again = await tablesRoute.GET(new Request(`http://portal.test/api/disclosures/${published.code}/${YEAR}/tables`, { headers: { 'If-None-Match': etag } }), { params: Promise.resolve(p) })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const pinned = await documentRoute.GET(new Request(`http://portal.test/api/disclosures/${published.code}/${YEAR}/document?format=pdf&revision=1`), { params: Promise.resolve(p) })
    expect(pinned.headers.get('cache-control')).toContain('immutable')
  })

  it('the admin sees which published revisions a change would have touched', async () => {
    const byGlossary = await publishedRevisionsTouchedBy({ kind: 'glossary', regionId })
    expect(byGlossary.map((r) => r.code)).toEqual([published.code])
    expect((await publishedRevisionsTouchedBy({ kind: 'catalogue', year: YEAR })).map((r) => r.code)).toEqual([published.code])
    expect((await publishedRevisionsTouchedBy({ kind: 'template', key: TEMPLATE })).map((r) => r.label)).toEqual([byGlossary[0]!.label])
  })

  it('a glossary edit, a catalogue re-import with a name changed and a template rename change no byte of it; the draft picks them up', async () => {
    await saveGlossary(admin, { regionId, items: defaultGlossary().map((g, i) => (i === 0 ? { ...g, definition: `${g.definition}（已修订的名词解释）` } : g)) })
    const fn = await db().catalogueEntry.findMany({ where: { year: YEAR, kind: 'function' }, orderBy: { code: 'asc' } })
    const csv = ['code,name,level,parent,from_year,to_year,aliases,verified', ...fn.map((e) => `${e.code},${e.code === CHANGED_CODE ? '行政运行（新名称）' : e.name},${e.level},${e.parent ?? ''},,,,${e.verified ? 1 : 0}`)].join('\n')
    await importCatalogue(admin, { year: YEAR, kind: 'function', fileName: 'function.csv', content: Buffer.from(csv) })
    await renameTemplateLabels(admin, { key: TEMPLATE, edits: { [tableTitlePath]: '改名后的收支总表' } })

    session.actor = null
    const after = await everything(published.code, regionCode)
    for (const [what, got] of Object.entries(before)) {
      expect(after[what]!.status, what).toBe(got.status)
      expect(after[what]!.sha, `${what} changed after the shared edits`).toBe(got.sha)
      expect(after[what]!.etag, what).toBe(got.etag)
    }

    session.actor = accountant2
    const draftAfter = await everything(draft.code, regionCode)
    expect(draftBefore.tables!.text).not.toContain('行政运行（新名称）')
    expect(draftAfter.tables!.text).toContain('行政运行（新名称）')
    expect(draftAfter.tables!.text).toContain('改名后的收支总表')
    expect(draftBefore['document.html']!.text).not.toContain('已修订的名词解释')
    expect(draftAfter['document.html']!.text).toContain('已修订的名词解释')
    for (const what of ['export.xlsx', 'export.json', 'export.csv', 'document.pdf', 'document.docx']) expect(draftAfter[what]!.sha, what).not.toBe(draftBefore[what]!.sha)
  }, 300_000)

  it('a correction published after the edits is frozen with them, and the first revision stays as it was', async () => {
    const { correctDisclosure } = await import('@/lib/workflow/server/correct-disclosure')
    const accountant = await createUser('accountant', { departmentId: (await db().disclosure.findUniqueOrThrow({ where: { id: published.id } })).departmentId })
    const v1 = (await db().disclosure.findUniqueOrThrow({ where: { id: published.id } })).version
    const c = await correctDisclosure(accountant, { disclosureId: published.id, version: v1, correctionNote: '更正名词解释' })
    // its review is the workflow tests' subject; here it goes straight to approved
    await db().disclosure.update({ where: { id: c.id }, data: { status: 'approved', approvedAt: new Date() } })
    const v2 = (await db().disclosure.findUniqueOrThrow({ where: { id: c.id } })).version
    await publishDisclosure(reviewer, { disclosureId: c.id, version: v2 })
    session.actor = null
    const p = { code: published.code, year: String(YEAR) }
    const latest = await call(tablesRoute, `/api/disclosures/${published.code}/${YEAR}/tables`, p)
    expect(latest.text).toContain('行政运行（新名称）')
    const first = await call(documentRoute, `/api/disclosures/${published.code}/${YEAR}/document?format=html&revision=1`, p)
    expect(first.sha).toBe(before['document.html']!.sha)
    expect((await loadDisclosureView(published.code, YEAR, 1))!.documentHtml).toBe(JSON.parse(before.view!.text).documentHtml)
  }, 300_000)
})
