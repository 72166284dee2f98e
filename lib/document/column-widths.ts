import type { FixtureTable } from '@/lib/budget/table'

/** Text width in em: a CJK character is one, ASCII about half. */
function ems(s: string): number {
  let n = 0
  for (const ch of s) n += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1
  return n
}

/**
 * How a table of one label column and amount columns is laid out — the 三公 table, printed across
 * (Henan, Shanghai: 项目 | 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | …) | 公务接待费) or upright:
 * the amount columns share the width equally (a fixed layout, not the widths their headers happen to
 * need), the label column as wide as its longest text; below `minWidthEm` the table scrolls sideways
 * instead of squeezing. null for any other table (its columns sized by their content).
 */
export function evenAmountColumns(t: FixtureTable): { labelEm: number; amounts: number; minWidthEm: number } | null {
  const n = t.columns.length
  if (n < 3 || t.rows.length === 0) return null
  // amounts only: numbers or blanks, and no 数量 column (the 固定资产 table's counts are not amounts)
  const amounts = t.columns.slice(1).every((label, j) => !/数量/.test(label) && t.rows.every((r) => r[j + 1] === null || r[j + 1] === undefined || typeof r[j + 1] === 'number'))
  const labelled = t.rows.some((r) => typeof r[0] === 'string')
  if (!amounts || !labelled) return null
  const label = Math.max(ems(t.columns[0]!.split('/').at(-1)!), ...t.rows.map((r) => ems(String(r[0] ?? ''))))
  const labelEm = Math.min(20, Math.max(5, Math.ceil(label + 1.5)))
  return { labelEm, amounts: n - 1, minWidthEm: 3.5 + labelEm + (n - 1) * 7 }
}
