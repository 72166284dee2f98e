/**
 * What an audit row changed, field by field, as text for the log view: a created row lists its fields
 * (before empty), a deleted one its former fields, an update only the fields that differ.
 * Bookkeeping fields (ids, positions) are left out.
 */
export type FieldChange = { field: string; before: string | null; after: string | null }

const HIDDEN = new Set(['id', 'disclosureId', 'position'])
const MAX = 300

function show(v: unknown): string | null {
  if (v === undefined || v === null) return null
  const s = typeof v === 'string' ? v : JSON.stringify(v)
  return s.length > MAX ? `${s.slice(0, MAX)}…` : s
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
}

/**
 * Nested values (the notes, performance targets, lists of items) are compared leaf by leaf: `field` is
 * then the path to the leaf — keys joined by '.', list positions as [i] (`items[0].itemName`) — so the
 * log can say in words which field changed (lib/workflow/audit-labels.ts). A list of plain values is
 * one leaf, its items joined by '、'.
 */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  if (before === undefined && after === undefined) return []
  const b = new Map<string, string | null>()
  const a = new Map<string, string | null>()
  flatten(before, '', b)
  flatten(after, '', a)
  const keys = [...new Set([...b.keys(), ...a.keys()])]
  const out: FieldChange[] = []
  for (const k of keys) {
    const x = b.get(k) ?? null
    const y = a.get(k) ?? null
    if (before !== undefined && after !== undefined && x === y) continue
    if (x === null && y === null) continue
    out.push({ field: k, before: x, after: y })
  }
  return out
}

function flatten(v: unknown, path: string, out: Map<string, string | null>): void {
  if (v === undefined) return
  if (v === null || typeof v !== 'object') {
    out.set(path, show(v))
    return
  }
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      out.set(path, v.length ? show(v.map((x) => String(x ?? '')).join('、')) : null)
      return
    }
    v.forEach((x, i) => flatten(x, `${path}[${i}]`, out))
    return
  }
  const rec = asRecord(v)!
  for (const [k, x] of Object.entries(rec)) if (!HIDDEN.has(k)) flatten(x, path ? `${path}.${k}` : k, out)
}
