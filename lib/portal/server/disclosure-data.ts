import type { BudgetTable, FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { Template } from '@/lib/budget/template'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'

/**
 * Every portal query goes through readableDisclosures(null): the anonymous public sees published
 * disclosures only, whatever the caller passes.
 */
export const PUBLIC: Prisma.DisclosureWhereInput = readableDisclosures(null)

/** A department by its code or the code of one of its units. */
export const departmentByCode = (code: string): Prisma.DepartmentWhereInput => ({ OR: [{ code }, { units: { some: { code } } }] })

/** The published revision (the latest one unless `revision` is given) of a department's disclosure for a year. */
export async function findPublished(code: string, year: number, revision?: number): Promise<DisclosureFull | null> {
  return db().disclosure.findFirst({
    where: { AND: [PUBLIC, { year, department: departmentByCode(code) }, revision ? { revision } : {}] },
    orderBy: { revision: 'desc' },
    include: disclosureInclude,
  })
}

/** The latest published revision of each year of a department, oldest year first. */
export async function findPublishedYears(departmentId: string): Promise<DisclosureFull[]> {
  const all = await db().disclosure.findMany({ where: { AND: [PUBLIC, { departmentId }] }, orderBy: [{ year: 'asc' }, { revision: 'desc' }], include: disclosureInclude })
  const seen = new Set<number>()
  return all.filter((d) => (seen.has(d.year) ? false : (seen.add(d.year), true)))
}

/** Tables as the public sees them: declared tables of an imported disclosure, or derived from the lines. */
export async function publicTables(d: DisclosureFull): Promise<BudgetTable[]> {
  if (d.source === 'imported' && d.declaredTables) {
    const raw = d.declaredTables as unknown
    const list = (Array.isArray(raw) ? raw : ((raw as { tables?: unknown }).tables ?? [])) as FixtureTable[]
    return tablesFromFixture(list, d.template.definition as unknown as Template, d.year).tables
  }
  return (await computeFor(d)).tables
}

export function fixtureTables(tables: BudgetTable[]): FixtureTable[] {
  return tables.map(toFixtureTable)
}
