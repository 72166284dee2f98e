import 'server-only'
import { summarise } from '@/lib/budget/findings'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import { gate } from '../gate'
import type { TSubmit } from '../schemas'
import { disclosureContent } from './disclosure-content'
import { moveStatus, openForAction } from './open'
import { fixtureTablesColumn } from '@/lib/budget/table'
import { snapshotNotesColumn } from '../notes'

/**
 * 提交审核. The gate: no `error` finding, and each `warning` either fixed or explained (explanations given
 * now or kept from an earlier submission, keyed by the finding's stable key). On success, in one
 * transaction: the explanations, the status change, a snapshot of the printed tables and the notes (what
 * the reviewer compares the next submission against), the earlier comments marked as answered, one audit row.
 */
export async function submitDisclosure(actor: Actor, input: TSubmit): Promise<{ version: number }> {
  return db().$transaction(
    async (tx) => {
      const opened = await openForAction(tx, actor, input, 'disclosure.submit')
      const d = await tx.disclosure.findUniqueOrThrow({ where: { id: opened.id }, include: disclosureInclude })
      const { tables, findings, notes } = await disclosureContent(d)
      const stored = await tx.warningAcknowledgement.findMany({ where: { disclosureId: d.id } })
      const given = new Map(input.acknowledgements.map((a) => [a.findingKey, a.explanation.trim()]))
      const explanations: Record<string, string> = Object.fromEntries(stored.map((a) => [a.findingKey, a.explanation]))
      for (const [k, v] of given) explanations[k] = v
      const g = gate(findings, explanations)
      if (!g.canSubmit) {
        const fields: FieldError[] = [...g.errors.map((f, i) => ({ path: `errors.${i}`, message: f.message })), ...g.missing.map((w) => ({ path: `warnings.${w.key}`, message: `请修正或说明：${w.finding.message}` }))]
        const parts = [g.errors.length ? `还有 ${g.errors.length} 个错误须先修正（第一个：${g.errors[0]!.message}）` : '', g.missing.length ? `${g.missing.length} 条提示既未修正也未说明` : ''].filter(Boolean)
        throw new AppError('VALIDATION', `不能提交：${parts.join('；')}`, fields)
      }
      const current = new Set(g.warnings.map((w) => w.key))
      // explanations of warnings that no longer occur are dropped; the ones in force are written with their author
      await tx.warningAcknowledgement.deleteMany({ where: { disclosureId: d.id, findingKey: { notIn: [...current] } } })
      const changedAcks: { findingKey: string; explanation: string }[] = []
      for (const w of g.warnings) {
        const old = stored.find((a) => a.findingKey === w.key)
        if (old?.explanation === w.explanation) continue
        changedAcks.push({ findingKey: w.key, explanation: w.explanation! })
        await tx.warningAcknowledgement.upsert({
          where: { disclosureId_findingKey: { disclosureId: d.id, findingKey: w.key } },
          create: { disclosureId: d.id, findingKey: w.key, explanation: w.explanation!, userId: actor!.id },
          update: { explanation: w.explanation!, userId: actor!.id, createdAt: new Date() },
        })
      }
      const now = new Date()
      const moved = await moveStatus(tx, opened, input.version, 'submit', { submittedAt: now })
      const answered = await tx.reviewComment.updateMany({ where: { disclosureId: d.id, resolvedAt: null }, data: { resolvedAt: now } })
      await tx.submissionSnapshot.create({
        data: {
          disclosureId: d.id,
          version: moved.version,
          tables: fixtureTablesColumn.write(tables),
          notes: snapshotNotesColumn.write(notes),
          findingSummary: summarise(findings),
        },
      })
      await audit(tx, actor, {
        disclosureId: d.id,
        action: 'submit',
        entity: 'disclosure',
        entityId: d.id,
        before: { status: moved.from, version: input.version },
        after: { status: moved.to, version: moved.version, submittedAt: now.toISOString(), acknowledgements: changedAcks, commentsAnswered: answered.count },
      })
      return { version: moved.version }
    },
    { timeout: 60_000 },
  )
}
