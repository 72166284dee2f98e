import { describe, expect, it } from 'vitest'
import { auditChanges } from '@/lib/workflow/audit-diff'
import { fieldLabel, valueText } from '@/lib/workflow/audit-labels'

const readable = (before: unknown, after: unknown) => auditChanges(before, after).map((c) => `${fieldLabel(c.field)}：${valueText(c.field, c.before)} → ${valueText(c.field, c.after)}`)

describe('the audit log in words', () => {
  it('a line edit: Chinese field names, funds and categories by name, no JSON, no English keys', () => {
    const before = { id: 'x', disclosureId: 'd', position: 1, unitCode: '447001', functionCode: '2101501', economicCode: '30101', fund: 'general', category: 'basic', projectCode: null, amount: '100.00' }
    const out = readable(before, { ...before, fund: 'gov_fund', amount: '250.00' })
    expect(out).toEqual(['资金性质：一般公共预算 → 政府性基金预算', '金额（元）：100.00 → 250.00'])
  })

  it('nested values (procurement items, notes) are compared leaf by leaf with their place in words', () => {
    const before = { items: [{ itemName: '台式计算机', amounts: { general: '8000.00' } }], fixedAssets: [] }
    const after = { items: [{ itemName: '台式计算机', amounts: { general: '9000.00' } }, { itemName: '打印机', amounts: { general: '1500.00' } }], fixedAssets: [] }
    const out = readable(before, after)
    expect(out).toContain('采购品目 · 第 1 项 · 金额（元） · 其他：8000.00 → 9000.00'.replace(' · 其他', ' · 一般公共预算拨款'))
    expect(out).toContain('采购品目 · 第 2 项 · 品目名称：（无） → 打印机')
    const notes = readable({ duties: { intro: '负责医保' }, operatingCosts: { civilServiceUnits: ['447001'] } }, { duties: { intro: '负责医疗保障' }, operatingCosts: { civilServiceUnits: ['447001', '447002'] } })
    expect(notes).toEqual(['部门职责 · 概述：负责医保 → 负责医疗保障', '机关运行经费 · 参照公务员法管理的单位：447001 → 447001、447002'])
    for (const line of [...out, ...notes]) expect(line).not.toMatch(/[A-Za-z{}"]/)
  })

  it('statuses through the caller’s labels, booleans as 是/否, times in China time', () => {
    expect(valueText('status', 'submitted', { status: { submitted: '已提交' } })).toBe('已提交')
    expect(valueText('consolidate', 'true')).toBe('是')
    expect(valueText('submittedAt', '2026-12-03T01:30:00.000Z')).toBe('2026-12-03 09:30（北京时间）')
    expect(fieldLabel('someNewKey')).toBe('其他')
    expect(valueText('anchor.section', 'overview')).not.toMatch(/[A-Za-z]/)
    expect(valueText('anchor.kind', 'general')).toBe('总体意见')
  })
})
