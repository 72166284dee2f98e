import 'server-only'
import { summarise } from '@/lib/budget/findings'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import { disclosureInclude, unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor } from '@/lib/server/authz'
import { can, readableDisclosures, requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import { chinaDate, deadlineInfo } from '../deadline'
import { diffTables } from '../diff'
import { gate } from '../gate'
import { diffNotes, notesSections } from '../notes'
import { commentsOf } from './comments-view'
import { disclosureContent } from './disclosure-content'
import { fixtureTablesColumn } from '@/lib/budget/table'
import type { Comparison, ReviewState } from '../view'
export type { WarningView, Comparison, TimelineEntry, ReviewState } from '../view'

export const TIMELINE_LABELS: Record<string, string> = { submit: '提交审核', return: '退回修改', approve: '审核通过', publish: '公开', correct: '创建更正版本' }

/** Everything the reviewer's disclosure view shows, as plain data. */
export async function getReviewState(actor: Actor, disclosureId: string, now = new Date()): Promise<ReviewState> {
  requirePermission(actor, 'review.queue')
  const d = await findDisclosureById(actor, disclosureId)
  const scope = scopeOf(d)
  requirePermission(actor, 'review.queue', scope)
  const content = await disclosureContent(d)
  const { tables, findings } = content
  const notes = notesSections(content.notes)
  const [acks, snapshots] = await Promise.all([
    db().warningAcknowledgement.findMany({ where: { disclosureId: d.id }, include: { user: { select: { name: true } } } }),
    db().submissionSnapshot.findMany({ where: { disclosureId: d.id }, orderBy: { createdAt: 'desc' }, take: 2 }),
  ])
  const g = gate(findings, Object.fromEntries(acks.map((a) => [a.findingKey, a.explanation])))
  const warnings = g.warnings.map((w) => {
    const a = acks.find((x) => x.findingKey === w.key)
    return { ...w, by: a?.user.name ?? null, at: a?.createdAt.toISOString() ?? null }
  })

  // the current submission is the newest snapshot while the disclosure is locked; compare with the one before
  const locked = d.status !== 'draft' && d.status !== 'returned'
  const prev = locked ? snapshots[1] : snapshots[0]
  const previous: Comparison | null = prev
    ? { label: `与上次提交（${chinaDate(prev.createdAt)}）比较`, tables: diffTables(fixtureTablesColumn.read(prev.tables), tables), notes: diffNotes(prev.notes, content.notes) }
    : null

  let lastYear: Comparison | null = null
  // last year's budget of the same department (or the same unit): the latest published revision, else the latest one the actor may read
  const lastYearOf = (extra: Prisma.DisclosureWhereInput) =>
    db().disclosure.findFirst({ where: { AND: [readableDisclosures(actor), { departmentId: d.departmentId, unitCode: d.unitCode, year: d.year - 1 }, extra] }, orderBy: { revision: 'desc' }, include: disclosureInclude })
  const ly = (await lastYearOf({ status: 'published' })) ?? (await lastYearOf({}))
  if (ly) {
    const last = await disclosureContent(ly)
    lastYear = { label: `与 ${ly.year} 年（第 ${ly.revision} 版，${ly.status === 'published' ? '已公开' : '未公开'}）比较`, tables: diffTables(last.tables, tables), notes: diffNotes(last.notes, content.notes) }
  }

  const log = can(actor, 'audit.read', scope)
    ? await db().auditLog.findMany({ where: { disclosureId: d.id, entity: 'disclosure' }, include: { actor: { select: { name: true } } }, orderBy: { at: 'asc' } })
    : []
  const timeline = log.map((r) => {
    const after = (r.after ?? {}) as Record<string, unknown>
    const detail = typeof after.reason === 'string' ? after.reason : typeof after.approvedOn === 'string' ? `批复日期 ${after.approvedOn}` : typeof after.correctionNote === 'string' ? after.correctionNote : null
    return { action: TIMELINE_LABELS[r.action] ?? r.action, at: r.at.toISOString(), actor: r.actor?.name ?? '系统', detail }
  })

  return {
    id: d.id,
    year: d.year,
    revision: d.revision,
    status: d.status,
    version: d.version,
    correctionNote: d.correctionNote,
    department: { code: d.department.code, name: d.department.name, region: d.department.region.name },
    unit: unitOf(d),
    submittedAt: d.submittedAt?.toISOString() ?? null,
    deadline: deadlineInfo(d, now),
    today: chinaDate(now),
    tables,
    notes,
    findings,
    summary: summarise(findings),
    warnings,
    comments: await commentsOf(db(), d.id, tables, notes),
    previous,
    lastYear,
    timeline,
    can: {
      comment: can(actor, 'disclosure.comment', scope),
      return: can(actor, 'disclosure.return', scope),
      approve: can(actor, 'disclosure.approve', scope),
      publish: can(actor, 'disclosure.publish', scope),
    },
    viewerId: actor!.id,
  }
}
