import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FixtureTable } from '@/lib/budget/table'
import { auditChanges } from '@/lib/workflow/audit-diff'
import { cellRowLabel, countChanges, diffTable, diffTables, formatDelta } from '@/lib/workflow/diff'
import { diffNotes, diffParagraphs, notesSections } from '@/lib/workflow/notes'

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.resolve('tests/fixtures', `${name}.json`), 'utf8')) as { tables: FixtureTable[] }

const t = (rows: (string | number | null)[][], columns = ['科目编码', '科目名称', '合计', '基本支出']): FixtureTable => ({ key: 'expenditure_summary', title: '部门预算支出总表', columns, rows })

describe('table diff', () => {
  it('finds nothing between a table and itself (chengde-2023, all tables)', () => {
    const f = fixture('chengde-2023').tables
    expect(countChanges(diffTables(f, f))).toBe(0)
    expect(diffTables(f, f).every((d) => d.status === 'same')).toBe(true)
  })

  it('marks a changed amount at its row and column in the newer table, with the change in hundredths', () => {
    const before = t([[null, '合计', 100.5, 80], ['201', '一般公共服务支出', 100.5, 80]])
    const after = t([[null, '合计', 100.75, 80], ['201', '一般公共服务支出', 100.75, 80]])
    const d = diffTable(before, after)
    expect(d.status).toBe('changed')
    expect(d.changed).toEqual([
      { row: 0, col: 2, before: 100.5, after: 100.75, delta: 25 },
      { row: 1, col: 2, before: 100.5, after: 100.75, delta: 25 },
    ])
  })

  it('matches rows by code and name, so an inserted row does not shift the rows below it', () => {
    const before = t([[null, '合计', 10, 10], ['208', '社会保障和就业支出', 10, 10]])
    const after = t([[null, '合计', 15, 10], ['201', '一般公共服务支出', 5, 0], ['208', '社会保障和就业支出', 10, 10]])
    const d = diffTable(before, after)
    expect(d.addedRows).toEqual([1])
    expect(d.changed).toEqual([{ row: 0, col: 2, before: 10, after: 15, delta: 500 }])
    expect(diffTable(after, before).removedRows).toEqual([{ label: '201 一般公共服务支出', cells: ['201', '一般公共服务支出', 5, 0] }])
  })

  it('treats a blank amount as 0.00 and compares at the printed precision', () => {
    expect(diffTable(t([['201', 'x', null, 0]]), t([['201', 'x', 0, null]])).status).toBe('same')
    expect(diffTable(t([['201', 'x', 0.1 + 0.2, 0]]), t([['201', 'x', 0.3, 0]])).status).toBe('same')
  })

  it('compares columns by label and reports columns that only one side has', () => {
    const before = t([['201', 'x', 1, 1]])
    const after = t([['201', 'x', 1, 2]], ['科目编码', '科目名称', '合计', '项目支出'])
    const d = diffTable(before, after)
    expect(d.changed).toEqual([])
    expect(d.addedColumns).toEqual(['项目支出'])
    expect(d.removedColumns).toEqual(['基本支出'])
  })

  it('between two different disclosures, every reported change shows the newer table’s own cell value', () => {
    const a = fixture('laoting-2022').tables
    const b = fixture('chengde-2023').tables
    const d = diffTables(a, b)
    expect(d.length).toBeGreaterThanOrEqual(b.length)
    expect(countChanges(d)).toBeGreaterThan(0)
    for (const td of d) for (const c of td.changed) expect(c.after).toEqual(b.find((x) => x.key === td.key)!.rows[c.row]![c.col])
  })

  it('formats changes with integers only', () => {
    expect(formatDelta(12345)).toBe('+123.45')
    expect(formatDelta(-5)).toBe('-0.05')
    expect(formatDelta(0)).toBe('0.00')
  })
})

describe('notes as sections and paragraphs', () => {
  it('reads the rendered notes of lib/notes: one paragraph per block, in block order', () => {
    const rendered = {
      sections: [
        { id: 'duties', title: '一、部门职责及机构设置情况', blocks: [{ kind: 'heading', text: '（一）部门职责' }, { kind: 'paragraph', text: '1. 拟订医疗保障制度' }, { kind: 'textTable', table: { title: '机构设置', columns: [], rows: [] } }] },
      ],
    }
    expect(notesSections(rendered)).toEqual([{ key: 'duties', title: '一、部门职责及机构设置情况', paragraphs: ['（一）部门职责', '1. 拟订医疗保障制度', '〔表〕机构设置'] }])
  })

  it('reads any other JSON: top-level keys are sections, texts split at line breaks', () => {
    const s = notesSections({ duties: { text: '第一段\n\n第二段' }, other: '无', overview: { reasons: { income: '增加主要原因是人员增加' }, amount: 12 } })
    expect(s).toEqual([
      { key: 'duties', title: '一、部门职责及机构设置情况', paragraphs: ['第一段', '第二段'] },
      { key: 'other', title: '九、其他需要说明的事项', paragraphs: ['无'] },
      { key: 'overview', title: '二、部门预算安排的总体情况', paragraphs: ['增加主要原因是人员增加', 'amount：12'] },
    ])
    expect(notesSections(null)).toEqual([])
    expect(notesSections([])).toEqual([])
  })

  it('diffs paragraphs by longest common subsequence', () => {
    expect(diffParagraphs(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([
      { op: 'same', text: 'a', index: 0 },
      { op: 'added', text: 'x', index: 1 },
      { op: 'removed', text: 'b', index: null },
      { op: 'same', text: 'c', index: 2 },
    ])
  })

  it('diffs notes section by section', () => {
    const d = diffNotes({ duties: 'a\nb', glossary: 'g' }, { duties: 'a\nc', other: 'o' })
    expect(d.map((s) => [s.key, s.status])).toEqual([
      ['duties', 'changed'],
      ['other', 'added'],
      ['glossary', 'removed'],
    ])
  })
})

describe('audit changes', () => {
  it('lists only the changed fields of an update, without ids and positions', () => {
    const before = { id: 'x', disclosureId: 'd', position: 3, amount: '100.00', functionCode: '2101501' }
    const after = { ...before, amount: '250.00' }
    expect(auditChanges(before, after)).toEqual([{ field: 'amount', before: '100.00', after: '250.00' }])
  })

  it('lists every field of a creation and of a deletion', () => {
    expect(auditChanges(undefined, { status: 'submitted', version: 3 })).toEqual([
      { field: 'status', before: null, after: 'submitted' },
      { field: 'version', before: null, after: '3' },
    ])
    expect(auditChanges({ body: '请核实' }, undefined)).toEqual([{ field: 'body', before: '请核实', after: null }])
  })
})

describe('the row label of a cell', () => {
  it('is the code and name in a classification table, and the item on the cell’s own side in a two-sided summary', () => {
    expect(cellRowLabel(['201', '一般公共服务支出', 10, 5], 2)).toBe('201 一般公共服务支出')
    const pair = ['一、一般公共预算拨款收入', 2275.24, '一、一般公共服务支出', null]
    expect(cellRowLabel(pair, 1)).toBe('一、一般公共预算拨款收入')
    expect(cellRowLabel(pair, 3)).toBe('一、一般公共服务支出')
    expect(cellRowLabel([null, '合计', 1], 2)).toBe('合计')
    expect(cellRowLabel([1, 2], 1)).toBe('')
  })
})
