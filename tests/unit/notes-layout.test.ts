/**
 * The 情况说明 as a template lays it out (template.notes): Henan's three parts, the sections 一 to 九
 * with 机构运转经费, 政府采购 by 货物/工程/服务 and vehicles by type, amounts from the tables; without a
 * layout the notes stay as generated (Hebei).
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { formatPrinted, formatPrintedNumber, toPrinted } from '@/lib/budget/money'
import { shippedTemplate } from '@/lib/templates/files'
import type { BudgetData } from '@/lib/budget/types'
import { starterCatalogue } from '@/lib/catalogue/files'
import { assembleDocument } from '@/lib/document/assemble'
import { generateNotes } from '@/lib/notes/generate'
import { defaultGlossary } from '@/lib/notes/glossary'
import type { LayoutInput } from '@/lib/notes/layout'
import { applyNotesLayout, layNotes, vehicleTypesOf } from '@/lib/notes/layout'
import type { TNotes } from '@/lib/notes/schemas'
import { parseStoredNotes, ZNotes } from '@/lib/notes/schemas'
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

/** Every type of the template's 国有资产占用情况 with 0 vehicles. */
const zeros: Record<string, number> = Object.fromEntries(template.notes!.parts[1]!.sections.at(-1)!.items!.find((i) => i.id === 'assets.byVehicleType')!.vehicleTypes!.map((t) => [t, 0]))
/** The context with the notes' 国有资产占用情况 counts as the accountant saved them. */
const withAssets = <C extends LayoutInput>(ctx: C, assets: Partial<TNotes['assets']>): C => ({ ...ctx, notes: { ...ctx.notes, assets: { ...(ctx.notes as TNotes).assets, ...assets } } })

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
    // the one section of 第三部分 名词解释 is not headed 名词解释 again
    expect(three).not.toContain('名词解释')
    // the notes' own findings still point at the generated sections (those the layout prints)
    const shown = new Set(['duties', 'operating', 'threePublic', 'performance', 'procurement', 'assets', 'glossary'])
    expect(laid.findings.filter((f) => generated.findings.includes(f))).toEqual(generated.findings.filter((f) => !f.notes || shown.has(f.notes.section)))
  })

  it('Henan: the amounts of 一 to 八 are the tables’ figures', () => {
    const { ctx, generated, tables } = henan()
    const two = texts(applyNotesLayout(generated, template.notes, ctx).sections[1]!.blocks)
    const after = (heading: string) => two[two.indexOf(heading) + 1]!
    const ies = tables.find((t) => t.key === 'income_expenditure_summary')!
    const grand = formatPrintedNumber(ies.rows.at(-1)![1] as number)
    expect(after('一、收支预算总体情况')).toBe(`获嘉县医疗保障局2023年收入总计${grand}万元，支出总计${grand}万元。`)
    expect(after('二、收入预算总体情况')).toMatch(/^获嘉县医疗保障局2023年收入合计343\.96万元，其中：一般公共预算拨款收入330\.46万元，占96\.1%；事业收入1\.50万元，占0\.4%；上年结转12\.00万元，占3\.5%。$/)
    expect(after('三、支出预算总体情况')).toBe('获嘉县医疗保障局2023年支出合计343.96万元，其中：基本支出258.96万元，占75.3%；项目支出85.00万元，占24.7%。')
    expect(after('五、一般公共预算支出情况')).toContain('卫生健康支出（类）298.40万元')
    expect(after('六、一般公共预算基本支出情况')).toMatch(/人员经费249\.22万元，主要包括基本工资、津贴补贴.*；公用经费8\.25万元，主要包括办公费、公务接待费、公务用车运行维护费/)
    expect(after('八、政府性基金预算支出情况')).toBe('获嘉县医疗保障局2023年无政府性基金预算支出。')
  })

  it('Henan: 政府采购 split into 货物 / 工程 / 服务 by the 政府采购品目 code, and vehicles by type (stored in the notes) summing to the vehicles held', () => {
    const procurement: BudgetData['procurement'] = [
      { itemName: '台式计算机', catalogueCode: 'A02010104', unit: '台', quantity: '4', unitPrice: 60_000_00, amounts: { general: 240_000_00 } },
      { itemName: '办公楼维修', catalogueCode: 'B07', unit: '项', quantity: '1', unitPrice: 150_000_00, amounts: { general: 150_000_00 } },
      { itemName: '物业管理服务', catalogueCode: 'C1204', unit: '项', quantity: '1', unitPrice: 86_000_00, amounts: { general: 86_000_00 } },
    ]
    const { ctx, generated } = henan({ procurement, fixedAssets: [{ category: 'vehicles', quantity: '3', value: 45_000_000 }] })
    const laid = applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: { ...zeros, 主要负责人用车: 1, 执法执勤用车: 2 } }))
    const two = texts(laid.sections[1]!.blocks)
    expect(two).toContain('2023年，获嘉县医疗保障局政府采购预算总额47.60万元，其中：政府采购货物预算24.00万元、政府采购工程预算15.00万元、政府采购服务预算8.60万元。')
    expect(two.find((t) => t.startsWith('截至2022年底'))).toBe(
      '截至2022年底，获嘉县医疗保障局共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车1辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车2辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车0辆。',
    )
    // the sentence follows the heading （三）国有资产占用情况 inside 九; the Henan template prints no 固定资产 table,
    // so the paragraph that refers to one (“详见下表”) is not printed
    const at = two.indexOf('（三）国有资产占用情况')
    expect(two[at + 1]).toMatch(/^截至2022年底/)
    expect(two.some((t) => t.includes('详见下表'))).toBe(false)
    expect(laid.findings.filter((f) => f.rule.startsWith('notes.vehicle') || f.rule === 'notes.procurement_kind').map((f) => f.message)).toEqual([])
    // counts that do not add up to the vehicles held are an error at the first type's field
    const wrong = applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: { ...zeros, 其他用车: 1 } }))
    expect(wrong.findings.find((f) => f.rule === 'notes.vehicle_types_sum')).toMatchObject({ severity: 'error', message: '各车型车辆数合计 1 辆，与车辆保有量 3 辆不一致', notes: { section: 'overview', field: 'assets.vehiclesByType.副部（省）级及以上领导用车' } })
    // nothing entered: a finding, never a made-up sentence
    const none = applyNotesLayout(generated, template.notes, ctx)
    expect(none.findings.find((f) => f.rule === 'notes.vehicle_types_missing')!.message).toBe('模板要求按车型说明截至2022年底的车辆情况，尚未填写各车型的车辆数（没有的填 0）')
    expect(texts(none.sections[1]!.blocks).some((t) => t.startsWith('截至'))).toBe(false)
  })

  it('a reworded item keeps its findings located: the finding points at the printed (reworded) paragraph', () => {
    const { ctx, generated } = henan({ fixedAssets: [{ category: 'vehicles', quantity: '3', value: 45_000_000 }] })
    const layout = structuredClone(template.notes!)
    const item = layout.parts[1]!.sections.at(-1)!.items!.find((i) => i.id === 'assets.byVehicleType')!
    item.wording = { 共有车辆: '现有车辆' }
    const laid = applyNotesLayout(generated, layout, withAssets(ctx, { vehiclesByType: { ...zeros, 其他用车: 1 } }))
    const f = laid.findings.find((x) => x.rule === 'notes.vehicle_types_sum')!
    const block = laid.sections.find((x) => x.id === f.notes!.section)!.blocks[f.notes!.paragraph]!
    expect(block).toMatchObject({ kind: 'paragraph' })
    expect((block as { text: string }).text).toMatch(/^截至2022年底，获嘉县医疗保障局现有车辆1辆/)
  })

  it('Henan: a type without its count is a finding located at that type’s field and the part’s paragraph; no sentence until every type is entered', () => {
    const { ctx, generated } = henan()
    const some = Object.fromEntries(Object.entries({ ...zeros, 主要负责人用车: 1 }).filter(([t]) => t !== '其他用车' && t !== '应急保障用车'))
    const laid = applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: some }))
    const f = laid.findings.find((x) => x.rule === 'notes.vehicle_types_missing')!
    expect(f.message).toBe('模板要求按车型说明截至2022年底的车辆情况，尚未填写“应急保障用车”“其他用车”的车辆数（没有的填 0）')
    expect(f.notes!.field).toBe('assets.vehiclesByType.应急保障用车')
    // located in part 二 (its section id) at the heading （三）国有资产占用情况, nothing being printed under it yet
    const part = laid.sections.find((s) => s.id === f.notes!.section)!
    expect(part.title).toBe('第二部分 2023年部门预算情况说明')
    expect(part.blocks[f.notes!.paragraph]).toEqual({ kind: 'heading', text: '（三）国有资产占用情况' })
    expect(part.blocks[f.notes!.paragraph + 1]).toEqual({ kind: 'heading', text: '（四）预算绩效管理情况' })
    expect(texts(laid.sections[1]!.blocks).some((t) => t.startsWith('截至'))).toBe(false)
  })

  it('Henan: 单价50万元以上通用设备 and 单价100万元以上专用设备, when entered, follow the vehicles in the same sentence', () => {
    const { ctx, generated } = henan()
    const one = { ...zeros, 主要负责人用车: 1 }
    const both = texts(applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: one, generalEquipment: 2, specialEquipment: 0 })).sections[1]!.blocks)
    expect(both.find((t) => t.startsWith('截至'))).toBe(
      '截至2022年底，获嘉县医疗保障局共有车辆1辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车1辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车0辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车0辆；单价50万元以上通用设备2台（套），单价100万元以上专用设备0台（套）。',
    )
    const general = texts(applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: one, generalEquipment: 1 })).sections[1]!.blocks)
    expect(general.find((t) => t.startsWith('截至'))).toMatch(/其他用车0辆；单价50万元以上通用设备1台（套）。$/)
    // equipment alone (vehicles still missing): only what was entered
    const alone = texts(applyNotesLayout(generated, template.notes, withAssets(ctx, { specialEquipment: 3 })).sections[1]!.blocks)
    expect(alone.find((t) => t.startsWith('截至'))).toBe('截至2022年底，获嘉县医疗保障局共有单价100万元以上专用设备3台（套）。')
  })

  it('Henan: the generated notes’ findings about sections the layout does not print are left out; the others stay', () => {
    const { ctx, generated } = henan()
    const laid = applyNotesLayout(generated, template.notes, withAssets(ctx, { vehiclesByType: { ...zeros, 主要负责人用车: 1 } }))
    // no prior year: 二、总体情况's 比上年增减 is not printed by Henan, 三公 is
    expect(generated.findings.filter((f) => f.rule === 'notes.prior_missing').map((f) => f.notes!.section)).toEqual(['overview', 'operating', 'threePublic'])
    expect(laid.findings.filter((f) => f.rule === 'notes.prior_missing').map((f) => f.notes!.section)).toEqual(['operating', 'threePublic'])
    expect(laid.findings.filter((f) => f.rule === 'notes.prior_missing').map((f) => f.notes!.field)).toEqual(['prior.operatingCosts', 'prior.threePublicTotal'])
  })

  it('Henan, section by section (the editor): parts, sections in the template’s order, 九’s items with their blocks; 政府采购 keeps its 补充说明', () => {
    const { ctx } = henan()
    const notes = parseStoredNotes({ ...ctx.notes, procurement: { extra: '采购均按政府采购目录执行。' }, assets: { vehiclesByType: { ...zeros, 执法执勤用车: 1 } } })
    const g = generateNotes({ ...ctx, notes })
    const laid = layNotes(g, template.notes!, { ...ctx, notes })
    expect(laid.parts.map((p) => [p.id, p.sections.map((s) => s.content)])).toEqual([
      ['duties', ['duties', 'organisation']],
      ['overview', ['budget.summary', 'budget.income', 'budget.expenditure', 'budget.fiscal', 'budget.general', 'budget.basic', 'threePublic', 'budget.govFund', 'items']],
      ['glossary', ['glossary']],
    ])
    const nine = laid.parts[1]!.sections.at(-1)!
    expect(nine.title).toBe('九、其他重要事项的情况说明')
    expect(nine.items.map((i) => [i.content, i.label])).toEqual([
      ['operating', '（一）机构运转经费'],
      ['procurement.byKind', '（二）政府采购情况'],
      ['assets.byVehicleType', '（三）国有资产占用情况'],
      ['performance', '（四）预算绩效管理情况'],
    ])
    expect(texts(nine.items[1]!.blocks)).toEqual(['2023年，获嘉县医疗保障局无政府采购预算。', '采购均按政府采购目录执行。'])
    expect(texts(nine.items[2]!.blocks).at(-1)).toMatch(/^截至2022年底，获嘉县医疗保障局共有车辆1辆，/)
    expect(vehicleTypesOf(template.notes)).toEqual(Object.keys(zeros))
    expect(vehicleTypesOf(undefined)).toEqual([])
    // the flat notes are the parts' blocks in order
    expect(applyNotesLayout(g, template.notes, { ...ctx, notes }).sections.map((s) => s.blocks.length)).toEqual(laid.parts.map((p) => p.sections.reduce((n, s) => n + (p.sections.length > 1 ? 1 : 0) + s.blocks.length + s.items.reduce((m, i) => m + 1 + i.blocks.length, 0), 0)))
  })

  it('the stored counts: integers not below zero, with messages naming the field', () => {
    const bad = ZNotes.safeParse({ assets: { vehiclesByType: { 执法执勤用车: -1, 其他用车: 1.5 }, generalEquipment: -2, specialEquipment: 0.5 } })
    expect(bad.success).toBe(false)
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['assets.vehiclesByType.执法执勤用车', '国有资产占用情况中“执法执勤用车”的车辆数不能为负数'],
      ['assets.vehiclesByType.其他用车', '国有资产占用情况中“其他用车”的车辆数应为整数'],
      ['assets.generalEquipment', '单价50万元以上通用设备数量不能为负数'],
      ['assets.specialEquipment', '单价100万元以上专用设备数量应为整数'],
    ])
    const ok = ZNotes.parse({ assets: { vehiclesByType: { 执法执勤用车: 0 }, generalEquipment: null } })
    expect(ok.assets).toEqual({ extra: '', vehiclesByType: { 执法执勤用车: 0 }, generalEquipment: null })
    // notes stored before the field existed read as nothing entered
    expect(parseStoredNotes({ assets: { extra: '无' } }).assets).toEqual({ extra: '无', vehiclesByType: {} })
  })

  it('Henan: （一） says 机构运转经费 (the item’s wording), where the generated sentence and the Hebei notes say 机关运行经费', () => {
    const { ctx, generated } = henan()
    const two = texts(applyNotesLayout(generated, template.notes, ctx).sections[1]!.blocks)
    const sentence = two[two.indexOf('（一）机构运转经费') + 1]!
    expect(sentence).toMatch(/^2023年，获嘉县医疗保障局机构运转经费共计安排6\.10万元/)
    expect(sentence).not.toContain('机关运行经费')
    // the generated notes themselves are not changed
    expect(texts(generated.sections.find((s) => s.id === 'operating')!.blocks).join('')).toContain('机关运行经费共计安排6.10万元')
  })

  it('Henan: （四）预算绩效管理情况 counts the projects with targets and their money, refers to the 预算11表, and prints no Hebei 第一部分/第二部分 inside 第二部分', () => {
    const { data, tables } = henan()
    const project = data.projects[0]!
    // the amounts typed in the target table (below the lines' here) do not change 涉及资金: it is the lines'
    const targets = { overall: null, projects: [{ projectCode: project.code, title: project.name, goals: ['完成'], indicators: [], fiscalFunds: '1.00', otherFunds: undefined, purpose: '', spendingPlan: {} }] }
    const amount = data.expenditure.filter((l) => l.projectCode === project.code && l.category === 'project').reduce((s, l) => s + l.amount, 0)
    const notes = parseStoredNotes({})
    const ctx = { year: 2023, department: { code: '127', name: '获嘉县医疗保障局' }, data, tables, notes, priorSystem: null, glossary: defaultGlossary(), targets, performanceLayout: template.performance! }
    const two = texts(applyNotesLayout(generateNotes(ctx), template.notes, ctx).sections[1]!.blocks)
    const at = two.indexOf('（四）预算绩效管理情况')
    expect(two[at + 1]).toBe(`2023年，获嘉县医疗保障局实行绩效目标管理的项目1个，涉及资金${formatPrinted(toPrinted(amount))}万元，各项目绩效目标见下表。`)
    expect(two[at + 2]).toBe('获嘉县医疗保障局部门（单位）整体绩效目标详见《2023年部门（单位）整体绩效目标表（预算11表）》。')
    // then the project's target table under its own heading
    expect(two[at + 3]).toBe(`1、${project.name}`)
    expect(two.filter((t) => /^第[一二]部分/.test(t))).toEqual([])
    // without targets: said so, from the data
    const noTargets = { ...ctx, targets: { overall: null, projects: [] } }
    const none = texts(applyNotesLayout(generateNotes(noTargets), template.notes, noTargets).sections[1]!.blocks)
    expect(none[none.indexOf('（四）预算绩效管理情况') + 1]).toBe('2023年，获嘉县医疗保障局未对预算项目设定绩效目标。')
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
