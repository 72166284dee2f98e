import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import { ZProjectInput } from '../schemas'
import { openForEdit } from './edit-lines'

/** Creates or updates a project; renaming its code moves its expenditure lines with it. */
export async function saveProject(actor: Actor, input: { disclosureId: string; version: number; originalCode?: string | null; values: unknown }): Promise<void> {
  const parsed = ZProjectInput.safeParse(input.values)
  if (!parsed.success) throw new AppError('VALIDATION', `项目有错误：${parsed.error.issues.map((i) => i.message).join('；')}`, parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })))
  const v = parsed.data
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'projects', version: input.version })
    if (v.unitCode && !e.unitCodes.has(v.unitCode)) throw new AppError('VALIDATION', `单位 ${v.unitCode} 不属于本部门`, [{ path: 'unitCode', message: `单位 ${v.unitCode} 不属于本部门` }])
    const clash = v.code !== input.originalCode && e.projectCodes.has(v.code)
    if (clash) throw new AppError('VALIDATION', `项目编码 ${v.code} 已存在`, [{ path: 'code', message: `项目编码 ${v.code} 已存在` }])
    if (input.originalCode) {
      const before = await tx.project.findUnique({ where: { disclosureId_code: { disclosureId: e.id, code: input.originalCode } } })
      if (!before) throw notFound('该项目')
      const after = await tx.project.update({ where: { id: before.id }, data: v })
      if (v.code !== input.originalCode) {
        await tx.expenditureLine.updateMany({ where: { disclosureId: e.id, projectCode: input.originalCode }, data: { projectCode: v.code } })
        await tx.procurementItem.updateMany({ where: { disclosureId: e.id, projectCode: input.originalCode }, data: { projectCode: v.code } })
        await tx.performanceTarget.updateMany({ where: { disclosureId: e.id, projectCode: input.originalCode }, data: { projectCode: v.code } })
      }
      await audit(tx, actor, { disclosureId: e.id, action: 'update', entity: 'project', entityId: after.id, before, after })
    } else {
      const position = (await tx.project.aggregate({ where: { disclosureId: e.id }, _max: { position: true } }))._max.position ?? -1
      const created = await tx.project.create({ data: { ...v, disclosureId: e.id, position: position + 1 } })
      await audit(tx, actor, { disclosureId: e.id, action: 'create', entity: 'project', entityId: created.id, after: created })
    }
  })
}

/** A project still carrying expenditure lines cannot be deleted: the lines would lose their project. */
export async function deleteProject(actor: Actor, input: { disclosureId: string; version: number; code: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'projects', version: input.version })
    const before = await tx.project.findUnique({ where: { disclosureId_code: { disclosureId: e.id, code: input.code } } })
    if (!before) throw notFound('该项目')
    const used = await tx.expenditureLine.count({ where: { disclosureId: e.id, projectCode: input.code } })
    if (used > 0) throw new AppError('VALIDATION', `项目“${before.name}”下还有 ${used} 行支出明细，请先删除或改挂这些明细`)
    await tx.project.delete({ where: { id: before.id } })
    await audit(tx, actor, { disclosureId: e.id, action: 'delete', entity: 'project', entityId: before.id, before })
  })
}
