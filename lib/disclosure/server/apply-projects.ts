import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import { canonProject, PROJECT_FIELD_LABELS, projectErrors } from '../project-rows'
import type { TApplyProjects } from '../schemas'
import { openForEdit } from './open-for-edit'

export type ProjectConflict = { id: string; row: number; theirs: Record<string, string> | null }
type ProjectRecord = { id: string; disclosureId: string; code: string; name: string; unitCode: string | null; purpose: string | null; position: number }

const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((k) => a[k] === b[k])
const data = (v: Record<string, string>) => ({ code: v.code!, name: v.name!, unitCode: v.unitCode || null, purpose: v.purpose || null })

/**
 * Applies the projects grid's batch on the projects part's version (docs/decisions/017): a stale
 * version is refused whole (the grid merges the current projects in and sends again). Each change is
 * also checked against the project as the person saw it, so a project another person changed in
 * between comes back as a conflict with their values and the rest applies. Validation is all or
 * nothing, located by row and column. A renamed code moves the project's lines, procurement and
 * targets with it; a project still carrying expenditure lines cannot be deleted.
 */
export async function applyProjects(actor: Actor, input: TApplyProjects): Promise<{ applied: number; conflicts: ProjectConflict[] }> {
  return db().$transaction(
    async (tx) => {
      const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'projects', version: input.version })
      const ids = input.ops.map((o) => o.id)
      const found = (await tx.project.findMany({ where: { OR: [{ disclosureId: e.id }, { id: { in: ids } }] } })) as ProjectRecord[]
      const foreign = found.find((p) => p.disclosureId !== e.id)
      if (foreign) throw new AppError('VALIDATION', `第 ${input.ops.find((o) => o.id === foreign.id)?.row ?? 1} 行的编号与其他预算的项目重复，请刷新后重试`)
      const current = new Map(found.map((p) => [p.id, p]))
      const conflicts: ProjectConflict[] = []
      const creates: { id: string; row: number; values: Record<string, string> }[] = []
      const updates: { id: string; row: number; values: Record<string, string>; before: ProjectRecord }[] = []
      const deletes: { row: number; before: ProjectRecord }[] = []
      for (const op of input.ops) {
        const now = current.get(op.id)
        const theirs = now ? canonProject(now) : null
        if (op.kind === 'delete') {
          if (!now) continue // already deleted: the same outcome
          if (!same(theirs!, canonProject(op.base))) conflicts.push({ id: op.id, row: op.row, theirs })
          else deletes.push({ row: op.row, before: now })
          continue
        }
        const mine = canonProject(op.values)
        if (theirs && same(theirs, mine)) continue // already so
        if (op.base === null) {
          if (now) conflicts.push({ id: op.id, row: op.row, theirs })
          else creates.push({ id: op.id, row: op.row, values: mine })
        } else if (!now || !same(theirs!, canonProject(op.base))) conflicts.push({ id: op.id, row: op.row, theirs })
        else updates.push({ id: op.id, row: op.row, values: mine, before: now })
      }

      const errors: (FieldError & { row: number })[] = []
      const fail = (id: string, row: number, key: string, message: string) => errors.push({ path: `${id}.${key}`, message, row })
      for (const c of [...creates, ...updates]) for (const [key, message] of Object.entries(projectErrors(c.values, e.unitCodes) ?? {})) fail(c.id, c.row, key, message)
      // the codes after the batch: one project per code
      const codeOf = new Map([...current.values()].filter((p) => p.disclosureId === e.id).map((p) => [p.id, p.code]))
      for (const d of deletes) codeOf.delete(d.before.id)
      for (const c of [...updates, ...creates]) codeOf.set(c.id, c.values.code!)
      const holder = new Map<string, string>()
      for (const [id, code] of codeOf) {
        if (!holder.has(code)) holder.set(code, id)
      }
      for (const c of [...updates, ...creates]) {
        if (holder.get(c.values.code!) !== c.id) fail(c.id, c.row, 'code', `项目编码 ${c.values.code} 已存在`)
      }
      // a deleted code still carrying expenditure lines (not renamed into by another row of this batch)
      const gone = deletes.filter((d) => !holder.has(d.before.code))
      if (gone.length) {
        const used = await tx.expenditureLine.groupBy({ by: ['projectCode'], where: { disclosureId: e.id, projectCode: { in: gone.map((d) => d.before.code) } }, _count: true })
        for (const u of used) {
          const d = gone.find((x) => x.before.code === u.projectCode)!
          fail(d.before.id, d.row, 'code', `项目“${d.before.name}”下还有 ${u._count} 行支出明细，请先删除或改挂这些明细`)
        }
      }
      if (errors.length) {
        errors.sort((a, b) => a.row - b.row)
        const described = errors.slice(0, 10).map((f) => `第 ${f.row} 行「${PROJECT_FIELD_LABELS[f.path.split('.').at(-1) ?? ''] ?? ''}」：${f.message}`)
        throw new AppError('VALIDATION', `项目未保存（全部或全不）：${described.join('；')}${errors.length > 10 ? `；另有 ${errors.length - 10} 处错误` : ''}`, errors)
      }

      if (deletes.length) await tx.project.deleteMany({ where: { id: { in: deletes.map((d) => d.before.id) }, disclosureId: e.id } })
      // renames go through a temporary code, so two projects may swap codes in one batch; what hangs on a code moves with it
      const renames = updates.filter((u) => u.values.code !== u.before.code)
      const tmp = (id: string) => `~renaming~${id}` // no typed code has “~” (ZProjectInput)
      for (const u of renames) {
        await tx.project.update({ where: { id: u.id }, data: { code: tmp(u.id) } })
        for (const m of [tx.expenditureLine, tx.procurementItem, tx.performanceTarget] as unknown as (typeof tx.expenditureLine)[]) await m.updateMany({ where: { disclosureId: e.id, projectCode: u.before.code }, data: { projectCode: tmp(u.id) } })
      }
      for (const u of updates) await tx.project.update({ where: { id: u.id }, data: data(u.values) })
      for (const u of renames) for (const m of [tx.expenditureLine, tx.procurementItem, tx.performanceTarget] as unknown as (typeof tx.expenditureLine)[]) await m.updateMany({ where: { disclosureId: e.id, projectCode: tmp(u.id) }, data: { projectCode: u.values.code! } })
      if (creates.length) {
        const start = ((await tx.project.aggregate({ where: { disclosureId: e.id }, _max: { position: true } }))._max.position ?? -1) + 1
        await tx.project.createMany({ data: creates.map((c, i) => ({ ...data(c.values), id: c.id, disclosureId: e.id, position: start + i })) })
      }
      const applied = creates.length + updates.length + deletes.length
      if (applied) {
        await audit(tx, actor, {
          disclosureId: e.id,
          action: 'edit',
          entity: 'project',
          before: { updated: updates.map((u) => u.before), deleted: deletes.map((d) => d.before) },
          after: { created: creates.map((c) => ({ id: c.id, ...data(c.values) })), updated: updates.map((u) => ({ id: u.id, ...data(u.values) })) },
        })
      }
      return { applied, conflicts }
    },
    { timeout: 60_000 },
  )
}
