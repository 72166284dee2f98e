/**
 * The spreadsheet grid's interaction model, pure: cursor and range, moves, TSV copy/paste, fill-down,
 * clear, row deletion, and change sets (patches) that can be applied and inverted for undo/redo.
 * The React component (spreadsheet-grid.tsx) only translates events into these functions.
 */

export type GridRow = { id: string; values: Record<string, string> }
export type Pos = { row: number; col: number }
/** anchor = where the selection started (Shift+arrows move the other corner, `cursor`). */
export type Selection = { anchor: Pos; cursor: Pos }
export type Rect = { top: number; left: number; bottom: number; right: number }

/** One row's change: before === null is an insert at `index`; after === null a deletion. */
export type RowChange = { id: string; index: number; before: GridRow | null; after: GridRow | null }
export type Patch = { label: string; changes: RowChange[] }

export const rectOf = (s: Selection): Rect => ({
  top: Math.min(s.anchor.row, s.cursor.row),
  bottom: Math.max(s.anchor.row, s.cursor.row),
  left: Math.min(s.anchor.col, s.cursor.col),
  right: Math.max(s.anchor.col, s.cursor.col),
})

export const clampPos = (p: Pos, rows: number, cols: number): Pos => ({ row: Math.max(0, Math.min(rows - 1, p.row)), col: Math.max(0, Math.min(cols - 1, p.col)) })

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'home' | 'end' | 'top' | 'bottom'

/**
 * Where the cursor goes: arrows one cell; Tab/Shift+Tab across and wrapping to the next/previous row,
 * as Excel does; Home/End the row's ends; Ctrl+Home/End the grid's corners. `rows` counts the blank
 * row at the bottom where a new line is typed, when there is one.
 */
export function move(p: Pos, m: Move, rows: number, cols: number): Pos {
  switch (m) {
    case 'up':
      return clampPos({ row: p.row - 1, col: p.col }, rows, cols)
    case 'down':
      return clampPos({ row: p.row + 1, col: p.col }, rows, cols)
    case 'left':
      return clampPos({ row: p.row, col: p.col - 1 }, rows, cols)
    case 'right':
      return clampPos({ row: p.row, col: p.col + 1 }, rows, cols)
    case 'next':
      return p.col < cols - 1 ? { row: p.row, col: p.col + 1 } : p.row < rows - 1 ? { row: p.row + 1, col: 0 } : p
    case 'prev':
      return p.col > 0 ? { row: p.row, col: p.col - 1 } : p.row > 0 ? { row: p.row - 1, col: cols - 1 } : p
    case 'home':
      return { row: p.row, col: 0 }
    case 'end':
      return { row: p.row, col: cols - 1 }
    case 'top':
      return { row: 0, col: 0 }
    case 'bottom':
      return { row: rows - 1, col: cols - 1 }
  }
}

/** The range as Excel puts it on the clipboard: tabs between cells, CRLF between rows. */
export function toTsv(rows: GridRow[], keys: string[], r: Rect, show: (key: string, v: string) => string = (_k, v) => v): string {
  const out: string[] = []
  for (let i = r.top; i <= r.bottom && i < rows.length; i++) {
    const row = rows[i]!
    const cells: string[] = []
    for (let j = r.left; j <= r.right; j++) cells.push(show(keys[j]!, row.values[keys[j]!] ?? '').replace(/[\t\r\n]+/g, ' '))
    out.push(cells.join('\t'))
  }
  return out.join('\r\n')
}

/** Excel's clipboard text → cells. A quoted cell may hold tabs and newlines; a trailing newline is not a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const s = text.replace(/\r\n?/g, '\n')
  while (i < s.length) {
    const ch = s[i]!
    if (ch === '"' && cell === '') {
      const end = findClosingQuote(s, i + 1)
      if (end >= 0 && (end + 1 === s.length || s[end + 1] === '\t' || s[end + 1] === '\n')) {
        cell = s.slice(i + 1, end).replace(/""/g, '"')
        i = end + 1
        continue
      }
    }
    if (ch === '\t') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
    i++
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''))
}

function findClosingQuote(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === '"') {
      if (s[i + 1] === '"') i++
      else return i
    }
  }
  return -1
}

let seq = 0
/** A fresh id for a row typed or pasted in the grid; the server keeps it. */
export function newRowId(): string {
  seq++
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().replace(/-/g, '') : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`
  return `g${rnd.slice(0, 20)}${seq.toString(36)}`
}

/**
 * Writes a block of values at `at`, growing rows past the end (new rows start from `blank()`).
 * `values[i][j]` goes to row at.row+i, column at.col+j; columns past the last are dropped.
 */
export function writeBlock(rows: GridRow[], keys: string[], at: Pos, values: string[][], blank: () => Record<string, string>, label: string): Patch {
  const changes: RowChange[] = []
  values.forEach((cells, i) => {
    const index = at.row + i
    const before = rows[index] ?? null
    const base = before ? { ...before.values } : blank()
    cells.forEach((v, j) => {
      const key = keys[at.col + j]
      if (key !== undefined) base[key] = v
    })
    const after: GridRow = { id: before?.id ?? newRowId(), values: base }
    if (!before || !sameValues(before.values, after.values)) changes.push({ id: after.id, index, before, after })
  })
  return { label, changes }
}

/** Ctrl+D: the top row of the range copied into the rows below it (one row selected: from the row above). */
export function fillDown(rows: GridRow[], keys: string[], r: Rect): Patch {
  const top = r.top === r.bottom ? r.top - 1 : r.top
  const src = rows[top]
  if (!src || top < 0) return { label: '向下填充', changes: [] }
  const block: string[][] = []
  for (let i = top + 1; i <= r.bottom && i < rows.length; i++) block.push(keys.slice(r.left, r.right + 1).map((k) => src.values[k] ?? ''))
  return { ...writeBlock(rows, keys, { row: top + 1, col: r.left }, block, () => ({}), '向下填充') }
}

/** Delete: the range's cells emptied (rows stay). */
export function clearRange(rows: GridRow[], keys: string[], r: Rect, empty: (key: string) => string = () => ''): Patch {
  const block: string[][] = []
  for (let i = r.top; i <= r.bottom && i < rows.length; i++) block.push(keys.slice(r.left, r.right + 1).map((k) => empty(k)))
  return writeBlock(rows, keys, { row: r.top, col: r.left }, block, () => ({}), '清除内容')
}

/** The rows of the range removed, as one change. */
export function deleteRows(rows: GridRow[], top: number, bottom: number): Patch {
  const changes: RowChange[] = []
  for (let i = Math.min(bottom, rows.length - 1); i >= top; i--) changes.push({ id: rows[i]!.id, index: i, before: rows[i]!, after: null })
  return { label: `删除 ${changes.length} 行`, changes }
}

/** Applies a patch: replacements in place, deletions from the bottom up, insertions at their index. */
export function applyPatch(rows: GridRow[], patch: Patch): GridRow[] {
  const out = rows.slice()
  const at = new Map(out.map((r, i) => [r.id, i]))
  for (const c of patch.changes) {
    if (c.before && c.after) {
      const i = at.get(c.id)
      if (i !== undefined) out[i] = c.after
    }
  }
  const removed = new Set(patch.changes.filter((c) => c.before && !c.after).map((c) => c.id))
  let next = removed.size ? out.filter((r) => !removed.has(r.id)) : out
  const inserts = patch.changes.filter((c) => !c.before && c.after).sort((a, b) => a.index - b.index)
  if (inserts.length) {
    next = next.slice()
    for (const c of inserts) next.splice(Math.min(c.index, next.length), 0, c.after!)
  }
  return next
}

/** The patch that undoes `patch` (applied to the rows `patch` produced). */
export function invertPatch(patch: Patch): Patch {
  return { label: patch.label, changes: patch.changes.map((c) => ({ id: c.id, index: c.index, before: c.after, after: c.before })).reverse() }
}

export function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false
  return true
}

/** Undo/redo history: a stack of patches; a new change empties the redo stack. */
export type History = { undo: Patch[]; redo: Patch[] }
export const emptyHistory: History = { undo: [], redo: [] }
const LIMIT = 200
export function record(h: History, p: Patch): History {
  if (!p.changes.length) return h
  return { undo: [...h.undo.slice(-LIMIT + 1), p], redo: [] }
}
export function undoStep(h: History): { history: History; patch: Patch } | null {
  const p = h.undo.at(-1)
  if (!p) return null
  return { history: { undo: h.undo.slice(0, -1), redo: [...h.redo, p] }, patch: invertPatch(p) }
}
export function redoStep(h: History): { history: History; patch: Patch } | null {
  const p = h.redo.at(-1)
  if (!p) return null
  return { history: { undo: [...h.undo, p], redo: h.redo.slice(0, -1) }, patch: p }
}
