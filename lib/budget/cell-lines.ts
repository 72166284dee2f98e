import type { Finding } from './findings'
import { compileFilter } from './filters'
import type { FixtureTable } from './table'
import type { LineFilter, Template } from './template'
import type { BudgetData } from './types'

export type CellLines = { list: 'revenue' | 'expenditure'; ids: string[]; label: string }

const codeOf = (v: unknown): string | null => {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : ''
  return /^\d{3,7}$/.test(s) ? s : null
}

/**
 * The entry lines a derived table cell is made of, so a finding on the cell can open them: a tree
 * table's row is a function or economic code (its lines are those whose code starts with it; the
 * total row, all in scope), its column a filter (fund, category, revenue source). Null when the
 * cell is not made of lines (a 三公 figure, a summary row).
 */
export function linesOfCell(template: Template, tables: FixtureTable[], data: BudgetData, f: Pick<Finding, 'table' | 'row' | 'col'>): CellLines | null {
  if (!f.table || f.row === undefined) return null
  const def = template.tables.find((t) => t.key === f.table)
  const printed = tables.find((t) => t.key === f.table)
  if (!def || !printed || (def.kind !== 'function_tree' && def.kind !== 'economic_tree')) return null
  const row = printed.rows[f.row]
  if (!row) return null
  const code = codeOf(row[0])
  const column = f.col !== undefined ? def.columns[f.col] : undefined
  const filters: LineFilter[] = [def.scope]
  if (column && 'filter' in column) filters.push(column.filter)
  const matchers = filters.map(compileFilter)
  const revenue = filters.every((x) => 'revenue' in x)
  const byCode = (c: string) => (def.kind === 'function_tree' ? (l: { functionCode: string }) => l.functionCode.startsWith(c) : (l: { economicCode?: string }) => (l.economicCode ?? '').startsWith(c))
  const label = `${printed.title}${code ? ` ${code} ${String(row[1] ?? '')}` : ` ${String(row[0] ?? '合计')}`}${column && 'filter' in column ? `·${column.label}` : ''}`
  if (revenue) {
    if (def.kind !== 'function_tree') return null
    const ids = data.revenue.filter((l) => matchers.every((m) => m.revenue(l)) && (!code || byCode(code)(l))).flatMap((l) => (l.id ? [l.id] : []))
    return { list: 'revenue', ids, label }
  }
  if (filters.some((x) => 'revenue' in x)) return null
  const ids = data.expenditure.filter((l) => matchers.every((m) => m.expenditure(l)) && (!code || byCode(code)(l))).flatMap((l) => (l.id ? [l.id] : []))
  return { list: 'expenditure', ids, label }
}
