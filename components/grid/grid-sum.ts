import { formatYuan, parseAmount } from '@/lib/budget/money'
import type { GridRow } from './grid-model'
import { formatAmount } from './grid-types'

/** The column's total in exact 分, shown as 元 with thousands separators; cells that are not amounts are skipped. */
export function sumColumn(rows: GridRow[], key: string): string {
  let fen = 0
  for (const r of rows) {
    const v = r.values[key]
    if (!v) continue
    try {
      fen += parseAmount(v, '元')
    } catch {
      // an unfinished or wrong amount is marked on its cell; the total counts the valid ones
    }
  }
  return formatAmount(formatYuan(fen))
}
