/**
 * What the submission, review and findings views show, as plain serialisable data: the types client
 * components import. Pure (no server code); lib/workflow/server/* builds these values.
 */
import type { CellLines } from '@/lib/budget/cell-lines'
import type { Finding, FindingSummary } from '@/lib/budget/findings'
import type { FixtureTable } from '@/lib/budget/table'
import type { DisclosureStatus } from '@/lib/domain/status'
import type { DeadlineInfo } from './deadline'
import type { TableDiff } from './diff'
import type { NotesSection, SectionDiff } from './notes'
import type { TAnchor } from './schemas'

export type LocatedFinding = Finding & { lines?: CellLines }

export type DisclosureFindings = { findings: LocatedFinding[]; summary: FindingSummary }

export type CommentView = {
  id: string
  anchor: TAnchor
  where: string
  body: string
  author: string
  authorId: string
  createdAt: string
  /** the submission (version) the comment was made on */
  version: number
  /** set when the accountant resubmitted after it */
  resolvedAt: string | null
}

export type WarningView = { key: string; finding: Finding; explanation: string | null; by: string | null; at: string | null }

export type Comparison = { label: string; tables: TableDiff[]; notes: SectionDiff[] }

export type TimelineEntry = { action: string; at: string; actor: string; detail: string | null }

/** Which budget, which revision, in what state: the head of the review and the submission pages. */
export type DisclosureHead = {
  id: string
  year: number
  revision: number
  status: DisclosureStatus
  version: number
  correctionNote: string | null
  department: { code: string; name: string; region: string }
  /** a unit's 单位预算; null for the department's budget */
  unit: { code: string; name: string } | null
}

export type ReviewState = DisclosureHead & {
  submittedAt: string | null
  deadline: DeadlineInfo | null
  today: string
  tables: FixtureTable[]
  notes: NotesSection[]
  findings: Finding[]
  summary: FindingSummary
  warnings: WarningView[]
  comments: CommentView[]
  previous: Comparison | null
  lastYear: Comparison | null
  timeline: TimelineEntry[]
  can: { comment: boolean; return: boolean; approve: boolean; publish: boolean }
  viewerId: string
}

export type RevisionView = { id: string; revision: number; status: DisclosureStatus; publishedAt: string | null; correctionNote: string | null }

export type SubmitState = DisclosureHead & {
  errors: Finding[]
  warnings: { key: string; finding: Finding; explanation: string | null }[]
  summary: FindingSummary
  tables: FixtureTable[]
  notes: NotesSection[]
  comments: CommentView[]
  deadline: DeadlineInfo | null
  submittedAt: string | null
  revisions: RevisionView[]
  can: { submit: boolean; correct: boolean }
}
