import { CATEGORY_LABELS, EXPENDITURE_CATEGORIES, FUND_LABELS, FUND_TYPES, REVENUE_SOURCE_LABELS, REVENUE_SOURCES } from '@/lib/budget/types'
import type { TLineList } from '@/lib/disclosure/schemas'

export type GridColumn = {
  key: string
  label: string
  type: 'unit' | 'function' | 'economic' | 'select' | 'project' | 'amount'
  options?: { value: string; label: string }[]
  width?: number
}

export const GRID_COLUMNS: Record<TLineList, GridColumn[]> = {
  expenditure: [
    { key: 'unitCode', label: '单位', type: 'unit', width: 200 },
    { key: 'functionCode', label: '功能分类科目（项）', type: 'function', width: 260 },
    { key: 'economicCode', label: '经济分类科目（款）', type: 'economic', width: 220 },
    { key: 'fund', label: '资金性质', type: 'select', options: FUND_TYPES.map((v) => ({ value: v, label: FUND_LABELS[v] })), width: 150 },
    { key: 'category', label: '支出类型', type: 'select', options: EXPENDITURE_CATEGORIES.map((v) => ({ value: v, label: CATEGORY_LABELS[v] })), width: 130 },
    { key: 'projectCode', label: '项目', type: 'project', width: 220 },
    { key: 'amount', label: '金额（元）', type: 'amount', width: 150 },
  ],
  revenue: [
    { key: 'unitCode', label: '单位', type: 'unit', width: 220 },
    { key: 'functionCode', label: '功能分类科目（项）', type: 'function', width: 300 },
    { key: 'source', label: '收入来源', type: 'select', options: REVENUE_SOURCES.map((v) => ({ value: v, label: REVENUE_SOURCE_LABELS[v] })), width: 260 },
    { key: 'amount', label: '金额（元）', type: 'amount', width: 160 },
  ],
}

export const EMPTY_ROW: Record<TLineList, Record<string, string>> = {
  expenditure: { unitCode: '', functionCode: '', economicCode: '', fund: 'general', category: 'basic', projectCode: '', amount: '' },
  revenue: { unitCode: '', functionCode: '', source: 'general_budget', amount: '' },
}

/** 1234567.8 → "1,234,567.80" for reading; input stays plain. */
export function formatYuanDisplay(s: string): string {
  const [i, f = ''] = s.split('.')
  return `${(i ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f.padEnd(2, '0').slice(0, 2)}`
}
