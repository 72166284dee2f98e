import type { Choice } from './choice-editor'

export type GridColumnDef = {
  key: string
  label: string
  width: number
  /** choice: a combobox over `options` (codes, units, enumerations); readonly: derived, never typed */
  kind: 'text' | 'amount' | 'choice' | 'readonly'
  options?: Choice[]
  /** the list the picker offers on one row (e.g. the 二级 under the row's 一级 first); `options` still decides what a value means */
  optionsFor?: (values: Record<string, string>) => Choice[]
  /** a code column shows "code name" */
  showCode?: boolean
  /** frozen while the grid scrolls sideways */
  sticky?: 'left' | 'right'
  /** an amount column whose sum means nothing (quantities, unit prices) */
  noTotal?: boolean
  /** the value stored when the cell is emptied (Delete) */
  empty?: string
}

/** An amount column, typed or computed (a readonly `amount`, as a project's sum of its lines): right-aligned, formatted, summed. */
export const isAmountColumn = (c: GridColumnDef) => c.kind === 'amount' || (c.kind === 'readonly' && c.key === 'amount')

/** "1234567.8" → "1,234,567.80" for reading; what is typed stays plain. Non-numbers are shown as typed. */
export function formatAmount(s: string): string {
  const t = s.trim()
  if (!/^-?\d+(\.\d*)?$/.test(t)) return s
  const [i, f = ''] = t.split('.')
  return `${(i ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f.padEnd(2, '0').slice(0, 2)}`
}

const leadingCode = (s: string) => s.trim().match(/^(\d+)(\s|$)/)?.[1]

/** Text typed or pasted into a cell → the value stored: a label or "code name" becomes its value. */
export function parseCell(col: GridColumnDef, raw: string): string {
  const t = raw.trim()
  if (col.kind === 'amount') return t.replace(/[,，\s]/g, '')
  if (col.kind !== 'choice' || !col.options || t === '') return t
  if (col.options.some((o) => o[0] === t)) return t
  const byLabel = col.options.find((o) => o[1] === t)
  if (byLabel) return byLabel[0]
  const code = leadingCode(t)
  if (code) return code
  return t
}

export function showCell(col: GridColumnDef, v: string, labels: Map<string, string> | undefined): string {
  if (!v) return ''
  if (isAmountColumn(col)) return formatAmount(v)
  if (col.kind === 'choice') {
    const l = labels?.get(v)
    if (col.showCode) return `${v} ${l ?? '（未知编码）'}`
    return l ?? v
  }
  return v
}

/** Focus a cell editor as it mounts, caret at the end (runs in the commit, before the next key arrives). */
export function focusAtEnd(el: HTMLInputElement | null): void {
  if (!el || el.dataset.focused) return
  el.dataset.focused = '1'
  el.focus()
  el.setSelectionRange(el.value.length, el.value.length)
}
