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

export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before)
  const a = asRecord(after)
  if (!b && !a) return before === undefined && after === undefined ? [] : [{ field: '', before: show(before), after: show(after) }]
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k))
  const out: FieldChange[] = []
  for (const k of keys) {
    const x = show(b?.[k])
    const y = show(a?.[k])
    if (b && a && x === y) continue
    out.push({ field: k, before: x, after: y })
  }
  return out
}
