import 'server-only'
import { unitOf } from '@/lib/disclosure/server/to-budget-data'
import { summarise } from '@/lib/budget/findings'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import type { Actor } from '@/lib/server/authz'
import { can, readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { deadlineInfo } from '../deadline'
import { gate } from '../gate'
import { notesSections } from '../notes'
import { commentsOf } from './comments-view'
import { disclosureContent } from './disclosure-content'
import type { SubmitState } from '../view'
export type { RevisionView, SubmitState } from '../view'

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
