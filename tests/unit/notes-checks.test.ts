import { describe, expect, it } from 'vitest'
import type { AssembleInput } from '@/lib/document/assemble'
import { changePct, computeFigures } from '@/lib/notes/figures'
import { generateNotes } from '@/lib/notes/generate'
import type { TNotes } from '@/lib/notes/schemas'
import { documentInputFor } from '../factories/document-input'

async function withNotes(name: 'chengde-2023' | 'laoting-2022', change: (n: TNotes) => void): Promise<ReturnType<typeof generateNotes>> {
  const input: AssembleInput = await documentInputFor(name)
  const notes = structuredClone(input.notes)
  change(notes)
  return generateNotes({ ...input, notes })
}

const text = (g: ReturnType<typeof generateNotes>) => g.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))).join('\n')

describe('a number typed into free text that contradicts the data is flagged where it is', () => {
  it('“一般公共预算拨款收入 2350.50 万元” in 其他事项, where the tables say 2275.24: an error at section other, paragraph 0', async () => {
    const g = await withNotes('chengde-2023', (n) => (n.other = '我部门无其他需要说明的事项。\n本年一般公共预算拨款收入 2350.50 万元，全部用于医疗保障。'))
    const f = g.findings.filter((x) => x.rule === 'notes.number_mismatch')
    expect(f).toHaveLength(1)
    expect(f[0]!.severity).toBe('error')
    expect(f[0]!.notes).toEqual({ section: 'other', paragraph: 1, field: 'other' })
    expect(f[0]!.message).toContain('2275.24')
    expect(f[0]!.message).toContain('2350.50')
    expect(f[0]!.expected).toBe(227524)
  })

  it('in a reason, in the duties, with 元 for 万元: each at its own paragraph and field', async () => {
    const g = await withNotes('chengde-2023', (n) => {
      n.reasons.total = '人员经费1630.30万元增加，项目支出641.50万元中新增医保信息化经费'
      n.duties.items[2] = `${n.duties.items[2]}本年机关运行经费80.00万元。`
      n.other = '“三公”经费 1.73 元。'
    })
    const f = g.findings.filter((x) => x.rule === 'notes.number_mismatch')
    expect(f.map((x) => x.notes)).toEqual([
      { section: 'duties', paragraph: 4, field: 'duties.items.2' },
      { section: 'other', paragraph: 0, field: 'other' },
    ])
    expect(f[1]!.message).toContain('单位应为万元')
  })

  it('agreeing figures, changes and a figure with fewer decimals are not flagged', async () => {
    const g = await withNotes('laoting-2022', (n) => {
      n.other = '一般公共预算拨款收入8129.01万元，项目经费7648万元，其中项目经费增加162万元；政府性基金收入 120000 元。'
    })
    expect(g.findings.filter((x) => x.rule === 'notes.number_mismatch')).toEqual([])
  })
})

describe('a change against last year with no reason is an error at the reason to write', () => {
  it('chengde: the total grew by 423.34 万元; without a reason the sentence stops at the figures and the finding points at reasons.total', async () => {
    const g = await withNotes('chengde-2023', (n) => delete n.reasons.total)
    const f = g.findings.filter((x) => x.rule === 'notes.reason_missing')
    expect(f).toEqual([expect.objectContaining({ severity: 'error', notes: expect.objectContaining({ section: 'overview', field: 'reasons.total' }) })])
    expect(f[0]!.message).toContain('增加 423.34 万元')
    const overview = g.sections.find((s) => s.id === 'overview')!
    const p = overview.blocks[f[0]!.notes!.paragraph]!
    expect(p.kind === 'paragraph' && p.text).toBe('2023年预算收支安排2350.50万元，较2022年预算1927.16万元增加423.34万元，增长22%。')
  })

  it('三公 fell by 0.01 万元: its reason is required too; 持平 needs none', async () => {
    const g = await withNotes('chengde-2023', (n) => delete n.reasons.threePublicTotal)
    expect(g.findings.filter((x) => x.rule === 'notes.reason_missing').map((x) => x.notes?.field)).toEqual(['reasons.threePublicTotal'])
    const flat = await withNotes('chengde-2023', (n) => {
      n.prior.threePublicTotal = '17300.00'
      delete n.reasons.threePublicTotal
    })
    expect(flat.findings.filter((x) => x.rule === 'notes.reason_missing')).toEqual([])
    expect(text(flat)).toContain('与2022年持平。')
  })

  it('laoting: the parts explain the total; a part without its reason is reported, and then the total too', async () => {
    const g = await withNotes('laoting-2022', (n) => delete n.reasons.personnel)
    expect(g.findings.filter((x) => x.rule === 'notes.reason_missing').map((x) => x.notes?.field).sort()).toEqual(['reasons.personnel', 'reasons.total'])
  })

  it('last year’s disclosure in the system replaces the entered figures', async () => {
    const input = await documentInputFor('chengde-2023')
    const figures = computeFigures({ tables: input.tables, data: input.data, notes: input.notes })
    const g = generateNotes({ ...input, year: 2024, notes: { ...input.notes, reasons: {} }, priorSystem: { year: 2023, figures } })
    expect(g.figures['prior.total']).toBe(235050)
    expect(g.figures['change.total']).toBe(0)
    expect(g.findings.filter((x) => x.rule === 'notes.reason_missing')).toEqual([])
    expect(text(g)).toContain('2024年预算收支安排2350.50万元，与2023年预算持平。其中：人员经费与上年持平；日常公用经费与上年持平；项目支出与上年持平。')
    expect(text(g)).toContain('机关运行经费预算与2023年度持平。')
    // last year's reason left in place now contradicts the figures
    const stale = generateNotes({ ...input, year: 2024, priorSystem: { year: 2023, figures } })
    expect(stale.findings.filter((x) => x.rule === 'notes.reason_contradicts_change').map((x) => x.notes?.field)).toEqual(['reasons.total', 'reasons.operatingCosts'])
  })

  it('percentages are whole, rounded half away from zero', () => {
    expect(changePct(42334n, 192716n)).toBe(22)
    expect(changePct(545n, 7325n)).toBe(7)
    expect(changePct(-1n, 174n)).toBe(-1)
    expect(changePct(5n, 1000n)).toBe(1)
    expect(changePct(100n, 0n)).toBeNull()
  })
})

describe('template residue and wording', () => {
  it('XX, 待填写, {单位} and empty 【】 in published text are errors at their paragraph', async () => {
    const g = await withNotes('laoting-2022', (n) => {
      n.duties.items[0] = 'XX局负责{单位}的医疗保障工作【】'
      n.other = '待填写'
    })
    const f = g.findings.filter((x) => x.rule === 'notes.template_residue')
    expect(f.map((x) => x.notes?.field)).toEqual(['duties.items.0', 'duties.items.0', 'duties.items.0', 'other'])
    expect(f.every((x) => x.severity === 'error')).toBe(true)
  })

  it('doubled and contradictory change words and an outdated class name are warnings', async () => {
    const g = await withNotes('chengde-2023', (n) => (n.reasons.total = '人员增加增加，医疗卫生与计划生育支出增加持平'))
    expect(g.findings.filter((x) => x.severity === 'warning' && x.notes?.field === 'reasons.total').map((x) => x.rule)).toEqual(['notes.text_contradiction', 'notes.text_contradiction', 'notes.outdated_name'])
  })
})

describe('sections without data say so in the standard words', () => {
  it('no procurement: “无政府采购预算，空表列示” with the empty table', async () => {
    const g = await withNotes('chengde-2023', () => undefined)
    const s = g.sections.find((x) => x.id === 'procurement')!
    expect(s.blocks[0]).toMatchObject({ kind: 'paragraph', text: '2023年，承德市医疗保障局无政府采购预算，空表列示。' })
    expect(s.blocks[1]).toMatchObject({ kind: 'budgetTable' })
  })

  it('planned fixed-asset purchases beyond the procurement are a warning', async () => {
    const input = await documentInputFor('laoting-2022')
    const data = { ...input.data!, procurement: [] }
    const g = generateNotes({ ...input, data, tables: input.tables.map((t) => (t.key === 'procurement' ? { ...t, rows: [], meta: [] } : t)) })
    expect(g.findings.find((f) => f.rule === 'notes.assets_not_in_procurement')).toMatchObject({ severity: 'warning', notes: { section: 'assets' } })
  })
})
