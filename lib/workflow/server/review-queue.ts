import 'server-only'
import type { FindingSummary } from '@/lib/budget/findings'
import { summarise } from '@/lib/budget/findings'
import { disclosureInclude, unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor, DisclosureStatus } from '@/lib/server/authz'
import { readableDisclosures, requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import type { DeadlineInfo } from '../deadline'
import { addDays, chinaDate, chinaMidnight, deadlineInfo, PUBLICATION_DEADLINE_DAYS } from '../deadline'
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
export type QueueStatus = 'submitted' | 'approved' | 'returned'
export type ReviewQueue = { queue: QueueRow[]; overdue: RegionOverdue[]; counts: Record<QueueStatus, number>; total: number; page: number; pages: number; pageSize: number }

export const QUEUE_PAGE_SIZE = 50
const STATUSES: QueueStatus[] = ['submitted', 'approved', 'returned']
const MAX_OVERDUE = 500

/** Only the columns a queue row shows (never the lines, the notes or the declared tables). */
const ROW = {
  id: true,
  year: true,
  revision: true,
  status: true,
  unitCode: true,
  submittedAt: true,
  approvedAt: true,
  publishedAt: true,
  correctionNote: true,
  version: true,
  department: { select: { code: true, name: true, region: { select: { id: true, name: true } }, units: { select: { code: true, name: true } } } },
  snapshots: { orderBy: { createdAt: 'desc' }, take: 1, select: { findingSummary: true } },
  _count: { select: { comments: { where: { resolvedAt: null } } } },
} satisfies Prisma.DisclosureSelect
type Listed = Prisma.DisclosureGetPayload<{ select: typeof ROW }>

function parseSummary(v: unknown): FindingSummary | null {
  if (!v || typeof v !== 'object') return null
  const o = v as Record<string, unknown>
  const n = (k: string) => (typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0 ? (o[k] as number) : null)
  const error = n('error')
  const warning = n('warning')
  const rounding = n('rounding')
  return error === null || warning === null || rounding === null ? null : { error, warning, rounding }
}

/**
 * The validation summaries of a page of rows. Submitted and approved disclosures cannot change, so the
 * summary stored when they were submitted is theirs (marked 提交时: a catalogue re-imported since could
 * change it, and the review page recomputes). A returned one may have been edited since: its summary is
 * stored in QueueSummary for the version it was computed at and recomputed once when the version moved
 * on (an edit or the return itself) — never for more than the rows of one page.
 */
async function summaries(rows: Listed[]): Promise<Map<string, { summary: FindingSummary; summaryAsSubmitted: boolean }>> {
  const out = new Map<string, { summary: FindingSummary; summaryAsSubmitted: boolean }>()
  const rest: Listed[] = []
  for (const d of rows) {
    const stored = d.status !== 'returned' ? parseSummary(d.snapshots[0]?.findingSummary) : null
    if (stored) out.set(d.id, { summary: stored, summaryAsSubmitted: true })
    else rest.push(d)
  }
  if (rest.length === 0) return out
  const kept = new Map((await db().queueSummary.findMany({ where: { disclosureId: { in: rest.map((d) => d.id) } } })).map((s) => [s.disclosureId, s]))
  for (const d of rest) {
    const k = kept.get(d.id)
    const current = k && k.version === d.version ? parseSummary(k.summary) : null
    if (current) {
      out.set(d.id, { summary: current, summaryAsSubmitted: false })
      continue
    }
    const full = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: disclosureInclude })
    const summary = summarise((await disclosureContent(full)).findings)
    await db().queueSummary.upsert({ where: { disclosureId: d.id }, create: { disclosureId: d.id, version: d.version, summary }, update: { version: d.version, summary } })
    out.set(d.id, { summary, summaryAsSubmitted: false })
  }
  return out
}

async function toRows(list: Listed[], now: Date): Promise<QueueRow[]> {
  const sums = await summaries(list)
  return list.map((d) => ({
    id: d.id,
    department: { code: d.department.code, name: d.department.name },
    unit: unitOf(d),
    region: d.department.region,
    year: d.year,
    revision: d.revision,
    status: d.status,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    deadline: deadlineInfo(d, now),
    ...sums.get(d.id)!,
    openComments: d._count.comments,
    correctionNote: d.correctionNote,
  }))
}

const orderOf = (s: QueueStatus): Prisma.DisclosureOrderByWithRelationInput[] =>
  s === 'approved' ? [{ approvedAt: 'asc' }, { submittedAt: 'asc' }, { id: 'asc' }] : [{ submittedAt: 'asc' }, { year: 'desc' }, { id: 'asc' }]

/**
 * The reviewer's queue: everything under way in their region (an admin: everywhere) — submitted first,
 * then approved and not yet published (earliest deadline first), then returned — one page at a time, with
 * the validation summary and the publication deadline; and the approved disclosures past their deadline,
 * per region. Each page reads its own rows only (counts by status, then at most `pageSize` rows).
 */
export async function reviewQueue(actor: Actor, now = new Date(), opts: { page?: number; pageSize?: number } = {}): Promise<ReviewQueue> {
  requirePermission(actor, 'review.queue')
  const scope = readableDisclosures(actor)
  const pageSize = Math.min(Math.max(opts.pageSize ?? QUEUE_PAGE_SIZE, 1), 500)
  const grouped = await db().disclosure.groupBy({ by: ['status'], where: { AND: [scope, { status: { in: STATUSES } }] }, _count: { _all: true } })
  const counts = Object.fromEntries(STATUSES.map((s) => [s, grouped.find((g) => g.status === s)?._count._all ?? 0])) as Record<QueueStatus, number>
  const total = STATUSES.reduce((a, s) => a + counts[s], 0)
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages)
  let skip = (page - 1) * pageSize
  let take = pageSize
  const listed: Listed[] = []
  for (const s of STATUSES) {
    if (take <= 0) break
    if (skip >= counts[s]) {
      skip -= counts[s]
      continue
    }
    const part = await db().disclosure.findMany({ where: { AND: [scope, { status: s }] }, orderBy: orderOf(s), skip, take, select: ROW })
    listed.push(...part)
    take -= part.length
    skip = 0
  }
  const queue = await toRows(listed, now)
  // overdue: approved on a day more than 20 days ago (China dates), not yet published
  const cutoff = chinaMidnight(addDays(chinaDate(now), -PUBLICATION_DEADLINE_DAYS))
  const late = await db().disclosure.findMany({ where: { AND: [scope, { status: 'approved', approvedAt: { lt: cutoff } }] }, orderBy: orderOf('approved'), take: MAX_OVERDUE, select: ROW })
  const overdue = new Map<string, RegionOverdue>()
  for (const r of await toRows(late, now)) {
    if (r.deadline?.state !== 'overdue') continue
    const g = overdue.get(r.region.id) ?? { region: r.region, rows: [] }
    g.rows.push(r)
    overdue.set(r.region.id, g)
  }
  return { queue, overdue: [...overdue.values()].sort((a, b) => a.region.name.localeCompare(b.region.name, 'zh-CN')), counts, total, page, pages, pageSize }
}
