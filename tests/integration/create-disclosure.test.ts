import { describe, expect, it } from 'vitest'
import { createDisclosure } from '@/lib/disclosure/server/create-disclosure'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { db } from '@/lib/server/db'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure as createFixture, createRegion, createUser } from '../factories/db'

describe('starting a new year (real PostgreSQL)', () => {
  it('copies last year’s lines as the starting point, under the newest template not after the year', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    await createFixture(dept.id, chengde2023(), 'published')
    const accountant = await createUser('accountant', { departmentId: dept.id })
    const { id } = await createDisclosure(accountant, { departmentId: dept.id, year: 2025, copyFromYear: 2023 })
    const d = await findDisclosureById(accountant, id)
    expect(d.status).toBe('draft')
    expect(d.template.key).toBe('hebei-dept-2024')
    expect(d.expenditureLines.length).toBe(chengde2023().expenditure.length)
    const { tables } = await computeFor(d)
    expect(tables.find((t) => t.key === 'expenditure_summary')!.rows[0]![2]).toBe(235050)
    await expect(createDisclosure(accountant, { departmentId: dept.id, year: 2025 })).rejects.toThrow('2025 年的预算公开已存在')
    expect(await db().auditLog.count({ where: { disclosureId: id, action: 'create', entity: 'disclosure' } })).toBe(1)
  })

  it('an accountant of another department cannot start a year for this one', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const other = await createUser('accountant', { departmentId: (await createDepartment(region.id)).id })
    await expect(createDisclosure(other, { departmentId: dept.id, year: 2026 })).rejects.toMatchObject({ status: 404 })
    expect(await db().disclosure.count({ where: { departmentId: dept.id } })).toBe(0)
  })
})
