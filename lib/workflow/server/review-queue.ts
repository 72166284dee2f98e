import 'server-only'
import type { FindingSummary } from '@/lib/budget/findings'
import { summarise } from '@/lib/budget/findings'
import { disclosureInclude, unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor, DisclosureStatus } from '@/lib/server/authz'
import { readableDisclosures, requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { DeadlineInfo } from '../deadline'
import { deadlineInfo } from '../deadline'
import { disclosureContent } from './disclosure-content'

export type QueueRow = {
  id: string
  department: { code: string; name: string }
  /** a unit's 单位预算; null for the department's budget */
  unit: { code: string; name: string } | null
  region: { id: string; name: string }
  year: number
  revision: number
  status: DisclosureStatus
  submittedAt: string | null
  deadline: DeadlineInfo | null
  summary: FindingSummary
  /** the summary stored at submission (submitted, approved), not recomputed: the detail page recomputes */
  summaryAsSubmitted: boolean
  openComments: number
  correctionNote: string | null
}
export type RegionOverdue = { region: { id: string; name: string }; rows: QueueRow[] }

/**
 * The validation summary of a queued disclosure. Submitted and approved disclosures cannot change, so
 * the summary stored when they were submitted is theirs (marked 提交时: a catalogue re-imported since
 * could change it, and the review page recomputes); a returned one may have been edited since, and one
 * submitted before summaries were stored has none: those are computed from their lines.
 */
async function queueSummary(d: { id: string; status: DisclosureStatus; snapshots: { findingSummary: unknown }[] }): Promise<{ summary: FindingSummary; summaryAsSubmitted: boolean }> {
  const stored = d.status !== 'returned' ? parseSummary(d.snapshots[0]?.findingSummary) : null
  if (stored) return { summary: stored, summaryAsSubmitted: true }
  const full = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: disclosureInclude })
  return { summary: summarise((await disclosureContent(full)).findings), summaryAsSubmitted: false }
}

function parseSummary(v: unknown): FindingSummary | null {
  if (!v || typeof v !== 'object') return null
  const o = v as Record<string, unknown>
  const n = (k: string) => (typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : null)
  const error = n('error')
  const warning = n('warning')
  const rounding = n('rounding')
  return error === null || warning === null || rounding === null ? null : { error, warning, rounding }
}

const ORDER: Record<DisclosureStatus, number> = { submitted: 0, approved: 1, returned: 2, draft: 3, published: 4 }

/**
 * The reviewer's queue: everything under way in their region (an admin: everywhere) — submitted, approved
 * and not yet published, returned — with the validation summary and the publication deadline; and the
 * approved disclosures past their deadline, per region.
 */
export async function reviewQueue(actor: Actor, now = new Date()): Promise<{ queue: QueueRow[]; overdue: RegionOverdue[] }> {
  requirePermission(actor, 'review.queue')
  // the rows without their lines: a region has hundreds of departments, each with thousands of lines
  const list = await db().disclosure.findMany({
    where: { AND: [readableDisclosures(actor), { status: { in: ['submitted', 'approved', 'returned'] } }] },
    include: {
      department: { include: { region: true, units: { select: { code: true, name: true } } } },
      snapshots: { orderBy: { createdAt: 'desc' }, take: 1, select: { findingSummary: true } },
      _count: { select: { comments: { where: { resolvedAt: null } } } },
    },
    orderBy: [{ submittedAt: 'asc' }, { year: 'desc' }],
  })
  const queue: QueueRow[] = []
  for (const d of list) {
    queue.push({
      id: d.id,
      department: { code: d.department.code, name: d.department.name },
      unit: unitOf(d),
      region: { id: d.department.region.id, name: d.department.region.name },
      year: d.year,
      revision: d.revision,
      status: d.status,
      submittedAt: d.submittedAt?.toISOString() ?? null,
      deadline: deadlineInfo(d, now),
      ...(await queueSummary(d)),
      openComments: d._count.comments,
      correctionNote: d.correctionNote,
    })
  }
  queue.sort((a, b) => ORDER[a.status] - ORDER[b.status] || (a.deadline?.deadline ?? '').localeCompare(b.deadline?.deadline ?? '') || (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
  const overdue = new Map<string, RegionOverdue>()
  for (const r of queue) {
    if (r.deadline?.state !== 'overdue') continue
    const g = overdue.get(r.region.id) ?? { region: r.region, rows: [] }
    g.rows.push(r)
    overdue.set(r.region.id, g)
  }
  return { queue, overdue: [...overdue.values()].sort((a, b) => a.region.name.localeCompare(b.region.name, 'zh-CN')) }
}
