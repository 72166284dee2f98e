import { describe, expect, it } from 'vitest'
import type { Finding } from '@/lib/budget/findings'
import { findingKey, gate } from '@/lib/workflow/gate'
import { shippedTemplate } from '@/lib/templates/files'
import { validateOverallTarget } from '@/lib/performance/overall'
import { ZOverallTarget } from '@/lib/performance/schemas'

const warnLine: Finding = { rule: 'line.project_on_basic', severity: 'warning', message: '支出明细第 3 行：基本支出不应挂项目 P1', line: { list: 'expenditure', index: 2, id: 'L3', field: 'projectCode' } }
const warnCell: Finding = { rule: 'cross.three_public_economic', severity: 'warning', message: '公务接待费 0.33 与 30217 0.30 不符', table: 'three_public_expenses', row: 4, col: 1 }
const rounding: Finding = { rule: 'tree.total', severity: 'rounding', message: '尾差', table: 'income_summary', row: 0, col: 2 }
const error: Finding = { rule: 'line.code_unknown', severity: 'error', message: '支出明细第 1 行：科目 2109999 不在 2024 年科目表中', line: { list: 'expenditure', index: 0, id: 'L1', field: 'functionCode' } }

describe('finding keys', () => {
  it('name the rule and the place, not the message: amounts in the message may change', () => {
    expect(findingKey(warnLine)).toBe('line.project_on_basic|line:expenditure:L3:projectCode')
    expect(findingKey(warnCell)).toBe('cross.three_public_economic|table:three_public_expenses:4:1')
    expect(findingKey({ ...warnCell, message: '公务接待费 0.35 与 30217 0.30 不符' })).toBe(findingKey(warnCell))
  })

  it('keep a line finding with its line when lines above it are deleted (the id, not the index)', () => {
    expect(findingKey({ ...warnLine, line: { ...warnLine.line!, index: 1 } })).toBe(findingKey(warnLine))
  })

  it('tell apart findings of different cells, lines and rules', () => {
    const keys = new Set([warnLine, warnCell, { ...warnCell, col: 2 }, { ...warnLine, line: { ...warnLine.line!, id: 'L4' } }, { ...warnCell, rule: 'other' }].map(findingKey))
    expect(keys.size).toBe(5)
  })

  it('locate a notes finding by section and field (not the paragraph number, which moves), a target finding by project, and fall back to the message only when a finding points nowhere', () => {
    const notes = { rule: 'notes.prior_missing', severity: 'warning', message: '未填写上年机关运行经费', notes: { section: 'operating', paragraph: 1, field: 'prior.operatingCosts' } } as Finding
    expect(findingKey(notes)).toBe('notes.prior_missing|notes:operating:prior.operatingCosts')
    expect(findingKey({ ...notes, notes: { section: 'operating', paragraph: 4, field: 'prior.operatingCosts' } } as Finding)).toBe(findingKey(notes))
    expect(findingKey({ ...notes, notes: { section: 'operating', paragraph: 4 } } as Finding)).toBe('notes.prior_missing|notes:operating:#4')
    const target = { rule: 'perf.missing_target', severity: 'warning', message: '项目“运行经费”（50.00 万元）没有绩效目标表', target: { index: -1, projectCode: '447-2023-01' } } as Finding
    expect(findingKey(target)).toBe('perf.missing_target|target:447-2023-01:-:-')
    expect(findingKey({ ...target, message: '项目“运行经费”（55.00 万元）没有绩效目标表' } as Finding)).toBe(findingKey(target))
    expect(findingKey({ rule: 'doc.empty', severity: 'warning', message: '缺少名词解释' })).toBe('doc.empty|msg:缺少名词解释')
  })

  it('locate a finding of the 整体绩效目标表 by part, row and field, so each 一级 without indicators keeps its own explanation', () => {
    const empty = validateOverallTarget(ZOverallTarget.parse({}), shippedTemplate('henan-dept-2023').performance!.overall!).filter((f) => f.rule === 'perf.overall_level1_missing')
    expect(empty.map((f) => f.message)).toEqual(['投入管理指标', '产出指标', '效益指标', '满意度'].map((l1) => `年度绩效指标没有“${l1}”下的三级指标`))
    expect(new Set(empty.map(findingKey)).size).toBe(4)
    expect(gate(empty, {}).missing).toHaveLength(4)
    expect(findingKey(empty[2]!)).toBe('perf.overall_level1_missing|overall:indicators:-:level1:效益指标')
    expect(findingKey({ rule: 'perf.overall_tasks_missing', severity: 'warning', message: '未填写年度主要任务', overall: { part: 'tasks' } } as Finding)).toBe('perf.overall_tasks_missing|overall:tasks:-:-')
  })
})

describe('the submission gate', () => {
  it('passes with no findings and with only 尾差', () => {
    expect(gate([], {}).canSubmit).toBe(true)
    expect(gate([rounding], {}).canSubmit).toBe(true)
  })

  it('blocks on any error, whatever is explained', () => {
    const g = gate([error, warnLine], { [findingKey(warnLine)]: '该项目包含基本支出性质的经费' })
    expect(g.canSubmit).toBe(false)
    expect(g.errors).toEqual([error])
    expect(g.missing).toEqual([])
  })

  it('blocks on a warning without an explanation, and on an explanation that says nothing', () => {
    expect(gate([warnLine], {}).missing.map((w) => w.key)).toEqual([findingKey(warnLine)])
    expect(gate([warnLine], { [findingKey(warnLine)]: '   ' }).canSubmit).toBe(false)
    expect(gate([warnLine], { [findingKey(warnLine)]: '无' }).canSubmit).toBe(false)
  })

  it('passes when every warning is explained, and carries the explanation for the reviewer', () => {
    const g = gate([warnLine, warnCell, rounding], { [findingKey(warnLine)]: ' 经财政局同意挂项目核算 ', [findingKey(warnCell)]: '公务接待费含上年结转资金' })
    expect(g.canSubmit).toBe(true)
    expect(g.warnings.map((w) => w.explanation)).toEqual(['经财政局同意挂项目核算', '公务接待费含上年结转资金'])
  })

  it('asks once for several findings with the same key', () => {
    const g = gate([warnCell, { ...warnCell, message: 'again' }], {})
    expect(g.warnings).toHaveLength(1)
  })
})
