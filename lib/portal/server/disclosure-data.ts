import 'server-only'
import type { BudgetTable, FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { disclosureInclude, toBudgetData } from '@/lib/disclosure/server/to-budget-data'
import { operatingUnitCodes } from '@/lib/notes/figures'
import { parseStoredNotes } from '@/lib/notes/schemas'
import type { DisclosureFigures } from '../figures'
import { figuresFromTables, indicatorsFromAmounts } from '../figures'
import { readableDisclosures } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import { templateDefinition } from '@/lib/budget/template-schema'

/**
 * Every portal query goes through readableDisclosures(null): the anonymous public sees published
 * disclosures only, whatever the caller passes.
 */
export const PUBLIC: Prisma.DisclosureWhereInput = readableDisclosures(null)

/**
 * Whose budget a public code names: a department's code, else a unit's (two unique-index lookups; an OR
 * over both tables would defeat the indexes and scan, docs/decisions/020-portal-scale.md).
 */
export async function subjectByCode(code: string): Promise<{ departmentId: string; unitCode: string | null } | null> {
  const dep = await db().department.findUnique({ where: { code }, select: { id: true } })
  if (dep) return { departmentId: dep.id, unitCode: null }
  const unit = await db().unit.findUnique({ where: { code }, select: { code: true, departmentId: true } })
  return unit ? { departmentId: unit.departmentId, unitCode: unit.code } : null
}

/**
 * The published revision (the latest one unless `revision` is given) of a disclosure for a year: the
 * department's budget, or for a unit's code the unit's own 单位预算 when it has one, else its department's.
 * Every step is a lookup by a unique index (department code, unit code, then departmentId × unitCode × year).
 */
export async function findPublished(code: string, year: number, revision?: number): Promise<DisclosureFull | null> {
  const subject = await subjectByCode(code)
  if (!subject) return null
  const find = (unitCode: string) =>
    db().disclosure.findFirst({ where: { AND: [PUBLIC, { departmentId: subject.departmentId, unitCode, year }, revision ? { revision } : {}] }, orderBy: { revision: 'desc' }, include: disclosureInclude })
  if (subject.unitCode) {
    const own = await db().disclosure.findFirst({ where: { AND: [PUBLIC, { departmentId: subject.departmentId, unitCode: subject.unitCode, year }] }, select: { id: true } })
    if (own) return find(subject.unitCode)
  }
  return find('')
}

/** The latest published revision of each year of a department's budget (or of one unit's, `unitCode`), oldest year first. */
export async function findPublishedYears(departmentId: string, unitCode = ''): Promise<DisclosureFull[]> {
  const all = await db().disclosure.findMany({ where: { AND: [PUBLIC, { departmentId, unitCode }] }, orderBy: [{ year: 'asc' }, { revision: 'desc' }], include: disclosureInclude })
  const seen = new Set<number>()
  return all.filter((d) => (seen.has(d.year) ? false : (seen.add(d.year), true)))
}

/** Tables as the public sees them: declared tables of an imported disclosure, or derived from the lines. */
export async function publicTables(d: DisclosureFull): Promise<BudgetTable[]> {
  if (d.source === 'imported' && d.declaredTables) {
    const raw = d.declaredTables as unknown
    const list = (Array.isArray(raw) ? raw : ((raw as { tables?: unknown }).tables ?? [])) as FixtureTable[]
    return tablesFromFixture(list, templateDefinition.read(d.template.definition), d.year).tables
  }
  return (await computeFor(d)).tables
}

export function fixtureTables(tables: BudgetTable[]): FixtureTable[] {
  return tables.map(toFixtureTable)
}

/**
 * The units whose 公用经费 are 机关运行经费: 行政 and 参公 units and those the notes mark as 参公 — the
 * scope the 情况说明 use (lib/notes), so the page's figure and the notes' sentence agree.
 */
export function operatingUnits(units: { code: string; nature: string | null }[], notes: unknown): Set<string> {
  return operatingUnitsOf(units, parseStoredNotes(notes).operatingCosts.civilServiceUnits)
}

export function operatingUnitsOf(units: { code: string; nature: string | null }[], civilServiceUnits: string[]): Set<string> {
  const data = { units: units.map((u) => ({ code: u.code, name: '', nature: u.nature ?? undefined })) } as Parameters<typeof operatingUnitCodes>[0]
  return new Set(operatingUnitCodes(data, { operatingCosts: { civilServiceUnits, labels: {}, extra: '' } } as Parameters<typeof operatingUnitCodes>[1]))
}

/** The page's figures: from the printed tables, with 机关运行经费 from the lines in the notes' unit scope when there are lines. */
export async function publicFigures(d: DisclosureFull, tables?: BudgetTable[]): Promise<DisclosureFigures> {
  const f = figuresFromTables(tables ?? (await publicTables(d)))
  if (d.source !== 'imported' && d.expenditureLines.length > 0) {
    const data = toBudgetData(d)
    f.operating = indicatorsFromAmounts(data.expenditure, [], operatingUnits(d.department.units, d.notes)).operating
  }
  return f
}
