import { describe, expect, it } from 'vitest'
import { canonProject, duplicateCodes, isBlankProject, projectErrors } from '@/lib/disclosure/project-rows'

describe('project rows (the projects grid and the server compare alike)', () => {
  it('compares the typed fields only, trimmed; the amount is not typed', () => {
    expect(canonProject({ code: ' P-1 ', name: '项目 ', unitCode: null, purpose: undefined, amount: '5.00' })).toEqual({ code: 'P-1', name: '项目', unitCode: '', purpose: '' })
    expect(isBlankProject({ code: '', name: ' ', unitCode: 'U1', purpose: '' })).toBe(true)
    expect(isBlankProject({ code: '', name: '', purpose: '说明' })).toBe(false)
  })
  it('names each wrong column in Chinese', () => {
    expect(projectErrors({ code: 'P 1', name: '', unitCode: 'X', purpose: '' }, new Set(['U1']))).toEqual({ code: '项目编码只能含字母、数字、- 和 .', name: '请填写项目名称', unitCode: '单位 X 不属于本预算' })
    expect(projectErrors({ code: 'P-1', name: '项目', unitCode: 'U1', purpose: '' }, new Set(['U1']))).toBeUndefined()
  })
  it('marks the later rows of a code used twice, naming the first', () => {
    const rows = ['A', 'B', ' A', '', 'B'].map((code) => ({ values: { code } }))
    expect([...duplicateCodes(rows)]).toEqual([
      [2, '项目编码 A 与第 1 行重复'],
      [4, '项目编码 B 与第 2 行重复'],
    ])
  })
})
