import 'server-only'
import { linesOfCell } from '@/lib/budget/cell-lines'
import { summarise } from '@/lib/budget/findings'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { toBudgetData } from '@/lib/disclosure/server/to-budget-data'
import type { Actor } from '@/lib/server/authz'
import { disclosureContent } from './disclosure-content'
import type { LocatedFinding, DisclosureFindings } from '../view'
export type { LocatedFinding, DisclosureFindings } from '../view'

/**
 * Every finding of a disclosure — lines, tables, notes, performance targets — counted once, the same
 * set the submit gate and the review read (disclosureContent), so the editor and the submit page show
 * one count. A finding on a derived table cell carries the entry lines the cell is made of.
 */
export async function disclosureFindings(actor: Actor, disclosureId: string): Promise<DisclosureFindings> {
  return findingsOf(await findDisclosureById(actor, disclosureId))
}

/** disclosureFindings of a disclosure the actor was already allowed to read (findDisclosureById). */
export async function findingsOf(d: DisclosureFull): Promise<DisclosureFindings> {
  const content = await disclosureContent(d)
  const data = d.source === 'lines' ? toBudgetData(d) : null
  // the definition as computeFor read it (once per template version), not validated again per request
  const { template } = await computeFor(d)
  const findings = content.findings.map((f): LocatedFinding => {
    if (!data || f.line || !f.table) return f
    const lines = linesOfCell(template, content.tables, data, f)
    return lines && lines.ids.length ? { ...f, lines } : f
  })
  return { findings, summary: summarise(content.findings) }
}
