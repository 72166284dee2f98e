import { randomInt } from 'node:crypto'
import type { BudgetData } from '../../lib/budget/types'
import { createDisclosure as createDisclosureAs } from '../../lib/disclosure/server/create-disclosure'
import { replaceDisclosureData } from '../../lib/disclosure/server/replace-data'
import type { Actor, Role } from '../../lib/server/authz'
import { db } from '../../lib/server/db'
import { indexPublished } from '../../lib/portal/server/publication-index'
import { hashPassword } from '../../lib/server/password'
import { seedReferenceData, templateKeyFor } from '../../prisma/seed'
import type { DisclosureStatus } from '../../src/generated/prisma/client'
import { henanDept2023 } from './template-layouts'

/** Test data straight into PostgreSQL, shared by the integration tests (and usable from e2e set-up). */
export async function ensureReferenceData(): Promise<void> {
  await seedReferenceData(db())
}

// digits: codes as real systems print them (an all-letter code would not read back from its own export)
const uid = () => String(randomInt(10_000_000, 100_000_000))

export async function createRegion(name = `测试市${uid()}`) {
  return db().region.create({ data: { code: `R${uid()}`, name, province: '河北省', financeBureau: `${name}财政局` } })
}

export async function createDepartment(regionId: string, code = `D${uid()}`, name = `测试局${code}`) {
  return db().department.create({ data: { code, name, regionId } })
}

export async function createUser(role: Role, scope: { departmentId?: string; regionId?: string } = {}): Promise<NonNullable<Actor>> {
  const u = await db().user.create({
    data: { username: `${role}-${uid()}`, name: `${role} 测试`, role, passwordHash: 'scrypt$1$1$1$x$x', departmentId: scope.departmentId ?? null, regionId: scope.regionId ?? null },
  })
  return { id: u.id, role: u.role, name: u.name, departmentId: u.departmentId, regionId: u.regionId }
}

/** A disclosure whose lines are `data`, with unit codes made unique to this department. */
export async function createDisclosure(departmentId: string, data: BudgetData, status: DisclosureStatus = 'draft') {
  await ensureReferenceData()
  const dept = await db().department.findUniqueOrThrow({ where: { id: departmentId } })
  const remap = new Map(data.units.map((u) => [u.code, `${dept.code}-${u.code}`]))
  const fix = <T extends { unitCode?: string }>(x: T): T => (x.unitCode ? { ...x, unitCode: remap.get(x.unitCode) ?? x.unitCode } : x)
  const localised: BudgetData = {
    ...data,
    units: data.units.map((u) => ({ ...u, code: remap.get(u.code)! })),
    revenue: data.revenue.map(fix),
    expenditure: data.expenditure.map(fix),
    projects: data.projects.map(fix),
  }
  const template = await db().template.findUniqueOrThrow({ where: { key: templateKeyFor(data.year) } })
  const d = await db().disclosure.create({ data: { departmentId, year: data.year, status, templateId: template.id } })
  await db().$transaction((tx) => replaceDisclosureData(tx, d.id, departmentId, localised), { timeout: 30_000 })
  // a published disclosure reaches the portal's read model (lists, search) as a publication does
  if (status === 'published') await indexPublished(d.id)
  return db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: { department: true } })
}

/**
 * A county department in a 河南省 region with its 2023 budget entered as lines (henanDept2023, its units
 * under this department's codes, `extra` merged in), and its accountant. Without `templateKey` the
 * disclosure is created as an accountant creates it (the region's province picks henan-dept-2023);
 * with one, on that template (an admin's copy).
 */
export async function createHenanBudget(opts: { templateKey?: string; extra?: Partial<BudgetData> } = {}) {
  await ensureReferenceData()
  const region = await createRegion(`获嘉县${uid()}`)
  await db().region.update({ where: { id: region.id }, data: { province: '河南省' } })
  const dept = await createDepartment(region.id, String(randomInt(100_000, 1_000_000)), '获嘉县医疗保障局')
  const accountant = await createUser('accountant', { departmentId: dept.id })
  const id = opts.templateKey
    ? (await db().disclosure.create({ data: { departmentId: dept.id, year: 2023, status: 'draft', templateId: (await db().template.findUniqueOrThrow({ where: { key: opts.templateKey } })).id } })).id
    : (await createDisclosureAs(accountant, { departmentId: dept.id, year: 2023 })).id
  const base = henanDept2023()
  const code = new Map(base.units.map((u, i) => [u.code, `${dept.code}${String(i + 1).padStart(3, '0')}`]))
  const fix = <T extends { unitCode?: string }>(x: T): T => (x.unitCode ? { ...x, unitCode: code.get(x.unitCode) ?? x.unitCode } : x)
  const data: BudgetData = {
    ...base,
    department: { code: dept.code, name: dept.name },
    units: base.units.map((u) => ({ ...u, code: code.get(u.code)! })),
    revenue: base.revenue.map(fix),
    expenditure: base.expenditure.map(fix),
    projects: base.projects.map(fix),
    ...opts.extra,
  }
  await db().$transaction((tx) => replaceDisclosureData(tx, id, dept.id, data), { timeout: 30_000 })
  return { region, dept, accountant, id, data }
}

/** A user's password set to `password` (the e2e journeys sign in with it); returns the username. */
export async function withPassword(userId: string, password: string): Promise<string> {
  return (await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } })).username
}
