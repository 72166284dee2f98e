import type { FundType, ExpenditureCategory, RevenueSource } from '@/lib/budget/types'
import { CATEGORY_LABELS, FUND_LABELS, REVENUE_SOURCE_LABELS } from '@/lib/budget/types'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import type { TLineList } from './schemas'

/** Column order of a block pasted from Excel, per list. The same order the grid shows. */
export const PASTE_COLUMNS: Record<TLineList, { key: string; label: string }[]> = {
  revenue: [
    { key: 'unitCode', label: '单位编码' },
    { key: 'functionCode', label: '功能分类科目编码' },
    { key: 'source', label: '收入来源' },
    { key: 'amount', label: '金额（元）' },
  ],
  expenditure: [
    { key: 'unitCode', label: '单位编码' },
    { key: 'functionCode', label: '功能分类科目编码' },
    { key: 'economicCode', label: '经济分类科目编码' },
    { key: 'fund', label: '资金性质' },
    { key: 'category', label: '支出类型' },
    { key: 'projectCode', label: '项目编码' },
    { key: 'amount', label: '金额（元）' },
  ],
}

const reverse = <K extends string>(labels: Record<K, string>) => {
  const m = new Map<string, K>()
  for (const [k, v] of Object.entries(labels) as [K, string][]) {
    m.set(v, k)
    m.set(k, k)
  }
  return m
}
const FUNDS = reverse<FundType>(FUND_LABELS)
const CATS = reverse<ExpenditureCategory>(CATEGORY_LABELS)
const SOURCES = reverse<RevenueSource>(REVENUE_SOURCE_LABELS)
// common short forms accountants type
FUNDS.set('一般公共预算拨款', 'general').set('一般公共预算财政拨款', 'general').set('政府性基金', 'gov_fund').set('国有资本经营', 'state_capital')
SOURCES.set('一般公共预算拨款', 'general_budget').set('政府性基金预算拨款', 'gov_fund').set('上年结转', 'carryover_general')
CATS.set('基本', 'basic').set('项目', 'project')

/** A cell like "2101501 行政运行" or "447001 本级" keeps only its leading code. */
const leadingCode = (s: string) => s.trim().match(/^(\d+)/)?.[1] ?? s.trim()

/**
 * Splits tab-separated text (Excel's clipboard format) into raw line values.
 * Enumerations may be given by their Chinese label; unknown labels are kept so validation can name them.
 */
export function parsePastedLines(list: TLineList, text: string): Record<string, string>[] {
  const cols = PASTE_COLUMNS[list]
  const rows = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'))
  // a header row copied along with the data is skipped
  if (rows[0] && rows[0].some((c) => cols.some((col) => col.label === c.trim()))) rows.shift()
  return rows.map((cells) => {
    const v: Record<string, string> = {}
    cols.forEach((col, i) => {
      const raw = (cells[i] ?? '').trim()
      if (col.key === 'unitCode' || col.key === 'functionCode' || col.key === 'economicCode') v[col.key] = leadingCode(raw)
      else if (col.key === 'fund') v[col.key] = FUNDS.get(raw) ?? raw
      else if (col.key === 'category') v[col.key] = CATS.get(raw) ?? raw
      else if (col.key === 'source') v[col.key] = SOURCES.get(raw) ?? raw
      else if (col.key === 'projectCode') v[col.key] = raw.split(/\s/)[0] ?? ''
      else v[col.key] = raw
    })
    return v
  })
}

/**
 * A line's values in one canonical text form (the paste columns; amounts as exact 元 with two decimals), so the
 * grid and the server compare a line as the person saw it with the line as it now is in the same way.
 */
export function canonicalLine(list: TLineList, v: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { key } of PASTE_COLUMNS[list]) {
    const raw = v[key]
    const s = raw === null || raw === undefined ? '' : typeof raw === 'object' && 'toFixed' in (raw as object) ? (raw as { toFixed(n: number): string }).toFixed(2) : String(raw).trim()
    if (key === 'amount') {
      try {
        out[key] = formatYuan(parseAmount(s, '元'))
      } catch {
        out[key] = s
      }
    } else out[key] = s
  }
  return out
}

