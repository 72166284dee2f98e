import shipped from '../budget/vocabulary/columns.json'
import { textKey } from './text'

/**
 * The words tables print for each column concept (a template column id: code, name, total, fiscal,
 * carryover …), as data: lib/budget/vocabulary/columns.json, `common` plus the template family's
 * entries, plus any an admin or a caller adds (`extra`). Only ever additive.
 */
export type Vocabulary = Record<string, string[]>
type Shipped = { common: Vocabulary; families: Record<string, Vocabulary> }

/** The concept of a column to leave out (a 备注 column, a column of notes a user says is not a figure). */
export const IGNORE = 'ignore'

export function mergeVocabulary(...vs: (Vocabulary | undefined)[]): Vocabulary {
  const out: Vocabulary = {}
  for (const v of vs) for (const [k, words] of Object.entries(v ?? {})) out[k] = [...new Set([...(out[k] ?? []), ...words])]
  return out
}

/** The word a printed header is matched by: its levels joined ("本年收入/财政拨款收入" → "本年收入财政拨款收入"). */
export const headerWord = (label: string): string => label.split('/').join('')

const GENERIC_LEAF = new Set(['合计', '小计', '计', '金额', '预算数'].map(textKey))

export function vocabularyFor(family: string | undefined, extra?: Vocabulary): Map<string, Set<string>> {
  const data = shipped as unknown as Shipped
  const out = new Map<string, Set<string>>()
  const add = (v: Vocabulary | undefined) => {
    for (const [concept, words] of Object.entries(v ?? {})) {
      const s = out.get(concept) ?? new Set<string>()
      for (const w of words) s.add(textKey(w))
      out.set(concept, s)
    }
  }
  add(data.common)
  if (family) add(data.families[family])
  add(extra)
  return out
}

/**
 * The concept a printed header names, among `candidates` (the concepts the table still lacks), or null.
 * `path` is the header's levels, top first ("本年收入" / "财政拨款收入"). The full path joined, then the
 * leaf; a generic leaf (合计, 小计) counts only with its group ("本年收入小计", "基本支出合计"), or as the
 * table's 合计 when its group names no concept of its own ("收入预算 / 合计").
 */
export function conceptOf(path: string[], candidates: string[], vocab: Map<string, Set<string>>): string | null {
  const keys = path.map(textKey)
  const leaf = keys[keys.length - 1] ?? ''
  const tries: string[] = [keys.join(''), keys.slice(-2).join('')]
  if (!GENERIC_LEAF.has(leaf) || keys.length === 1) tries.push(leaf)
  for (const t of tries) {
    const hit = candidates.find((c) => vocab.get(c)?.has(t))
    if (hit) return hit
  }
  if (GENERIC_LEAF.has(leaf) && keys.length > 1 && candidates.includes('total')) {
    const group = keys.slice(0, -1)
    const groupConcept = [...vocab.entries()].find(([c, words]) => c !== 'total' && c !== IGNORE && group.some((g) => words.has(g)))
    if (!groupConcept) return 'total'
  }
  return null
}

/** Header words every family shares, for telling a header row from a data row. */
export function vocabularyWords(vocab: Map<string, Set<string>>): Set<string> {
  const s = new Set<string>()
  for (const words of vocab.values()) for (const w of words) s.add(w)
  return s
}
