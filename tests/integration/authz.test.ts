import { beforeAll, describe, expect, it } from 'vitest'
import { findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import { deleteLine, pasteLines, saveLine } from '@/lib/disclosure/server/edit-lines'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser } from '../factories/db'

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

describe('authorization of disclosure reads and changes (real PostgreSQL)', () => {
  let draft: Awaited<ReturnType<typeof createDisclosure>>
  let published: Awaited<ReturnType<typeof createDisclosure>>
  let own: NonNullable<Actor>
  let other: NonNullable<Actor>
  let reviewerHere: NonNullable<Actor>
  let reviewerElsewhere: NonNullable<Actor>

  beforeAll(async () => {
    const region = await createRegion()
    const elsewhere = await createRegion()
    const dept = await createDepartment(region.id)
    const otherDept = await createDepartment(region.id)
    draft = await createDisclosure(dept.id, { ...chengde2023(), year: 2024 })
    published = await createDisclosure(dept.id, chengde2023(), 'published')
    own = await createUser('accountant', { departmentId: dept.id })
    other = await createUser('accountant', { departmentId: otherDept.id })
    reviewerHere = await createUser('reviewer', { regionId: region.id })
    reviewerElsewhere = await createUser('reviewer', { regionId: elsewhere.id })
  })

  const line = () => ({ unitCode: `${draft.department.code}-447001`, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '100.00' })

  it('the public gets 404 for a draft, and reads a published disclosure', async () => {
    expect((await errorOf(findReadableDisclosure(null, draft.department.code, 2024))).status).toBe(404)
    await expect(findReadableDisclosure(null, published.department.code, 2023)).resolves.toMatchObject({ id: published.id })
  })

  it('an accountant of another department gets 404 reading the draft, by code and by id', async () => {
    expect((await errorOf(findReadableDisclosure(other, draft.department.code, 2024))).status).toBe(404)
    expect((await errorOf(getEditorState(other, draft.id))).status).toBe(404)
  })

  it('an accountant of another department cannot change the draft (404), and nothing changes', async () => {
    const before = await db().expenditureLine.count({ where: { disclosureId: draft.id } })
    const version = (await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion
    expect((await errorOf(saveLine(other, { disclosureId: draft.id, version, list: 'expenditure', values: line() }))).status).toBe(404)
    const anyLine = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: draft.id } })
    expect((await errorOf(deleteLine(other, { disclosureId: draft.id, version, list: 'expenditure', id: anyLine.id }))).status).toBe(404)
    expect((await errorOf(pasteLines(other, { disclosureId: draft.id, version, list: 'expenditure', text: '447001\t2101501\t30201\t一般公共预算\t基本支出\t\t1.00' }))).status).toBe(404)
    expect(await db().expenditureLine.count({ where: { disclosureId: draft.id } })).toBe(before)
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion).toBe(version)
  })

  it('a reviewer reads only submitted work of their own region, never drafts, and never edits', async () => {
    expect((await errorOf(findReadableDisclosure(reviewerHere, draft.department.code, 2024))).status).toBe(404)
    await db().disclosure.update({ where: { id: draft.id }, data: { status: 'submitted' } })
    try {
      await expect(findReadableDisclosure(reviewerHere, draft.department.code, 2024)).resolves.toMatchObject({ id: draft.id })
      expect((await errorOf(findReadableDisclosure(reviewerElsewhere, draft.department.code, 2024))).status).toBe(404)
      const version = (await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion
      expect((await errorOf(saveLine(reviewerHere, { disclosureId: draft.id, version, list: 'expenditure', values: line() }))).status).toBe(403)
      // a submitted disclosure is locked for its own accountant too
      expect((await errorOf(saveLine(own, { disclosureId: draft.id, version, list: 'expenditure', values: line() }))).status).toBe(423)
    } finally {
      await db().disclosure.update({ where: { id: draft.id }, data: { status: 'draft' } })
    }
  })

  it('the own accountant saves; a stale version is refused with 409 and nothing is lost', async () => {
    const version = (await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion
    await saveLine(own, { disclosureId: draft.id, version, list: 'expenditure', values: line() })
    const count = await db().expenditureLine.count({ where: { disclosureId: draft.id } })
    const stale = await errorOf(saveLine(own, { disclosureId: draft.id, version, list: 'expenditure', values: { ...line(), amount: '5.00' } }))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('重新加载')
    expect(await db().expenditureLine.count({ where: { disclosureId: draft.id } })).toBe(count)
  })

  it('a paste with one unknown code adds nothing and names row and column', async () => {
    const version = (await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion
    const before = await db().expenditureLine.count({ where: { disclosureId: draft.id } })
    const u = `${draft.department.code}-447001`
    const text = [`${u}\t2101501\t30201\t一般公共预算\t基本支出\t\t1.00`, `${u}\t2101598\t30201\t一般公共预算\t基本支出\t\t2.00`, `${u}\t2101501\t30201\t一般公共预算\t基本支出\t\tabc`].join('\n')
    const e = await errorOf(pasteLines(own, { disclosureId: draft.id, version, list: 'expenditure', text }))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('第 2 行「功能分类科目编码」')
    expect(e.message).toContain('第 3 行「金额（元）」')
    expect(e.fields.map((f) => f.path)).toEqual(['rows.1.functionCode', 'rows.2.amount'])
    expect(await db().expenditureLine.count({ where: { disclosureId: draft.id } })).toBe(before)
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion).toBe(version)
  })

  it('every successful change leaves exactly one audit row with the actor', async () => {
    const version = (await db().disclosure.findUniqueOrThrow({ where: { id: draft.id } })).linesVersion
    const before = await db().auditLog.count({ where: { disclosureId: draft.id } })
    await saveLine(own, { disclosureId: draft.id, version, list: 'expenditure', values: line() })
    const rows = await db().auditLog.findMany({ where: { disclosureId: draft.id }, orderBy: { at: 'desc' } })
    expect(rows.length).toBe(before + 1)
    expect(rows[0]).toMatchObject({ actorId: own.id, action: 'create', entity: 'expenditure' })
  })
})

describe('audit rows keep amounts exact', () => {
  it('stores a line amount as the exact 元 string, not a float', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const d = await createDisclosure(dept.id, { ...chengde2023(), year: 2024 })
    const own = await createUser('accountant', { departmentId: dept.id })
    await saveLine(own, { disclosureId: d.id, version: d.version, list: 'expenditure', values: { unitCode: `${dept.code}-447001`, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '0.10' } })
    const row = await db().auditLog.findFirstOrThrow({ where: { disclosureId: d.id, action: 'create' }, orderBy: { at: 'desc' } })
    expect((row.after as { amount: unknown }).amount).toBe('0.1')
  })
})
