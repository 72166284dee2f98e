import { beforeAll, describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import { saveLine } from '@/lib/disclosure/server/edit-lines'
import { db } from '@/lib/server/db'
import { chinaDate, chinaMidnight } from '@/lib/workflow/deadline'
import { approveDisclosure } from '@/lib/workflow/server/approve-disclosure'
import { addComment, deleteComment } from '@/lib/workflow/server/comment-disclosure'
import { correctDisclosure } from '@/lib/workflow/server/correct-disclosure'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { returnDisclosure } from '@/lib/workflow/server/return-disclosure'
import { getReviewState } from '@/lib/workflow/server/review-state'
import { reviewQueue } from '@/lib/workflow/server/review-queue'
import { getSubmitState } from '@/lib/workflow/server/submit-state'
import { submitDisclosure } from '@/lib/workflow/server/submit-disclosure'
import { chengde2023 } from '../../prisma/demo'
import { createDisclosure } from '../factories/db'
import type { World } from './workflow-support'
import { addError, addWarning, createCase, createWorld, errorOf, explainAll, statusOf, versionOf, linesVersionOf } from './workflow-support'

describe('the workflow from draft to a corrected publication (real PostgreSQL)', () => {
  let w: World
  beforeAll(async () => {
    w = await createWorld()
  })

  it('the gate: an error blocks submission, with the message naming the line; nothing changes', async () => {
    const c = await createCase(w)
    await addError(c.id)
    const v = await versionOf(c.id)
    const e = await errorOf(submitDisclosure(c.accountant, { disclosureId: c.id, version: v, acknowledgements: [] }))
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toMatch(/^不能提交：还有 \d+ 个错误须先修正（第一个：支出明细第 1 行：支出功能分类科目 2109998 不在 2024 年科目表中/)
    expect(await statusOf(c.id)).toBe('draft')
    expect(await versionOf(c.id)).toBe(v)
    expect(await db().submissionSnapshot.count({ where: { disclosureId: c.id } })).toBe(0)
  })

  it('the gate: a warning must be fixed or explained; the explanation is stored with its finding key and shown to the reviewer', async () => {
    const c = await createCase(w)
    const lineId = await addWarning(c.id)
    const state = await getSubmitState(c.accountant, c.id)
    expect(state.errors).toEqual([])
    const key = `line.project_on_basic|line:expenditure:${lineId}:projectCode`
    // the one new warning has no explanation; the notes' warnings were explained before
    expect(state.warnings.filter((x) => !x.explanation).map((x) => x.key)).toEqual([key])

    const refused = await errorOf(submitDisclosure(c.accountant, { disclosureId: c.id, version: state.version, acknowledgements: [] }))
    expect(refused.code).toBe('VALIDATION')
    expect(refused.message).toContain('1 条提示既未修正也未说明')
    expect(refused.fields).toEqual([{ path: `warnings.${key}`, message: expect.stringContaining('请修正或说明') }])
    const tooShort = await errorOf(submitDisclosure(c.accountant, { disclosureId: c.id, version: state.version, acknowledgements: [{ findingKey: key, explanation: '无' }] }))
    expect(tooShort.code).toBe('VALIDATION')

    await submitDisclosure(c.accountant, { disclosureId: c.id, version: state.version, acknowledgements: [{ findingKey: key, explanation: '该人员经费经财政局同意在项目中列支' }] })
    expect(await statusOf(c.id)).toBe('submitted')
    expect(await db().warningAcknowledgement.findFirst({ where: { disclosureId: c.id, findingKey: key } })).toMatchObject({ explanation: '该人员经费经财政局同意在项目中列支', userId: c.accountant.id })
    const review = await getReviewState(w.reviewer, c.id)
    expect(review.warnings.find((x) => x.key === key)).toMatchObject({ explanation: '该人员经费经财政局同意在项目中列支', by: c.accountant.name })
    expect(review.warnings.every((x) => x.explanation)).toBe(true)
  })

  it('the gate covers the notes: a disclosure whose notes lack duties, prior-year figures and targets cannot be submitted until each warning is explained', async () => {
    const c = await createCase(w, 'draft', 2024, { explained: false })
    const state = await getSubmitState(c.accountant, c.id)
    const keys = state.warnings.map((x) => x.key)
    expect(keys).toEqual(expect.arrayContaining(['notes.duties_missing|notes:duties:duties.items', 'perf.missing_target|target:447-2023-01:-:-']))
    const refused = await errorOf(submitDisclosure(c.accountant, { disclosureId: c.id, version: state.version, acknowledgements: [] }))
    expect(refused.message).toContain(`${keys.length} 条提示既未修正也未说明`)
    await submitDisclosure(c.accountant, { disclosureId: c.id, version: state.version, acknowledgements: keys.map((findingKey) => ({ findingKey, explanation: '本年度暂不适用，已报财政局备案' })) })
    expect(await statusOf(c.id)).toBe('submitted')
    // the snapshot keeps the rendered notes: sections of paragraphs, as the reviewer comments on them
    const snap = await db().submissionSnapshot.findFirstOrThrow({ where: { disclosureId: c.id } })
    expect((snap.notes as { sections: { id: string }[] }).sections.map((x) => x.id)).toEqual(['duties', 'overview', 'operating', 'threePublic', 'performance', 'procurement', 'assets', 'glossary', 'other'])
    const v = await versionOf(c.id)
    await addComment(w.reviewer, { disclosureId: c.id, version: v, anchor: { kind: 'notes', section: 'overview', paragraph: 0 }, body: '请补充收入增长原因' })
    const bad = await errorOf(addComment(w.reviewer, { disclosureId: c.id, version: v + 1, anchor: { kind: 'notes', section: 'overview', paragraph: 99 }, body: 'x' }))
    expect(bad.message).toBe('二、部门预算安排的总体情况没有第 100 段')
    expect((await getSubmitState(c.accountant, c.id)).comments[0]!.where).toBe('情况说明 · 二、部门预算安排的总体情况 · 第 1 段')
  })

  it('a fixed warning needs no explanation', async () => {
    const c = await createCase(w)
    const lineId = await addWarning(c.id)
    await db().expenditureLine.update({ where: { id: lineId }, data: { projectCode: null } })
    await submitDisclosure(c.accountant, { disclosureId: c.id, version: await versionOf(c.id), acknowledgements: [] })
    expect(await statusOf(c.id)).toBe('submitted')
  })

  it('submit → comment on a cell → return → fix → resubmit → approve → publish, with snapshots, the diff against the previous submission, and the deadline', async () => {
    const c = await createCase(w)
    let v = await versionOf(c.id)
    v = (await submitDisclosure(c.accountant, { disclosureId: c.id, version: v, acknowledgements: [] })).version
    const snap1 = await db().submissionSnapshot.findFirstOrThrow({ where: { disclosureId: c.id } })
    expect(snap1.version).toBe(v)
    const tables = snap1.tables as unknown as FixtureTable[]
    expect(tables.map((t) => t.key)).toContain('expenditure_summary')
    expect(tables.find((t) => t.key === 'expenditure_summary')!.rows[0]![2]).toBe(2350.5)

    // the reviewer sees it in the queue with its validation summary; the other region's reviewer does not
    const q = await reviewQueue(w.reviewer)
    expect(q.queue.find((r) => r.id === c.id)).toMatchObject({ status: 'submitted', summary: { error: 0, warning: await db().warningAcknowledgement.count({ where: { disclosureId: c.id } }), rounding: 11 } })
    expect((await reviewQueue(w.reviewerElsewhere)).queue.find((r) => r.id === c.id)).toBeUndefined()
    // the summary was stored with the submission, and the queue reads it rather than recomputing every row
    expect(snap1.findingSummary).toEqual(q.queue.find((r) => r.id === c.id)!.summary)
    expect(q.queue.find((r) => r.id === c.id)!.summaryAsSubmitted).toBe(true)
    await db().submissionSnapshot.update({ where: { id: snap1.id }, data: { findingSummary: { error: 0, warning: 0, rounding: 99 } } })
    expect((await reviewQueue(w.reviewer)).queue.find((r) => r.id === c.id)!.summary.rounding).toBe(99)
    await db().submissionSnapshot.update({ where: { id: snap1.id }, data: { findingSummary: snap1.findingSummary ?? undefined } })

    // a comment on 支出总表 合计/合计, and one on a cell that does not exist
    v = (await addComment(w.reviewer, { disclosureId: c.id, version: v, anchor: { kind: 'cell', table: 'expenditure_summary', row: 0, col: 2 }, body: '合计与批复数不符，请核实' })).version
    const bad = await errorOf(addComment(w.reviewer, { disclosureId: c.id, version: v, anchor: { kind: 'cell', table: 'expenditure_summary', row: 999, col: 2 }, body: 'x' }))
    expect(bad.message).toBe('部门预算支出总表没有第 1000 行')
    // a second comment the reviewer then withdraws
    const extra = await addComment(w.reviewer, { disclosureId: c.id, version: v, anchor: { kind: 'general' }, body: '草稿意见' })
    v = (await deleteComment(w.reviewer, { disclosureId: c.id, version: extra.version, commentId: extra.commentId })).version
    v = (await returnDisclosure(w.reviewer, { disclosureId: c.id, version: v, reason: '支出总表合计有误，请修改后重新提交' })).version
    expect(await statusOf(c.id)).toBe('returned')
    // a returned disclosure may change: its summary is computed from its lines, not taken from the submission
    await db().submissionSnapshot.updateMany({ where: { disclosureId: c.id }, data: { findingSummary: { error: 0, warning: 0, rounding: 99 } } })
    expect((await reviewQueue(w.reviewer)).queue.find((r) => r.id === c.id)).toMatchObject({ summary: { rounding: 11 }, summaryAsSubmitted: false })

    // the accountant sees both comments, the cell one in words that locate it
    const s = await getSubmitState(c.accountant, c.id)
    expect(s.comments.map((x) => [x.where, x.body, x.resolvedAt])).toEqual([
      ['部门预算支出总表 · 第 1 行「合计」 · 「合计」', '合计与批复数不符，请核实', null],
      ['总体意见', '支出总表合计有误，请修改后重新提交', null],
    ])
    expect(s.can.submit).toBe(true)

    // fixes: 100.00 元 more income and expenditure; resubmits
    const unitCode = `${c.dept.code}-447001`
    await saveLine(c.accountant, { disclosureId: c.id, version: await linesVersionOf(c.id), list: 'revenue', values: { unitCode, functionCode: '2101501', source: 'general_budget', amount: '100.00' } })
    await saveLine(c.accountant, { disclosureId: c.id, version: await linesVersionOf(c.id), list: 'expenditure', values: { unitCode, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '100.00' } })
    v = await versionOf(c.id)
    v = (await submitDisclosure(c.accountant, { disclosureId: c.id, version: v, acknowledgements: [] })).version
    expect((await db().reviewComment.findMany({ where: { disclosureId: c.id } })).every((x) => x.resolvedAt !== null)).toBe(true)

    // the reviewer's diff against the previous submission shows the changed 合计 cell
    const r = await getReviewState(w.reviewer, c.id)
    const es = r.previous!.tables.find((t) => t.key === 'expenditure_summary')!
    expect(es.changed).toContainEqual({ row: 0, col: 2, before: 2350.5, after: 2350.51, delta: 1 })
    expect(r.can).toEqual({ comment: true, return: true, approve: true, publish: false })
    expect(r.timeline.map((t) => t.action)).toEqual(['提交审核', '退回修改', '提交审核'])

    // approval with a 批复 date from the form; a date in the future is refused
    const future = await errorOf(approveDisclosure(w.reviewer, { disclosureId: c.id, version: v, approvedOn: '2999-01-01' }))
    expect(future.fields).toEqual([{ path: 'approvedOn', message: '批复日期不能晚于今天' }])
    const today = chinaDate(new Date())
    const a = await approveDisclosure(w.reviewer, { disclosureId: c.id, version: v, approvedOn: today })
    v = a.version
    const approved = await db().disclosure.findUniqueOrThrow({ where: { id: c.id } })
    expect(approved.approvedAt).toEqual(chinaMidnight(today))
    expect((await getSubmitState(c.accountant, c.id)).deadline).toMatchObject({ approvedOn: today, state: 'pending', days: 20 })

    const p = await publishDisclosure(w.reviewer, { disclosureId: c.id, version: v })
    expect(p).toMatchObject({ code: c.dept.code, year: 2024, revision: 1 })
    expect(await statusOf(c.id)).toBe('published')
    await expect(findReadableDisclosure(null, c.dept.code, 2024)).resolves.toMatchObject({ id: c.id })
    expect(await db().submissionSnapshot.count({ where: { disclosureId: c.id } })).toBe(2)
  })

  it('the overdue list: an approved disclosure past its 20 days, per region', async () => {
    const c = await createCase(w, 'approved')
    await db().disclosure.update({ where: { id: c.id }, data: { approvedAt: chinaMidnight('2024-01-02') } })
    const q = await reviewQueue(w.reviewer, new Date('2024-02-01T04:00:00Z'))
    const group = q.overdue.find((g) => g.region.id === w.region.id)!
    expect(group.rows.map((r) => r.id)).toContain(c.id)
    expect(group.rows.find((r) => r.id === c.id)!.deadline).toMatchObject({ deadline: '2024-01-22', state: 'overdue', days: 10 })
    const admin = await reviewQueue(w.admin, new Date('2024-02-01T04:00:00Z'))
    expect(admin.overdue.some((g) => g.rows.some((r) => r.id === c.id))).toBe(true)
    expect((await reviewQueue(w.reviewerElsewhere, new Date('2024-02-01T04:00:00Z'))).overdue.some((g) => g.rows.some((r) => r.id === c.id))).toBe(false)
  })

  it('the diff against last year: the department’s 2023 disclosure', async () => {
    const c = await createCase(w, 'submitted')
    const data = chengde2023()
    await createDisclosure(c.dept.id, { ...data, expenditure: data.expenditure.slice(1) }, 'published')
    const r = await getReviewState(w.reviewer, c.id)
    expect(r.lastYear!.label).toBe('与 2023 年（第 1 版，已公开）比较')
    expect(r.lastYear!.tables.find((t) => t.key === 'expenditure_summary')!.changed.length).toBeGreaterThan(0)
  })

  it('correction: revision 2 is a draft copy of everything with the 更正说明; both revisions stay readable; the public default is the latest published', async () => {
    const c = await createCase(w, 'published')
    await db().disclosure.update({ where: { id: c.id }, data: { notes: { other: '无其他需要说明的事项' }, vehiclesHeld: 4 } })
    await db().performanceTarget.create({ data: { disclosureId: c.id, kind: 'project', projectCode: '447-2023-01', title: '运行经费项目', goals: ['保障运转'], indicators: [{ level1: '产出指标', level2: '数量指标', level3: '保障人数', operator: '≥', value: '50', unit: '人' }], fiscalFunds: '500000.00', spendingPlan: { q1: '100000.00' } } })
    await db().procurementItem.create({ data: { disclosureId: c.id, itemName: '办公设备', amounts: { general: '12000.00' }, quantity: '3', unitPrice: '4000.00', position: 0 } })
    const v = await versionOf(c.id)
    const r = await correctDisclosure(c.accountant, { disclosureId: c.id, version: v, correctionNote: '更正公务接待费金额' })
    expect(r.revision).toBe(2)
    const [one, two] = await Promise.all([c.id, r.id].map((id) => db().disclosure.findUniqueOrThrow({ where: { id }, include: { revenueLines: true, expenditureLines: true, projects: true, threePublic: true, procurementItems: true, fixedAssets: true, performanceTargets: true } })))
    expect(two).toMatchObject({ status: 'draft', revision: 2, correctionNote: '更正公务接待费金额', vehiclesHeld: 4, notes: { other: '无其他需要说明的事项' }, approvedAt: null, publishedAt: null, submittedAt: null })
    // rows come back in no guaranteed order: compare them as sorted sets
    const strip = (rows: object[]) =>
      rows
        .map(({ id: _i, disclosureId: _d, ...rest }: { id?: string; disclosureId?: string }) => JSON.stringify(rest))
        .sort()
        .map((j) => JSON.parse(j) as unknown)
    for (const rel of ['revenueLines', 'expenditureLines', 'projects', 'threePublic', 'procurementItems', 'fixedAssets', 'performanceTargets'] as const) {
      expect(strip(two![rel]), rel).toEqual(strip(one![rel]))
      expect(two![rel].length, rel).toBeGreaterThan(0)
    }
    expect(one!.status).toBe('published')
    expect(two!.unitCode).toBe(one!.unitCode)

    // the public still reads revision 1 by default and at its own address; the draft revision 2 is not public
    await expect(findReadableDisclosure(null, c.dept.code, 2024)).resolves.toMatchObject({ id: c.id, revision: 1 })
    await expect(findReadableDisclosure(null, c.dept.code, 2024, { revision: 1 })).resolves.toMatchObject({ id: c.id })
    expect((await errorOf(findReadableDisclosure(null, c.dept.code, 2024, { revision: 2 }))).status).toBe(404)
    // the accountant works on revision 2
    await expect(findReadableDisclosure(c.accountant, c.dept.code, 2024, { revision: 2 })).resolves.toMatchObject({ id: r.id })

    // only the latest revision can be corrected
    const again = await errorOf(correctDisclosure(c.accountant, { disclosureId: c.id, version: v, correctionNote: '再次更正' }))
    expect(again.code).toBe('CONFLICT')
    expect(again.message).toContain('已有第 2 版')

    // revision 2 goes through the workflow; once published, the default is revision 2 and revision 1 stays readable
    // (explanations belong to a revision: the notes' warnings are explained again for revision 2)
    await explainAll(c.accountant, r.id)
    let v2 = (await submitDisclosure(c.accountant, { disclosureId: r.id, version: await versionOf(r.id), acknowledgements: [] })).version
    v2 = (await approveDisclosure(w.reviewer, { disclosureId: r.id, version: v2 })).version
    await publishDisclosure(w.reviewer, { disclosureId: r.id, version: v2 })
    await expect(findReadableDisclosure(null, c.dept.code, 2024)).resolves.toMatchObject({ id: r.id, revision: 2, correctionNote: '更正公务接待费金额' })
    await expect(findReadableDisclosure(null, c.dept.code, 2024, { revision: 1 })).resolves.toMatchObject({ id: c.id, status: 'published' })
    const s = await getSubmitState(c.accountant, r.id)
    expect(s.revisions.map((x) => [x.revision, x.status, x.correctionNote])).toEqual([
      [1, 'published', null],
      [2, 'published', '更正公务接待费金额'],
    ])
  })
})
