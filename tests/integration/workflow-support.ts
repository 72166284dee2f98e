import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { findingKey } from '@/lib/workflow/gate'
import { disclosureContent } from '@/lib/workflow/server/disclosure-content'
import type { DisclosureStatus } from '@/src/generated/prisma/client'
import { chengde2023 } from '../../prisma/demo'
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

/**
 * A fresh department of the world's region with its own accountant and a disclosure (chengde-2023's lines,
 * no notes) in `status`. The factory data has warnings about its notes (no duties, no prior-year figures, no
 * performance targets); unless `explained: false`, the accountant has explained them already, as after an
 * earlier submission, so that a test's submission is gated only by what the test adds.
 */
export async function createCase(world: World, status: DisclosureStatus = 'draft', year = 2024, opts: { explained?: boolean } = {}) {
  const dept = await createDepartment(world.region.id)
  const disclosure = await createDisclosure(dept.id, { ...chengde2023(), year }, status)
  const accountant = await createUser('accountant', { departmentId: dept.id })
  if (opts.explained !== false) await explainAll(accountant, disclosure.id)
  return { dept, disclosure, accountant, id: disclosure.id }
}

/** Stores an explanation for every warning the disclosure has now. */
export async function explainAll(accountant: NonNullable<Actor>, id: string): Promise<string[]> {
  const keys = await warningKeys(id)
  await db().warningAcknowledgement.createMany({ data: keys.map((findingKey) => ({ disclosureId: id, findingKey, explanation: '已与财政局沟通，情况属实', userId: accountant.id })), skipDuplicates: true })
  return keys
}

/** The keys of the disclosure's current warnings (as the gate sees them). */
export async function warningKeys(id: string): Promise<string[]> {
  const d = await db().disclosure.findUniqueOrThrow({ where: { id }, include: disclosureInclude })
  const { findings } = await disclosureContent(d)
  return [...new Set(findings.filter((f) => f.severity === 'warning').map(findingKey))]
}

/** The lines' own version (docs/decisions/017): what a line save sends. */
export async function linesVersionOf(id: string): Promise<number> {
  return (await db().disclosure.findUniqueOrThrow({ where: { id } })).linesVersion
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
