import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { saveLine } from '@/lib/disclosure/server/edit-lines'
import { approveDisclosure } from '@/lib/workflow/server/approve-disclosure'
import { addComment } from '@/lib/workflow/server/comment-disclosure'
import { returnDisclosure } from '@/lib/workflow/server/return-disclosure'
import { submitDisclosure } from '@/lib/workflow/server/submit-disclosure'
import type { World } from './workflow-support'
import { createCase, createWorld, errorOf, statusOf, versionOf, linesVersionOf } from './workflow-support'

// the server actions read the signed-in user from the session; here each call says who is signed in
const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))

const { approveAction, commentAction, returnAction, submitAction } = await import('@/lib/workflow/actions')
const { saveLineAction } = await import('@/lib/disclosure/actions')

describe('two sessions on one version: the second is refused and nothing is lost (real PostgreSQL)', () => {
  let w: World
  beforeAll(async () => {
    w = await createWorld()
  })

  it('two reviewers decide the same submission at once: one approval or one return, never both', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    const [a, b] = await Promise.allSettled([approveDisclosure(w.reviewer, { disclosureId: c.id, version: v }), returnDisclosure(w.reviewer2, { disclosureId: c.id, version: v, reason: '请补充说明' })] as const)
    const outcomes = [a.status, b.status].sort()
    expect(outcomes).toEqual(['fulfilled', 'rejected'])
    const rejected = (a.status === 'rejected' ? a : b) as PromiseRejectedResult
    expect(rejected.reason).toMatchObject({ code: 'CONFLICT' })
    expect(await versionOf(c.id)).toBe(v + 1)
    const status = await statusOf(c.id)
    // the loser wrote nothing: a return leaves its reason comment, an approval its date
    const comments = await db().reviewComment.count({ where: { disclosureId: c.id } })
    expect(comments).toBe(status === 'approved' ? 0 : 1)
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: c.id } })).approvedAt === null).toBe(status === 'returned')
    expect(await db().auditLog.count({ where: { disclosureId: c.id } })).toBe(1)
  })

  it('a comment written on a stale version is refused with 409; the first comment is kept', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    await addComment(w.reviewer, { disclosureId: c.id, version: v, anchor: { kind: 'cell', table: 'income_summary', row: 0, col: 2 }, body: '第一条' })
    const stale = await errorOf(addComment(w.reviewer2, { disclosureId: c.id, version: v, anchor: { kind: 'cell', table: 'income_summary', row: 1, col: 2 }, body: '第二条' }))
    expect(stale.code).toBe('CONFLICT')
    expect(stale.message).toContain('重新加载')
    expect((await db().reviewComment.findMany({ where: { disclosureId: c.id } })).map((x) => x.body)).toEqual(['第一条'])
  })

  it('a return decided on a version the reviewer never saw (a comment came in between) is refused', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    await addComment(w.reviewer2, { disclosureId: c.id, version: v, anchor: { kind: 'general' }, body: '请核对三公经费' })
    expect((await errorOf(returnDisclosure(w.reviewer, { disclosureId: c.id, version: v, reason: '退回' }))).code).toBe('CONFLICT')
    expect(await statusOf(c.id)).toBe('submitted')
  })

  it('submitting while a line is saved in another window: whichever commits second is refused; the saved line is never lost', async () => {
    const c = await createCase(w)
    const v = await versionOf(c.id)
    // the line save sends the lines' version, the submission the disclosure's (docs/decisions/017)
    const lv = await linesVersionOf(c.id)
    const before = await db().expenditureLine.count({ where: { disclosureId: c.id } })
    const values = { unitCode: `${c.dept.code}-447001`, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '0.00' }
    const [save, submit] = await Promise.allSettled([saveLine(c.accountant, { disclosureId: c.id, version: lv, list: 'expenditure', values }), submitDisclosure(c.accountant, { disclosureId: c.id, version: v, acknowledgements: [] })] as const)
    expect([save.status, submit.status].sort()).toEqual(['fulfilled', 'rejected'])
    const lines = await db().expenditureLine.count({ where: { disclosureId: c.id } })
    if (save.status === 'fulfilled') {
      expect(lines).toBe(before + 1)
      expect(await statusOf(c.id)).toBe('draft')
    } else {
      // the submission won: the disclosure is locked, the late save was refused and the accountant is told to reload
      expect(lines).toBe(before)
      expect(await statusOf(c.id)).toBe('submitted')
      expect((save.reason as { code: string }).code).toMatch(/CONFLICT|LOCKED/)
    }
    expect(await versionOf(c.id)).toBe(v + 1)
  })

  it('at the server-action level: the second session gets { ok: false, code: CONFLICT } with a message to reload', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    session.actor = w.reviewer
    const first = await commentAction({ disclosureId: c.id, version: v, anchor: { kind: 'cell', table: 'expenditure_summary', row: 0, col: 2 }, body: '请核实合计' })
    expect(first).toMatchObject({ ok: true, version: v + 1 })
    session.actor = w.reviewer2
    const second = await approveAction({ disclosureId: c.id, version: v })
    expect(second).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(second.ok === false && second.message).toContain('请重新加载')
    expect(await statusOf(c.id)).toBe('submitted')
    // with the fresh version the same reviewer's return goes through, and the comment made first is still there
    const third = await returnAction({ disclosureId: c.id, version: v + 1, reason: '合计有误' })
    expect(third).toMatchObject({ ok: true })
    expect((await db().reviewComment.findMany({ where: { disclosureId: c.id }, orderBy: { createdAt: 'asc' } })).map((x) => x.body)).toEqual(['请核实合计', '合计有误'])
  })

  it('at the server-action level: an accountant’s two windows — the line saved in one, the stale submit in the other is refused', async () => {
    const c = await createCase(w)
    const v = await versionOf(c.id)
    session.actor = c.accountant
    const saved = await saveLineAction({ disclosureId: c.id, version: v, list: 'expenditure', values: { unitCode: `${c.dept.code}-447001`, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '0.00' } })
    expect(saved.ok).toBe(true)
    const stale = await submitAction({ disclosureId: c.id, version: v, acknowledgements: [] })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await statusOf(c.id)).toBe('draft')
    expect(await submitAction({ disclosureId: c.id, version: v + 1, acknowledgements: [] })).toMatchObject({ ok: true })
  })

  it('server actions refuse a signed-out caller and malformed input before touching the database', async () => {
    const c = await createCase(w, 'submitted')
    const v = await versionOf(c.id)
    session.actor = null
    // refused before any lookup (so it says nothing about whether the disclosure exists)
    expect(await approveAction({ disclosureId: c.id, version: v })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    session.actor = w.reviewer
    expect(await approveAction({ disclosureId: c.id, version: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await returnAction({ disclosureId: c.id, version: v, reason: ' ' })).toMatchObject({ ok: false, code: 'VALIDATION', fields: [{ path: 'reason', message: '退回理由至少 2 个字' }] })
    expect(await versionOf(c.id)).toBe(v)
  })
})
