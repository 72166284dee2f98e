import 'server-only'
import { parseAmount } from '@/lib/budget/money'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { ExpenditureAmount, Indicators, ThreePublicAmount } from '../figures'
import { indicatorsFromAmounts, indicatorsOf } from '../figures'
import { operatingUnitsOf, publicFigures } from './disclosure-data'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'

export type ComparisonRow = { code: string; name: string; revision: number } & Indicators
export type RegionComparison = { region: { code: string; name: string; province: string }; year: number; rows: ComparisonRow[] }

/**
 * Cross-department comparison within a region and year: 支出合计, 基本/项目支出, 一般公共预算支出,
 * 人员经费, 机关运行经费 and 三公经费 of each department's latest published revision.
 *
 * Lines are summed in PostgreSQL by (disclosure, category, fund, economic 类) — a handful of groups per
 * department rather than every line, amounts as exact text — and the groups go through the same pure indicatorsFromAmounts as
 * everything else, so the figures equal those of each disclosure's own tables. Imported disclosures (no
 * lines, declared tables only) are read from their tables.
 */
export async function loadRegionComparison(regionCode: string, year: number): Promise<RegionComparison | null> {
  const region = await db().region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true, province: true } })
  if (!region) return null
  // the latest published revision of each department (PortalEntry, kept at publication: by index, not a scan)
  const entries = await db().portalEntry.findMany({ where: { regionId: region.id, year }, select: { disclosureId: true, departmentCode: true, departmentName: true } })
  const sources = entries.length
    ? await db().disclosure.findMany({ where: { AND: [readableDisclosures(null), { id: { in: entries.map((e) => e.disclosureId) } }] }, select: { id: true, revision: true, source: true } })
    : []
  const byId = new Map(entries.map((e) => [e.disclosureId, e]))
  const latest = sources.map((d) => ({ ...d, department: { code: byId.get(d.id)!.departmentCode, name: byId.get(d.id)!.departmentName } }))
  const fromLines = latest.filter((d) => d.source === 'lines')
  const ids = fromLines.map((d) => d.id)
  // sums by economic 类 (the first three digits decide 人员/公用 for isPersonnelEconomic), as exact text
  const [groups, three, opGroups, units, civil] = await Promise.all([
    ids.length
      ? db().$queryRaw<{ id: string; category: string; fund: string; econ: string; amount: string }[]>`
          SELECT "disclosureId" AS id, "category", "fund", left("economicCode", 3) AS econ, SUM("amount")::text AS amount
          FROM "ExpenditureLine" WHERE "disclosureId" = ANY(${ids}::text[])
          GROUP BY 1, 2, 3, 4`
      : [],
    ids.length
      ? db().$queryRaw<{ id: string; item: string; fund: string; amount: string }[]>`
          SELECT "disclosureId" AS id, "item", "fund", SUM("amount")::text AS amount
          FROM "ThreePublicEntry" WHERE "disclosureId" = ANY(${ids}::text[])
          GROUP BY 1, 2, 3`
      : [],
    // 机关运行经费 needs the unit: basic expenditure by unit, fund and economic 类
    ids.length
      ? db().$queryRaw<{ id: string; unit: string; fund: string; econ: string; amount: string }[]>`
          SELECT "disclosureId" AS id, "unitCode" AS unit, "fund", left("economicCode", 3) AS econ, SUM("amount")::text AS amount
          FROM "ExpenditureLine" WHERE "disclosureId" = ANY(${ids}::text[]) AND "category" = 'basic'
          GROUP BY 1, 2, 3, 4`
      : [],
    ids.length
      ? db().$queryRaw<{ id: string; code: string; nature: string | null }[]>`
          SELECT d."id", u."code", u."nature" FROM "Disclosure" d
          CROSS JOIN LATERAL (SELECT x."code", x."nature" FROM "Unit" x WHERE x."departmentId" = d."departmentId" OFFSET 0) u
          WHERE d."id" = ANY(${ids}::text[])`
      : [],
    ids.length
      ? db().$queryRaw<{ id: string; civil: unknown }[]>`
          SELECT "id", "notes" -> 'operatingCosts' -> 'civilServiceUnits' AS civil FROM "Disclosure" WHERE "id" = ANY(${ids}::text[])`
      : [],
  ])
  const exp = new Map<string, ExpenditureAmount[]>()
  for (const g of groups) {
    let list = exp.get(g.id)
    if (!list) exp.set(g.id, (list = []))
    list.push({ category: g.category, fund: g.fund, economicCode: g.econ, amount: parseAmount(g.amount, '元') })
  }
  const tp = new Map<string, ThreePublicAmount[]>()
  for (const e of three) {
    let list = tp.get(e.id)
    if (!list) tp.set(e.id, (list = []))
    list.push({ item: e.item, fund: e.fund, amount: parseAmount(e.amount, '元') })
  }
  const unitsOf = new Map<string, { code: string; nature: string | null }[]>()
  for (const u of units) {
    let list = unitsOf.get(u.id)
    if (!list) unitsOf.set(u.id, (list = []))
    list.push({ code: u.code, nature: u.nature })
  }
  const civilOf = new Map(civil.map((c) => [c.id, Array.isArray(c.civil) ? c.civil.filter((x): x is string => typeof x === 'string') : []]))
  const opOf = new Map<string, ExpenditureAmount[]>()
  for (const g of opGroups) {
    let list = opOf.get(g.id)
    if (!list) opOf.set(g.id, (list = []))
    list.push({ category: 'basic', fund: g.fund, economicCode: g.econ, unitCode: g.unit, amount: parseAmount(g.amount, '元') })
  }
  const rows: ComparisonRow[] = []
  for (const d of latest) {
    let ind: Indicators
    if (d.source !== 'lines') {
      // imported tables, or a budget consolidated from its units' lines: read from its tables
      const full = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: disclosureInclude })
      ind = indicatorsOf(await publicFigures(full))
    } else {
      const scope = operatingUnitsOf(unitsOf.get(d.id) ?? [], civilOf.get(d.id) ?? [])
      ind = { ...indicatorsFromAmounts(exp.get(d.id) ?? [], tp.get(d.id) ?? []), operating: indicatorsFromAmounts(opOf.get(d.id) ?? [], [], scope).operating }
    }
    rows.push({ code: d.department.code, name: d.department.name, revision: d.revision, ...ind })
  }
  rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
  return { region: { code: region.code, name: region.name, province: region.province }, year, rows }
}
