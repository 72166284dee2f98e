import 'server-only'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import { FUND_TYPES, THREE_PUBLIC_ITEMS } from '@/lib/budget/types'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import type { TThreePublicInput } from '../schemas'
import { ZThreePublicInput } from '../schemas'
import { openForEdit } from './edit-lines'

/** Replaces the 三公 figures (item × fund, 元) and the vehicle counts in one transaction. */
export async function saveThreePublic(actor: Actor, input: { disclosureId: string; version: number; values: TThreePublicInput }): Promise<void> {
  const parsed = ZThreePublicInput.safeParse(input.values)
  if (!parsed.success) throw new AppError('VALIDATION', `“三公”经费有错误：${parsed.error.issues.map((i) => i.message).join('；')}`, parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
  const v = parsed.data
  const entries: { item: string; fund: string; amount: string }[] = []
  for (const [key, raw] of Object.entries(v.amounts)) {
    const [item, fund] = key.split(':')
    if (!item || !fund || !(THREE_PUBLIC_ITEMS as readonly string[]).includes(item) || !(FUND_TYPES as readonly string[]).includes(fund)) throw new AppError('BAD_REQUEST', `无效的“三公”项目：${key}`)
    if (raw === '' || parseAmount(raw, '元') === 0) continue
    entries.push({ item, fund, amount: formatYuan(parseAmount(raw, '元')) })
  }
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'threePublic', version: input.version })
    const before = await tx.threePublicEntry.findMany({ where: { disclosureId: e.id } })
    await tx.threePublicEntry.deleteMany({ where: { disclosureId: e.id } })
    await tx.threePublicEntry.createMany({ data: entries.map((x) => ({ ...x, disclosureId: e.id })) })
    const vehicles = { vehiclesPurchased: v.vehiclesPurchased === '' ? null : Number(v.vehiclesPurchased), vehiclesHeld: v.vehiclesHeld === '' ? null : Number(v.vehiclesHeld) }
    await tx.disclosure.update({ where: { id: e.id }, data: vehicles })
    await audit(tx, actor, { disclosureId: e.id, action: 'update', entity: 'threePublic', before: before.map((b) => ({ item: b.item, fund: b.fund, amount: b.amount.toFixed(2) })), after: { entries, ...vehicles } })
  })
}
