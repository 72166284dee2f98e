import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import type { DisclosureStatus } from '@/src/generated/prisma/client'
import { chengde2023 } from '../factories'
import { createDepartment, createDisclosure, createRegion, createUser } from '../factories/db'

/** Shared set-up of the workflow integration tests: real PostgreSQL, data written by the factories. */
export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

export type World = Awaited<ReturnType<typeof createWorld>>

/** A region with a department (and its accountant), a second department of the same region, another region, an admin. */
export async function createWorld() {
  const region = await createRegion()
  const elsewhere = await createRegion()
  const otherDept = await createDepartment(region.id)
  return {
    region,
    elsewhere,
    otherAccountant: await createUser('accountant', { departmentId: otherDept.id }),
    reviewer: await createUser('reviewer', { regionId: region.id }),
    reviewer2: await createUser('reviewer', { regionId: region.id }),
    reviewerElsewhere: await createUser('reviewer', { regionId: elsewhere.id }),
    admin: await createUser('admin'),
  }
}

/** A fresh department of the world's region with its own accountant and a disclosure (chengde-2023's lines) in `status`. */
export async function createCase(world: World, status: DisclosureStatus = 'draft', year = 2024) {
  const dept = await createDepartment(world.region.id)
  const disclosure = await createDisclosure(dept.id, { ...chengde2023(), year }, status)
  const accountant = await createUser('accountant', { departmentId: dept.id })
  return { dept, disclosure, accountant, id: disclosure.id }
}

export async function versionOf(id: string): Promise<number> {
  return (await db().disclosure.findUniqueOrThrow({ where: { id } })).version
}

export async function statusOf(id: string): Promise<DisclosureStatus> {
  return (await db().disclosure.findUniqueOrThrow({ where: { id } })).status
}

/** Every row of a disclosure and its data, for "nothing changed" assertions. */
export async function contentOf(id: string) {
  const d = await db().disclosure.findUniqueOrThrow({
    where: { id },
    include: {
      revenueLines: { orderBy: { position: 'asc' } },
      expenditureLines: { orderBy: { position: 'asc' } },
      projects: { orderBy: { code: 'asc' } },
      threePublic: { orderBy: [{ item: 'asc' }, { fund: 'asc' }] },
      procurementItems: { orderBy: { position: 'asc' } },
      fixedAssets: { orderBy: { category: 'asc' } },
      performanceTargets: { orderBy: { position: 'asc' } },
      comments: { orderBy: { createdAt: 'asc' } },
      acknowledgements: { orderBy: { findingKey: 'asc' } },
      snapshots: { orderBy: { createdAt: 'asc' } },
    },
  })
  return JSON.parse(JSON.stringify(d)) as unknown
}

/** A basic expenditure line carrying a project: the kernel's `line.project_on_basic` warning. */
export async function addWarning(id: string): Promise<string> {
  const l = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: id, category: 'basic' }, orderBy: { position: 'asc' } })
  const p = await db().project.findFirstOrThrow({ where: { disclosureId: id } })
  await db().expenditureLine.update({ where: { id: l.id }, data: { projectCode: p.code } })
  return l.id
}

/** An expenditure line with a function code missing from the catalogue: an `error` finding. */
export async function addError(id: string): Promise<string> {
  const l = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: id }, orderBy: { position: 'asc' } })
  await db().expenditureLine.update({ where: { id: l.id }, data: { functionCode: '2109998' } })
  return l.id
}

export type Actors = Record<'anonymous' | 'ownAccountant' | 'otherAccountant' | 'reviewerHere' | 'reviewerElsewhere' | 'admin', Actor>
