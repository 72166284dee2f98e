/**
 * Henan notes on real PostgreSQL: a disclosure of a Henan region uses henan-dept-2023, whose notes
 * layout asks for the vehicles held by type (国有资产占用情况). The editor's state carries the layout;
 * the counts are saved through the server action, read back, and printed in the document; a negative
 * count is refused with a Chinese message at its field and nothing is saved; a type the template does
 * not name is refused too, and a Hebei disclosure takes no vehicle types at all.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { findDisclosureById } from '@/lib/disclosure/server/find-disclosure'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import type { TNotesInput } from '@/lib/notes/schemas'
import { parseStoredNotes } from '@/lib/notes/schemas'
import { getNotesState } from '@/lib/notes/server/get-notes-state'
import { saveNotes } from '@/lib/notes/server/save-notes'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chengde2023 } from '../../prisma/demo'
import { createDepartment, createDisclosure as createHebeiDisclosure, createHenanBudget, createRegion, createUser } from '../factories/db'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
const { saveNotesAction } = await import('@/lib/notes/actions')

const TYPES = ['副部（省）级及以上领导用车', '主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '离退休干部服务用车', '其他用车']
const zeros = Object.fromEntries(TYPES.map((t) => [t, 0]))

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}

const stored = async (id: string) => db().disclosure.findUniqueOrThrow({ where: { id }, select: { notes: true, version: true, notesVersion: true } })
const audits = (disclosureId: string) => db().auditLog.count({ where: { disclosureId, entity: 'notes' } })
const texts = (blocks: { kind: string; text?: string }[]) => blocks.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'heading' ? [b.text!] : []))

describe('Henan notes: vehicles by type saved and read back (real PostgreSQL)', () => {
  let accountant: NonNullable<Actor>
  let id: string
  let deptName: string

  beforeAll(async () => {
    // the Henan factory's lines under this department's codes, 3 vehicles in the 固定资产 table
    const b = await createHenanBudget({ extra: { fixedAssets: [{ category: 'vehicles', quantity: '3', value: 450_000_00 }] } })
    deptName = b.dept.name
    accountant = b.accountant
    id = b.id
  })

  it('the editor’s state carries the template’s layout: its parts, the vehicle types, and a finding at the first type’s field while none is entered', async () => {
    const s = await getNotesState(accountant, id)
    expect(s.layout).not.toBeNull()
    expect(s.layout!.templateName).toBe('河南省部门预算公开表（2023年）')
    expect(s.layout!.parts.map((p) => p.title)).toEqual(['第一部分 部门概况', '第二部分 2023年部门预算情况说明', '第三部分 名词解释'])
    expect(s.layout!.parts[0]!.sections.map((x) => x.title)).toEqual(['一、主要职能', '二、部门预算单位构成'])
    expect(s.layout!.vehicleTypes).toEqual(TYPES)
    const missing = s.layout!.findings.find((f) => f.rule === 'notes.vehicle_types_missing')!
    expect(missing.notes!.field).toBe('assets.vehiclesByType.副部（省）级及以上领导用车')
    // Henan does not state a change of the 预算收支总额: no finding asks for it
    expect(s.layout!.findings.some((f) => f.notes?.field === 'prior.total')).toBe(false)
  })

  it('saves the counts through the server action and reads them back; the sentence is in the editor’s section and in the document', async () => {
    session.actor = accountant
    const before = await stored(id)
    const notes: TNotesInput = {
      duties: { intro: '', items: ['贯彻执行医疗保障法律法规和政策。'] },
      assets: { extra: '', vehiclesByType: { ...zeros, 主要负责人用车: 1, 执法执勤用车: 2 }, generalEquipment: 1, specialEquipment: 0 },
    }
    const r = await saveNotesAction({ disclosureId: id, version: before.notesVersion, notes })
    expect(r.ok, r.ok ? '' : r.message).toBe(true)
    if (!r.ok) return
    expect(r.message).toBe('情况说明已保存')
    // read back from the database
    const after = await stored(id)
    expect(after.version).toBe(before.version + 1)
    expect(parseStoredNotes(after.notes).assets).toEqual({ extra: '', vehiclesByType: { ...zeros, 主要负责人用车: 1, 执法执勤用车: 2 }, generalEquipment: 1, specialEquipment: 0 })
    expect(r.state.notes.assets.vehiclesByType).toEqual({ ...zeros, 主要负责人用车: 1, 执法执勤用车: 2 })
    // the section 九（三） shows the sentence; no vehicle finding is left
    const sentence = `截至2022年底，${deptName}共有车辆3辆，其中：副部（省）级及以上领导用车0辆，主要负责人用车1辆，机要通信用车0辆，应急保障用车0辆，执法执勤用车2辆，特种专业技术用车0辆，离退休干部服务用车0辆，其他用车0辆；单价50万元以上通用设备1台（套），单价100万元以上专用设备0台（套）。`
    const assets = r.state.layout!.parts[1]!.sections.at(-1)!.items.find((i) => i.content === 'assets.byVehicleType')!
    expect(texts(assets.blocks)).toContain(sentence)
    expect(r.state.layout!.findings.filter((f) => f.rule.startsWith('notes.vehicle'))).toEqual([])
    // the document (preview, PDF, public page) prints it under （三）国有资产占用情况
    const model = await buildDocumentModel(await findDisclosureById(accountant, id))
    const two = texts(model.notes.sections[1]!.blocks)
    expect(two[two.indexOf(sentence) - 1]).toBe('（三）国有资产占用情况')
  })

  it('a negative count is refused with a Chinese message at its field; nothing is saved', async () => {
    session.actor = accountant
    const before = await stored(id)
    const auditsBefore = await audits(id)
    const r = await saveNotesAction({ disclosureId: id, version: before.notesVersion, notes: { assets: { extra: '', vehiclesByType: { ...zeros, 执法执勤用车: -1 } } } })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('VALIDATION')
    expect(r.fields).toEqual([{ path: 'assets.vehiclesByType.执法执勤用车', message: '国有资产占用情况中“执法执勤用车”的车辆数不能为负数' }])
    expect(r.message).toContain('国有资产占用情况中“执法执勤用车”的车辆数不能为负数')
    const after = await stored(id)
    expect(after.version).toBe(before.version)
    expect(after.notes).toEqual(before.notes)
    expect(await audits(id)).toBe(auditsBefore)
    // and an equipment count below zero the same way
    const eq = await saveNotesAction({ disclosureId: id, version: before.notesVersion, notes: { assets: { extra: '', vehiclesByType: zeros, generalEquipment: -2 } } })
    expect(eq.ok ? [] : eq.fields).toEqual([{ path: 'assets.generalEquipment', message: '单价50万元以上通用设备数量不能为负数' }])
    expect((await stored(id)).notes).toEqual(before.notes)
  })

  it('a type the template does not name is refused at its field, in one transaction (the version is not spent)', async () => {
    const before = await stored(id)
    const e = await errorOf(saveNotes(accountant, { disclosureId: id, version: before.notesVersion, notes: parseStoredNotes({ assets: { vehiclesByType: { ...zeros, 公务大巴: 1 } } }) }))
    expect(e.code).toBe('VALIDATION')
    expect(e.fields).toEqual([{ path: 'assets.vehiclesByType.公务大巴', message: `车型“公务大巴”不是本预算模板列出的车型（${TYPES.join('、')}）` }])
    expect(await stored(id)).toEqual(before)
  })

  it('a Hebei disclosure has no layout in the editor and takes no vehicle types', async () => {
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    const hebei = await createHebeiDisclosure(dept.id, chengde2023())
    const acc = await createUser('accountant', { departmentId: dept.id })
    const s = await getNotesState(acc, hebei.id)
    expect(s.layout).toBeNull()
    expect(s.generated.sections.map((x) => x.id)).toEqual(['duties', 'overview', 'operating', 'threePublic', 'performance', 'procurement', 'assets', 'glossary', 'other'])
    const e = await errorOf(saveNotes(acc, { disclosureId: hebei.id, version: s.version, notes: parseStoredNotes({ assets: { vehiclesByType: { 其他用车: 1 } } }) }))
    expect(e.fields).toEqual([{ path: 'assets.vehiclesByType.其他用车', message: '本预算模板的情况说明不按车型说明车辆，不能填写“其他用车”的车辆数' }])
  })
})
