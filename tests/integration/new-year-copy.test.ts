import { describe, expect, it } from 'vitest'
import { createDisclosure } from '@/lib/disclosure/server/create-disclosure'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { getYearReview, markYearReviewed } from '@/lib/disclosure/server/year-review'
import { saveProject } from '@/lib/disclosure/server/edit-projects'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import { writeNotesAndTargets } from '@/lib/notes/server/seed-notes'
import { db } from '@/lib/server/db'
import { getSubmitState } from '@/lib/workflow/server/submit-state'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure as createFixture, createRegion, createUser } from '../factories/db'
import { chengde2023Notes, chengde2023Overall, chengde2023Targets } from '../../prisma/demo/notes-chengde-2023'

async function lastYear() {
  const region = await createRegion()
  const dept = await createDepartment(region.id)
  // the fixture's projects are named for their year (“2023 年度…”), as real budgets often are
  const data = chengde2023()
  const src = await createFixture(dept.id, data, 'published')
  await writeNotesAndTargets(db(), src.id, { notes: { ...chengde2023Notes(), other: '本部门2023年无其他需要说明的事项。' }, overall: chengde2023Overall(), targets: chengde2023Targets() })
  const accountant = await createUser('accountant', { departmentId: dept.id })
  return { dept, src, data, accountant }
}

describe('a new year starts from last year honestly (real PostgreSQL)', () => {
  it('copies only the chosen parts: notes and targets without lines; the old-year texts are flagged', async () => {
    const { dept, data, accountant } = await lastYear()
    const { id } = await createDisclosure(accountant, { departmentId: dept.id, year: 2024, copyFromYear: 2023, copyParts: ['projects', 'notes', 'targets'] })
    const d = await findDisclosureById(accountant, id)
    expect(d.copiedFromYear).toBe(2023)
    expect(d.expenditureLines).toHaveLength(0)
    expect(d.revenueLines).toHaveLength(0)
    expect(d.threePublic).toHaveLength(0)
    expect(d.projects).toHaveLength(data.projects.length)
    const notes = d.notes as { other: string; prior?: Record<string, string>; reasons?: Record<string, string> }
    expect(notes.other).toBe('本部门2023年无其他需要说明的事项。')
    // last year's prior-year figures and change reasons describe 2022→2023: not copied
    expect(notes.prior ?? {}).toEqual({})
    expect(notes.reasons ?? {}).toEqual({})
    expect(await db().performanceTarget.count({ where: { disclosureId: id } })).toBe(chengde2023Targets().length + 1)
    const review = (await getYearReview(accountant, id))!
    expect(review.fromYear).toBe(2023)
    const keys = review.flags.map((f) => f.key)
    expect(keys).toContain(`project:${data.projects[0]!.code}:name`)
    expect(keys).toContain('notes:other')
    expect(review.flags.find((f) => f.key === 'notes:other')).toMatchObject({ where: '情况说明·其他需要说明的事项', href: `/workspace/disclosures/${id}/notes` })
  })

  it('the default copy is the lines, projects and 三公; the flags are warnings at the submission gate until changed or checked', async () => {
    const { dept, data, accountant } = await lastYear()
    const { id } = await createDisclosure(accountant, { departmentId: dept.id, year: 2024, copyFromYear: 2023 })
    const d = await findDisclosureById(accountant, id)
    expect(d.expenditureLines).toHaveLength(data.expenditure.length)
    expect(d.threePublic.length).toBeGreaterThan(0)
    expect(d.notes).toEqual({})
    const project = d.projects[0]!
    expect(project.name).toMatch(/^2023 ?年度/)
    const named = data.projects.filter((p) => /2023/.test(p.name)).length + data.projects.filter((p) => /2023/.test(p.purpose ?? '')).length
    const gate = async () => (await getSubmitState(accountant, id)).warnings.filter((w) => w.finding.rule === 'copy.old_year')
    const gateOf = async () => (await gate()).filter((w) => w.finding.message.startsWith(`项目 ${project.code} 的名称`))
    expect(await gate()).toHaveLength(named)
    const before = await gateOf()
    expect(before).toHaveLength(1)
    expect(before[0]!.finding.message).toContain(`项目 ${project.code} 的名称仍写着“${project.name.slice(0, 10)}`)
    expect(before[0]!.explanation).toBeNull()
    // changing the text clears the flag ...
    const ed = await getEditorState(accountant, id, { withCatalogue: false })
    await saveProject(accountant, { disclosureId: id, version: ed.versions.projects, originalCode: project.code, values: { code: project.code, name: project.name.replace(/2023/, '2024'), unitCode: project.unitCode, purpose: project.purpose } })
    expect(await gateOf()).toHaveLength(0)
    // ... and “已核对” keeps a text that rightly names the year, until the text changes again
    await saveProject(accountant, { disclosureId: id, version: ed.versions.projects + 1, originalCode: project.code, values: { code: project.code, name: `${project.name.replace(/2023/, '2024')}（2023年启动）`, unitCode: project.unitCode, purpose: project.purpose } })
    expect(await gateOf()).toHaveLength(1)
    await markYearReviewed(accountant, { disclosureId: id, key: `project:${project.code}:name` })
    expect(await gateOf()).toHaveLength(0)
    expect((await getYearReview(accountant, id))!.flags.map((f) => f.key)).not.toContain(`project:${project.code}:name`)
    expect(await gate()).toHaveLength(named - 1)
    await expect(markYearReviewed(accountant, { disclosureId: id, key: `project:${project.code}:name` })).rejects.toMatchObject({ status: 422 })
    const other = await createUser('accountant', { departmentId: (await createDepartment((await createRegion()).id)).id })
    await expect(markYearReviewed(other, { disclosureId: id, key: 'notes:other' })).rejects.toMatchObject({ status: 404 })
  })
})
