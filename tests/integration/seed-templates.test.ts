/**
 * Installed templates on upgrade (prisma/seed.ts, docs/decisions/010): a copy that predates the printed-across
 * 三公 gets the orientation, unless submitted or published budgets use it — those keep printing as they were
 * submitted, reviewed and published.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { Template } from '@/lib/budget/template'
import { db } from '@/lib/server/db'
import { createDepartment, createRegion, ensureReferenceData } from '../factories/db'

const KEY = 'henan-dept-2023'
const orientationOf = async () => ((await db().template.findUniqueOrThrow({ where: { key: KEY } })).definition as unknown as Template).tables.find((t) => t.kind === 'three_public')!
/** The stored copy as an installation from before the orientation existed has it. */
async function dropOrientation() {
  const t = await db().template.findUniqueOrThrow({ where: { key: KEY } })
  const def = t.definition as unknown as Template
  await db().template.update({ where: { id: t.id }, data: { definition: { ...def, tables: def.tables.map((tb) => (tb.kind === 'three_public' ? { ...tb, orientation: undefined } : tb)) } as object } })
}

describe('installed templates on upgrade', () => {
  let disclosureId: string | null = null
  afterAll(async () => {
    if (disclosureId) await db().disclosure.delete({ where: { id: disclosureId } })
    await ensureReferenceData()
  })

  it('a copy used by a published budget keeps its upright 三公; once nothing locked uses it, the orientation is added', async () => {
    await ensureReferenceData()
    expect(await orientationOf()).toMatchObject({ orientation: 'horizontal' })
    await dropOrientation()
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const template = await db().template.findUniqueOrThrow({ where: { key: KEY } })
    disclosureId = (await db().disclosure.create({ data: { departmentId: dept.id, year: 2023, status: 'published', templateId: template.id, publishedAt: new Date() } })).id

    await ensureReferenceData()
    expect(await orientationOf()).not.toHaveProperty('orientation')

    await db().disclosure.update({ where: { id: disclosureId }, data: { status: 'draft' } })
    await ensureReferenceData()
    expect(await orientationOf()).toMatchObject({ orientation: 'horizontal' })
  })
})
