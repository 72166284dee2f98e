import 'server-only'
import { formatWan, formatYuan, parseAmount } from '@/lib/budget/money'
import { FIXED_ASSET_CATEGORIES, PROCUREMENT_FUNDS } from '@/lib/budget/types'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { openForEdit } from '@/lib/disclosure/server/edit-lines'
import { findDisclosureById, scopeOf } from '@/lib/disclosure/server/find-disclosure'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { can } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import type { TSaveProcurement } from '../procurement'
import { procurementFindings } from '../procurement'
import type { ProcurementState } from '../view'
export type { ProcurementState } from '../view'

const y = (v: { toFixed(n: number): string } | null | undefined) => (v ? v.toFixed(2) : '')

export async function getProcurementState(actor: Actor, disclosureId: string): Promise<ProcurementState> {
  const d = await findDisclosureById(actor, disclosureId)
  const { data } = await computeFor(d)
  const budgets: Record<string, number> = {}
  for (const l of data.expenditure) if (l.projectCode && l.category === 'project') budgets[l.projectCode] = (budgets[l.projectCode] ?? 0) + l.amount
  return {
    id: d.id,
    year: d.year,
    status: d.status,
    version: d.procurementVersion,
    canEdit: can(actor, 'disclosure.edit', scopeOf(d)),
    department: { code: d.department.code, name: d.department.name },
    projects: d.projects.map((p) => ({ code: p.code, name: p.name, budget: formatWan(budgets[p.code] ?? 0) })),
    items: d.procurementItems.map((p) => ({
      projectCode: p.projectCode ?? '',
      projectName: p.projectName ?? '',
      projectBudget: y(p.projectBudget),
      itemName: p.itemName,
      catalogueCode: p.catalogueCode ?? '',
      unit: p.unit ?? '',
      quantity: p.quantity ? p.quantity.toString() : '',
      unitPrice: y(p.unitPrice),
      amounts: Object.fromEntries(Object.entries((p.amounts ?? {}) as Record<string, string>).filter(([, v]) => v && parseAmount(v, '元') !== 0)),
      smeReserved: y(p.smeReserved),
    })),
    fixedAssets: FIXED_ASSET_CATEGORIES.map((category) => {
      const a = d.fixedAssets.find((x) => x.category === category)
      return { category, quantity: a?.quantity ? a.quantity.toString() : '', value: y(a?.value) }
    }),
    findings: procurementFindings(data),
  }
}

const yuanOrNull = (s: string | undefined) => (s && s.trim() !== '' ? formatYuan(parseAmount(s, '元')) : null)

/**
 * Replaces the procurement items and the fixed-asset table in one transaction, with the version
 * check and an audit row. Each item already satisfied 数量 × 单价 = 金额 (the schema); here the
 * project it comes from must be the disclosure's.
 */
export async function saveProcurement(actor: Actor, input: TSaveProcurement): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'procurement', version: input.version })
    const errors: FieldError[] = []
    input.items.forEach((it, i) => {
      if (it.projectCode && !e.projectCodes.has(it.projectCode)) errors.push({ path: `items.${i}.projectCode`, message: `第 ${i + 1} 项的项目 ${it.projectCode} 不在本部门项目清单中` })
    })
    if (errors.length) throw new AppError('VALIDATION', errors.map((f) => f.message).join('；'), errors)
    const before = {
      items: await tx.procurementItem.findMany({ where: { disclosureId: e.id }, orderBy: { position: 'asc' } }),
      fixedAssets: await tx.fixedAsset.findMany({ where: { disclosureId: e.id } }),
    }
    await tx.procurementItem.deleteMany({ where: { disclosureId: e.id } })
    await tx.fixedAsset.deleteMany({ where: { disclosureId: e.id } })
    await tx.procurementItem.createMany({
      data: input.items.map((it, position) => ({
        disclosureId: e.id,
        projectCode: it.projectCode || null,
        projectName: it.projectCode ? null : it.projectName || null,
        projectBudget: it.projectCode ? null : yuanOrNull(it.projectBudget),
        itemName: it.itemName,
        catalogueCode: it.catalogueCode || null,
        unit: it.unit || null,
        quantity: it.quantity || null,
        unitPrice: yuanOrNull(it.unitPrice),
        amounts: Object.fromEntries(PROCUREMENT_FUNDS.flatMap((f) => (it.amounts[f] && it.amounts[f]!.trim() !== '' ? [[f, formatYuan(parseAmount(it.amounts[f]!, '元'))]] : []))),
        smeReserved: yuanOrNull(it.smeReserved),
        position,
      })),
    })
    await tx.fixedAsset.createMany({
      data: input.fixedAssets.filter((a) => (a.quantity ?? '') !== '' || (a.value ?? '') !== '').map((a) => ({ disclosureId: e.id, category: a.category, quantity: a.quantity || null, value: yuanOrNull(a.value) })),
    })
    await audit(tx, actor, {
      disclosureId: e.id,
      action: 'update',
      entity: 'procurement',
      before: { items: before.items.map((i) => ({ itemName: i.itemName, amounts: i.amounts })), fixedAssets: before.fixedAssets.map((a) => ({ category: a.category, quantity: a.quantity?.toString() ?? null, value: a.value?.toFixed(2) ?? null })) },
      after: { items: input.items, fixedAssets: input.fixedAssets },
    })
  })
}
