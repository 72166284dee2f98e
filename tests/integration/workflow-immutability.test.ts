import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { deleteLine, pasteLines, saveLine } from '@/lib/disclosure/server/edit-lines'
import { deleteProject, saveProject } from '@/lib/disclosure/server/edit-projects'
import { applyProjects } from '@/lib/disclosure/server/apply-projects'
import { saveThreePublic } from '@/lib/disclosure/server/edit-three-public'
import { ZNotes } from '@/lib/notes/schemas'
import { saveProcurement } from '@/lib/notes/server/procurement'
import { saveNotes } from '@/lib/notes/server/save-notes'
import { deleteProjectTarget, saveOverallTarget, saveProjectTarget } from '@/lib/performance/server/save-targets'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { approveDisclosure } from '@/lib/workflow/server/approve-disclosure'
import { addComment, deleteComment } from '@/lib/workflow/server/comment-disclosure'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { returnDisclosure } from '@/lib/workflow/server/return-disclosure'
import { submitDisclosure } from '@/lib/workflow/server/submit-disclosure'
import type { World } from './workflow-support'
import { contentOf, createCase, createWorld, errorOf, versionOf, linesVersionOf } from './workflow-support'

/**
 * A published disclosure cannot be changed through any action or API. Every mutation path is tried by
 * every role on a published disclosure with its current version; each is refused and not one row changes.
 */
describe('a published disclosure is immutable (real PostgreSQL)', () => {
  let w: World
  let c: Awaited<ReturnType<typeof createCase>>
  let commentId: string
  let targetId: string
  beforeAll(async () => {
    w = await createWorld()
    c = await createCase(w, 'published')
    // a comment left from its review, to try withdrawing it
    commentId = (await db().reviewComment.create({ data: { disclosureId: c.id, authorId: w.reviewer.id, anchor: { kind: 'general' }, body: '已核实', version: 1 } })).id
    targetId = (await db().performanceTarget.create({ data: { disclosureId: c.id, kind: 'project', projectCode: '447-2023-01', title: '运行经费项目绩效目标' } })).id
  })

  const paths = (): [string, (actor: Actor, version: number) => Promise<unknown>][] => {
    const id = c.id
    const unitCode = `${c.dept.code}-447001`
    const line = { unitCode, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '1.00' }
    return [
      ['saveLine (new)', (a, version) => saveLine(a, { disclosureId: id, version, list: 'expenditure', values: line })],
      ['saveLine (update)', async (a, version) => saveLine(a, { disclosureId: id, version, list: 'expenditure', id: (await db().expenditureLine.findFirstOrThrow({ where: { disclosureId: id } })).id, values: line })],
      ['deleteLine', async (a, version) => deleteLine(a, { disclosureId: id, version, list: 'revenue', id: (await db().revenueLine.findFirstOrThrow({ where: { disclosureId: id } })).id })],
      ['pasteLines', (a, version) => pasteLines(a, { disclosureId: id, version, list: 'expenditure', text: `${unitCode}\t2101501\t30201\t一般公共预算\t基本支出\t\t1.00` })],
      ['saveProject', (a, version) => saveProject(a, { disclosureId: id, version, values: { code: 'NEW-1', name: '新项目' } })],
      ['applyProjects', async (a, version) => applyProjects(a, { disclosureId: id, version, ops: [{ kind: 'put', id: 'immutable-new-project', row: 1, base: null, values: { code: 'NEW-2', name: '新项目', unitCode: '', purpose: '' } }] })],
      ['deleteProject', async (a, version) => deleteProject(a, { disclosureId: id, version, code: (await db().project.findFirstOrThrow({ where: { disclosureId: id } })).code })],
      ['saveThreePublic', (a, version) => saveThreePublic(a, { disclosureId: id, version, values: { amounts: {}, vehiclesPurchased: '9', vehiclesHeld: '9' } })],
      ['saveNotes', (a, version) => saveNotes(a, { disclosureId: id, version, notes: ZNotes.parse({ other: '改写已公开的说明' }) })],
      ['saveProcurement', (a, version) => saveProcurement(a, { disclosureId: id, version, items: [], fixedAssets: [] })],
      ['saveProjectTarget', (a, version) => saveProjectTarget(a, { disclosureId: id, version, id: targetId, target: { projectCode: '447-2023-01' } as never })],
      ['deleteProjectTarget', (a, version) => deleteProjectTarget(a, { disclosureId: id, version, id: targetId })],
      ['saveOverallTarget', (a, version) => saveOverallTarget(a, { disclosureId: id, version, target: {} as never })],
      ['submit', (a, version) => submitDisclosure(a, { disclosureId: id, version, acknowledgements: [] })],
      ['comment', (a, version) => addComment(a, { disclosureId: id, version, anchor: { kind: 'general' }, body: '改一下' })],
      ['deleteComment', (a, version) => deleteComment(a, { disclosureId: id, version, commentId })],
      ['return', (a, version) => returnDisclosure(a, { disclosureId: id, version, reason: '重新审核' })],
      ['approve', (a, version) => approveDisclosure(a, { disclosureId: id, version })],
      ['publish', (a, version) => publishDisclosure(a, { disclosureId: id, version })],
    ]
  }

  it('every edit and workflow path is refused for every role, with the current version, and nothing changes', async () => {
    const before = await contentOf(c.id)
    const actors: [string, Actor][] = [
      ['anonymous', null],
      ['own accountant', c.accountant],
      ['other accountant', w.otherAccountant],
      ['reviewer here', w.reviewer],
      ['reviewer elsewhere', w.reviewerElsewhere],
      ['admin', w.admin],
    ]
    for (const [who, actor] of actors)
      for (const [name, run] of paths()) {
        const e = await errorOf(run(actor, await versionOf(c.id)))
        // readable by all, so never 404; the status (or the role) stands in the way
        expect([401, 403, 423], `${who} ${name}: ${e.code} ${e.message}`).toContain(e.status)
      }
    expect(await contentOf(c.id)).toEqual(before)
  })

  it('the own accountant is told why: the disclosure is 已公开 and a correction is the way to change it', async () => {
    const e = await errorOf(saveLine(c.accountant, { disclosureId: c.id, version: await linesVersionOf(c.id), list: 'expenditure', values: {} }))
    expect(e.code).toBe('LOCKED')
    expect(e.message).toBe('该预算公开当前状态为“已公开”，不能修改')
  })

  it('every module that writes disclosure data in its own transaction checks a permission first (static check of lib/)', () => {
    const WRITES = /\b(tx|db\(\))\.(disclosure|revenueLine|expenditureLine|project|threePublicEntry|procurementItem|fixedAsset|performanceTarget|reviewComment|warningAcknowledgement|submissionSnapshot)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/
    const CHECKS = /requirePermission\(|openForEdit\(|openForAction\(/
    const files: string[] = []
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) files.push(p)
      }
    }
    walk(path.resolve('lib'))
    const writers = files.filter((f) => {
      const src = fs.readFileSync(f, 'utf8')
      // helpers that take the caller's transaction (replace-data) are checked through their callers
      const opensOwn = /db\(\)\.\$transaction\(|db\(\)\.\w+\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/.test(src)
      return opensOwn && WRITES.test(src)
    })
    const rel = (f: string) => path.relative(process.cwd(), f)
    // the scan sees the known writers (so it is not vacuous) …
    expect(writers.map(rel)).toEqual(expect.arrayContaining(['lib/disclosure/server/edit-lines.ts', 'lib/workflow/server/submit-disclosure.ts', 'lib/workflow/server/correct-disclosure.ts']))
    // … and every one of them checks
    expect(writers.filter((f) => !CHECKS.test(fs.readFileSync(f, 'utf8'))).map(rel)).toEqual([])
  })
})
