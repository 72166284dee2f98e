import { beforeAll, describe, expect, it, vi } from 'vitest'
import { cellToNumber } from '@/lib/budget/money'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { ZSaveProcurement } from '@/lib/notes/procurement'
import { ZNotes } from '@/lib/notes/schemas'
import { getNotesState } from '@/lib/notes/server/get-notes-state'
import { getGlossaryState, saveGlossary } from '@/lib/notes/server/glossary'
import { getProcurementState, saveProcurement } from '@/lib/notes/server/procurement'
import { saveNotes } from '@/lib/notes/server/save-notes'
import { writeNotesAndTargets } from '@/lib/notes/server/seed-notes'
import { ZProjectTarget } from '@/lib/performance/schemas'
import { getPerformanceState } from '@/lib/performance/server/get-performance-state'
import { deleteProjectTarget, saveProjectTarget } from '@/lib/performance/server/save-targets'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser } from '../factories/db'
import { chengde2023Notes, chengde2023Overall, chengde2023Targets } from '../../prisma/demo/notes-chengde-2023'
import { loadFixture } from '../support/fixtures'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const documentRoute = await import('@/app/api/disclosures/[code]/[year]/document/route')

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

const version = async (id: string) => (await db().disclosure.findUniqueOrThrow({ where: { id } })).version
/** the version of one part (docs/decisions/017): what that part's save sends */
const partVersion = async (id: string, column: 'notesVersion' | 'targetsVersion' | 'procurementVersion') => (await db().disclosure.findUniqueOrThrow({ where: { id } }))[column]
const audits = (disclosureId: string, entity: string) => db().auditLog.count({ where: { disclosureId, entity } })

describe('the complete disclosure on real PostgreSQL', () => {
  let published: Awaited<ReturnType<typeof createDisclosure>>
  let draft: Awaited<ReturnType<typeof createDisclosure>>
  let own: NonNullable<Actor>
  let other: NonNullable<Actor>
  let reviewer: NonNullable<Actor>
  let admin: NonNullable<Actor>
  let regionId: string

  beforeAll(async () => {
    const region = await createRegion()
    regionId = region.id
    const dept = await createDepartment(region.id)
    const otherDept = await createDepartment(region.id)
    published = await createDisclosure(dept.id, chengde2023(), 'published')
    await db().disclosure.update({ where: { id: published.id }, data: { publishedAt: new Date('2023-02-16T00:00:00+08:00') } })
    draft = await createDisclosure(dept.id, { ...chengde2023(), year: 2024 })
    const unit = (c: string) => `${dept.code}-${c}`
    await writeNotesAndTargets(db(), published.id, { notes: chengde2023Notes(unit), overall: chengde2023Overall(), targets: chengde2023Targets() })
    const { prior: _p, reasons: _r, ...texts } = chengde2023Notes(unit)
    await writeNotesAndTargets(db(), draft.id, { notes: texts })
    own = await createUser('accountant', { departmentId: dept.id })
    other = await createUser('accountant', { departmentId: otherDept.id })
    reviewer = await createUser('reviewer', { regionId: region.id })
    admin = await createUser('admin')
  }, 120_000)

  it('the published 2023 document states the fixture’s figures, from the stored notes and the lines', async () => {
    const model = await buildDocumentModel(await findDisclosureById(null, published.id))
    const fx = loadFixture('chengde-2023').notes as Record<string, unknown>
    const f = model.notes.figures
    expect(cellToNumber(f['income.total']!)).toBe(fx.income_total)
    expect(cellToNumber(f['operating.total']!)).toBe(fx.operating_costs)
    expect(cellToNumber(f['change.total']!)).toBe(fx.change_vs_prior_year)
    expect(f['change_pct.total']).toBe(fx.change_pct_vs_prior_year)
    expect(cellToNumber(f['change.threePublicTotal']!)).toBe(fx.three_public_change_vs_prior_year)
    expect(cellToNumber(f['assets.total']!)).toBe(fx.fixed_assets_total)
    expect(model.tables).toHaveLength(9)
    expect(model.notes.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'performanceTable')).toHaveLength(7)
    expect(model.dateLine).toBe('公开日期：2023年2月16日')
    expect(model.notes.findings.filter((x) => x.severity === 'error').every((x) => x.rule === 'notes.template_residue')).toBe(true)
  })

  it('the 2024 draft takes last year’s figures from the published 2023 disclosure in the system', async () => {
    const s = await getNotesState(own, draft.id)
    expect(s.prior.systemYear).toBe(2023)
    expect(s.prior.source.total).toBe('system')
    expect(s.prior.values.total).toBe('2350.50')
    expect(s.prior.values.operatingCosts).toBe('78.70')
    expect(s.generated.figures['change.total']).toBe(0)
    expect(s.generated.findings.filter((f) => f.rule === 'notes.reason_missing')).toEqual([])
  })

  it('saving the notes checks the version: one save wins, the stale one is refused, one audit row each', async () => {
    const s = await getNotesState(own, draft.id)
    const notes = ZNotes.parse({ ...s.notes, other: '本部门2024年无其他需要说明的事项。' })
    const before = await audits(draft.id, 'notes')
    await saveNotes(own, { disclosureId: draft.id, version: s.version, notes })
    expect(await partVersion(draft.id, 'notesVersion')).toBe(s.version + 1)
    expect(await audits(draft.id, 'notes')).toBe(before + 1)
    const stale = await errorOf(saveNotes(own, { disclosureId: draft.id, version: s.version, notes: ZNotes.parse({ ...s.notes, other: '覆盖' }) }))
    expect(stale.code).toBe('CONFLICT')
    expect((await getNotesState(own, draft.id)).notes.other).toBe('本部门2024年无其他需要说明的事项。')
    expect(await audits(draft.id, 'notes')).toBe(before + 1)
  })

  it('a contradicting number typed into the notes is flagged at its paragraph after saving', async () => {
    const s = await getNotesState(own, draft.id)
    await saveNotes(own, { disclosureId: draft.id, version: s.version, notes: ZNotes.parse({ ...s.notes, other: '一般公共预算拨款收入 2350.50 万元。' }) })
    const after = await getNotesState(own, draft.id)
    expect(after.generated.findings.find((f) => f.rule === 'notes.number_mismatch')).toMatchObject({ severity: 'error', notes: { section: 'other', paragraph: 0, field: 'other' } })
  })

  it('names of projects and units in the notes must be the disclosure’s own', async () => {
    const s = await getNotesState(own, draft.id)
    const bad = ZNotes.parse({ ...s.notes, overview: { ...s.notes.overview, mainProjects: [{ label: '不存在的项目', projectCodes: ['X-1'] }] } })
    const e = await errorOf(saveNotes(own, { disclosureId: draft.id, version: s.version, notes: bad }))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields[0]).toMatchObject({ path: 'overview.mainProjects.0.projectCodes' })
  })

  it('only the department’s accountant edits, and only while editable; others get 404 or 403 and nothing changes', async () => {
    const s = await getNotesState(own, draft.id)
    const notes = ZNotes.parse(s.notes)
    expect((await errorOf(getNotesState(other, draft.id))).status).toBe(404)
    expect((await errorOf(saveNotes(other, { disclosureId: draft.id, version: s.version, notes }))).status).toBe(404)
    expect((await errorOf(getNotesState(reviewer, draft.id))).status).toBe(404)
    expect((await errorOf(saveNotes(admin, { disclosureId: draft.id, version: s.version, notes }))).status).toBe(403)
    expect((await errorOf(saveNotes(own, { disclosureId: published.id, version: await version(published.id), notes }))).status).toBe(423)
    const target = ZProjectTarget.parse(chengde2023Targets()[0])
    expect((await errorOf(saveProjectTarget(other, { disclosureId: draft.id, version: await partVersion(draft.id, 'targetsVersion'), target }))).status).toBe(404)
    expect(await partVersion(draft.id, 'notesVersion')).toBe(s.version)
  })

  it('a project’s 绩效目标表 is saved, read back with its indicator tree, refused twice for one project, and deleted, with audit rows', async () => {
    const target = ZProjectTarget.parse(chengde2023Targets()[2])
    const { id } = await saveProjectTarget(own, { disclosureId: draft.id, version: await partVersion(draft.id, 'targetsVersion'), target })
    const s = await getPerformanceState(own, draft.id)
    const saved = s.targets.find((t) => t.id === id)!
    expect(saved.indicators).toEqual(target.indicators)
    expect(s.findings.filter((f) => f.rule === 'perf.missing_target')).toHaveLength(6)
    const dup = await errorOf(saveProjectTarget(own, { disclosureId: draft.id, version: s.versions.targets, target }))
    expect(dup.code).toBe('VALIDATION')
    const unknown = await errorOf(saveProjectTarget(own, { disclosureId: draft.id, version: s.versions.targets, target: { ...target, projectCode: 'NOPE' } }))
    expect(unknown.fields[0]?.path).toBe('projectCode')
    const model = await buildDocumentModel(await findDisclosureById(own, draft.id))
    const rendered = model.notes.sections.find((x) => x.id === 'performance')!.blocks.find((b) => b.kind === 'performanceTable')
    expect(rendered?.kind === 'performanceTable' && rendered.target.rows.map((r) => r.value)).toEqual(['≥2 次', '≥10 次', '≥90%', '≥90%', '≥90%', '≤60 分钟', '不晚于 12 月底', '471 万元', '≥90%', '是否提升', '≥90%'])
    expect(await audits(draft.id, 'performanceTarget')).toBe(1)
    await deleteProjectTarget(own, { disclosureId: draft.id, version: await partVersion(draft.id, 'targetsVersion'), id })
    expect(await audits(draft.id, 'performanceTarget')).toBe(2)
    expect((await getPerformanceState(own, draft.id)).targets).toHaveLength(0)
  })

  it('procurement: 数量 × 单价 must equal the amounts; saved items become the 政府采购 table and the statement', async () => {
    const project = (await getProcurementState(own, draft.id)).projects[0]!.code
    const item = { projectCode: project, itemName: '台式计算机', catalogueCode: 'A02010104', unit: '台', quantity: '2', unitPrice: '4500.00', amounts: { general: '9000.00' }, smeReserved: '9000.00' }
    const wrong = ZSaveProcurement.safeParse({ disclosureId: draft.id, version: 1, items: [{ ...item, amounts: { general: '9100.00' } }], fixedAssets: [] })
    expect(wrong.success).toBe(false)
    expect(wrong.error!.issues[0]).toMatchObject({ path: ['items', 0, 'amounts'] })
    expect(wrong.error!.issues[0]!.message).toContain('数量 2 × 单价 4500.00 元 = 9000.00 元')
    const ok = ZSaveProcurement.parse({ disclosureId: draft.id, version: await partVersion(draft.id, 'procurementVersion'), items: [item], fixedAssets: [{ category: 'vehicles', quantity: '4', value: '749580.00' }] })
    await saveProcurement(own, ok)
    const s = await getProcurementState(own, draft.id)
    expect(s.items).toHaveLength(1)
    expect(s.fixedAssets.find((a) => a.category === 'vehicles')).toMatchObject({ quantity: '4', value: '749580.00' })
    const model = await buildDocumentModel(await findDisclosureById(own, draft.id))
    const proc = model.notes.sections.find((x) => x.id === 'procurement')!
    expect(proc.blocks[0]).toMatchObject({ kind: 'paragraph', text: `2024年，${draft.department.name}安排政府采购预算0.90万元，其中预留中小微企业份额0.90万元。具体内容见下表。` })
    expect(await audits(draft.id, 'procurement')).toBe(1)
    const foreign = ZSaveProcurement.parse({ disclosureId: draft.id, version: await partVersion(draft.id, 'procurementVersion'), items: [{ ...item, projectCode: 'OTHER' }], fixedAssets: [] })
    expect((await errorOf(saveProcurement(own, foreign))).fields[0]).toMatchObject({ path: 'items.0.projectCode' })
  })

  it('名词解释: only admins edit a region’s list; the region’s documents print it', async () => {
    expect((await errorOf(getGlossaryState(own, regionId))).status).toBe(403)
    expect((await errorOf(saveGlossary(reviewer, { regionId, items: [] }))).status).toBe(403)
    await saveGlossary(admin, { regionId, items: [{ term: '基本支出', definition: '指为保障机构正常运转而发生的支出（本市表述）。' }] })
    const state = await getGlossaryState(admin, regionId)
    expect(state.usesDefault).toBe(false)
    const model = await buildDocumentModel(await findDisclosureById(null, published.id))
    const g = model.notes.sections.find((s) => s.id === 'glossary')!
    expect(g.blocks).toEqual([{ kind: 'paragraph', text: '指为保障机构正常运转而发生的支出（本市表述）。', lead: '1、基本支出：' }])
  })

  describe('GET /api/disclosures/{code}/{year}/document', () => {
    const get = (code: string, year: number, query: string) => documentRoute.GET(new Request(`http://test/api/disclosures/${code}/${year}/document?${query}`), { params: Promise.resolve({ code, year: String(year) }) })

    it('anyone downloads a published disclosure as PDF and Word, with a Chinese file name', async () => {
      session.actor = null
      const pdf = await get(published.department.code, 2023, 'format=pdf')
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')
      const cd = pdf.headers.get('content-disposition')!
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/)
      expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe(`${published.department.name}2023年部门预算信息公开.pdf`)
      expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const docx = await get(published.department.code, 2023, 'format=docx')
      expect(docx.headers.get('content-type')).toContain('wordprocessingml')
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString('latin1')).toBe('PK')
      const html = await get(published.department.code, 2023, 'format=html')
      const body = await html.text()
      expect(html.headers.get('content-type')).toContain('text/html')
      expect(body).toContain('<!DOCTYPE html>')
      expect(body).toContain('部门预算收支总表')
      expect(body).toContain('四、财政拨款“三公”经费预算情况及增减变化原因')
    }, 60_000)

    it('reads a draft only as the tables endpoint does: the public and other departments get 404, the own accountant 200', async () => {
      session.actor = null
      expect((await get(draft.department.code, 2024, 'format=pdf')).status).toBe(404)
      session.actor = other
      expect((await get(draft.department.code, 2024, 'format=docx')).status).toBe(404)
      session.actor = reviewer
      expect((await get(draft.department.code, 2024, 'format=html')).status).toBe(404)
      session.actor = own
      expect((await get(draft.department.code, 2024, 'format=html')).status).toBe(200)
      expect((await get(draft.department.code, 2024, 'format=xls')).status).toBe(400)
      session.actor = null
    }, 60_000)
  })
})
