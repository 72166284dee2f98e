import { describe, expect, it } from 'vitest'
import type { Actor, DisclosureScope, Role } from '@/lib/server/authz'
import { ACTIONS, can } from '@/lib/server/authz'
import { isContentEditable, permissionFor, STATUSES, transition, WORKFLOW_ACTIONS } from '@/lib/workflow/transitions'

const scope = (status: DisclosureScope['status']): DisclosureScope => ({ departmentId: 'dep', regionId: 'reg', status })
const insider = (role: Role): NonNullable<Actor> => ({ id: role, role, name: role, departmentId: role === 'accountant' ? 'dep' : null, regionId: role === 'reviewer' ? 'reg' : null })

describe('the workflow transition table', () => {
  it('is exactly the documented graph: 草稿 → 已提交 → 退回 / 已审核 → 已公开, and 更正 of a published revision', () => {
    const table = Object.fromEntries(STATUSES.map((s) => [s, Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a, transition(s, a)]))]))
    expect(table).toEqual({
      draft: { submit: { to: 'submitted', by: 'accountant' }, return: null, approve: null, publish: null, correct: null },
      submitted: { submit: null, return: { to: 'returned', by: 'reviewer' }, approve: { to: 'approved', by: 'reviewer' }, publish: null, correct: null },
      returned: { submit: { to: 'submitted', by: 'accountant' }, return: null, approve: null, publish: null, correct: null },
      approved: { submit: null, return: null, approve: null, publish: { to: 'published', by: 'reviewer' }, correct: null },
      published: { submit: null, return: null, approve: null, publish: null, correct: { to: 'draft', by: 'accountant', newRevision: true } },
    })
  })

  it('published is terminal: no step changes a published revision in place', () => {
    for (const a of WORKFLOW_ACTIONS) {
      const t = transition('published', a)
      if (t) expect(t.newRevision).toBe(true)
    }
  })

  it('agrees with the permission table: a step exists from a status exactly when its role (in scope) is allowed it there, and no other role is', () => {
    for (const status of STATUSES) {
      for (const a of WORKFLOW_ACTIONS) {
        const t = transition(status, a)
        for (const role of ['accountant', 'reviewer', 'admin'] as const) {
          expect(can(insider(role), permissionFor(a), scope(status)), `${role} ${a} from ${status}`).toBe(t?.by === role)
        }
        expect(can(null, permissionFor(a), scope(status))).toBe(false)
      }
    }
  })

  it('content is editable exactly in 草稿 and 退回, which is where the permission table allows edits and imports', () => {
    for (const status of STATUSES) {
      expect(isContentEditable(status)).toBe(status === 'draft' || status === 'returned')
      expect(can(insider('accountant'), 'disclosure.edit', scope(status))).toBe(isContentEditable(status))
      expect(can(insider('accountant'), 'disclosure.import', scope(status))).toBe(isContentEditable(status))
    }
  })

  it('a published disclosure allows nothing but reading and 更正, to any role', () => {
    const actors: Actor[] = [null, insider('accountant'), insider('reviewer'), insider('admin')]
    for (const actor of actors)
      for (const action of ACTIONS) {
        if (action === 'disclosure.read' || action === 'disclosure.correct' || action === 'disclosure.create') continue
        if (['review.queue', 'document.inspect', 'audit.read', 'catalogue.manage', 'template.manage', 'glossary.manage', 'user.manage', 'account.password'].includes(action)) continue
        expect(can(actor, action, scope('published')), `${actor?.role ?? 'anonymous'} ${action}`).toBe(false)
      }
  })

  it('every workflow step maps to a permission in ACTIONS', () => {
    for (const a of WORKFLOW_ACTIONS) expect(ACTIONS).toContain(permissionFor(a))
  })
})
