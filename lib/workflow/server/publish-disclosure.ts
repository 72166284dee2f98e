import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { indexPublished } from '@/lib/portal/server/publication-index'
import { chinaDate, deadlineInfo } from '../deadline'
import type { TPublish } from '../schemas'
import { moveStatus, openForAction } from './open'

/**
 * 公开. From here on the revision is immutable: the permission table allows no change to a published
 * disclosure, and a correction creates the next revision. Earlier published revisions stay published.
 */
export async function publishDisclosure(actor: Actor, input: TPublish, now = new Date()): Promise<{ version: number; code: string; year: number; revision: number }> {
  const r = await publishInTransaction(actor, input, now)
  // the portal's read model (lists, region counts, search), after the commit: it builds the document once.
  // If it fails the publication stands and indexMissingPublications() (run at start-up) repairs it.
  await indexPublished(input.disclosureId).catch((e: unknown) => console.error('公开目录索引失败，将在下次启动时补建：', e))
  return r
}

function publishInTransaction(actor: Actor, input: TPublish, now: Date): Promise<{ version: number; code: string; year: number; revision: number }> {
  return db().$transaction(async (tx) => {
    const d = await openForAction(tx, actor, input, 'disclosure.publish')
    const moved = await moveStatus(tx, d, input.version, 'publish', { publishedAt: now })
    const info = deadlineInfo({ approvedAt: d.approvedAt, publishedAt: now }, now)
    await audit(tx, actor, {
      disclosureId: d.id,
      action: 'publish',
      entity: 'disclosure',
      entityId: d.id,
      before: { status: moved.from, version: input.version },
      after: { status: moved.to, version: moved.version, publishedOn: chinaDate(now), revision: d.revision, deadline: info?.deadline ?? null, late: info?.state === 'published_late' ? info.days : 0 },
    })
    return { version: moved.version, code: d.department.code, year: d.year, revision: d.revision }
  })
}
