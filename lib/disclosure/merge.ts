/**
 * Three-way merge of an editor's values after a refused save (docs/decisions/017). `base`: what the
 * editor last loaded or saved; `mine`: the form now; `theirs`: what the server holds now. Plain objects
 * are merged key by key; anything else (strings, numbers, arrays of rows) is one value. A value only one
 * side changed is taken from that side; a value both changed differently is a conflict, and `merged`
 * holds mine there until the person chooses. Pure, no imports: the editors and the grid share it.
 */
export type Conflict = { path: string; mine: unknown; theirs: unknown; base: unknown }
export type MergeResult<T> = { merged: T; conflicts: Conflict[]; theirsChanged: string[] }

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]))
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

export function mergeThreeWay<T>(base: T, mine: T, theirs: T): MergeResult<T> {
  const conflicts: Conflict[] = []
  const theirsChanged: string[] = []
  const walk = (b: unknown, m: unknown, t: unknown, path: string): unknown => {
    if (isPlain(m) && isPlain(t)) {
      const bo = isPlain(b) ? b : {}
      const out: Record<string, unknown> = {}
      for (const k of new Set([...Object.keys(m), ...Object.keys(t)])) {
        const v = walk(bo[k], m[k], t[k], path ? `${path}.${k}` : k)
        if (v !== undefined) out[k] = v
      }
      return out
    }
    if (same(m, t)) return m
    if (same(b, m)) {
      theirsChanged.push(path)
      return t
    }
    if (same(b, t)) return m
    conflicts.push({ path, mine: m, theirs: t, base: b })
    return m
  }
  return { merged: walk(base, mine, theirs, '') as T, conflicts, theirsChanged }
}

/** Sets the value at a dotted path of a merge result (the person chose theirs for that conflict). */
export function setAt<T>(obj: T, path: string, value: unknown): T {
  if (!path) return value as T
  const [head, ...rest] = path.split('.')
  const o = (isPlain(obj) ? obj : {}) as Record<string, unknown>
  return { ...o, [head!]: setAt(o[head!], rest.join('.'), value) } as T
}
