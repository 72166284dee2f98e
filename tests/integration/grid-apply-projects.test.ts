import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/server/db'
import { applyProjects } from '@/lib/disclosure/server/apply-projects'
import { canonProject } from '@/lib/disclosure/project-rows'
import type { World } from './workflow-support'
import { createCase, createWorld, errorOf } from './workflow-support'

/** The projects grid's batches on real PostgreSQL: the projects part's version, row-by-row conflicts, located all-or-nothing validation. */
describe('apply-projects: the projects grid autosaved as batches', () => {
  let w: World
  beforeAll(async () => {
    w = await createWorld()
  })
  const projects = (id: string) => db().project.findMany({ where: { disclosureId: id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
  const version = async (id: string) => (await db().disclosure.findUniqueOrThrow({ where: { id } })).projectsVersion

  it('adds with the grid’s id, edits, renames (moving the lines), and a stale version is refused whole', async () => {
    const c = await createCase(w)
    const [p0] = await projects(c.id)
    const lines0 = await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p0!.code } })
    expect(lines0).toBeGreaterThan(0)
    const v = await version(c.id)
    const seen = canonProject(p0!)
    const r = await applyProjects(c.accountant, {
      disclosureId: c.id,
      version: v,
      ops: [
        { kind: 'put', id: 'gtestproject00000001', row: 9, base: null, values: { code: 'P-NEW-1', name: ' 新增信息化项目 ', unitCode: p0!.unitCode ?? '', purpose: '' } },
        { kind: 'put', id: p0!.id, row: 1, base: seen, values: { ...seen, code: `${p0!.code}-R`, purpose: '用于系统运维' } },
      ],
    })
    expect(r).toEqual({ applied: 2, conflicts: [] })
    const created = await db().project.findUniqueOrThrow({ where: { id: 'gtestproject00000001' } })
    expect(created).toMatchObject({ code: 'P-NEW-1', name: '新增信息化项目', purpose: null })
    expect(await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: `${p0!.code}-R` } })).toBe(lines0)
    expect(await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p0!.code } })).toBe(0)
    expect(await version(c.id)).toBe(v + 1)
    // the same batch on the old version: refused, nothing written
    const stale = await errorOf(applyProjects(c.accountant, { disclosureId: c.id, version: v, ops: [{ kind: 'put', id: 'gtestproject00000002', row: 10, base: null, values: { code: 'P-NEW-2', name: '另一个', unitCode: '', purpose: '' } }] }))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('项目清单')
    expect(await db().project.count({ where: { id: 'gtestproject00000002' } })).toBe(0)
  })

  it('a project the other person changed is a conflict with their values; the rest applies', async () => {
    const c = await createCase(w)
    const [p0, p1] = await projects(c.id)
    const s0 = canonProject(p0!)
    const s1 = canonProject(p1!)
    await applyProjects(c.accountant, { disclosureId: c.id, version: await version(c.id), ops: [{ kind: 'put', id: p0!.id, row: 1, base: s0, values: { ...s0, name: '对方改的名称' } }] })
    const b = await applyProjects(c.accountant, {
      disclosureId: c.id,
      version: await version(c.id),
      ops: [
        { kind: 'put', id: p0!.id, row: 1, base: s0, values: { ...s0, name: '我改的名称' } },
        { kind: 'put', id: p1!.id, row: 2, base: s1, values: { ...s1, purpose: '我写的用途' } },
      ],
    })
    expect(b.applied).toBe(1)
    expect(b.conflicts).toEqual([{ id: p0!.id, row: 1, theirs: { ...s0, name: '对方改的名称' } }])
    expect((await db().project.findUniqueOrThrow({ where: { id: p0!.id } })).name).toBe('对方改的名称')
    expect((await db().project.findUniqueOrThrow({ where: { id: p1!.id } })).purpose).toBe('我写的用途')
  })

  it('refuses the whole batch with row and column named in Chinese: a missing name, a code used twice, deleting a project with lines', async () => {
    const c = await createCase(w)
    const [p0, p1] = await projects(c.id)
    const before = await projects(c.id)
    const e = await errorOf(
      applyProjects(c.accountant, {
        disclosureId: c.id,
        version: await version(c.id),
        ops: [
          { kind: 'put', id: 'gtestproject00000003', row: 5, base: null, values: { code: 'P-X', name: '', unitCode: '', purpose: '' } },
          { kind: 'put', id: 'gtestproject00000004', row: 6, base: null, values: { code: p1!.code, name: '重复编码', unitCode: '', purpose: '' } },
          { kind: 'delete', id: p0!.id, row: 1, base: canonProject(p0!) },
        ],
      }),
    )
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/^项目未保存（全部或全不）：第 1 行「项目编码」：项目“.+”下还有 \d+ 行支出明细/)
    expect(e.message).toContain('第 5 行「项目名称」：请填写项目名称')
    expect(e.message).toContain(`第 6 行「项目编码」：项目编码 ${p1!.code} 已存在`)
    expect(e.fields.map((f) => f.path)).toContain('gtestproject00000003.name')
    expect(await projects(c.id)).toEqual(before)
  })

  it('two projects may swap codes in one batch, each taking its lines along', async () => {
    const c = await createCase(w)
    const [p0, p1] = await projects(c.id)
    const n0 = await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p0!.code } })
    const n1 = await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p1!.code } })
    const s0 = canonProject(p0!)
    const s1 = canonProject(p1!)
    const r = await applyProjects(c.accountant, {
      disclosureId: c.id,
      version: await version(c.id),
      ops: [
        { kind: 'put', id: p0!.id, row: 1, base: s0, values: { ...s0, code: p1!.code } },
        { kind: 'put', id: p1!.id, row: 2, base: s1, values: { ...s1, code: p0!.code } },
      ],
    })
    expect(r.applied).toBe(2)
    expect(await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p1!.code } })).toBe(n0)
    expect(await db().expenditureLine.count({ where: { disclosureId: c.id, projectCode: p0!.code } })).toBe(n1)
  })

  it('only the department’s accountant may apply, and only to a draft', async () => {
    const c = await createCase(w)
    const other = await errorOf(applyProjects(w.otherAccountant, { disclosureId: c.id, version: await version(c.id), ops: [] }))
    expect(other.status).toBe(404)
    const sub = await createCase(w, 'submitted')
    expect((await errorOf(applyProjects(sub.accountant, { disclosureId: sub.id, version: await version(sub.id), ops: [] }))).code).not.toBe('OK')
  })
})
