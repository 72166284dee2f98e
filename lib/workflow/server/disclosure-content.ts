import 'server-only'
import type { Finding } from '@/lib/budget/findings'
import type { FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { presentFindings } from '@/lib/budget/present'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { generateNotes } from '@/lib/notes/generate'
import { applyNotesLayout } from '@/lib/notes/layout'
import { notesForLevel } from '@/lib/notes/level'
import { overallTableFindings } from '@/lib/performance/overall-budget'
import { loadNotesContext } from '@/lib/notes/server/load-notes-context'
import type { NotesSection as RenderedSection } from '@/lib/notes/types'
import { flagMessage } from '@/lib/disclosure/year-review'
import { yearFlagsOf } from '@/lib/disclosure/server/year-review'

/** A copy of an earlier year: each text still naming that year is a warning until changed or marked 已核对. */
async function yearReviewFindings(d: DisclosureFull): Promise<Finding[]> {
  if (!d.copiedFromYear) return []
  return (await yearFlagsOf(d)).map((f) => ({ rule: 'copy.old_year', severity: 'warning' as const, message: flagMessage(f, d.copiedFromYear!, d.year) }))
}

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
  // the notes as the template lays them out (Henan: 部门概况 / 情况说明 一–九 / 名词解释), as the document
  // prints them: the reviewer reads and comments on what will be published, and the gate asks only
  // for what that layout says (docs/decisions/009)
  const notes = notesForLevel(applyNotesLayout(generateNotes(ctx), computed.template.notes, ctx), ctx.level)
  // the template's 整体绩效目标表 (Henan 预算11表) is part of what is published: its findings count too
  const overall = overallTableFindings({ ...ctx, amountUnit: computed.template.amountUnit }, notes.findings)
  // findings point at the cells as printed (a 三公 table printed across, docs/decisions/010)
  return {
    tables: computed.tables.map(toFixtureTable),
    findings: [...presentFindings(computed.findings, computed.tables), ...notes.findings, ...overall, ...(await yearReviewFindings(d))],
    notes: { sections: notes.sections },
  }
}
