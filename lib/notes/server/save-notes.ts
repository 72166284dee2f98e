import 'server-only'
import { openForEdit } from '@/lib/disclosure/server/edit-lines'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import { vehicleTypesOf } from '../layout'
import type { TSaveNotes } from '../schemas'
import { parseStoredNotes } from '../schemas'
import { notesColumn } from '../schemas'
import { templateDefinition } from '@/lib/budget/template-schema'

/**
 * Saves the notes' texts in one transaction: permission and the optimistic version check (a stale
 * save is refused, nothing is lost), the checks that need the disclosure (projects and units named
 * exist, vehicle types are the template's), the JSON, and one audit row with before and after.
 */
export async function saveNotes(actor: Actor, input: TSaveNotes): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'notes', version: input.version })
    const errors: FieldError[] = []
    input.notes.overview.mainProjects.forEach((mp, i) => {
      for (const code of [...mp.projectCodes, ...mp.parts.flatMap((p) => p.projectCodes)]) {
        if (!e.projectCodes.has(code)) errors.push({ path: `overview.mainProjects.${i}.projectCodes`, message: `主要项目“${mp.label}”中的项目 ${code} 不在本部门项目清单中` })
      }
    })
    input.notes.operatingCosts.civilServiceUnits.forEach((code, i) => {
      if (!e.unitCodes.has(code)) errors.push({ path: `operatingCosts.civilServiceUnits.${i}`, message: `单位 ${code} 不属于本部门` })
    })
    // vehicles by type: only the types the disclosure's template names (a renamed type is entered again)
    const row = await tx.disclosure.findUniqueOrThrow({ where: { id: e.id }, select: { template: { select: { definition: true } } } })
    const types = vehicleTypesOf(templateDefinition.read(row.template.definition).notes)
    for (const type of Object.keys(input.notes.assets.vehiclesByType)) {
      if (!types.includes(type)) errors.push({ path: `assets.vehiclesByType.${type}`, message: types.length ? `车型“${type}”不是本预算模板列出的车型（${types.join('、')}）` : `本预算模板的情况说明不按车型说明车辆，不能填写“${type}”的车辆数` })
    }
    if (errors.length) throw new AppError('VALIDATION', `情况说明有错误：${errors.map((f) => f.message).join('；')}`, errors)
    const before = await tx.disclosure.findUniqueOrThrow({ where: { id: e.id }, select: { notes: true } })
    await tx.disclosure.update({ where: { id: e.id }, data: { notes: notesColumn.write(input.notes) } })
    await audit(tx, actor, { disclosureId: e.id, action: 'update', entity: 'notes', before: parseStoredNotes(before.notes), after: input.notes })
  })
}
