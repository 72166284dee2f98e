import 'server-only'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import type { Tx } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import type { Part } from '../parts'
import { conflictMessage, PART_COLUMNS } from '../parts'
import { scopeOf } from './find-disclosure'

/** The disclosure's own words, which a consolidated budget has too (its figures are its units'). */
const TEXT_PARTS: ReadonlySet<Part> = new Set<Part>(['notes', 'targets', 'overall'])

export type EditCtx = { tx: Tx; actor: Actor; disclosureId: string; part: Part; version: number }
export type Editable = { id: string; year: number; departmentId: string; unitCode: string; unitCodes: Set<string>; projectCodes: Set<string> }

/**
 * Opens one part of a disclosure for change: permission, then the optimistic check of that part's
 * version (docs/decisions/017). The part's version and the disclosure's `version` (which the workflow
 * checks: a submission is of what the accountant saw) are bumped in the same transaction, on the
 * condition that neither the part nor the status changed since it was read — of two saves of one part
 * against one version exactly one wins; a save racing a submission loses. Saves of other parts pass.
 */
export async function openForEdit({ tx, actor, disclosureId, part, version }: EditCtx): Promise<Editable> {
  const d = await tx.disclosure.findUnique({ where: { id: disclosureId }, include: { department: { include: { units: true } }, projects: true } })
  if (!d) throw notFound('该预算公开')
  requirePermission(actor, 'disclosure.edit', scopeOf(d))
  // a consolidated department budget sums its units' figures, but writes its own notes and targets (reasons included)
  if (d.source === 'consolidated' && !TEXT_PARTS.has(part)) throw new AppError('VALIDATION', '该部门预算由所属单位的单位预算汇总而成，没有自己的明细；请在单位预算中修改')
  const column = PART_COLUMNS[part]
  const bumped = await tx.disclosure.updateMany({ where: { id: disclosureId, status: d.status, [column]: version }, data: { [column]: { increment: 1 }, version: { increment: 1 } } })
  if (bumped.count === 0) throw new AppError('CONFLICT', conflictMessage(part))
  // a consolidated budget's projects are its units' (of the same year)
  const projects = d.source === 'consolidated' ? await tx.project.findMany({ where: { disclosure: { departmentId: d.departmentId, year: d.year, unitCode: { not: '' } } }, select: { code: true } }) : d.projects
  return {
    id: d.id,
    year: d.year,
    departmentId: d.departmentId,
    unitCode: d.unitCode,
    unitCodes: new Set(d.department.units.filter((u) => !d.unitCode || u.code === d.unitCode).map((u) => u.code)),
    projectCodes: new Set(projects.map((p) => p.code)),
  }
}
