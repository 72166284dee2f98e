import type { Finding } from '@/lib/budget/findings'
import type { FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { presentFindings } from '@/lib/budget/present'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { generateNotes } from '@/lib/notes/generate'
import { loadNotesContext } from '@/lib/notes/server/load-notes-context'
import type { NotesSection as RenderedSection } from '@/lib/notes/types'

export type DisclosureContent = {
  /** every printed table (the nine, then 政府采购 and 固定资产), fixture format */
  tables: FixtureTable[]
  /** the kernel's findings on lines and tables, then the notes' and performance targets' findings */
  findings: Finding[]
  /** the notes as rendered by lib/notes: a paragraph is a block of a section */
  notes: { sections: RenderedSection[] }
}

/**
 * What is submitted, reviewed and compared: the tables, the rendered notes and all findings. The gate
 * looks at every finding, so a warning about the notes (a change without a reason, a missing target
 * table) must be fixed or explained like one about the tables.
 */
export async function disclosureContent(d: DisclosureFull): Promise<DisclosureContent> {
  const { ctx, computed } = await loadNotesContext(d)
  const generated = generateNotes(ctx)
  // findings point at the cells as printed (a 三公 table printed across, docs/decisions/010)
  return { tables: computed.tables.map(toFixtureTable), findings: [...presentFindings(computed.findings, computed.tables), ...generated.findings], notes: { sections: generated.sections } }
}
