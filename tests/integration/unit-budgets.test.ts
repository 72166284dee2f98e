/**
 * Unit and department budgets on real PostgreSQL (docs/decisions/009): a department with two units,
 * each with its own 单位预算 in the Hebei 2024 unit layout, and the department budget consolidated
 * from them at read time; both levels go through review and are published; the public reads each by
 * its code; a change in a unit shows in the department's tables; unit accountants keep to their unit;
 * templates follow the region's family.
 */
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { consolidate } from '@/lib/budget/consolidate'
import type { BudgetTable } from '@/lib/budget/table'
import { columnIndex, toFixtureTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import { createDisclosure } from '@/lib/disclosure/server/create-disclosure'
import { saveLine } from '@/lib/disclosure/server/edit-lines'
import { CHANGE_KEYS } from '@/lib/notes/schemas'
import { getNotesState } from '@/lib/notes/server/get-notes-state'
import { saveNotes } from '@/lib/notes/server/save-notes'
import { findDisclosureById, findReadableDisclosure } from '@/lib/disclosure/server/find-disclosure'
import { replaceDisclosureData } from '@/lib/disclosure/server/replace-data'
import { toBudgetData } from '@/lib/disclosure/server/to-budget-data'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { approveDisclosure } from '@/lib/workflow/server/approve-disclosure'
import { publishDisclosure } from '@/lib/workflow/server/publish-disclosure'
import { submitDisclosure } from '@/lib/workflow/server/submit-disclosure'
import { loadRegionYear } from '@/lib/portal/server/browse'
import { findPublished } from '@/lib/portal/server/disclosure-data'
import { loadRegionComparison } from '@/lib/portal/server/region-comparison'
import { loadDisclosureView } from '@/lib/portal/server/disclosure-view'
import { budgetSubject } from '@/lib/portal/format'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { exportDisclosure } from '@/lib/exchange/server/export-disclosure'
import { importWorkbook } from '@/lib/exchange/server/import-workbook'
import { copyTemplate } from '@/lib/templates/server/manage-templates'
import { budgetSystemUnitWorkbook } from '../support/unit-workbook'
import { hebeiUnit2024, henanDept2023 } from '../factories/template-layouts'
import { createDepartment, createRegion, createUser, ensureReferenceData } from '../factories/db'
import { errorOf, explainAll, versionOf } from './workflow-support'

type World = Awaited<ReturnType<typeof world>>

async function world() {
  await ensureReferenceData()
  const region = await createRegion()
  // digits, as budget systems print codes (“单位名称：[447001]…”)
  const dept = await createDepartment(region.id, String(crypto.randomInt(100_000, 1_000_000)))
  const units = [
    { code: `${dept.code}001`, name: `${dept.name}本级`, nature: '行政单位' },
    { code: `${dept.code}002`, name: `${dept.name}医疗保障服务中心`, nature: '事业单位' },
  ]
  const rows = await Promise.all(units.map((u, i) => db().unit.create({ data: { code: u.code, name: u.name, nature: u.nature, departmentId: dept.id, position: i, isSelf: i === 0 } })))
  const accountant = await createUser('accountant', { departmentId: dept.id })
  const unitAccountant = async (i: number): Promise<NonNullable<Actor>> => {
    const u = await createUser('accountant', { departmentId: dept.id })
    await db().user.update({ where: { id: u.id }, data: { unitId: rows[i]!.id } })
    return { ...u, unitCode: units[i]!.code }
  }
  return { region, dept, units, accountant, unit1: await unitAccountant(0), unit2: await unitAccountant(1), reviewer: await createUser('reviewer', { regionId: region.id }) }
}

/** Both units' 2024 budgets (entered as lines) and the department's budget consolidated from them. */
async function budgets(w: World) {
  const ids: string[] = []
  for (const [i, u] of w.units.entries()) {
    const { id } = await createDisclosure(w.accountant, { departmentId: w.dept.id, year: 2024, unitCode: u.code })
    await db().$transaction((tx) => replaceDisclosureData(tx, id, w.dept.id, hebeiUnit2024(u, i + 1)), { timeout: 30_000 })
    ids.push(id)
  }
  const { id } = await createDisclosure(w.accountant, { departmentId: w.dept.id, year: 2024, consolidate: true })
  return { unitIds: ids, deptId: id }
}

const cell = (t: BudgetTable, r: number, col: string) => t.rows[r]![columnIndex(t, col)] as number | null
const byKey = (tables: BudgetTable[], key: string) => tables.find((t) => t.key === key)!

async function publish(w: World, id: string, accountant: NonNullable<Actor>) {
  await explainAll(accountant, id)
  await submitDisclosure(accountant, { disclosureId: id, version: await versionOf(id), acknowledgements: [] })
  await approveDisclosure(w.reviewer, { disclosureId: id, version: await versionOf(id) })
  await publishDisclosure(w.reviewer, { disclosureId: id, version: await versionOf(id) })
}

describe('a department with two units: 单位预算 and the consolidated 部门预算 (real PostgreSQL)', () => {
  let w: World
  beforeAll(async () => {
    w = await world()
  })

  it('each unit’s budget uses the unit template; the department’s, consolidated, prints the sum of the units with 部门支出分单位', async () => {
    const { unitIds, deptId } = await budgets(w)
    const units = await Promise.all(unitIds.map((id) => findDisclosureById(w.accountant, id)))
    expect(units.map((u) => [u.unitCode, u.template.key, u.source])).toEqual([
      [w.units[0]!.code, 'hebei-unit-2024', 'lines'],
      [w.units[1]!.code, 'hebei-unit-2024', 'lines'],
    ])
    const dept = await findDisclosureById(w.accountant, deptId)
    expect([dept.unitCode, dept.template.key, dept.source]).toEqual(['', 'hebei-dept-2024', 'consolidated'])

    // the department's tables are exactly the kernel's tables of the sum of the units' lines
    const { tables, findings } = await computeFor(dept)
    const template = dept.template.definition as unknown as Template
    const sum = consolidate({ code: w.dept.code, name: w.dept.name }, 2024, units.map(toBudgetData))
    const expected = computeDisclosure(sum, { ...template, tables: [...template.tables, template.unitBreakdown!] }, starterCatalogue(2024))
    expect(tables.map(toFixtureTable)).toEqual(expected.tables.map(toFixtureTable))
    expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(findings.filter((f) => f.rule === 'consolidation.unit_unpublished')).toHaveLength(2)

    // 部门支出分单位: 合计 and one row per unit, each equal to the unit's own 支出总表
    const byUnit = byKey(tables, 'expenditure_by_unit')
    expect(byUnit.title).toBe('部门预算支出分单位表')
    expect(byUnit.rows.map((r) => r[0])).toEqual([null, w.units[0]!.code, w.units[1]!.code])
    for (const [i, u] of units.entries()) {
      const own = byKey((await computeFor(u)).tables, 'expenditure_summary')
      expect(own.title).toBe('单位预算支出总表')
      for (const col of ['total', 'basic', 'project']) expect(cell(byUnit, i + 1, col)).toBe(cell(own, 0, col))
    }
    expect(cell(byUnit, 0, 'total')).toBe(cell(byKey(tables, 'expenditure_summary'), 0, 'total'))
    // the unit's tables are headed by the unit, the department's by the department
    expect(toBudgetData(units[0]!).department).toEqual({ code: w.units[0]!.code, name: w.units[0]!.name })
    expect(toBudgetData(units[0]!).units.map((u) => u.code)).toEqual([w.units[0]!.code])
  })

  it('a code names the unit’s own budget when it has one, else its department’s; the department’s code names the department budget', async () => {
    const own = await findReadableDisclosure(w.accountant, w.units[1]!.code, 2024)
    expect(own.unitCode).toBe(w.units[1]!.code)
    const dept = await findReadableDisclosure(w.accountant, w.dept.code, 2024)
    expect([dept.unitCode, dept.source]).toEqual(['', 'consolidated'])
    // a unit without a 2025 budget of its own: its code names the department's 2025 budget
    await createDisclosure(w.accountant, { departmentId: w.dept.id, year: 2025, consolidate: true })
    expect((await findReadableDisclosure(w.accountant, w.units[0]!.code, 2025)).unitCode).toBe('')
  })

  it('a change in a unit shows up in the department’s tables at once', async () => {
    const dept = await findReadableDisclosure(w.accountant, w.dept.code, 2024)
    const before = byKey((await computeFor(dept)).tables, 'expenditure_summary')
    const unit = await findReadableDisclosure(w.unit1, w.units[0]!.code, 2024)
    await saveLine(w.unit1, { disclosureId: unit.id, version: unit.version, list: 'expenditure', values: { unitCode: w.units[0]!.code, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '123400.00' } })
    const after = byKey((await computeFor(await findReadableDisclosure(w.accountant, w.dept.code, 2024))).tables, 'expenditure_summary')
    // printed hundredths of 万元: 123400.00 元 = 12.34 万元
    expect(cell(after, 0, 'total')! - cell(before, 0, 'total')!).toBe(1234)
    expect(cell(after, 0, 'basic')! - cell(before, 0, 'basic')!).toBe(1234)
    const row = after.rows.findIndex((r) => r[0] === '2101501')
    const rowBefore = before.rows.findIndex((r) => r[0] === '2101501')
    expect(cell(after, row, 'total')! - cell(before, rowBefore, 'total')!).toBe(1234)
    // balance the unit again (revenue for the new expenditure), so that it can be submitted later
    const again = await findDisclosureById(w.unit1, unit.id)
    await saveLine(w.unit1, { disclosureId: unit.id, version: again.version, list: 'revenue', values: { unitCode: w.units[0]!.code, functionCode: '2101501', source: 'general_budget', amount: '123400.00' } })
  })

  it('a unit accountant works on their own unit only; the consolidated budget has no lines of its own', async () => {
    const [u1, u2] = await Promise.all(w.units.map((u) => findReadableDisclosure(w.accountant, u.code, 2024)))
    expect((await findDisclosureById(w.unit1, u1!.id)).id).toBe(u1!.id)
    expect(await errorOf(findDisclosureById(w.unit1, u2!.id))).toMatchObject({ status: 404 })
    const dept = await findReadableDisclosure(w.accountant, w.dept.code, 2024)
    expect(await errorOf(findDisclosureById(w.unit1, dept.id))).toMatchObject({ status: 404 })
    const line = { unitCode: w.units[1]!.code, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '1.00' }
    expect(await errorOf(saveLine(w.unit1, { disclosureId: u2!.id, version: u2!.version, list: 'expenditure', values: line }))).toMatchObject({ status: 404 })
    expect(await errorOf(createDisclosure(w.unit1, { departmentId: w.dept.id, year: 2026, unitCode: w.units[1]!.code }))).toMatchObject({ status: 404 })
    expect(await errorOf(createDisclosure(w.unit1, { departmentId: w.dept.id, year: 2026 }))).toMatchObject({ status: 404 })
    // a unit budget takes lines of its own unit only
    const other = await errorOf(saveLine(w.accountant, { disclosureId: u1!.id, version: (await findDisclosureById(w.accountant, u1!.id)).version, list: 'expenditure', values: line }))
    expect(other.message).toContain(`单位 ${w.units[1]!.code} 不属于本部门`)
    const consolidated = await errorOf(saveLine(w.accountant, { disclosureId: dept.id, version: dept.version, list: 'expenditure', values: { ...line, unitCode: w.units[0]!.code } }))
    expect(consolidated.message).toContain('由所属单位的单位预算汇总而成')
    expect(await db().expenditureLine.count({ where: { disclosureId: dept.id } })).toBe(0)
  })

  it('[issue 11 finding 13] a consolidated department budget: the department writes its own notes (reasons included) over the units’ summed figures; figures stay the units’', async () => {
    const dept = await findReadableDisclosure(w.accountant, w.dept.code, 2024)
    const state = await getNotesState(w.accountant, dept.id)
    expect(state.canEdit).toBe(true)
    const key = CHANGE_KEYS[0]!
    const notes = { ...state.notes, other: '本部门预算由所属两个单位的单位预算汇总。', reasons: { ...state.notes.reasons, [key]: '人员增加，支出相应增加' } }
    await saveNotes(w.accountant, { disclosureId: dept.id, version: state.version, notes })
    const stored = await db().disclosure.findUniqueOrThrow({ where: { id: dept.id }, select: { notes: true } })
    expect(stored.notes).toMatchObject({ other: '本部门预算由所属两个单位的单位预算汇总。', reasons: { [key]: '人员增加，支出相应增加' } })
    // the figures are still summed from the units: no lines of its own
    const again = await findDisclosureById(w.accountant, dept.id)
    const line = { unitCode: w.units[0]!.code, functionCode: '2101501', economicCode: '30201', fund: 'general', category: 'basic', projectCode: null, amount: '1.00' }
    expect((await errorOf(saveLine(w.accountant, { disclosureId: dept.id, version: again.version, list: 'expenditure', values: line }))).message).toContain('由所属单位的单位预算汇总而成')
    // and the notes state reads back what the department wrote
    expect((await getNotesState(w.accountant, dept.id)).notes.reasons[key]).toBe('人员增加，支出相应增加')
  })

  it('both levels are reviewed and published; the public reads the units’ and the department’s tables by their codes', async () => {
    const [u1, u2] = await Promise.all(w.units.map((u) => findReadableDisclosure(w.accountant, u.code, 2024)))
    const dept = await findReadableDisclosure(w.accountant, w.dept.code, 2024)
    // before any unit is published, the public finds nothing of this department's 2024
    expect(await errorOf(findReadableDisclosure(null, w.units[0]!.code, 2024))).toMatchObject({ status: 404 })
    await publish(w, u1!.id, w.unit1)
    await publish(w, u2!.id, w.unit2)
    expect((await computeFor(await findDisclosureById(w.accountant, dept.id))).findings.filter((f) => f.rule.startsWith('consolidation.'))).toEqual([])
    await publish(w, dept.id, w.accountant)

    const pub1 = await findReadableDisclosure(null, w.units[0]!.code, 2024)
    const pub2 = await findReadableDisclosure(null, w.units[1]!.code, 2024)
    const pubDept = await findReadableDisclosure(null, w.dept.code, 2024)
    expect([pub1.id, pub2.id, pubDept.id]).toEqual([u1!.id, u2!.id, dept.id])
    expect([pub1.status, pub2.status, pubDept.status]).toEqual(['published', 'published', 'published'])
    const t1 = byKey((await computeFor(pub1)).tables, 'income_expenditure_summary')
    const t2 = byKey((await computeFor(pub2)).tables, 'income_expenditure_summary')
    const td = byKey((await computeFor(pubDept)).tables, 'income_expenditure_summary')
    // 收入总计 of the department = Σ of the units' within 尾差 (each printed cell rounded on its own)
    const grand = (t: BudgetTable) => t.rows.at(-1)![1] as number
    expect(Math.abs(grand(td) - grand(t1) - grand(t2))).toBeLessThanOrEqual(1)
    expect(t1.title).toBe('单位预算收支总表')
    expect(td.title).toBe('部门预算收支总表')

    // the portal lists the department once, with its consolidated figures; a unit's code opens the unit's own page
    const listing = await loadRegionYear(w.region.code, 2024)
    expect(listing!.departments.map((d) => d.code)).toEqual([w.dept.code])
    const comparison = await loadRegionComparison(w.region.code, 2024)
    expect(comparison!.rows.map((r) => [r.code, r.total])).toEqual([[w.dept.code, cell(byKey((await computeFor(pubDept)).tables, 'expenditure_summary'), 0, 'total')]])
    expect((await findPublished(w.units[0]!.code, 2024))!.id).toBe(u1!.id)
    expect((await findPublished(w.dept.code, 2024))!.id).toBe(dept.id)

    // a unit's budget is titled 单位预算 wherever it is named; the department's stays 部门预算
    const unitDoc = await buildDocumentModel(pub1)
    expect([unitDoc.title, unitDoc.tablesTitle]).toEqual([`${w.units[0]!.name}2024年单位预算信息公开`, '单位预算公开表'])
    expect(unitDoc.toc.filter((e) => e.level === 1).map((e) => e.title)).toEqual(['单位预算公开表', '单位预算信息公开情况说明'])
    const deptDoc = await buildDocumentModel(pubDept)
    expect([deptDoc.title, deptDoc.tablesTitle]).toEqual([`${w.dept.name}2024年部门预算信息公开`, '部门预算公开表'])
    const unitBook = await exportDisclosure(pub1, 'xlsx')
    expect(unitBook.fileName).toBe(`${w.units[0]!.code}-2024-单位预算.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(unitBook.body as unknown as ArrayBuffer)
    expect(wb.title).toBe(`${w.units[0]!.code} ${w.units[0]!.name} 2024 年单位预算`)
    expect((await exportDisclosure(pubDept, 'xlsx')).fileName).toBe(`${w.dept.code}-2024-部门预算.xlsx`)
    const unitPage = (await loadDisclosureView(w.units[0]!.code, 2024))!
    expect(unitPage.unit).toEqual({ code: w.units[0]!.code, name: w.units[0]!.name })
    expect(unitPage.revisions.map((r) => r.revision)).toEqual([pub1.revision])
    expect(budgetSubject(unitPage)).toEqual({ code: w.units[0]!.code, name: w.units[0]!.name, level: '单位预算' })
    const deptPage = (await loadDisclosureView(w.dept.code, 2024))!
    expect(deptPage.unit).toBeNull()
    expect(budgetSubject(deptPage)).toEqual({ code: w.dept.code, name: w.dept.name, level: '部门预算' })
  })
})

describe('templates follow the region’s family and the budget’s scope (real PostgreSQL)', () => {
  it('Henan and Shanghai regions get their own templates; Region.templateFamily overrides the province; a unit without a unit template of its family uses the department template', async () => {
    await ensureReferenceData()
    const make = async (province: string, templateFamily: string | null = null) => {
      const region = await createRegion()
      await db().region.update({ where: { id: region.id }, data: { province, templateFamily } })
      const dept = await createDepartment(region.id)
      await db().unit.create({ data: { code: `${dept.code}001`, name: `${dept.name}机关`, departmentId: dept.id, isSelf: true } })
      return { dept, accountant: await createUser('accountant', { departmentId: dept.id }) }
    }
    const keyOf = async (a: NonNullable<Actor>, input: Parameters<typeof createDisclosure>[1]) => (await findDisclosureById(a, (await createDisclosure(a, input)).id)).template.key
    const henan = await make('河南省')
    expect(await keyOf(henan.accountant, { departmentId: henan.dept.id, year: 2023 })).toBe('henan-dept-2023')
    expect(await keyOf(henan.accountant, { departmentId: henan.dept.id, year: 2024, unitCode: `${henan.dept.code}001` })).toBe('henan-dept-2023')
    const shanghai = await make('上海市')
    expect(await keyOf(shanghai.accountant, { departmentId: shanghai.dept.id, year: 2025 })).toBe('shanghai-dept-2023')
    const chosen = await make('河北省', 'shanghai')
    expect(await keyOf(chosen.accountant, { departmentId: chosen.dept.id, year: 2023 })).toBe('shanghai-dept-2023')
    const hebei = await make('河北省')
    expect(await keyOf(hebei.accountant, { departmentId: hebei.dept.id, year: 2023, unitCode: `${hebei.dept.code}001` })).toBe('hebei-dept-2023')
    expect(await keyOf(hebei.accountant, { departmentId: hebei.dept.id, year: 2024, unitCode: `${hebei.dept.code}001` })).toBe('hebei-unit-2024')
    const early = await errorOf(createDisclosure(shanghai.accountant, { departmentId: shanghai.dept.id, year: 2022 }))
    expect(early.message).toContain('没有适用于')
    // an admin's copy under a key of another family is that family's: a Henan 2030 budget then uses it
    const admin = await createUser('admin')
    await copyTemplate(admin, { from: 'henan-dept-2023', to: 'henan-dept-2030', name: '河南省部门预算公开表（2030年）' })
    expect((await db().template.findUniqueOrThrow({ where: { key: 'henan-dept-2030' } })).definition).toMatchObject({ family: 'henan', scope: 'department' })
    expect(await keyOf(henan.accountant, { departmentId: henan.dept.id, year: 2031 })).toBe('henan-dept-2030')
    expect(await keyOf(hebei.accountant, { departmentId: hebei.dept.id, year: 2031 })).not.toBe('henan-dept-2030')
    // the shipped template rows carry their family and scope
    const stored = await db().template.findUniqueOrThrow({ where: { key: 'hebei-unit-2024' } })
    expect(stored.definition).toMatchObject({ family: 'hebei', scope: 'unit' })
    // the nine tables, and 政府采购预算 and 固定资产占用情况 as the real Hebei 2024 unit export prints them (laiyuan-2024)
    expect(shippedTemplate('hebei-unit-2024').tables.length).toBe(11)
  })
})

describe('a Henan budget prints its 三公 table across (real PostgreSQL, docs/decisions/010)', () => {
  it('the app’s tables are printed across, the kernel’s stay vertical; the exported workbook reads back into the same vertical table', async () => {
    await ensureReferenceData()
    const region = await createRegion()
    await db().region.update({ where: { id: region.id }, data: { province: '河南省' } })
    const dept = await createDepartment(region.id, String(crypto.randomInt(100_000, 1_000_000)))
    const accountant = await createUser('accountant', { departmentId: dept.id })
    const data = henanDept2023()
    const code = (c: string) => `${dept.code}${c.slice(-3)}`
    const local = { ...data, department: { code: dept.code, name: dept.name }, units: data.units.map((u) => ({ ...u, code: code(u.code) })), revenue: data.revenue.map((l) => ({ ...l, unitCode: code(l.unitCode) })), expenditure: data.expenditure.map((l) => ({ ...l, unitCode: code(l.unitCode) })), projects: data.projects.map((p) => ({ ...p, unitCode: p.unitCode ? code(p.unitCode) : p.unitCode })) }
    const { id } = await createDisclosure(accountant, { departmentId: dept.id, year: 2023 })
    await db().$transaction((tx) => replaceDisclosureData(tx, id, dept.id, local), { timeout: 30_000 })
    const d = await findDisclosureById(accountant, id)
    expect(d.template.key).toBe('henan-dept-2023')
    const { tables } = await computeFor(d)
    const held = byKey(tables, 'three_public_expenses')
    expect(held.rows.map((r) => r[0])).toContain('二、公务用车购置及运行费')
    const printed = toFixtureTable(held)
    expect(printed.columns).toEqual(['项目', '合计', '因公出国（境）费', '公务用车购置及运行费/小计', '公务用车购置及运行费/公务用车购置费', '公务用车购置及运行费/公务用车运行费', '公务接待费'])
    expect(printed.rows).toEqual([['预算数', 2.3, null, 1.8, null, 1.8, 0.5]])

    // exported, imported back as the department's 2024 budget: the printed table is stored as printed and read back vertical
    const book = await exportDisclosure(d, 'xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(book.body as unknown as ArrayBuffer)
    const sheet = wb.worksheets.find((x) => x.getCell(1, 1).value === '一般公共预算“三公”经费支出表')!
    expect([sheet.getCell(3, 5).value, sheet.getCell(4, 5).value, sheet.getCell(6, 2).value]).toEqual(['公务用车购置及运行费', '小计', '预算数'])
    const r = await importWorkbook({ file: book.body, fileName: '河南.xlsx', by: { kind: 'user', actor: accountant }, year: 2024, commit: true, acceptErrors: false })
    expect(r.report.summary.error).toBe(0)
    const imported = await findDisclosureById(accountant, r.imported!.disclosureId)
    expect(imported.source).toBe('imported')
    expect(byKey(imported.declaredTables as unknown as BudgetTable[], 'three_public_expenses')).toEqual(printed)
    const back = byKey((await computeFor(imported)).tables, 'three_public_expenses')
    expect(back.rows).toEqual(held.rows)
    expect(toFixtureTable(back)).toEqual(printed)
  })
})

describe('a 单位预算 workbook imported on the web (real PostgreSQL)', () => {
  it('a unit accountant imports their unit’s workbook into their unit’s budget; another unit’s workbook is an error at its unit line and writes nothing', async () => {
    const w = await world()
    const template = shippedTemplate('hebei-unit-2024')
    const book = async (i: number) => {
      const data = hebeiUnit2024(w.units[i]!, i + 1)
      const tables = computeDisclosure(data, template, starterCatalogue(2024)).tables.map(toFixtureTable)
      return { tables, file: await budgetSystemUnitWorkbook(w.units[i]!, 2024, tables, template) }
    }
    const own = await book(0)
    const r = await importWorkbook({ file: own.file, fileName: '单位预算.xlsx', by: { kind: 'user', actor: w.unit1 }, commit: true, acceptErrors: false })
    expect(r.target).toMatchObject({ department: { code: w.dept.code }, unit: { code: w.units[0]!.code }, year: 2024, canImport: true })
    const d = await db().disclosure.findUniqueOrThrow({ where: { id: r.imported!.disclosureId }, include: { template: true } })
    expect([d.unitCode, d.source, d.template.key]).toEqual([w.units[0]!.code, 'imported', 'hebei-unit-2024'])
    expect(d.declaredTables).toEqual(JSON.parse(JSON.stringify(own.tables)))

    const other = await book(1)
    const refused = await errorOf(importWorkbook({ file: other.file, fileName: '单位预算.xlsx', by: { kind: 'user', actor: w.unit1 }, commit: true, acceptErrors: false }))
    // another unit's workbook: refused for its identity, before (and regardless of) accepting errors
    expect(refused.message).toMatch(/不一致，不能导入/)
    const preview = await importWorkbook({ file: other.file, fileName: '单位预算.xlsx', by: { kind: 'user', actor: w.unit1 }, commit: false, acceptErrors: false })
    expect(preview.report.findings.find((f) => f.rule === 'exchange.department_mismatch')).toMatchObject({ severity: 'error', sheet: '单位预算收支总表', cell: 'A2' })
    expect(await db().disclosure.count({ where: { departmentId: w.dept.id, unitCode: w.units[1]!.code } })).toBe(0)
    // the department's accountant may import it, into that unit's own budget
    const byDept = await importWorkbook({ file: other.file, fileName: '单位预算.xlsx', by: { kind: 'user', actor: w.accountant }, commit: true, acceptErrors: false })
    expect((await db().disclosure.findUniqueOrThrow({ where: { id: byDept.imported!.disclosureId } })).unitCode).toBe(w.units[1]!.code)
  })
})
