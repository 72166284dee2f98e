import 'server-only'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import type { Tx } from '@/lib/server/db'
import { buildRevisionFiles } from './revision-files'
import { revisionStore } from './revision-store'

/**
 * Freezes a revision being published, inside the publishing transaction (after its status is moved):
 * builds every file it prints from its data and today's catalogue, glossary and template, and stores
 * them with it (docs/decisions/015-snapshot-published-revisions.md).
 */
export async function freezeRevision(tx: Tx, disclosureId: string): Promise<void> {
  const d = await tx.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, include: disclosureInclude })
  await revisionStore().putAll(disclosureId, await buildRevisionFiles(d), tx)
}
