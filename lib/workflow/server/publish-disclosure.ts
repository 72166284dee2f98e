import 'server-only'
import { forgetPublishedAnswers } from '@/lib/portal/server/anonymous-published'
import { freezeRevision } from '@/lib/portal/server/freeze-revision'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { indexPublished } from '@/lib/portal/server/publication-index'
import { chinaDate, deadlineInfo } from '../deadline'
import type { TPublish } from '../schemas'
import { moveStatus, openForAction } from './open'

export type Published = { version: number; code: string; year: number; revision: number; codes: string[] }

/**
 * 公开. From here on the revision is immutable: the permission table allows no change to a published
 * disclosure, and a correction creates the next revision. Earlier published revisions stay published.
 * In the same transaction the revision is frozen (docs/decisions/015): its tables, page, documents,
 * exports and open-data files are built once with today's catalogue, glossary and template and stored
 * with it; if they cannot be built, nothing is published.
 * `codes`: every code whose public addresses may now show it (the department's and its units'), for the
 * caller to revalidate.
 */
export async function publishDisclosure(actor: Actor, input: TPublish, now = new Date()): Promise<Published> {
  const r = await publishInTransaction(actor, input, now)
  // anonymous readers of the tables API see the new revision from the next request on (in this process)
  forgetPublishedAnswers()
  // the portal's read model (lists, region counts, search), after the commit.
  // If it fails the publication stands and indexMissingPublications() (run at start-up) repairs it.
  await indexPublished(input.disclosureId).catch((e: unknown) => console.error('公开目录索引失败，将在下次启动时补建：', e))
  return r
}

function publishInTransaction(actor: Actor, input: TPublish, now: Date): Promise<Published> {
  return db().$transaction(
    async (tx) => {
      const d = await openForAction(tx, actor, input, 'disclosure.publish')
      const moved = await moveStatus(tx, d, input.version, 'publish', { publishedAt: now })
      await freezeRevision(tx, d.id)
      const info = deadlineInfo({ approvedAt: d.approvedAt, publishedAt: now }, now)
      await audit(tx, actor, {
        disclosureId: d.id,
        action: 'publish',
        entity: 'disclosure',
        entityId: d.id,
        before: { status: moved.from, version: input.version },
        after: { status: moved.to, version: moved.version, publishedOn: chinaDate(now), revision: d.revision, deadline: info?.deadline ?? null, late: info?.state === 'published_late' ? info.days : 0 },
      })
      const units = await tx.unit.findMany({ where: { departmentId: d.departmentId }, select: { code: true } })
      return { version: moved.version, code: d.department.code, year: d.year, revision: d.revision, codes: [d.department.code, ...units.map((u) => u.code)] }
    },
    { timeout: 120_000, maxWait: 20_000 },
  )
}
