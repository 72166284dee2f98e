/**
 * The 情况说明 as a template lays it out (template.notes): Henan's three parts, the sections 一 to 九
 * with 机构运转经费, 政府采购 by 货物/工程/服务 and vehicles by type, amounts from the tables; without a
 * layout the notes stay as generated (Hebei).
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { formatPrinted } from '@/lib/budget/money'
import { shippedTemplate } from '@/lib/budget/templates/files'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { assembleDocument } from '@/lib/document/assemble'
import { generateNotes } from '@/lib/notes/generate'
import { defaultGlossary } from '@/lib/notes/glossary'
import { applyNotesLayout } from '@/lib/notes/layout'
import { parseStoredNotes } from '@/lib/notes/schemas'
import type { NotesBlock } from '@/lib/notes/types'
import { henanDept2023 } from '../factories/template-layouts'

const template = shippedTemplate('henan-dept-2023')

function henan(extra: Partial<BudgetData> = {}) {
  const data = { ...henanDept2023(), ...extra }
  const { tables } = computeDisclosure(data, template, starterCatalogue(2023))
  const notes = parseStoredNotes({ duties: { intro: '获嘉县医疗保障局主要职责是：', items: ['贯彻执行医疗保障法律法规和政策。', '负责全县医疗保障基金监督管理。'] } })
  const ctx = { year: 2023, department: { code: '127', name: '获嘉县医疗保障局' }, data, tables, notes, priorSystem: null, glossary: defaultGlossary(), targets: { overall: null, projects: [] } }
  return { data, tables, notes, ctx, generated: generateNotes(ctx) }
}

const texts = (blocks: NotesBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text] : []))

describe('notes laid out by the template', () => {
  it('Henan: three parts — 部门概况, 情况说明 一 to 九, 名词解释 — with the template’s titles', () => {
    const { ctx, generated } = henan()
    const laid = applyNotesLayout(generated, template.notes, ctx)
    expect(laid.sections.map((s) => s.title)).toEqual(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
    expect(new Set(laid.sections.map((s) => s.id)).size).toBe(3)
    const [one, two, three] = laid.sections.map((s) => texts(s.blocks))
    expect(one!.filter((t) => /^[一二]、/.test(t))).toEqual(['一、主要职能', '二、部门预算单位构成'])
    expect(one).toContain('（一）贯彻执行医疗保障法律法规和政策。')
    expect(two!.filter((t) => /^[一二三四五六七八九]、/.test(t))).toEqual([
      '一、收支预算总体情况',
      '二、收入预算总体情况',
      '三、支出预算总体情况',
      '四、财政拨款收支预算总体情况',
      '五、一般公共预算支出情况',
      '六、一般公共预算基本支出情况',
      '七、一般公共预算“三公”经费支出情况',
      '八、政府性基金预算支出情况',
      '九、其他重要事项的情况说明',
    ])
    expect(two!.filter((t) => /^（[一二三四]）/.test(t))).toEqual(['（一）机构运转经费', '（二）政府采购情况', '（三）国有资产占用情况', '（四）预算绩效管理情况'])
    expect(three!.length).toBeGreaterThan(3)
    // the notes' own findings still point at the generated sections the editor shows
    expect(laid.findings.slice(0, generated.findings.length)).toEqual(generated.findings)
  })

  it('Henan: the amounts of 一 to 八 are the tables’ figures', () => {
    const { ctx, generated, tables } = henan()
    const two = texts(applyNotesLayout(generated, template.notes, ctx).sections[1]!.blocks)
    const after = (heading: string) => two[two.indexOf(heading) + 1]!
    const ies = tables.find((t) => t.key === 'income_expenditure_summary')!
    const grand = formatPrinted(ies.rows.at(-1)![1] as number)
    expect(after('一、收支预算总体情况')).toBe(`获嘉县医疗保障局2023年收入总计${grand}万元，支出总计${grand}万元。`)
    expect(after('二、收入预算总体情况')).toMatch(/^获嘉县医疗保障局2023年收入合计343\.96万元，其中：一般公共预算拨款收入330\.46万元，占96\.1%；事业收入1\.50万元，占0\.4%；上年结转12\.00万元，占3\.5%。$/)
    expect(after('三、支出预算总体情况')).toBe('获嘉县医疗保障局2023年支出合计343.96万元，其中：基本支出258.96万元，占75.3%；项目支出85.00万元，占24.7%。')
    expect(after('五、一般公共预算支出情况')).toContain('卫生健康支出（类）298.40万元')
    expect(after('六、一般公共预算基本支出情况')).toMatch(/人员经费249\.22万元，主要包括基本工资、津贴补贴.*；公用经费8\.25万元，主要包括办公费、公务接待费、公务用车运行维护费/)
    expect(after('八、政府性基金预算支出情况')).toBe('获嘉县医疗保障局2023年无政府性基金预算支出。')
  })

  it('Henan: 政府采购 split into 货物 / 工程 / 服务 by the 政府采购品目 code, and vehicles by type summing to the vehicles held', () => {
    const procurement: BudgetData['procurement'] = [
      { itemName: '台式计算机', catalogueCode: 'A02010104', unit: '台', quantity: '4', unitPrice: 60_000_00, amounts: { general: 240_000_00 } },
      { itemName: '办公楼维修', catalogueCode: 'B07', unit: '项', quantity: '1', unitPrice: 150_000_00, amounts: { general: 150_000_00 } },
      { itemName: '物业管理服务', catalogueCode: 'C1204', unit: '项', quantity: '1', unitPrice: 86_000_00, amounts: { general: 86_000_00 } },
    ]
    const { ctx, generated } = henan({ procurement, fixedAssets: [{ category: 'vehicles', quantity: '3', value: 45_000_000 }] })
    const types = Object.fromEntries(template.notes!.parts[1]!.sections.at(-1)!.items!.find((i) => i.id === 'assets.byVehicleType')!.vehicleTypes!.map((t) => [t, 0]))
    const laid = applyNotesLayout(generated, template.notes, { ...ctx, vehiclesByType: { ...types, 主要负责人用车: 1, 执法执勤用车: 2 } })
    const two = texts(laid.sections[1]!.blocks)
    expect(two).toContain('2023年，获嘉县医疗保障局政府采购预算总额47.60万元，其中：政府采购货物预算24.00万元、政府采购工程预算15.00万元、政府采购服务预算8.60万元。')
    expect(two.find((t) => t.startsWith('截至2022年底'))).toBe(
      '截至2022年底，获嘉县医疗保障局共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车1辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车2辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车0辆。',
    )
    expect(laid.findings.filter((f) => f.rule.startsWith('notes.vehicle') || f.rule === 'notes.procurement_kind').map((f) => f.message)).toEqual([])
    // counts that do not add up to the vehicles held, and types not entered, are findings — never a made-up sentence
    const wrong = applyNotesLayout(generated, template.notes, { ...ctx, vehiclesByType: { ...types, 其他用车: 1 } })
    expect(wrong.findings.map((f) => f.rule)).toContain('notes.vehicle_types_sum')
    const none = applyNotesLayout(generated, template.notes, ctx)
    expect(none.findings.map((f) => f.rule)).toContain('notes.vehicle_types_missing')
    expect(texts(none.sections[1]!.blocks).some((t) => t.startsWith('截至'))).toBe(false)
  })

  it('without a layout (Hebei) the notes are as generated; the document uses the template’s layout when it has one', () => {
    const { ctx, generated, tables } = henan()
    expect(applyNotesLayout(generated, undefined, ctx)).toBe(generated)
    const doc = assembleDocument({ ...ctx, tables, amountUnit: '万元', region: null, status: 'draft', dateLine: '', notesLayout: template.notes! })
    expect(doc.notes.sections.map((s) => s.title)).toEqual(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
    expect(doc.toc.filter((e) => e.level === 2).map((e) => e.title).slice(-3)).toEqual(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
    const plain = assembleDocument({ ...ctx, tables, amountUnit: '万元', region: null, status: 'draft', dateLine: '' })
    expect(plain.notes.sections.map((s) => s.id)).toEqual(generated.sections.map((s) => s.id))
  })
})
