import { printedColumnSets } from '../budget/read-tables'
import type { ColumnKind, FixtureTable } from '../budget/table'
import type { Template } from '../budget/template'
import { textKey } from './text'

/** The kind of each printed column, from the template; by content only for a column the template lacks. */
export function columnKinds(t: FixtureTable, template: Template | undefined, year: number): ColumnKind[] {
  const tt = template?.tables.find((x) => x.key === t.key)
  // a table printed across (docs/decisions/010) has its printed columns besides the template's
  const expected = tt ? printedColumnSets(tt, year).flat() : []
  return t.columns.map((label, i) => {
    const e = expected.find((x) => textKey(x.label) === textKey(label))
    if (e) return e.kind
    if (/数量/.test(label)) return 'quantity'
    return t.rows.some((r) => typeof r[i] === 'number') ? 'amount' : 'text'
  })
}

/** Multi-level headers from "组/列" labels: each header row's cells with their spans (0-based columns). */
export type HeaderCell = { label: string; col: number; colSpan: number; row: number; rowSpan: number }

export function headerCells(columns: string[]): { depth: number; cells: HeaderCell[] } {
  const parts = columns.map((c) => c.split('/'))
  const depth = Math.max(1, ...parts.map((p) => p.length))
  const cells: HeaderCell[] = []
  for (let level = 0; level < depth; level++) {
    let i = 0
    while (i < parts.length) {
      const p = parts[i]!
      if (p.length <= level) {
        i++
        continue
      }
      if (level === p.length - 1) {
        cells.push({ label: p[level]!, col: i, colSpan: 1, row: level, rowSpan: depth - level })
        i++
        continue
      }
      const prefix = p.slice(0, level + 1).join('/')
      let j = i + 1
      while (j < parts.length && parts[j]!.length > level + 1 && parts[j]!.slice(0, level + 1).join('/') === prefix) j++
      cells.push({ label: p[level]!, col: i, colSpan: j - i, row: level, rowSpan: 1 })
      i = j
    }
  }
  return { depth, cells }
}
