import 'server-only'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError, notFound } from '@/lib/server/errors'
import { canonicalLine } from '../paste'
import type { TApplyLines } from '../schemas'
import type { Editable } from './edit-lines'
import { checkValues, COLUMN_LABEL, LIST_LABEL, nextPosition, toRow } from './edit-lines'
import { scopeOf } from './find-disclosure'

export type LineConflict = { id: string; row: number; theirs: Record<string, string> | null }
type LineRecord = { id: string; disclosureId: string; amount: { toFixed(n: number): string }; projectCode?: string | null } & Record<string, unknown>

/** A line's fields as compared: every column, amounts as exact 元 with two decimals, blanks as ''. */
const same = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((k) => a[k] === b[k])

/**
 * Applies the grid's batch of changes to one list. The disclosure's row is locked (its version bumped)
 * so batches run one after another; each change is checked against the line as it now is: a line
 * another person changed or deleted since this person saw it is a conflict and is left as it is (the
 * rest applies), so no one's save reverts another's. Validation is all or nothing, located by row.
 */
export async function applyLines(actor: Actor, input: TApplyLines): Promise<{ applied: number; conflicts: LineConflict[] }> {
  const { list } = input
  return db().$transaction(
    async (tx) => {
      const d = await tx.disclosure.findUnique({ where: { id: input.disclosureId }, include: { department: { include: { units: true } }, projects: true } })
      if (!d) throw notFound('该预算公开')
      requirePermission(actor, 'disclosure.edit', scopeOf(d))
      if (d.source !== 'lines') throw new AppError('VALIDATION', d.source === 'consolidated' ? '该部门预算由所属单位的单位预算汇总而成，没有自己的明细；请在单位预算中修改' : '导入的预算按工作簿只读显示，请修正工作簿后重新导入')
      await tx.disclosure.update({ where: { id: d.id }, data: { version: { increment: 1 }, linesVersion: { increment: 1 } } })
      const e: Editable = { id: d.id, year: d.year, departmentId: d.departmentId, unitCode: d.unitCode, unitCodes: new Set(d.department.units.filter((u) => !d.unitCode || u.code === d.unitCode).map((u) => u.code)), projectCodes: new Set(d.projects.map((p) => p.code)) }
      const model = (list === 'revenue' ? tx.revenueLine : tx.expenditureLine) as unknown as typeof tx.expenditureLine
      const ids = input.ops.map((o) => o.id)
      const found = (await model.findMany({ where: { id: { in: ids } } })) as unknown as LineRecord[]
      const current = new Map(found.map((l) => [l.id, l]))
      const conflicts: LineConflict[] = []
      const creates: { id: string; row: number; values: Record<string, string> }[] = []
      const updates: { id: string; row: number; values: Record<string, string>; before: LineRecord }[] = []
      const deletes: LineRecord[] = []
      for (const op of input.ops) {
        const now = current.get(op.id)
        if (now && now.disclosureId !== d.id) throw new AppError('VALIDATION', `第 ${op.row} 行的编号与其他预算的明细重复，请刷新后重试`)
        const theirs = now ? canonicalLine(list, now) : null
        if (op.kind === 'delete') {
          if (!now) continue // already deleted: the same outcome
          if (!same(theirs!, canonicalLine(list, op.base))) conflicts.push({ id: op.id, row: op.row, theirs })
          else deletes.push(now)
          continue
        }
        const mine = canonicalLine(list, op.values)
        if (theirs && same(theirs, mine)) continue // already so
        if (op.base === null) {
          if (now) conflicts.push({ id: op.id, row: op.row, theirs })
          else creates.push({ id: op.id, row: op.row, values: op.values })
        } else if (!now || !same(theirs!, canonicalLine(list, op.base))) conflicts.push({ id: op.id, row: op.row, theirs })
        else updates.push({ id: op.id, row: op.row, values: op.values, before: now })
      }
      const catalogue = await loadCatalogue(d.year)
      const errors: (FieldError & { row: number })[] = []
      const rows = new Map<string, ReturnType<typeof toRow>>()
      for (const c of [...creates, ...updates]) {
        const p = checkValues(list, c.values, e, catalogue, `${c.id}.`)
        if (!p.ok) errors.push(...p.errors.map((f) => ({ ...f, row: c.row })))
        else rows.set(c.id, toRow(list, p.value))
      }
      if (errors.length) {
        errors.sort((a, b) => a.row - b.row)
        const described = errors.slice(0, 10).map((f) => `第 ${f.row} 行「${COLUMN_LABEL(list, f.path.split('.').at(-1) ?? '')}」：${f.message}`)
        throw new AppError('VALIDATION', `${LIST_LABEL[list]}未保存（全部或全不）：${described.join('；')}${errors.length > 10 ? `；另有 ${errors.length - 10} 处错误` : ''}`, errors)
      }
      if (deletes.length) await model.deleteMany({ where: { id: { in: deletes.map((l) => l.id) }, disclosureId: d.id } })
      for (const u of updates) await model.update({ where: { id: u.id }, data: rows.get(u.id) as never })
      if (creates.length) {
        const start = await nextPosition(tx, list, d.id)
        const data = creates.map((c, i) => ({ ...(rows.get(c.id) as object), id: c.id, disclosureId: d.id, position: start + i }))
        if (list === 'revenue') await tx.revenueLine.createMany({ data: data as never })
        else await tx.expenditureLine.createMany({ data: data as never })
      }
      const applied = creates.length + updates.length + deletes.length
      if (applied) {
        await audit(tx, actor, {
          disclosureId: d.id,
          action: 'edit',
          entity: list,
          before: { updated: updates.map((u) => u.before), deleted: deletes },
          after: { created: creates.map((c) => ({ id: c.id, ...rows.get(c.id) })), updated: updates.map((u) => ({ id: u.id, ...rows.get(u.id) })) },
        })
      }
      return { applied, conflicts }
    },
    { timeout: 60_000 },
  )
}
