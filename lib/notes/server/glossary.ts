import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { notFound } from '@/lib/server/errors'
import type { TSaveGlossary } from '../glossary'
import { defaultGlossary } from '../glossary'
import type { GlossaryState } from '../view'
export type { GlossaryState } from '../view'

/** The admin's view: every region, and the chosen region's 名词解释 (the default wording when it has none). */
export async function getGlossaryState(actor: Actor, regionId?: string | null): Promise<GlossaryState> {
  requirePermission(actor, 'glossary.manage')
  const regions = await db().region.findMany({ orderBy: [{ province: 'asc' }, { code: 'asc' }], include: { _count: { select: { glossary: true } } } })
  const chosen = regions.find((r) => r.id === regionId) ?? regions[0] ?? null
  const entries = chosen ? await db().glossaryEntry.findMany({ where: { regionId: chosen.id }, orderBy: [{ position: 'asc' }, { term: 'asc' }] }) : []
  return {
    regions: regions.map((r) => ({ id: r.id, name: r.name, province: r.province, count: r._count.glossary })),
    regionId: chosen?.id ?? null,
    items: entries.length ? entries.map((e) => ({ term: e.term, definition: e.definition })) : defaultGlossary(),
    usesDefault: entries.length === 0,
  }
}

/** Replaces a region's glossary in one transaction with an audit row (admins only: 'glossary.manage'). */
export async function saveGlossary(actor: Actor, input: TSaveGlossary): Promise<void> {
  requirePermission(actor, 'glossary.manage')
  await db().$transaction(async (tx) => {
    const region = await tx.region.findUnique({ where: { id: input.regionId } })
    if (!region) throw notFound('该地区')
    const before = await tx.glossaryEntry.findMany({ where: { regionId: region.id }, orderBy: { position: 'asc' } })
    await tx.glossaryEntry.deleteMany({ where: { regionId: region.id } })
    await tx.glossaryEntry.createMany({ data: input.items.map((it, position) => ({ regionId: region.id, term: it.term, definition: it.definition, position })) })
    await audit(tx, actor, { action: 'update', entity: 'glossary', entityId: region.id, before: before.map((b) => ({ term: b.term, definition: b.definition })), after: input.items })
  })
}
