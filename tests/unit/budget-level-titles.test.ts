/**
 * A unit's own budget is a 单位预算, a department's a 部门预算 (docs/decisions/009): the document's title
 * and headings, the workbook's title, the portal's names and the open-data package say which. The
 * department's stay word for word as they were.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { assembleDocument } from '@/lib/document/assemble'
import { documentFileName, NOTES_PART_ID, TABLES_PART_ID } from '@/lib/document/model'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { buildDatapackage } from '@/lib/portal/datapackage'
import { budgetSubject } from '@/lib/portal/format'
import { documentInputFor } from '../factories/document-input'

const part = (m: ReturnType<typeof assembleDocument>, id: string) => m.toc.find((e) => e.id === id)?.title

describe('部门预算 or 单位预算', () => {
  it('the document: a department’s is titled as before; a unit’s names its 单位预算 in the title, the tables part and the notes part', async () => {
    const input = await documentInputFor('chengde-2023')
    const dept = assembleDocument(input)
    expect(dept.title).toBe('承德市医疗保障局2023年部门预算信息公开')
    expect(dept.tablesTitle).toBe('部门预算公开表')
    expect([part(dept, TABLES_PART_ID), part(dept, NOTES_PART_ID)]).toEqual(['部门预算公开表', '部门预算信息公开情况说明'])
    expect(assembleDocument({ ...input, level: 'department' })).toEqual(dept)

    const unit = assembleDocument({ ...input, department: { code: '447001', name: '承德市医疗保障局本级' }, level: 'unit' })
    expect(unit.title).toBe('承德市医疗保障局本级2023年单位预算信息公开')
    expect(unit.tablesTitle).toBe('单位预算公开表')
    expect([part(unit, TABLES_PART_ID), part(unit, NOTES_PART_ID)]).toEqual(['单位预算公开表', '单位预算信息公开情况说明'])
    // only the names change: the same tables and sections, the sections that name the 部门 naming the 单位
    expect(unit.level).toBe('unit')
    expect(dept.level).toBe('department')
    expect(unit.tables.map((t) => t.table)).toEqual(dept.tables.map((t) => t.table))
    const unitWords: Record<string, string> = { '一、部门职责及机构设置情况': '一、单位职责及机构设置情况', '二、部门预算安排的总体情况': '二、单位预算安排的总体情况' }
    const renamed = dept.toc.filter((e) => e.level === 2).map((e) => (unitWords[e.title] ? { ...e, title: unitWords[e.title]! } : e))
    expect(unit.toc.filter((e) => e.level === 2)).toEqual(renamed)
    expect(unit.notes.sections.map((s) => s.id)).toEqual(dept.notes.sections.map((s) => s.id))
    // the file name follows the title
    expect([documentFileName(dept, 'pdf'), documentFileName(unit, 'pdf')]).toEqual(['承德市医疗保障局2023年部门预算信息公开.pdf', '承德市医疗保障局本级2023年单位预算信息公开.pdf'])
  })

  it('the workbook’s title, the portal’s names and the open-data package', async () => {
    const title = async (level?: 'unit') => {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await writeXlsx({ department: { code: '447001', name: '本级' }, year: 2024, tables: [], ...(level ? { level } : {}) })) as unknown as ArrayBuffer)
      return wb.title
    }
    expect(await title()).toBe('447001 本级 2024 年部门预算')
    expect(await title('unit')).toBe('447001 本级 2024 年单位预算')

    const department = { code: '447', name: '承德市医疗保障局' }
    expect(budgetSubject({ department, unit: null })).toEqual({ code: '447', name: '承德市医疗保障局', level: '部门预算' })
    expect(budgetSubject({ department, unit: { code: '447001', name: '本级' } })).toEqual({ code: '447001', name: '本级', level: '单位预算' })

    expect(buildDatapackage({ kind: 'disclosure', code: '447', name: '承德市医疗保障局', year: 2023 }, [], 'https://example.org').title).toBe('承德市医疗保障局 2023 年部门预算')
    expect(buildDatapackage({ kind: 'disclosure', code: '447001', name: '本级', year: 2023, level: 'unit' }, [], 'https://example.org').title).toBe('本级 2023 年单位预算')
  })
})
