import 'server-only'
import { openForEdit } from '@/lib/disclosure/server/edit-lines'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import type { TOverallTarget, TProjectTarget } from '../schemas'
import { overallTargetSchema } from '../schemas'
import { overallTargetData, overallTargetOf, projectTargetData, projectTargetOf } from './rows'
import { templateDefinition } from '@/lib/budget/template-schema'

/**
 * Saves one project's 绩效目标表 (new or changed) in a transaction with the optimistic version check
 * and an audit row. The project must be one of the disclosure's, with no other target table.
 */
export async function saveProjectTarget(actor: Actor, input: { disclosureId: string; version: number; id?: string | null; target: TProjectTarget }): Promise<{ id: string }> {
  return db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'targets', version: input.version })
    const t = input.target
    if (!e.projectCodes.has(t.projectCode)) throw new AppError('VALIDATION', `项目 ${t.projectCode} 不在本部门项目清单中`, [{ path: 'projectCode', message: '请选择本部门的项目' }])
    const clash = await tx.performanceTarget.findFirst({ where: { disclosureId: e.id, kind: 'project', projectCode: t.projectCode, ...(input.id ? { NOT: { id: input.id } } : {}) } })
    if (clash) throw new AppError('VALIDATION', `该项目已有绩效目标表“${clash.title}”`, [{ path: 'projectCode', message: '该项目已有绩效目标表' }])
    const data = projectTargetData(t)
    if (input.id) {
      const before = await tx.performanceTarget.findFirst({ where: { id: input.id, disclosureId: e.id, kind: 'project' } })
      if (!before) throw notFound('该绩效目标表')
      await tx.performanceTarget.update({ where: { id: before.id }, data })
      await audit(tx, actor, { disclosureId: e.id, action: 'update', entity: 'performanceTarget', entityId: before.id, before: projectTargetOf(before), after: t })
      return { id: before.id }
    }
    const max = await tx.performanceTarget.aggregate({ where: { disclosureId: e.id }, _max: { position: true } })
    const created = await tx.performanceTarget.create({ data: { ...data, disclosureId: e.id, position: (max._max.position ?? -1) + 1 } })
    await audit(tx, actor, { disclosureId: e.id, action: 'create', entity: 'performanceTarget', entityId: created.id, after: t })
    return { id: created.id }
  })
}

export async function deleteProjectTarget(actor: Actor, input: { disclosureId: string; version: number; id: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'targets', version: input.version })
    const before = await tx.performanceTarget.findFirst({ where: { id: input.id, disclosureId: e.id, kind: 'project' } })
    if (!before) throw notFound('该绩效目标表')
    await tx.performanceTarget.delete({ where: { id: before.id } })
    await audit(tx, actor, { disclosureId: e.id, action: 'delete', entity: 'performanceTarget', entityId: before.id, before: projectTargetOf(before) })
  })
}

/**
 * 部门整体绩效目标: one per disclosure. Checked against the disclosure's template with the form's own
 * schema (overallTargetSchema: the 预算11表's indicator tree, task names, 指标值); an error refuses the
 * whole save with its located message, so nothing is written.
 */
export async function saveOverallTarget(actor: Actor, input: { disclosureId: string; version: number; target: TOverallTarget }): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'overall', version: input.version })
    const { template, unitCode } = await tx.disclosure.findUniqueOrThrow({ where: { id: e.id }, select: { unitCode: true, template: { select: { definition: true } } } })
    const layout = templateDefinition.read(template.definition).performance?.overall
    const checked = overallTargetSchema(layout).safeParse(input.target)
    if (!checked.success) {
      const issues = checked.error.issues
      throw new AppError('VALIDATION', `${unitCode ? '单位' : '部门'}整体绩效目标有错误，未保存：${issues.slice(0, 5).map((i) => i.message).join('；')}${issues.length > 5 ? `（共 ${issues.length} 处）` : ''}`, issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })))
    }
    const before = await tx.performanceTarget.findFirst({ where: { disclosureId: e.id, kind: 'overall' } })
    const data = overallTargetData(checked.data)
    if (before) await tx.performanceTarget.update({ where: { id: before.id }, data })
    else await tx.performanceTarget.create({ data: { ...data, disclosureId: e.id, position: -1 } })
    await audit(tx, actor, { disclosureId: e.id, action: before ? 'update' : 'create', entity: 'performanceOverall', entityId: before?.id ?? null, before: overallTargetOf(before) ?? undefined, after: checked.data })
  })
}
