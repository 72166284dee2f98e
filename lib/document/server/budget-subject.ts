import 'server-only'
import { unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { Actor } from '@/lib/server/authz'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { notFound } from '@/lib/server/errors'
import type { BudgetSubject } from '../model'

/**
 * Whose budget a disclosure is, for the headings of its editing pages (情况说明, 绩效目标, 政府采购与资产):
 * the department's 部门预算, or a unit's own 单位预算 with the unit (docs/decisions/009). A light read
 * (no lines), scoped like every read by readableDisclosures.
 */
export async function findBudgetSubject(actor: Actor, disclosureId: string): Promise<BudgetSubject> {
  const d = await db().disclosure.findFirst({
    where: { AND: [readableDisclosures(actor), { id: disclosureId }] },
    select: { unitCode: true, department: { select: { units: { select: { code: true, name: true } } } } },
  })
  if (!d) throw notFound('该预算公开')
  const unit = unitOf(d)
  return unit ? { level: 'unit', unit } : { level: 'department', unit: null }
}
