import type { Catalogue, CatalogueEntry, ClassificationKind } from '../budget/catalogue'
import { nameMatches } from '../budget/catalogue'

/**
 * A tree table printed with names only (no code column): each row's code from the year's catalogue
 * by its name. The level comes from the name's indentation (leading ASCII or full-width spaces) when
 * the table indents; otherwise from the order — a name is looked up among the children of the
 * current 款 first, then of the current 类, then among the 类. A name found nowhere, or more than
 * once where it is looked up, is not guessed: the first such row is returned as `unresolved`.
 */
export type NameRow = { raw: string; name: string; total: boolean }
export type NamesResult = { codes: (string | null)[]; unresolved: number | null }

/** Width of the leading blanks: a full-width space counts as two, a tab as four. */
export function indentOf(raw: string): number {
  let w = 0
  for (const ch of raw) {
    if (ch === ' ' || ch === '\u00a0') w += 1
    else if (ch === '\u3000') w += 2
    else if (ch === '\t') w += 4
    else break
  }
  return w
}

export function codesFromNames(rows: NameRow[], catalogue: Catalogue | undefined, kind: ClassificationKind): NamesResult {
  const codes: (string | null)[] = rows.map(() => null)
  const entries = catalogue ? [...catalogue[kind].values()] : []
  const maxLevel = kind === 'function' ? 3 : 2
  const named = rows.map((r, i) => ({ r, i })).filter(({ r }) => !r.total && r.name !== '')
  const widths = [...new Set(named.map(({ r }) => indentOf(r.raw)))].sort((a, b) => a - b)
  const indented = widths.length > 1
  const path: (string | null)[] = [null, null]
  const among = (parent: string | null, level: number, name: string) => entries.filter((e) => e.level === level && (parent === null || e.parent === parent) && nameMatches(e, name))
  for (const { r, i } of named) {
    let found: CatalogueEntry[] = []
    if (indented) {
      const level = widths.indexOf(indentOf(r.raw)) + 1
      if (level > maxLevel) return { codes, unresolved: i }
      const parent = level > 1 ? path[level - 2] ?? null : null
      found = parent || level === 1 ? among(parent, level, r.name) : []
      // the parent row was not printed: the name alone, when it is unique at its level
      if (found.length === 0 && level > 1 && !parent) found = among(null, level, r.name)
    } else {
      const scopes: [string | null, number][] = []
      if (maxLevel === 3 && path[1]) scopes.push([path[1], 3])
      if (path[0]) scopes.push([path[0], 2])
      scopes.push([null, 1])
      for (const [parent, level] of scopes) {
        found = among(parent, level, r.name)
        if (found.length) break
      }
      // a 款 or 项 whose parent was not printed: the name alone, when it is unique in the catalogue
      if (found.length === 0) found = entries.filter((e) => nameMatches(e, r.name))
    }
    if (found.length !== 1) return { codes, unresolved: i }
    const e = found[0]!
    codes[i] = e.code
    if (e.level === 1) path.splice(0, 2, e.code, null)
    else if (e.level === 2) path.splice(0, 2, e.parent, e.code)
    else path.splice(0, 2, e.parent ? e.parent.slice(0, 3) : null, e.parent)
  }
  return { codes, unresolved: null }
}
