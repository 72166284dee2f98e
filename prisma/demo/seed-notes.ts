import { defaultGlossary } from '../../lib/notes/glossary'
import { writeGlossary, writeNotesAndTargets } from '../../lib/notes/server/seed-notes'
import type { PrismaClient } from '../../src/generated/prisma/client'
import { chengde2023Notes, chengde2023Overall, chengde2023Targets } from './notes-chengde-2023'
import { laoting2022Notes, laoting2022Overall, laoting2022Targets } from './notes-laoting-2022'

/**
 * The demo's notes (prisma/seed.ts): 承德 2023 (published) with its notes and seven target tables,
 * the 2024 draft with the same texts (its prior-year figures come from 2023 in the system), 乐亭
 * 2022 with its notes and thirteen tables; 名词解释 for both regions in their own wording.
 */
export async function seedNotesDemo(prisma: PrismaClient, ids: { chengde2023: string; chengde2024: string; laoting2022: string; chengdeRegion: string; laotingRegion: string }): Promise<void> {
  await writeNotesAndTargets(prisma, ids.chengde2023, { notes: chengde2023Notes(), overall: chengde2023Overall(), targets: chengde2023Targets() })
  const { prior: _prior, reasons: _reasons, ...texts } = chengde2023Notes()
  await writeNotesAndTargets(prisma, ids.chengde2024, { notes: texts })
  await writeNotesAndTargets(prisma, ids.laoting2022, { notes: laoting2022Notes(), overall: laoting2022Overall(), targets: laoting2022Targets() })
  await writeGlossary(prisma, ids.chengdeRegion, defaultGlossary('市级'))
  await writeGlossary(prisma, ids.laotingRegion, defaultGlossary('本级'))
}
