import 'server-only'
import { bumpAllParts } from '../parts'
import { formatYuan } from '@/lib/budget/money'
import type { BudgetData } from '@/lib/budget/types'
import type { Tx } from '@/lib/server/db'

/**
 * Replaces all lines of a disclosure with `data`, inside the caller's transaction: an import or a
 * seed either lands whole or not at all. Units are upserted into the department.
 */
export async function replaceDisclosureData(tx: Tx, disclosureId: string, departmentId: string, data: BudgetData): Promise<void> {
  // a unit's own budget lists that unit only: its place among the department's units stays as it is
  const own = await tx.disclosure.findUnique({ where: { id: disclosureId }, select: { unitCode: true } })
  const unitBudget = !!own?.unitCode
  for (const [i, u] of data.units.entries()) {
    const position = unitBudget ? await tx.unit.count({ where: { departmentId } }) : i
    await tx.unit.upsert({
      where: { code: u.code },
      create: { code: u.code, name: u.name, nature: u.nature ?? null, rank: u.rank ?? null, fundingForm: u.fundingForm ?? null, departmentId, position, isSelf: !unitBudget && i === 0 },
      update: { name: u.name, nature: u.nature ?? null, rank: u.rank ?? null, fundingForm: u.fundingForm ?? null, ...(unitBudget ? {} : { position: i }) },
    })
  }
  const where = { disclosureId }
  await tx.revenueLine.deleteMany({ where })
  await tx.expenditureLine.deleteMany({ where })
  await tx.project.deleteMany({ where })
  await tx.threePublicEntry.deleteMany({ where })
  await tx.procurementItem.deleteMany({ where })
  await tx.fixedAsset.deleteMany({ where })
  await tx.revenueLine.createMany({
    data: data.revenue.map((l, position) => ({ disclosureId, unitCode: l.unitCode, functionCode: l.functionCode, source: l.source, amount: formatYuan(l.amount), position })),
  })
  await tx.expenditureLine.createMany({
    data: data.expenditure.map((l, position) => ({
      disclosureId,
      unitCode: l.unitCode,
      functionCode: l.functionCode,
      fund: l.fund,
      category: l.category,
      economicCode: l.economicCode,
      projectCode: l.projectCode ?? null,
      amount: formatYuan(l.amount),
      position,
    })),
  })
  await tx.project.createMany({ data: data.projects.map((p, position) => ({ disclosureId, code: p.code, name: p.name, unitCode: p.unitCode ?? null, purpose: p.purpose ?? null, position })) })
  await tx.threePublicEntry.createMany({ data: data.threePublic.map((e) => ({ disclosureId, item: e.item, fund: e.fund, amount: formatYuan(e.amount) })) })
  await tx.procurementItem.createMany({
    data: data.procurement.map((p, position) => ({
      disclosureId,
      projectCode: p.projectCode ?? null,
      projectName: p.projectName ?? null,
      projectBudget: p.projectBudget != null ? formatYuan(p.projectBudget) : null,
      itemName: p.itemName,
      catalogueCode: p.catalogueCode ?? null,
      unit: p.unit ?? null,
      quantity: p.quantity ?? null,
      unitPrice: p.unitPrice != null ? formatYuan(p.unitPrice) : null,
      amounts: Object.fromEntries(Object.entries(p.amounts).map(([k, v]) => [k, formatYuan(v ?? 0)])),
      smeReserved: p.smeReserved != null ? formatYuan(p.smeReserved) : null,
      position,
    })),
  })
  await tx.fixedAsset.createMany({
    data: data.fixedAssets.map((a) => ({ disclosureId, category: a.category, quantity: a.quantity ?? null, value: a.value != null ? formatYuan(a.value) : null })),
  })
  await tx.disclosure.update({ where: { id: disclosureId }, data: { vehiclesPurchased: data.vehicles?.purchased ?? null, vehiclesHeld: data.vehicles?.heldAtYearEnd ?? null, version: { increment: 1 }, ...bumpAllParts() } })
}
