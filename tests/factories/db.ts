import { randomUUID } from 'node:crypto'
import type { BudgetData } from '../../lib/budget/types'
import { replaceDisclosureData } from '../../lib/disclosure/server/replace-data'
import type { Actor, Role } from '../../lib/server/authz'
import { db } from '../../lib/server/db'
import { seedReferenceData, templateKeyFor } from '../../prisma/seed'
import type { DisclosureStatus } from '../../src/generated/prisma/client'

/** Test data straight into PostgreSQL, shared by the integration tests (and usable from e2e set-up). */
export async function ensureReferenceData(): Promise<void> {
  await seedReferenceData(db())
}

const uid = () => randomUUID().slice(0, 8)

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
  return db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: { department: true } })
}
