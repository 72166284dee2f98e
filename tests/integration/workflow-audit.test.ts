import { beforeAll, describe, expect, it } from 'vitest'
import { deleteLine, saveLine } from '@/lib/disclosure/server/edit-lines'
import { saveProject } from '@/lib/disclosure/server/edit-projects'
import { db } from '@/lib/server/db'
import { approveDisclosure } from '@/lib/workflow/server/approve-disclosure'
import { addComment, deleteComment } from '@/lib/workflow/server/comment-disclosure'
import { correctDisclosure } from '@/lib/workflow/server/correct-disclosure'
import { listAudit } from '@/lib/workflow/server/list-audit'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { returnDisclosure } from '@/lib/workflow/server/return-disclosure'
import { submitDisclosure } from '@/lib/workflow/server/submit-disclosure'
import type { World } from './workflow-support'
import { addWarning, createCase, createWorld, errorOf, versionOf, linesVersionOf } from './workflow-support'

/** Each mutation leaves exactly one audit row, in its own transaction, with the actor and what changed. */
describe('audit of every change and status change (real PostgreSQL)', () => {
  let w: World
  beforeAll(async () => {
    w = await createWorld()
  })

  async function rowsOf(disclosureId: string) {
    return db().auditLog.findMany({ where: { disclosureId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] })
  }

  /** Runs `op`, then expects exactly one new row on `disclosureId` matching `row`. */
  async function once(disclosureId: string, op: () => Promise<unknown>, row: Record<string, unknown>) {
    const before = (await rowsOf(disclosureId)).length
    await op()
    const after = await rowsOf(disclosureId)
    expect(after.length, `${String(row.action)} writes one row`).toBe(before + 1)
    expect(after.at(-1)).toMatchObject(row)
    return after.at(-1)!
  }

  it('the whole journey: edits, submit, comment, withdraw, return, approve, publish, correct — one row each, with actor and before/after', async () => {
    const c = await createCase(w)
    const id = c.id
    const unitCode = `${c.dept.code}-447001`
    const line = { unitCode, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '0.00' }
    const created = await once(id, async () => saveLine(c.accountant, { disclosureId: id, version: await linesVersionOf(id), list: 'expenditure', values: line }), { actorId: c.accountant.id, action: 'create', entity: 'expenditure' })
    const lineId = created.entityId!
    const updated = await once(id, async () => saveLine(c.accountant, { disclosureId: id, version: await linesVersionOf(id), list: 'expenditure', id: lineId, values: { ...line, amount: '0.50' } }), { action: 'update', entityId: lineId })
    // (edit-lines stores the Prisma rows; their Decimal amounts come back from JSONB as numbers)
    expect(String((updated.before as { amount: unknown }).amount)).toBe('0')
    expect(String((updated.after as { amount: unknown }).amount)).toBe('0.5')
    await once(id, async () => deleteLine(c.accountant, { disclosureId: id, version: await linesVersionOf(id), list: 'expenditure', id: lineId }), { action: 'delete', entityId: lineId, before: expect.objectContaining({ id: lineId }) })
    await once(id, async () => saveProject(c.accountant, { disclosureId: id, version: (await db().disclosure.findUniqueOrThrow({ where: { id } })).projectsVersion, values: { code: 'AUD-1', name: '审计测试项目' } }), { action: 'create', entity: 'project' })

    const warnLine = await addWarning(id)
    const key = `line.project_on_basic|line:expenditure:${warnLine}:projectCode`
    const v1 = await versionOf(id)
    await once(id, () => submitDisclosure(c.accountant, { disclosureId: id, version: v1, acknowledgements: [{ findingKey: key, explanation: '经同意挂项目核算' }] }), {
      actorId: c.accountant.id,
      action: 'submit',
      entity: 'disclosure',
      before: { status: 'draft', version: v1 },
      after: expect.objectContaining({ status: 'submitted', version: v1 + 1, acknowledgements: [{ findingKey: key, explanation: '经同意挂项目核算' }] }),
    })
    const comment = await once(id, async () => addComment(w.reviewer, { disclosureId: id, version: await versionOf(id), anchor: { kind: 'cell', table: 'income_summary', row: 0, col: 2 }, body: '请说明' }), {
      actorId: w.reviewer.id,
      action: 'comment',
      entity: 'reviewComment',
      after: { anchor: { kind: 'cell', table: 'income_summary', row: 0, col: 2 }, body: '请说明' },
    })
    const second = await addComment(w.reviewer, { disclosureId: id, version: await versionOf(id), anchor: { kind: 'general' }, body: '撤回这条' })
    await once(id, () => deleteComment(w.reviewer, { disclosureId: id, version: second.version, commentId: second.commentId }), { action: 'delete', entity: 'reviewComment', entityId: second.commentId, before: { anchor: { kind: 'general' }, body: '撤回这条' } })
    expect(comment.entityId).not.toBe(second.commentId)
    await once(id, async () => returnDisclosure(w.reviewer, { disclosureId: id, version: await versionOf(id), reason: '请补充说明' }), {
      actorId: w.reviewer.id,
      action: 'return',
      before: expect.objectContaining({ status: 'submitted' }),
      after: expect.objectContaining({ status: 'returned', reason: '请补充说明' }),
    })
    await once(id, async () => submitDisclosure(c.accountant, { disclosureId: id, version: await versionOf(id), acknowledgements: [] }), { action: 'submit', after: expect.objectContaining({ acknowledgements: [], commentsAnswered: 2 }) })
    await once(id, async () => approveDisclosure(w.reviewer, { disclosureId: id, version: await versionOf(id), approvedOn: '2024-03-01', confirmDate: true }), {
      action: 'approve',
      before: expect.objectContaining({ status: 'submitted', approvedAt: null }),
      after: expect.objectContaining({ status: 'approved', approvedOn: '2024-03-01', publicationDeadline: '2024-03-21' }),
    })
    await once(id, async () => publishDisclosure(w.reviewer, { disclosureId: id, version: await versionOf(id) }), { action: 'publish', before: expect.objectContaining({ status: 'approved' }), after: expect.objectContaining({ status: 'published', revision: 1 }) })

    // the correction's row belongs to the new revision; the published one gains none
    const countPublished = (await rowsOf(id)).length
    const r = await correctDisclosure(c.accountant, { disclosureId: id, version: await versionOf(id), correctionNote: '更正项目名称' })
    expect((await rowsOf(id)).length).toBe(countPublished)
    expect(await rowsOf(r.id)).toEqual([expect.objectContaining({ actorId: c.accountant.id, action: 'correct', before: expect.objectContaining({ correctsId: id, revision: 1 }), after: expect.objectContaining({ revision: 2, correctionNote: '更正项目名称' }) })])
  })

  it('a refused change writes no audit row', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    await errorOf(approveDisclosure(w.reviewerElsewhere, { disclosureId: c.id, version: v }))
    await errorOf(approveDisclosure(w.reviewer, { disclosureId: c.id, version: v + 5 }))
    await errorOf(approveDisclosure(w.reviewer, { disclosureId: c.id, version: v, approvedOn: '2999-01-01' }))
    await errorOf(submitDisclosure(c.accountant, { disclosureId: c.id, version: v, acknowledgements: [] }))
    expect(await rowsOf(c.id)).toEqual([])
  })

  it('the audit log: admins read every row, a reviewer their region’s only, accountants none', async () => {
    const c = await createCase(w, 'submitted')
    await addComment(w.reviewer, { disclosureId: c.id, version: await versionOf(c.id), anchor: { kind: 'general' }, body: '审计日志可见性' })
    const mine = await listAudit(w.reviewer, { disclosureId: c.id })
    expect(mine.rows).toHaveLength(1)
    expect(mine.rows[0]).toMatchObject({ actor: w.reviewer.name, action: 'comment', disclosure: { id: c.id, year: 2024 } })
    expect([...mine.rows[0]!.changes].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      // nested values leaf by leaf (the log shows them in words, no JSON)
      { field: 'anchor.kind', before: null, after: 'general' },
      { field: 'body', before: null, after: '审计日志可见性' },
    ])
    expect((await listAudit(w.admin, { disclosureId: c.id })).total).toBe(1)
    expect((await listAudit(w.reviewerElsewhere, { disclosureId: c.id })).total).toBe(0)
    expect((await errorOf(listAudit(c.accountant))).status).toBe(403)
    expect((await errorOf(listAudit(null))).status).toBe(401)
  })
})
