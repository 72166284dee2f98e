import type { Action, DisclosureStatus, Role } from '@/lib/server/authz'

/**
 * The approval workflow as data: status × action → status, and who may take each step.
 * 草稿 draft → 已提交 submitted → 已退回 returned (back to the accountant) or 已审核 approved → 已公开 published.
 * A published revision never changes again; `correct` leaves it as it is and opens revision + 1 as a draft.
 * Who may act *on which disclosure* (department, region) is decided by lib/server/authz.ts; this table says
 * which step exists from which status and which role takes it, and the two are tested against each other.
 */
export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve', 'publish', 'correct'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const satisfies readonly DisclosureStatus[]

export type Transition = {
  /** status of the disclosure acted on after the step; for `correct`, the status of the new revision */
  to: DisclosureStatus
  by: Role
  /** true when the step creates revision + 1 instead of changing this one */
  newRevision?: true
}

export function transition(from: DisclosureStatus, action: WorkflowAction): Transition | null {
  switch (action) {
    case 'submit':
      return from === 'draft' || from === 'returned' ? { to: 'submitted', by: 'accountant' } : null
    case 'return':
      return from === 'submitted' ? { to: 'returned', by: 'reviewer' } : null
    case 'approve':
      return from === 'submitted' ? { to: 'approved', by: 'reviewer' } : null
    case 'publish':
      return from === 'approved' ? { to: 'published', by: 'reviewer' } : null
    case 'correct':
      return from === 'published' ? { to: 'draft', by: 'accountant', newRevision: true } : null
    default: {
      const never: never = action
      throw new Error(`unknown workflow action ${String(never)}`)
    }
  }
}

/** The permission (lib/server/authz.ts ACTIONS) that guards each step. */
export function permissionFor(action: WorkflowAction): Action {
  switch (action) {
    case 'submit':
      return 'disclosure.submit'
    case 'return':
      return 'disclosure.return'
    case 'approve':
      return 'disclosure.approve'
    case 'publish':
      return 'disclosure.publish'
    case 'correct':
      return 'disclosure.correct'
    default: {
      const never: never = action
      throw new Error(`unknown workflow action ${String(never)}`)
    }
  }
}

/** Statuses in which the content (lines, notes, tables) may change at all. */
export function isContentEditable(status: DisclosureStatus): boolean {
  switch (status) {
    case 'draft':
    case 'returned':
      return true
    case 'submitted':
    case 'approved':
    case 'published':
      return false
    default: {
      const never: never = status
      throw new Error(`unknown status ${String(never)}`)
    }
  }
}

export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交审核',
  return: '退回修改',
  approve: '审核通过',
  publish: '公开',
  correct: '更正',
}
