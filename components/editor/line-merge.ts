import type { GridRow } from '@/components/grid/grid-model'
import { sameValues } from '@/components/grid/grid-model'

export type Values = Record<string, string>
export type LineOp = { kind: 'put'; id: string; row: number; base: Values | null; values: Values } | { kind: 'delete'; id: string; row: number; base: Values }
export type Conflict = { id: string; theirs: Values | null }

/**
 * What the grid must send: every row that differs from what this person last saw (`base`), valid
 * rows only; rows that no longer exist locally are deletions; a blank row is a deletion too.
 * Rows in conflict wait for the person's choice.
 */
export function pendingOps(rows: GridRow[], base: Map<string, Values>, opts: { canon: (v: Values) => Values; isBlank: (v: Values) => boolean; invalid: (v: Values) => boolean; conflicts: Map<string, Conflict> }): LineOp[] {
  const ops: LineOp[] = []
  const local = new Set<string>()
  rows.forEach((r, i) => {
    local.add(r.id)
    if (opts.conflicts.has(r.id)) return
    const b = base.get(r.id)
    if (opts.isBlank(r.values)) {
      if (b) ops.push({ kind: 'delete', id: r.id, row: i + 1, base: b })
      return
    }
    const v = opts.canon(r.values)
    if (b && sameValues(b, v)) return
    if (opts.invalid(r.values)) return
    ops.push({ kind: 'put', id: r.id, row: i + 1, base: b ?? null, values: v })
  })
  // a row deleted here is named by where it stood when last seen
  let seen = 0
  for (const [id, b] of base) {
    seen++
    if (!local.has(id) && !opts.conflicts.has(id)) ops.push({ kind: 'delete', id, row: seen, base: b })
  }
  return ops
}

/**
 * The server's lines arrived (after a save, or another action): lines this person has not changed take
 * the server's values (other people's edits merge in), lines they changed keep their values and the
 * base they were typed against, so a later save of them is checked against what they saw.
 */
export function mergeServer(rows: GridRow[], oldBase: Map<string, Values>, server: GridRow[], canon: (v: Values) => Values, conflicts: Map<string, Conflict>, isBlank: (v: Values) => boolean): { rows: GridRow[]; base: Map<string, Values> } {
  const fresh = new Map(server.map((r) => [r.id, canon(r.values)]))
  const serverRow = new Map(server.map((r) => [r.id, r]))
  const base = new Map<string, Values>()
  const out: GridRow[] = []
  const seen = new Set<string>()
  const dirty = (r: GridRow) => {
    const b = oldBase.get(r.id)
    if (!b) return !isBlank(r.values)
    return isBlank(r.values) || !sameValues(b, canon(r.values))
  }
  for (const r of rows) {
    seen.add(r.id)
    const f = fresh.get(r.id)
    if (conflicts.has(r.id)) {
      out.push(r)
      if (f) base.set(r.id, f)
      continue
    }
    if (f && !isBlank(r.values) && sameValues(f, canon(r.values))) {
      out.push(serverRow.get(r.id)!)
      base.set(r.id, f)
    } else if (dirty(r)) {
      out.push(r)
      const b = oldBase.get(r.id)
      if (b && f) base.set(r.id, b)
    } else if (f) {
      out.push(serverRow.get(r.id)!)
      base.set(r.id, f)
    }
    // else: deleted by someone else, and unchanged here
  }
  for (const s of server) {
    if (seen.has(s.id)) continue
    const b = oldBase.get(s.id)
    if (b) base.set(s.id, b) // deleted here, not yet saved: the deletion is still to send
    else {
      out.push(s) // added by someone else
      base.set(s.id, fresh.get(s.id)!)
    }
  }
  return { rows: out, base }
}
