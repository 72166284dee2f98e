import type { FixtureTable } from '@/lib/budget/table'
import { cellRowLabel } from './diff'
import type { NotesSection } from './notes'
import type { TAnchor } from './schemas'

/** Where a comment points, in words a reader can find: 表 · 行 · 列, or 部分 第 n 段. */
export function anchorLabel(anchor: TAnchor, tables: FixtureTable[], notes: NotesSection[]): string {
  switch (anchor.kind) {
    case 'cell': {
      const t = tables.find((x) => x.key === anchor.table)
      if (!t) return `表 ${anchor.table} 第 ${anchor.row + 1} 行第 ${anchor.col + 1} 列`
      const row = t.rows[anchor.row]
      const label = row ? cellRowLabel(row, anchor.col) : ''
      return `${t.title} · 第 ${anchor.row + 1} 行${label ? `「${label}」` : ''} · 「${t.columns[anchor.col] ?? `第 ${anchor.col + 1} 列`}」`
    }
    case 'notes': {
      const s = notes.find((x) => x.key === anchor.section)
      return `情况说明 · ${s?.title ?? anchor.section} · 第 ${anchor.paragraph + 1} 段`
    }
    case 'general':
      return '总体意见'
    default: {
      const never: never = anchor
      throw new Error(`unknown anchor ${JSON.stringify(never)}`)
    }
  }
}

export function cellKey(table: string, row: number, col: number): string {
  return `${table}:${row}:${col}`
}
