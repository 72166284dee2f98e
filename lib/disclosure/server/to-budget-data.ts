import 'server-only'
import type { BudgetData, ExpenditureCategory, FixedAssetCategory, FundType, ProcurementFund, RevenueSource, ThreePublicItem } from '@/lib/budget/types'
import { parseAmount } from '@/lib/budget/money'
import type { Prisma } from '@/src/generated/prisma/client'

export const disclosureInclude = {
  department: { include: { region: true, units: { orderBy: [{ position: 'asc' }, { code: 'asc' }] } } },
  template: true,
  revenueLines: { orderBy: { position: 'asc' } },
  expenditureLines: { orderBy: { position: 'asc' } },
  projects: { orderBy: [{ position: 'asc' }, { code: 'asc' }] },
  threePublic: { orderBy: [{ item: 'asc' }, { fund: 'asc' }] },
  procurementItems: { orderBy: { position: 'asc' } },
  fixedAssets: { orderBy: { category: 'asc' } },
} satisfies Prisma.DisclosureInclude

export type DisclosureFull = Prisma.DisclosureGetPayload<{ include: typeof disclosureInclude }>

const fen = (d: Prisma.Decimal | null | undefined): number => (d ? parseAmount(d.toFixed(2), '元') : 0)
const fenOrNull = (d: Prisma.Decimal | null | undefined): number | null => (d ? parseAmount(d.toFixed(2), '元') : null)

/**
 * Whose budget a disclosure is: the department's, or for a 单位预算 (unitCode set) the unit's, whose
 * code and name then head its tables and files.
 */
/** A unit's own 单位预算: the unit (its name, or its code when the unit is gone); null for a department's budget. */
export function unitOf(d: { unitCode: string; department: { units: { code: string; name: string }[] } }): { code: string; name: string } | null {
  if (!d.unitCode) return null
  return { code: d.unitCode, name: d.department.units.find((u) => u.code === d.unitCode)?.name ?? d.unitCode }
}

export function subjectOf(d: Pick<DisclosureFull, 'unitCode'> & { department: { code: string; name: string; units: { code: string; name: string }[] } }): { code: string; name: string } {
  const unit = d.unitCode ? d.department.units.find((u) => u.code === d.unitCode) : undefined
  return unit ? { code: unit.code, name: unit.name } : { code: d.department.code, name: d.department.name }
}

/** Database rows (元 as Decimal) → the kernel's plain data (分 as integers). A unit's budget lists that unit only. */
export function toBudgetData(d: DisclosureFull): BudgetData {
  return {
    year: d.year,
    department: subjectOf(d),
    units: d.department.units
      .filter((u) => !d.unitCode || u.code === d.unitCode)
      .map((u) => ({ code: u.code, name: u.name, nature: u.nature ?? undefined, rank: u.rank ?? undefined, fundingForm: u.fundingForm ?? undefined })),
    revenue: d.revenueLines.map((l) => ({ id: l.id, unitCode: l.unitCode, functionCode: l.functionCode, source: l.source as RevenueSource, amount: fen(l.amount) })),
    expenditure: d.expenditureLines.map((l) => ({
      id: l.id,
      unitCode: l.unitCode,
      functionCode: l.functionCode,
      fund: l.fund as FundType,
      category: l.category as ExpenditureCategory,
      economicCode: l.economicCode,
      projectCode: l.projectCode,
      amount: fen(l.amount),
    })),
    projects: d.projects.map((p) => ({ code: p.code, name: p.name, unitCode: p.unitCode ?? undefined, purpose: p.purpose ?? undefined })),
    threePublic: d.threePublic.map((e) => ({ item: e.item as ThreePublicItem, fund: e.fund as FundType, amount: fen(e.amount) })),
    vehicles: { purchased: d.vehiclesPurchased, heldAtYearEnd: d.vehiclesHeld },
    procurement: d.procurementItems.map((p) => ({
      id: p.id,
      projectCode: p.projectCode,
      projectName: p.projectName,
      projectBudget: fenOrNull(p.projectBudget),
      itemName: p.itemName,
      catalogueCode: p.catalogueCode,
      unit: p.unit,
      quantity: p.quantity ? p.quantity.toString() : null,
      unitPrice: fenOrNull(p.unitPrice),
      amounts: Object.fromEntries(Object.entries((p.amounts ?? {}) as Record<string, string>).map(([k, v]) => [k as ProcurementFund, parseAmount(v, '元')])),
      smeReserved: fenOrNull(p.smeReserved),
    })),
    fixedAssets: d.fixedAssets.map((a) => ({ category: a.category as FixedAssetCategory, quantity: a.quantity ? a.quantity.toString() : null, value: fenOrNull(a.value) })),
  }
}
