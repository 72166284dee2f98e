import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/server/db'
import { applyLines } from '@/lib/disclosure/server/apply-lines'
import { canonicalLine as canonical } from '@/lib/disclosure/paste'
import { disclosureFindings } from '@/lib/workflow/server/disclosure-findings'
import { getSubmitState } from '@/lib/workflow/server/submit-state'
import type { World } from './workflow-support'
import { createCase, createWorld, errorOf } from './workflow-support'

/** The grid's batches of line changes on real PostgreSQL: merged line by line, conflicts handed back, validation all or nothing. */
describe('apply-lines: two people, one list', () => {
  let w: World
  beforeAll(async () => {
    w = await createWorld()
  })
  const lines = (id: string) => db().expenditureLine.findMany({ where: { disclosureId: id }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })

  it('changes to different lines both land; a change to a line the other changed is a conflict, left as the other saved it', async () => {
    const c = await createCase(w)
    const [l0, l1] = await lines(c.id)
    const seen0 = canonical('expenditure', l0!)
    const seen1 = canonical('expenditure', l1!)
    const a = await applyLines(c.accountant, { disclosureId: c.id, list: 'expenditure', ops: [{ kind: 'put', id: l0!.id, row: 1, base: seen0, values: { ...seen0, amount: '111.00' } }] })
    expect(a).toEqual({ applied: 1, conflicts: [] })
    // b saw both lines before a's save: its change to line 2 merges; its change to line 1 is a conflict
    const b = await applyLines(c.accountant, {
      disclosureId: c.id,
      list: 'expenditure',
      ops: [
        { kind: 'put', id: l1!.id, row: 2, base: seen1, values: { ...seen1, amount: '222.00' } },
        { kind: 'put', id: l0!.id, row: 1, base: seen0, values: { ...seen0, amount: '999.00' } },
      ],
    })
    expect(b.applied).toBe(1)
    expect(b.conflicts).toEqual([{ id: l0!.id, row: 1, theirs: { ...seen0, amount: '111.00' } }])
    const after = await lines(c.id)
    expect(after[0]!.amount.toFixed(2)).toBe('111.00')
    expect(after[1]!.amount.toFixed(2)).toBe('222.00')
    // keeping theirs-then-mine: the same change sent against what the other saved goes in
    const keep = await applyLines(c.accountant, { disclosureId: c.id, list: 'expenditure', ops: [{ kind: 'put', id: l0!.id, row: 1, base: { ...seen0, amount: '111.00' }, values: { ...seen0, amount: '999.00' } }] })
    expect(keep).toEqual({ applied: 1, conflicts: [] })
    expect((await lines(c.id))[0]!.amount.toFixed(2)).toBe('999.00')
  })

  it('new lines keep the id the grid gave them; deleting five is one batch; a retried batch changes nothing', async () => {
    const c = await createCase(w)
    const before = await lines(c.id)
    const unit = before[0]!.unitCode
    const ops = [{ kind: 'put' as const, id: 'gtestline000000000001', row: before.length + 1, base: null, values: { unitCode: unit, functionCode: before[0]!.functionCode, economicCode: '30201', fund: 'general', category: 'basic', projectCode: '', amount: '12,345.67' } }]
    expect(await applyLines(c.accountant, { disclosureId: c.id, list: 'expenditure', ops })).toEqual({ applied: 1, conflicts: [] })
    expect(await applyLines(c.accountant, { disclosureId: c.id, list: 'expenditure', ops })).toEqual({ applied: 0, conflicts: [] })
    expect((await db().expenditureLine.findUniqueOrThrow({ where: { id: 'gtestline000000000001' } })).amount.toFixed(2)).toBe('12345.67')
    const five = before.slice(0, 5).map((l, i) => ({ kind: 'delete' as const, id: l.id, row: i + 1, base: canonical('expenditure', l) }))
    expect((await applyLines(c.accountant, { disclosureId: c.id, list: 'expenditure', ops: five })).applied).toBe(5)
    expect(await lines(c.id)).toHaveLength(before.length + 1 - 5)
    expect(await db().auditLog.count({ where: { disclosureId: c.id, action: 'edit' } })).toBe(2)
  })

  it('one bad line refuses the whole batch, naming row and column in Chinese', async () => {
    const c = await createCase(w)
    const [l0] = await lines(c.id)
    const seen = canonical('expenditure', l0!)
    const e = await errorOf(
      applyLines(c.accountant, {
        disclosureId: c.id,
        list: 'expenditure',
        ops: [
          { kind: 'put', id: l0!.id, row: 1, base: seen, values: { ...seen, amount: '5.00' } },
          { kind: 'put', id: 'gtestline000000000002', row: 7, base: null, values: { ...seen, functionCode: '2101598' } },
        ],
      }),
    )
    expect(e.code).toBe('VALIDATION')
    expect(e.message).toContain('第 7 行「功能分类科目编码」：科目编码 2101598 不在')
    expect((await lines(c.id))[0]!.amount.toFixed(2)).toBe(seen.amount)
  })

  it('another department cannot change these lines', async () => {
    const c = await createCase(w)
    const [l0] = await lines(c.id)
    const seen = canonical('expenditure', l0!)
    const e = await errorOf(applyLines(w.otherAccountant, { disclosureId: c.id, list: 'expenditure', ops: [{ kind: 'put', id: l0!.id, row: 1, base: seen, values: { ...seen, amount: '1.00' } }] }))
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(e.code)
  })

  it('the editor counts the findings the submit page counts (one function)', async () => {
    const c = await createCase(w, 'draft', 2024, { explained: false })
    const f = await disclosureFindings(c.accountant, c.id)
    const s = await getSubmitState(c.accountant, c.id)
    expect(f.summary).toEqual(s.summary)
    expect(f.summary.warning).toBeGreaterThan(1)
    // a finding on a derived cell of a tree table carries the lines the cell is made of
    const withLines = f.findings.filter((x) => x.lines)
    for (const x of withLines) expect(x.lines!.ids.length).toBeGreaterThan(0)
  })
})
