import { describe, expect, it } from 'vitest'
import { getEditorState } from '@/lib/disclosure/server/editor-state'
import { saveLine } from '@/lib/disclosure/server/edit-lines'
import { saveThreePublic } from '@/lib/disclosure/server/edit-three-public'
import { ZNotes } from '@/lib/notes/schemas'
import { getNotesState } from '@/lib/notes/server/get-notes-state'
import { getProcurementState, saveProcurement } from '@/lib/notes/server/procurement'
import { saveNotes } from '@/lib/notes/server/save-notes'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure, createRegion, createUser } from '../factories/db'

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

async function setup() {
  const region = await createRegion()
  const dept = await createDepartment(region.id)
  const d = await createDisclosure(dept.id, chengde2023(), 'draft')
  const a = await createUser('accountant', { departmentId: dept.id })
  const b = await createUser('accountant', { departmentId: dept.id })
  const unitCode = (await getEditorState(a, d.id, { withCatalogue: false })).units[0]!.code
  const line = { unitCode, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '0.10' }
  return { d, a, b, line }
}

describe('per-part versions (docs/decisions/017), real PostgreSQL', () => {
  it('notes and lines saved concurrently from the same versions both succeed, and both are kept', async () => {
    const { d, a, b, line } = await setup()
    const notesSeen = await getNotesState(a, d.id)
    const editorSeen = await getEditorState(b, d.id, { withCatalogue: false })
    const linesBefore = editorSeen.expenditure.length
    // the two saves run at the same time, each against the version its editor saw
    await Promise.all([
      saveNotes(a, { disclosureId: d.id, version: notesSeen.version, notes: ZNotes.parse({ ...notesSeen.notes, other: '甲写的其他事项。' }) }),
      saveLine(b, { disclosureId: d.id, version: editorSeen.versions.lines, list: 'expenditure', values: line }),
    ])
    const after = await getEditorState(a, d.id, { withCatalogue: false })
    expect(after.expenditure.length).toBe(linesBefore + 1)
    expect((await getNotesState(a, d.id)).notes.other).toBe('甲写的其他事项。')
    expect(after.versions.lines).toBe(editorSeen.versions.lines + 1)
    expect(after.versions.notes).toBe(notesSeen.version + 1)
    // the disclosure's own version (the workflow's) counts every save
    expect(after.version).toBe(editorSeen.version + 2)
    // the notes editor, still on the version it saw before the line was saved, saves again: fine
    const again = await getNotesState(a, d.id)
    await saveNotes(a, { disclosureId: d.id, version: again.version, notes: ZNotes.parse({ ...again.notes, other: '甲改后的其他事项。' }) })
    expect((await getNotesState(b, d.id)).notes.other).toBe('甲改后的其他事项。')
  })

  it('a stale save of the same part is refused with a Chinese conflict, and nothing of it is written', async () => {
    const { d, a, b } = await setup()
    const seenA = await getNotesState(a, d.id)
    const seenB = await getNotesState(b, d.id)
    await saveNotes(b, { disclosureId: d.id, version: seenB.version, notes: ZNotes.parse({ ...seenB.notes, other: '乙的修改。' }) })
    const auditsBefore = await db().auditLog.count({ where: { disclosureId: d.id, entity: 'notes' } })
    const e = await errorOf(saveNotes(a, { disclosureId: d.id, version: seenA.version, notes: ZNotes.parse({ ...seenA.notes, other: '甲的旧稿。' }) }))
    expect(e.code).toBe('CONFLICT')
    expect(e.status).toBe(409)
    expect(e.message).toContain('情况说明已被他人修改')
    expect((await getNotesState(a, d.id)).notes.other).toBe('乙的修改。')
    expect(await db().auditLog.count({ where: { disclosureId: d.id, entity: 'notes' } })).toBe(auditsBefore)
  })

  it('two saves of the same part against one version at the same time: exactly one wins', async () => {
    const { d, a, b } = await setup()
    const seen = await getNotesState(a, d.id)
    const results = await Promise.allSettled([
      saveNotes(a, { disclosureId: d.id, version: seen.version, notes: ZNotes.parse({ ...seen.notes, other: '甲。' }) }),
      saveNotes(b, { disclosureId: d.id, version: seen.version, notes: ZNotes.parse({ ...seen.notes, other: '乙。' }) }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect((refused.reason as AppError).code).toBe('CONFLICT')
    const winner = results[0]!.status === 'fulfilled' ? '甲。' : '乙。'
    expect((await getNotesState(a, d.id)).notes.other).toBe(winner)
  })

  it('procurement, 三公 and lines each have their own version; a save racing a submission loses', async () => {
    const { d, a, line } = await setup()
    const p = await getProcurementState(a, d.id)
    const ed = await getEditorState(a, d.id, { withCatalogue: false })
    await saveThreePublic(a, { disclosureId: d.id, version: ed.versions.threePublic, values: { amounts: Object.fromEntries(ed.threePublic.map((t) => [`${t.item}:${t.fund}`, t.amount])), vehiclesPurchased: '1', vehiclesHeld: '3' } })
    await saveProcurement(a, { disclosureId: d.id, version: p.version, items: [], fixedAssets: [] } as never)
    await saveLine(a, { disclosureId: d.id, version: ed.versions.lines, list: 'expenditure', values: line })
    // a status change between reading and saving: the part's version alone does not let the save through
    await db().disclosure.update({ where: { id: d.id }, data: { status: 'submitted' } })
    const after = await getEditorState(a, d.id, { withCatalogue: false })
    const e = await errorOf(saveLine(a, { disclosureId: d.id, version: after.versions.lines, list: 'expenditure', values: line }))
    expect(e.status).toBeGreaterThanOrEqual(400)
    expect(e.status).toBeLessThan(500)
    expect((await getEditorState(a, d.id, { withCatalogue: false })).expenditure.length).toBe(after.expenditure.length)
  })
})
