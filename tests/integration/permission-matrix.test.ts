import { beforeAll, describe, expect, it, vi } from 'vitest'
import { catalogueSummary, importCatalogue } from '@/lib/catalogue/server/import-catalogue'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import { findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import type { Action, Actor, DisclosureScope, DisclosureStatus } from '@/lib/server/authz'
import { ACTIONS, can, requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { listAudit } from '@/lib/workflow/server/list-audit'
import { reviewQueue } from '@/lib/workflow/server/review-queue'
import { getReviewState } from '@/lib/workflow/server/review-state'
import { getSubmitState } from '@/lib/workflow/server/submit-state'
import type { World } from './workflow-support'
import { createCase, createWorld, statusOf, versionOf } from './workflow-support'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))

const { saveLineAction } = await import('@/lib/disclosure/actions')
const { approveAction, commentAction, correctAction, publishAction, returnAction, submitAction } = await import('@/lib/workflow/actions')
const tablesRoute = await import('@/app/api/disclosures/[code]/[year]/tables/route')
const documentRoute = await import('@/app/api/disclosures/[code]/[year]/document/route')
const exportRoute = await import('@/app/api/disclosures/[code]/[year]/export/route')
const openDataRoute = await import('@/app/api/open-data/disclosures/[code]/[year]/[file]/route')
const searchRoute = await import('@/app/api/search/route')
const { indexPublished } = await import('@/lib/portal/server/publication-index')

const ROLES = ['anonymous', 'ownAccountant', 'otherAccountant', 'reviewerHere', 'reviewerElsewhere', 'admin'] as const
type RoleKey = (typeof ROLES)[number]
const STATUSES: DisclosureStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published']
const ALL: RoleKey[] = [...ROLES]
const NONE: RoleKey[] = []
const LOCKED_FOR_EDIT = { draft: ['ownAccountant'], submitted: NONE, returned: ['ownAccountant'], approved: NONE, published: NONE } satisfies Record<DisclosureStatus, RoleKey[]>

/**
 * The specification, written out independently of lib/server/authz.ts: who may do what to a disclosure of
 * the own accountant's department in the reviewer-here's region, in each status. A list without statuses
 * means: in every status.
 */
const ALLOWED: Record<Action, Record<DisclosureStatus, RoleKey[]> | RoleKey[]> = {
  'disclosure.read': {
    draft: ['ownAccountant', 'admin'],
    submitted: ['ownAccountant', 'reviewerHere', 'admin'],
    returned: ['ownAccountant', 'reviewerHere', 'admin'],
    approved: ['ownAccountant', 'reviewerHere', 'admin'],
    published: ALL,
  },
  'disclosure.edit': LOCKED_FOR_EDIT,
  'disclosure.create': ['ownAccountant'],
  'disclosure.import': LOCKED_FOR_EDIT,
  'disclosure.submit': LOCKED_FOR_EDIT,
  'disclosure.correct': { draft: NONE, submitted: NONE, returned: NONE, approved: NONE, published: ['ownAccountant'] },
  'disclosure.comment': { draft: NONE, submitted: ['reviewerHere'], returned: NONE, approved: NONE, published: NONE },
  'disclosure.return': { draft: NONE, submitted: ['reviewerHere'], returned: NONE, approved: NONE, published: NONE },
  'disclosure.approve': { draft: NONE, submitted: ['reviewerHere'], returned: NONE, approved: NONE, published: NONE },
  'disclosure.publish': { draft: NONE, submitted: NONE, returned: NONE, approved: ['reviewerHere'], published: NONE },
  'review.queue': ['reviewerHere', 'admin'],
  'document.inspect': ['reviewerHere', 'reviewerElsewhere', 'admin'],
  'audit.read': ['reviewerHere', 'admin'],
  'catalogue.manage': ['admin'],
  'template.manage': ['admin'],
  'glossary.manage': ['admin'],
  'user.manage': ['admin'],
  'account.password': ['ownAccountant', 'otherAccountant', 'reviewerHere', 'reviewerElsewhere', 'admin'],
}
const allowed = (action: Action, status: DisclosureStatus): RoleKey[] => {
  const a = ALLOWED[action]
  return Array.isArray(a) ? a : a[status]
}

describe('the permission matrix: every role × every action and read endpoint (real PostgreSQL)', () => {
  let w: World
  let actors: Record<RoleKey, Actor>
  let cases: Record<DisclosureStatus, Awaited<ReturnType<typeof createCase>>>
  const scopeOf = (status: DisclosureStatus): DisclosureScope => ({ departmentId: cases.draft.dept.id, regionId: w.region.id, status })

  beforeAll(async () => {
    w = await createWorld()
    cases = {} as typeof cases
    for (const [i, s] of STATUSES.entries()) cases[s] = await createCase(w, s, 2020 + i)
    // one department: the draft's; the other statuses are other years of it, with the same accountant
    for (const s of STATUSES) if (s !== 'draft') await db().disclosure.update({ where: { id: cases[s].id }, data: { departmentId: cases.draft.dept.id } })
    const unique = (s: DisclosureStatus) => `矩阵项目${s}${cases.draft.dept.code}`
    for (const s of STATUSES) await db().project.updateMany({ where: { disclosureId: cases[s].id, code: '447-2023-01' }, data: { name: unique(s) } })
    // changed straight in the database: rebuild the portal's read model of the published case as a publication would
    await indexPublished(cases.published.id)
    actors = { anonymous: null, ownAccountant: cases.draft.accountant, otherAccountant: w.otherAccountant, reviewerHere: w.reviewer, reviewerElsewhere: w.reviewerElsewhere, admin: w.admin }
  })

  it('can(): every role × every action in ACTIONS × every status, as specified', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...ACTIONS].sort())
    const wrong: string[] = []
    for (const action of ACTIONS)
      for (const status of STATUSES)
        for (const role of ROLES) {
          const expected = allowed(action, status).includes(role)
          if (can(actors[role], action, scopeOf(status)) !== expected) wrong.push(`${role} ${action} ${status}: expected ${expected ? 'allow' : 'deny'}`)
        }
    expect(wrong).toEqual([])
  })

  it('can() without a disclosure: only the actions that are not about one disclosure are allowed', () => {
    for (const action of ACTIONS)
      for (const role of ROLES) {
        // opening the review workspace or the audit log is for every reviewer; what they then see is their region's
        const expected = action.startsWith('disclosure.') ? false : action === 'audit.read' || action === 'review.queue' ? ['reviewerHere', 'reviewerElsewhere', 'admin'].includes(role) : (ALLOWED[action] as RoleKey[]).includes(role)
        expect(can(actors[role], action), `${role} ${action}`).toBe(expected)
      }
  })

  it('deny by default: an action not in the table is refused to every role, admin included, in every status', () => {
    for (const unknown of ['disclosure.delete', 'user.impersonate', 'DISCLOSURE.READ', '', 'constructor', '__proto__'])
      for (const role of ROLES) {
        expect(can(actors[role], unknown as Action), `${role} ${unknown}`).toBe(false)
        for (const status of STATUSES) {
          expect(can(actors[role], unknown as Action, scopeOf(status))).toBe(false)
          expect(() => requirePermission(actors[role], unknown as Action, scopeOf(status))).toThrow(AppError)
        }
      }
  })

  describe('read endpoints and services', () => {
    const readable = (role: RoleKey, s: DisclosureStatus) => allowed('disclosure.read', s).includes(role)
    const outcome = async (p: Promise<unknown>) =>
      p.then(
        () => 'allow',
        (e: unknown) => {
          if (e instanceof AppError && ['NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'].includes(e.code)) return 'deny'
          throw e
        },
      )

    it('the disclosure by code and year (tables, document and export APIs) and by id (editor, submit page): allowed exactly to those who may read it', async () => {
      const wrong: string[] = []
      for (const s of STATUSES)
        for (const role of ROLES) {
          const c = cases[s]
          const expected = readable(role, s) ? 'allow' : 'deny'
          const a = actors[role]
          session.actor = a
          const byCode = await outcome(findReadableDisclosure(a, cases.draft.dept.code, c.disclosure.year))
          const params = { params: Promise.resolve({ code: cases.draft.dept.code, year: String(c.disclosure.year) }) }
          const base = `http://t/api/disclosures/${cases.draft.dept.code}/${c.disclosure.year}`
          const routes = [
            (await tablesRoute.GET(new Request(`${base}/tables`), params)).status,
            (await documentRoute.GET(new Request(`${base}/document?format=html`), { params: Promise.resolve({ code: cases.draft.dept.code, year: String(c.disclosure.year) }) })).status,
            (await exportRoute.GET(new Request(`${base}/export?format=json`), { params: Promise.resolve({ code: cases.draft.dept.code, year: String(c.disclosure.year) }) })).status,
          ]
          const editor = await outcome(getEditorState(a, c.id, { withCatalogue: false }))
          const submit = await outcome(getSubmitState(a, c.id))
          const got = [byCode, ...routes.map((r) => (r === 200 ? 'allow' : r === 404 ? 'deny' : `status ${r}`)), editor, submit]
          if (got.some((g) => g !== expected)) wrong.push(`${role} ${s}: expected ${expected}, got ${got.join('/')}`)
        }
      expect(wrong).toEqual([])
    })

    it('the reviewer’s disclosure view: reviewers of the region (not drafts) and admins', async () => {
      for (const s of STATUSES)
        for (const role of ROLES) {
          const expected = (role === 'reviewerHere' && s !== 'draft') || role === 'admin' ? 'allow' : 'deny'
          expect(await outcome(getReviewState(actors[role], cases[s].id)), `${role} ${s}`).toBe(expected)
        }
    })

    it('the review queue: reviewers and admins; it lists the region’s work under way only to its reviewer and admins', async () => {
      for (const role of ROLES) {
        const q = await reviewQueue(actors[role]).catch((e: unknown) => e)
        if (!can(actors[role], 'review.queue')) {
          expect(q, role).toBeInstanceOf(AppError)
          continue
        }
        const ids = (q as Awaited<ReturnType<typeof reviewQueue>>).queue.map((r) => r.id)
        const sees = role === 'reviewerHere' || role === 'admin'
        expect(ids.includes(cases.submitted.id), `${role} submitted`).toBe(sees)
        expect(ids.includes(cases.approved.id), `${role} approved`).toBe(sees)
        expect(ids.includes(cases.returned.id), `${role} returned`).toBe(sees)
        expect(ids.includes(cases.draft.id), `${role} draft`).toBe(false)
      }
    })

    it('the audit log: reviewers (their region’s rows) and admins', async () => {
      for (const role of ROLES) expect(await outcome(listAudit(actors[role])), role).toBe(['reviewerHere', 'reviewerElsewhere', 'admin'].includes(role) ? 'allow' : 'deny')
    })

    it('the catalogue administration: admins only', async () => {
      for (const role of ROLES) expect(await outcome(catalogueSummary(actors[role])), role).toBe(role === 'admin' ? 'allow' : 'deny')
    })

    it('the public open-data package and search: published disclosures only, for every role', async () => {
      for (const role of ROLES) {
        session.actor = actors[role]
        for (const s of STATUSES) {
          const res = await openDataRoute.GET(new Request(`http://t/api/open-data/disclosures/${cases.draft.dept.code}/${cases[s].disclosure.year}/datapackage.json`), {
            params: Promise.resolve({ code: cases.draft.dept.code, year: String(cases[s].disclosure.year), file: 'datapackage.json' }),
          })
          expect(res.status, `${role} open data ${s}`).toBe(s === 'published' ? 200 : 404)
          const found = (await (await searchRoute.GET(new Request(`http://t/api/search?q=${encodeURIComponent(`矩阵项目${s}${cases.draft.dept.code}`)}`))).json()) as { total: number }
          expect(found.total, `${role} search ${s}`).toBe(s === 'published' ? 1 : 0)
        }
      }
    })
  })

  describe('changes through the server actions (each role on a fresh disclosure in the status the action needs)', () => {
    const line = (deptCode: string) => ({ unitCode: `${deptCode}-447001`, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '1.00' })
    const ops: [string, DisclosureStatus, Action, (c: Awaited<ReturnType<typeof createCase>>, version: number) => Promise<{ ok: boolean; code?: string }>][] = [
      ['saveLineAction', 'draft', 'disclosure.edit', (c, version) => saveLineAction({ disclosureId: c.id, version, list: 'expenditure', values: line(c.dept.code) })],
      ['submitAction', 'returned', 'disclosure.submit', (c, version) => submitAction({ disclosureId: c.id, version, acknowledgements: [] })],
      ['commentAction', 'submitted', 'disclosure.comment', (c, version) => commentAction({ disclosureId: c.id, version, anchor: { kind: 'cell', table: 'income_summary', row: 0, col: 2 }, body: '意见' })],
      ['returnAction', 'submitted', 'disclosure.return', (c, version) => returnAction({ disclosureId: c.id, version, reason: '请修改' })],
      ['approveAction', 'submitted', 'disclosure.approve', (c, version) => approveAction({ disclosureId: c.id, version })],
      ['publishAction', 'approved', 'disclosure.publish', (c, version) => publishAction({ disclosureId: c.id, version })],
      ['correctAction', 'published', 'disclosure.correct', (c, version) => correctAction({ disclosureId: c.id, version, correctionNote: '更正说明文字' })],
    ]
    for (const [name, status, action, run] of ops)
      it(`${name} (${action} on ${status}): allowed to ${allowed(action, status).join(', ') || 'nobody'}; refused to everyone else, with nothing changed`, async () => {
        for (const role of ROLES) {
          const c = await createCase(w, status)
          // the case's own accountant plays ownAccountant for this department
          const a = role === 'ownAccountant' ? c.accountant : actors[role]
          if (status === 'approved') await db().disclosure.update({ where: { id: c.id }, data: { approvedAt: new Date() } })
          const version = await versionOf(c.id)
          const audits = await db().auditLog.count({ where: { disclosureId: c.id } })
          session.actor = a
          const r = await run(c, version)
          const expected = allowed(action, status).includes(role)
          expect(r.ok, `${role}: ${JSON.stringify(r).slice(0, 200)}`).toBe(expected)
          if (!expected) {
            expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'LOCKED'], role).toContain(r.code)
            expect(await versionOf(c.id)).toBe(version)
            expect(await statusOf(c.id)).toBe(status)
            expect(await db().auditLog.count({ where: { disclosureId: c.id } })).toBe(audits)
          }
        }
      })

    it('importCatalogue (catalogue.manage): admins get past the permission check, everyone else is refused first', async () => {
      for (const role of ROLES) {
        const e = await importCatalogue(actors[role], { year: 1999, kind: 'function', fileName: 'x.csv', content: Buffer.from('') }).catch((x: unknown) => x)
        expect(e, role).toBeInstanceOf(AppError)
        expect((e as AppError).code, role).toBe(role === 'admin' ? 'VALIDATION' : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')
      }
    })
  })
})
