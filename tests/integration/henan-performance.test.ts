/**
 * The Henan 部门（单位）整体绩效目标表 (预算11表) through the server (real PostgreSQL): saved by the
 * accountant through the server action, read back by the performance page's state and printed in the
 * document with 预算情况 from the data; a row whose 二级 the template does not list under its 一级 is
 * refused with the row's Chinese message at its field, and nothing is written.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createDisclosure } from '@/lib/disclosure/server/create-disclosure'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { gate } from '@/lib/workflow/gate'
import { disclosureContent } from '@/lib/workflow/server/disclosure-content'
import type { TOverallTarget } from '@/lib/performance/schemas'
import { ZOverallTarget } from '@/lib/performance/schemas'
import { getPerformanceState } from '@/lib/performance/server/get-performance-state'
import { saveOverallTarget } from '@/lib/performance/server/save-targets'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure as createHebeiDisclosure, createHenanBudget, createRegion, createUser } from '../factories/db'
import { henanOverall2023 } from '../factories/henan-performance'
import { chengde2023Overall } from '../../prisma/demo/notes-chengde-2023'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const { saveOverallTargetAction } = await import('@/lib/performance/actions')

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

/** A Henan county department with its 2023 budget entered as lines (tests/factories/db.ts). */
async function henanWorld() {
  const b = await createHenanBudget()
  return { dept: b.dept, accountant: b.accountant, id: b.id }
}

/** the overall target's part version (docs/decisions/017): what its save sends */
const version = async (id: string) => (await db().disclosure.findUniqueOrThrow({ where: { id } })).overallVersion

describe('the Henan 预算11表 through the server (real PostgreSQL)', () => {
  let w: Awaited<ReturnType<typeof henanWorld>>
  beforeAll(async () => {
    w = await henanWorld()
  })

  it('the disclosure uses the Henan template; its performance state offers the 预算11表 with 预算情况 from the data', async () => {
    const d = await findDisclosureById(w.accountant, w.id)
    expect(d.template.key).toBe('henan-dept-2023')
    const s = await getPerformanceState(w.accountant, w.id)
    expect(s.overall).toBeNull()
    expect(s.overallTable).toMatchObject({
      title: '2023年部门（单位）整体绩效目标表（预算11表）',
      budgetSource: 'lines',
      budget: { total: '343.96', revenue: [{ label: '一般公共预算', amount: '342.46' }, {}, {}, {}, { label: '单位资金', amount: '1.50' }], expenditure: [{ label: '基本支出', amount: '258.96' }, { label: '项目支出', amount: '85.00' }] },
    })
    expect(s.findings.filter((f) => f.rule.startsWith('perf.overall_')).map((f) => f.rule)).toContain('perf.overall_duties_missing')
  })

  it('what is submitted and reviewed is what the document prints: the notes in the Henan layout, and the 预算11表 findings weighed by the gate', async () => {
    const content = await disclosureContent(await findDisclosureById(w.accountant, w.id))
    expect(content.notes.sections.map((s) => s.title)).toEqual(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
    const overall = content.findings.filter((f) => 'overall' in f)
    expect(overall.map((f) => f.rule)).toContain('perf.overall_tasks_missing')
    const keys = gate(content.findings, {}).missing.map((m) => m.key)
    expect(keys).toContain('perf.overall_tasks_missing|overall:tasks:-:-')
  })

  it('a unit’s own budget on the Henan template is a 单位预算 in what is reviewed and in the messages: 单位概况, …年单位预算情况说明, 单位整体绩效目标', async () => {
    const unit = (await db().unit.findMany({ where: { departmentId: w.dept.id }, orderBy: { code: 'asc' } }))[0]!
    const { id } = await createDisclosure(w.accountant, { departmentId: w.dept.id, year: 2023, unitCode: unit.code })
    const d = await findDisclosureById(w.accountant, id)
    expect(d.template.key).toBe('henan-dept-2023')
    const content = await disclosureContent(d)
    expect(content.notes.sections.map((s) => s.title)).toEqual(['第一部分 单位概况', '第二部分 2023年单位预算情况说明', '第三部分 名词解释'])
    session.actor = w.accountant
    const r = await saveOverallTargetAction({ disclosureId: id, version: d.overallVersion, target: ZOverallTarget.parse(henanOverall2023()) })
    expect(r).toMatchObject({ ok: true, message: '单位整体绩效目标已保存' })
  })

  it('a 二级 under the wrong 一级 is refused with its located message at its field, and nothing is saved', async () => {
    session.actor = w.accountant
    const before = await version(w.id)
    const bad: TOverallTarget = ZOverallTarget.parse(henanOverall2023())
    bad.indicators[1] = { ...bad.indicators[1]!, level1: '产出指标', level2: '绩效管理' }
    const r = await saveOverallTargetAction({ disclosureId: w.id, version: before, target: bad })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('VALIDATION')
    const message = '年度绩效指标第 2 行（三级指标“预算执行率”）：二级指标“绩效管理”不属于一级指标“产出指标”，它属于“投入管理指标”；“产出指标”下的二级指标为：重点工作任务完成、履职目标实现'
    expect(r.message).toBe(`部门整体绩效目标有错误，未保存：${message}`)
    expect(r.fields).toEqual([{ path: 'indicators.1.level2', message }])
    // an unknown 一级 too, straight through the server function
    const e = await errorOf(saveOverallTarget(w.accountant, { disclosureId: w.id, version: before, target: { ...bad, indicators: [{ ...bad.indicators[0]!, level1: '成本指标' }] } }))
    expect(e.fields.map((f) => f.path)).toEqual(['indicators.0.level1'])
    expect(e.message).toContain('一级指标“成本指标”不是模板规定的一级指标（投入管理指标、产出指标、效益指标、满意度）')
    expect(await db().performanceTarget.count({ where: { disclosureId: w.id } })).toBe(0)
    expect(await version(w.id)).toBe(before)
    expect(await db().auditLog.count({ where: { disclosureId: w.id, entity: 'performanceOverall' } })).toBe(0)
  })

  it('a complete 预算11表 is saved, read back as entered and printed in the document after the nine tables', async () => {
    session.actor = w.accountant
    const target = ZOverallTarget.parse(henanOverall2023())
    const r = await saveOverallTargetAction({ disclosureId: w.id, version: await version(w.id), target })
    expect(r).toMatchObject({ ok: true, message: '部门整体绩效目标已保存' })
    if (!r.ok) return
    expect(r.state.overall).toEqual(target)
    expect(r.state.findings.filter((f) => f.rule.startsWith('perf.overall_'))).toEqual([])
    const row = await db().performanceTarget.findFirstOrThrow({ where: { disclosureId: w.id, kind: 'overall' } })
    expect(row.indicators).toEqual(target.indicators)

    const model = await buildDocumentModel(await findDisclosureById(w.accountant, w.id))
    expect(model.toc.map((e) => e.title)).toContain('2023年部门（单位）整体绩效目标表（预算11表）')
    const o = model.overall!.target
    expect(o.unitName).toBe('获嘉县医疗保障局')
    expect(o.tasks.map((t) => t.name)).toEqual(['医保基金监管', '医保经办服务能力提升'])
    expect(o.budget.total).toBe('343.96')
    expect(o.rows.map((x) => x.level1)).toEqual(['投入管理指标', '投入管理指标', '产出指标', '产出指标', '效益指标', '满意度'])
    // the notes' 预算绩效管理情况 prints the 年度履职目标 as the overall goal: no perf.overall_missing
    expect(model.notes.findings.map((f) => f.rule)).not.toContain('perf.overall_missing')
    // and nothing of it stands in the way of submission any more
    const content = await disclosureContent(await findDisclosureById(w.accountant, w.id))
    expect(content.findings.filter((f) => f.rule.startsWith('perf.overall_'))).toEqual([])
  })

  it('a Hebei disclosure keeps its paragraph form: no 预算11表, and indicator rows are refused', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const accountant = await createUser('accountant', { departmentId: dept.id })
    const d = await createHebeiDisclosure(dept.id, chengde2023())
    const s = await getPerformanceState(accountant, d.id)
    expect(s.overallTable).toBeNull()
    const ok = ZOverallTarget.parse(chengde2023Overall())
    await saveOverallTarget(accountant, { disclosureId: d.id, version: s.versions.overall, target: ok })
    const saved = await getPerformanceState(accountant, d.id)
    expect(saved.overall).toEqual(ok)
    const e = await errorOf(saveOverallTarget(accountant, { disclosureId: d.id, version: saved.versions.overall, target: { ...ok, indicators: ZOverallTarget.parse(henanOverall2023()).indicators } }))
    expect(e.fields).toEqual([{ path: 'indicators', message: '本预算的模板没有部门（单位）整体绩效目标表，不能填写年度绩效指标' }])
    expect((await buildDocumentModel(await findDisclosureById(accountant, d.id))).overall).toBeUndefined()
  })
})
