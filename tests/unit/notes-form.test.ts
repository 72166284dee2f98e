/**
 * The notes form (components/notes/notes-form.ts): the 国有资产占用情况 counts of a template's layout
 * as typed (one text per vehicle type, in the template's order) and back, checked by the same schema
 * as the server action, the errors placed on the form's fields.
 */
import { describe, expect, it } from 'vitest'
import { fieldDomId, formPath, toForm, toNotes } from '@/components/notes/notes-form'
import { parseStoredNotes, ZNotes } from '@/lib/notes/schemas'

const TYPES = ['主要负责人用车', '执法执勤用车', '特种专业技术用车', '其他用车']

describe('notes form: vehicles by type and equipment', () => {
  it('stored counts show in the template’s order; typed counts (full-width digits too) are stored as integers, empty ones left out', () => {
    const stored = parseStoredNotes({ assets: { extra: '无', vehiclesByType: { 执法执勤用车: 2, 其他用车: 0, 旧车型: 5 }, generalEquipment: 1 } })
    const form = toForm(stored, TYPES)
    expect(form.vehicles).toEqual([
      { type: '主要负责人用车', count: '' },
      { type: '执法执勤用车', count: '2' },
      { type: '特种专业技术用车', count: '' },
      { type: '其他用车', count: '0' },
    ])
    expect(form.equipment).toEqual({ general: '1', special: '' })
    form.vehicles[0]!.count = ' １ '
    form.vehicles[2]!.count = '0'
    const { notes, errors } = toNotes(form)
    expect(errors).toEqual([])
    // a type the template no longer names is not sent back (the server would refuse it)
    expect(ZNotes.parse(notes).assets).toEqual({ extra: '无', vehiclesByType: { 主要负责人用车: 1, 执法执勤用车: 2, 特种专业技术用车: 0, 其他用车: 0 }, generalEquipment: 1, specialEquipment: null })
  })

  it('a negative, fractional or non-numeric count is an error on its own input, in Chinese naming the field', () => {
    const form = toForm(parseStoredNotes({}), TYPES)
    form.vehicles[1]!.count = '-1'
    form.vehicles[3]!.count = '1.5'
    form.vehicles[0]!.count = '两辆'
    form.equipment.special = '-3'
    const { errors } = toNotes(form)
    expect(errors).toEqual([
      { path: 'vehicles.0.count', message: '国有资产占用情况中“主要负责人用车”的车辆数应为整数' },
      { path: 'vehicles.1.count', message: '国有资产占用情况中“执法执勤用车”的车辆数不能为负数' },
      { path: 'vehicles.3.count', message: '国有资产占用情况中“其他用车”的车辆数应为整数' },
      { path: 'equipment.special', message: '单价100万元以上专用设备数量不能为负数' },
    ])
  })

  it('Hebei (no vehicle types): the form has no vehicle inputs and saves the notes as before', () => {
    const stored = parseStoredNotes({ assets: { extra: '无' }, other: '无' })
    const form = toForm(stored)
    expect(form.vehicles).toEqual([])
    const { notes, errors } = toNotes(form)
    expect(errors).toEqual([])
    expect(toForm(ZNotes.parse(notes))).toEqual(form)
    expect(ZNotes.parse(notes).assets).toEqual({ extra: '无', vehiclesByType: {}, generalEquipment: null, specialEquipment: null })
  })

  it('a server’s field path (stored notes) is placed on the form’s field; a finding’s field on its input', () => {
    expect(formPath('assets.vehiclesByType.其他用车', TYPES)).toBe('vehicles.3.count')
    expect(formPath('assets.generalEquipment', TYPES)).toBe('equipment.general')
    expect(formPath('threePublic.abroadGroups', TYPES)).toBe('counts.abroadGroups')
    expect(formPath('overview.mainProjects.1.projectCodes', TYPES)).toBe('mainProjects.1.projectCodes')
    expect(formPath('organisation.offices.0.name', TYPES)).toBe('offices.0.name')
    expect(formPath('reasons.total', TYPES)).toBe('reasons.total')
    expect(fieldDomId('assets.vehiclesByType.执法执勤用车', TYPES)).toBe('f-vehicle-1')
    expect(fieldDomId('assets.specialEquipment', TYPES)).toBe('f-equipment-special')
    expect(fieldDomId('assets.extra', TYPES)).toBe('f-assets-extra')
  })
})
