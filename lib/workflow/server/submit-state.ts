import 'server-only'
import { unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { Finding, FindingSummary } from '@/lib/budget/findings'
import { summarise } from '@/lib/budget/findings'
import type { FixtureTable } from '@/lib/budget/table'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import type { Actor, DisclosureStatus } from '@/lib/server/authz'
import { can, readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { DeadlineInfo } from '../deadline'
import { deadlineInfo } from '../deadline'
import { gate } from '../gate'
import type { NotesSection } from '../notes'
import { notesSections } from '../notes'
import type { CommentView } from './comments-view'
import { commentsOf } from './comments-view'
import { disclosureContent } from './disclosure-content'

export type RevisionView = { id: string; revision: number; status: DisclosureStatus; publishedAt: string | null; correctionNote: string | null }

export type SubmitState = {
  id: string
  year: number
  revision: number
  status: DisclosureStatus
  version: number
  correctionNote: string | null
  department: { code: string; name: string; region: string }
  /** a unit's 单位预算; null for the department's budget */
  unit: { code: string; name: string } | null
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

/** The accountant's 提交与审核意见 page: the gate, the reviewer's comments, the deadline, the revisions. */
export async function getSubmitState(actor: Actor, disclosureId: string, now = new Date()): Promise<SubmitState> {
  const d = await findDisclosureById(actor, disclosureId)
  const scope = scopeOf(d)
  const content = await disclosureContent(d)
  const { tables, findings } = content
  const notes = notesSections(content.notes)
  const acks = await db().warningAcknowledgement.findMany({ where: { disclosureId: d.id } })
  const g = gate(findings, Object.fromEntries(acks.map((a) => [a.findingKey, a.explanation])))
  const revisions = await db().disclosure.findMany({
    where: { AND: [readableDisclosures(actor), { departmentId: d.departmentId, unitCode: d.unitCode, year: d.year }] },
    orderBy: { revision: 'asc' },
    select: { id: true, revision: true, status: true, publishedAt: true, correctionNote: true },
  })
  const latest = revisions.at(-1)?.revision ?? d.revision
  return {
    id: d.id,
    year: d.year,
    revision: d.revision,
    status: d.status,
    version: d.version,
    correctionNote: d.correctionNote,
    department: { code: d.department.code, name: d.department.name, region: d.department.region.name },
    unit: unitOf(d),
    errors: g.errors,
    warnings: g.warnings.map(({ key, finding, explanation }) => ({ key, finding, explanation })),
    summary: summarise(findings),
    tables,
    notes,
    comments: await commentsOf(db(), d.id, tables, notes),
    deadline: deadlineInfo(d, now),
    submittedAt: d.submittedAt?.toISOString() ?? null,
    revisions: revisions.map((r) => ({ ...r, publishedAt: r.publishedAt?.toISOString() ?? null })),
    can: { submit: can(actor, 'disclosure.submit', scope), correct: can(actor, 'disclosure.correct', scope) && latest === d.revision },
  }
}
