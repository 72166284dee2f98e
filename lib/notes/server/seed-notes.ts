import 'server-only'
import type { Prisma, PrismaClient } from '@/src/generated/prisma/client'
import type { GlossaryItem } from '../glossary'
import type { TNotesInput } from '../schemas'
import { ZNotes } from '../schemas'
import type { TOverallTargetInput, TProjectTargetInput } from '@/lib/performance/schemas'
import { ZOverallTarget, ZProjectTarget } from '@/lib/performance/schemas'
import { overallTargetData, projectTargetData } from '@/lib/performance/server/rows'
import { notesColumn } from '../schemas'

type Db = PrismaClient | Prisma.TransactionClient

/** Writes a disclosure's notes and performance targets as given (demo seed and tests; no version bump, no audit). */
export async function writeNotesAndTargets(prisma: Db, disclosureId: string, input: { notes: TNotesInput; overall?: TOverallTargetInput | null; targets?: TProjectTargetInput[] }): Promise<void> {
  await prisma.disclosure.update({ where: { id: disclosureId }, data: { notes: notesColumn.write(ZNotes.parse(input.notes)) } })
  await prisma.performanceTarget.deleteMany({ where: { disclosureId } })
  if (input.overall) await prisma.performanceTarget.create({ data: { ...overallTargetData(ZOverallTarget.parse(input.overall)), disclosureId, position: -1 } })
  for (const [position, t] of (input.targets ?? []).entries()) {
    await prisma.performanceTarget.create({ data: { ...projectTargetData(ZProjectTarget.parse(t)), disclosureId, position } })
  }
}

/** A region's 名词解释, replacing what it had. */
export async function writeGlossary(prisma: Db, regionId: string, items: GlossaryItem[]): Promise<void> {
  await prisma.glossaryEntry.deleteMany({ where: { regionId } })
  await prisma.glossaryEntry.createMany({ data: items.map((it, position) => ({ regionId, term: it.term, definition: it.definition, position })) })
}
