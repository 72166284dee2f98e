import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { can, requirePermission } from '@/lib/server/authz'
import type { Tx } from '@/lib/server/db'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import type { Reviewed, YearFlag, YearText } from '../year-review'
import { notesTexts, stringsOf, yearFlags } from '../year-review'
import { findDisclosureById, scopeOf } from './find-disclosure'
import type { DisclosureFull } from './to-budget-data'
import type { YearReview } from '../view'
export type { YearReview } from '../view'

type Source = { id: string; year: number; copiedFromYear: number | null; yearReviewed: unknown; notes: unknown; projects: { code: string; name: string; purpose: string | null }[]; procurementItems: { id: string; itemName: string; projectName: string | null }[] }

/** Every text of a copied disclosure that may name the old year, with where it is edited. */
async function textsOf(tx: Tx, d: Source): Promise<YearText[]> {
  const base = `/workspace/disclosures/${d.id}`
  const targets = await tx.performanceTarget.findMany({ where: { disclosureId: d.id }, orderBy: { position: 'asc' } })
  return [
    ...d.projects.flatMap((p) => [
      { key: `project:${p.code}:name`, part: 'projects' as const, where: `项目 ${p.code} 的名称`, text: p.name, href: base },
      ...(p.purpose ? [{ key: `project:${p.code}:purpose`, part: 'projects' as const, where: `项目 ${p.code} 的用途说明`, text: p.purpose, href: base }] : []),
    ]),
    ...notesTexts(d.notes, `${base}/notes`),
    ...targets.flatMap((t) =>
      stringsOf({ title: t.title, goals: t.goals, indicators: t.indicators, purpose: t.purpose, extra: t.extra }).map((s) => ({
        key: `target:${t.kind === 'overall' ? 'overall' : t.projectCode}:${s.path}`,
        part: 'targets' as const,
        where: t.kind === 'overall' ? '整体绩效目标' : `项目 ${t.projectCode ?? ''} 的绩效目标表`,
        text: s.text,
        href: `${base}/performance`,
      })),
    ),
    ...d.procurementItems.map((p, i) => ({ key: `procurement:${i}:itemName`, part: 'procurement' as const, where: `政府采购第 ${i + 1} 项`, text: p.itemName, href: `${base}/procurement` })),
  ]
}

const reviewedOf = (v: unknown): Reviewed => (Array.isArray(v) ? v.filter((x): x is { key: string; text: string } => !!x && typeof x === 'object' && typeof (x as { key?: unknown }).key === 'string' && typeof (x as { text?: unknown }).text === 'string') : [])

/** The texts still naming the year this disclosure was copied from; null when it was not copied. */
export async function yearFlagsOf(d: Source, tx: Tx = db()): Promise<YearFlag[]> {
  if (!d.copiedFromYear) return []
  return yearFlags(await textsOf(tx, d), d.copiedFromYear, reviewedOf(d.yearReviewed))
}

export async function getYearReview(actor: Actor, disclosureId: string): Promise<YearReview | null> {
  return yearReviewOf(actor, await findDisclosureById(actor, disclosureId))
}

/** getYearReview of a disclosure the actor was already allowed to read (findDisclosureById). */
export async function yearReviewOf(actor: Actor, d: DisclosureFull): Promise<YearReview | null> {
  if (!d.copiedFromYear) return null
  return { fromYear: d.copiedFromYear, year: d.year, flags: await yearFlagsOf(d), canEdit: can(actor, 'disclosure.edit', scopeOf(d)) }
}

/**
 * “已核对”: the person checked a flagged text and it stays as it is. Kept with the text it was checked
 * for (a later edit asks again); appended atomically; one audit row. Content is unchanged, so no part
 * version moves.
 */
export async function markYearReviewed(actor: Actor, input: { disclosureId: string; key: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const d = await findDisclosureById(actor, input.disclosureId)
    requirePermission(actor, 'disclosure.edit', scopeOf(d))
    const flag = (await yearFlagsOf(d, tx)).find((f) => f.key === input.key)
    if (!flag) throw new AppError('VALIDATION', '该处文字已不再提到上年，或已核对过')
    await tx.$executeRaw`UPDATE "Disclosure" SET "yearReviewed" = "yearReviewed" || ${JSON.stringify([{ key: flag.key, text: flag.text }])}::jsonb WHERE id = ${d.id}`
    await audit(tx, actor, { disclosureId: d.id, action: 'update', entity: 'yearReview', entityId: flag.key, after: { key: flag.key, text: flag.text, reviewed: true } })
  })
}
