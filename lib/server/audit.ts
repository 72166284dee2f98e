import 'server-only'
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
      before: plain(entry.before),
      after: plain(entry.after),
    },
  })
}

/** Rows as JSON: Decimal amounts become exact strings ("1234.56") through their toJSON, never floats. */
function plain(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue
}
