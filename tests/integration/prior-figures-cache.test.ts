import { beforeAll, describe, expect, it } from 'vitest'
import { clearCatalogueCache } from '@/lib/catalogue/server/load-catalogue'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { loadNotesContext } from '@/lib/notes/server/load-notes-context'
import { db } from '@/lib/server/db'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion } from '../factories/db'

/**
 * The editor's notes read last year's figures from a cache keyed by the state of last year's budget
 * (lib/notes/server/prior-figures.ts, docs/decisions/026): the same answer while nothing changed, the new
 * figures as soon as that budget's version, its revision or the year's catalogue changes.
 */
describe('prior-year figures of the notes follow every change of the prior year (real PostgreSQL)', () => {
  let current: string
  let prior: string
  const load = async () => loadNotesContext(await db().disclosure.findUniqueOrThrow({ where: { id: current }, include: disclosureInclude }))
  const figures = async () => {
    const { ctx } = await load()
    expect(ctx.priorSystem?.year).toBe(2023)
    return ctx.priorSystem!.figures
  }
  const bumpFirstLine = async (id: string, by: number) => {
    const line = await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: id }, orderBy: { position: 'asc' } })
    await db().expenditureLine.update({ where: { id: line.id }, data: { amount: line.amount.plus(by) } })
  }

  beforeAll(async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    prior = (await createDisclosure(dept.id, { ...chengde2023(), year: 2023 }, 'published')).id
    current = (await createDisclosure(dept.id, { ...chengde2023(), year: 2024 }, 'draft')).id
  })

  it('the same figures while nothing changes, and a copy each time (a caller cannot change the next one)', async () => {
    const a = await figures()
    expect(Object.keys(a.amounts).length).toBeGreaterThan(0)
    a.counts['changedByACaller'] = 1
    const b = await figures()
    expect(b).not.toBe(a)
    expect(b.counts).not.toHaveProperty('changedByACaller')
    expect(await figures()).toEqual(b)
  })

  it('a save of the prior year (its version moves) gives its new figures at once', async () => {
    const before = await figures()
    // the key is the version every save moves: a change to the rows alone is not looked for
    await bumpFirstLine(prior, 1_000_000)
    expect(await figures()).toEqual(before)
    await db().disclosure.update({ where: { id: prior }, data: { version: { increment: 1 } } })
    const after = await figures()
    expect(after).not.toEqual(before)
  })

  it('a new revision of the prior year (a published correction) is read as soon as it is the latest', async () => {
    const before = await figures()
    const p = await db().disclosure.findUniqueOrThrow({ where: { id: prior }, include: { expenditureLines: true, revenueLines: true, threePublic: true, projects: true } })
    const strip = <T extends { id: string; disclosureId: string }>({ id: _id, disclosureId: _d, ...rest }: T) => rest
    const next = await db().disclosure.create({
      data: {
        departmentId: p.departmentId,
        unitCode: p.unitCode,
        year: p.year,
        revision: p.revision + 1,
        status: 'published',
        templateId: p.templateId,
        notes: p.notes ?? {},
        publishedAt: new Date(),
        expenditureLines: { create: p.expenditureLines.map(strip) },
        revenueLines: { create: p.revenueLines.map(strip) },
        threePublic: { create: p.threePublic.map(strip) },
        projects: { create: p.projects.map(strip) },
      },
    })
    await bumpFirstLine(next.id, 2_000_000)
    const after = await figures()
    expect(after).not.toEqual(before)
    const { priorDisclosure } = await load()
    expect(priorDisclosure).toMatchObject({ id: next.id, revision: p.revision + 1 })
  })

  it('a catalogue import (a new catalogue object) computes the figures again', async () => {
    const before = await figures()
    const { priorDisclosure } = await load()
    await bumpFirstLine(priorDisclosure!.id, 3_000_000)
    expect(await figures()).toEqual(before)
    clearCatalogueCache()
    expect(await figures()).not.toEqual(before)
  })
})
