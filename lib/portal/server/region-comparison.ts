import { parseAmount } from '@/lib/budget/money'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { ExpenditureAmount, Indicators, ThreePublicAmount } from '../figures'
import { figuresFromTables, indicatorsFromAmounts, indicatorsOf } from '../figures'
import { publicTables } from './disclosure-data'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'

export type ComparisonRow = { code: string; name: string; revision: number } & Indicators
export type RegionComparison = { region: { code: string; name: string; province: string }; year: number; rows: ComparisonRow[] }

const fen = (d: { toFixed(n: number): string } | null | undefined) => (d ? parseAmount(d.toFixed(2), '元') : 0)

/**
 * Cross-department comparison within a region and year: 支出合计, 基本/项目支出, 一般公共预算支出,
 * 人员经费, 机关运行经费 and 三公经费 of each department's latest published revision.
 *
 * Lines are summed in PostgreSQL by (disclosure, category, fund, economic code) — a few dozen groups per
 * department rather than every line — and the groups go through the same pure indicatorsFromAmounts as
 * everything else, so the figures equal those of each disclosure's own tables. Imported disclosures (no
 * lines, declared tables only) are read from their tables.
 */
export async function loadRegionComparison(regionCode: string, year: number): Promise<RegionComparison | null> {
  const region = await db().region.findUnique({ where: { code: regionCode }, select: { id: true, code: true, name: true, province: true } })
  if (!region) return null
  const all = await db().disclosure.findMany({
    where: { AND: [readableDisclosures(null), { year, department: { regionId: region.id } }] },
    orderBy: { revision: 'desc' },
    select: { id: true, revision: true, source: true, departmentId: true, department: { select: { code: true, name: true } } },
  })
  const seen = new Set<string>()
  const latest = all.filter((d) => !seen.has(d.departmentId) && (seen.add(d.departmentId), true))
  const fromLines = latest.filter((d) => d.source !== 'imported')
  const ids = fromLines.map((d) => d.id)
  const [groups, three] = await Promise.all([
    db().expenditureLine.groupBy({ by: ['disclosureId', 'category', 'fund', 'economicCode'], where: { disclosureId: { in: ids } }, _sum: { amount: true } }),
    db().threePublicEntry.findMany({ where: { disclosureId: { in: ids } }, select: { disclosureId: true, item: true, fund: true, amount: true } }),
  ])
  const exp = new Map<string, ExpenditureAmount[]>()
  for (const g of groups) {
    let list = exp.get(g.disclosureId)
    if (!list) exp.set(g.disclosureId, (list = []))
    list.push({ category: g.category, fund: g.fund, economicCode: g.economicCode, amount: fen(g._sum.amount) })
  }
  const tp = new Map<string, ThreePublicAmount[]>()
  for (const e of three) {
    let list = tp.get(e.disclosureId)
    if (!list) tp.set(e.disclosureId, (list = []))
    list.push({ item: e.item, fund: e.fund, amount: fen(e.amount) })
  }
  const rows: ComparisonRow[] = []
  for (const d of latest) {
    let ind: Indicators
    if (d.source === 'imported') {
      const full = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: disclosureInclude })
      ind = indicatorsOf(figuresFromTables(await publicTables(full)))
    } else {
      ind = indicatorsFromAmounts(exp.get(d.id) ?? [], tp.get(d.id) ?? [])
    }
    rows.push({ code: d.department.code, name: d.department.name, revision: d.revision, ...ind })
  }
  rows.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
  return { region: { code: region.code, name: region.name, province: region.province }, year, rows }
}
