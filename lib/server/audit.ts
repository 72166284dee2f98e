import type { Prisma } from '@/src/generated/prisma/client'
import type { Actor } from './authz'
import type { Tx } from './db'

/** One audit row per mutation, written in the mutation's own transaction. */
export async function audit(tx: Tx, actor: Actor, entry: { disclosureId?: string | null; action: string; entity: string; entityId?: string | null; before?: unknown; after?: unknown }): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor?.id ?? null,
      disclosureId: entry.disclosureId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  })
}
