/**
 * Chinese search without a word segmenter: a query is split on spaces and punctuation into terms, each
 * term must occur as a substring (case-insensitive for Latin letters) somewhere in the department name,
 * a project name or the notes. Substring matching is what readers of Chinese expect (“医保” finds
 * “医保服务大厅”); the bigram GIN index of PortalSearchText finds the candidates (docs/decisions/020-portal-scale.md).
 */

export const MAX_QUERY_LENGTH = 100
export const MAX_TERMS = 5

export function parseQuery(raw: string | null | undefined): string[] {
  const q = (raw ?? '').normalize('NFKC').slice(0, MAX_QUERY_LENGTH)
  const terms = q
    .split(/[\s,，、;；。.!！?？:："“”'‘’()（）【】《》<>]+/u)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
  return [...new Set(terms)].slice(0, MAX_TERMS)
}

/** A LIKE pattern matching `term` anywhere, with LIKE's own metacharacters escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Every string in a JSON value (the notes are structured JSON), in document order. */
export function textLeaves(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.trim()) out.push(value)
  } else if (Array.isArray(value)) {
    for (const v of value) textLeaves(v, out)
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) textLeaves(v, out)
  }
  return out
}

export type Snippet = { before: string; match: string; after: string }

/** The first occurrence of any term in `text`, with up to `context` characters either side. */
export function snippet(text: string, terms: string[], context = 30): Snippet | null {
  const lower = text.toLowerCase()
  let best = -1
  let term = ''
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase())
    if (i >= 0 && (best < 0 || i < best)) {
      best = i
      term = t
    }
  }
  if (best < 0) return null
  const start = Math.max(0, best - context)
  const end = Math.min(text.length, best + term.length + context)
  const clean = (s: string) => s.replace(/\s+/g, ' ')
  return { before: (start > 0 ? '…' : '') + clean(text.slice(start, best)), match: text.slice(best, best + term.length), after: clean(text.slice(best + term.length, end)) + (end < text.length ? '…' : '') }
}

export function contains(text: string, term: string): boolean {
  return text.toLowerCase().includes(term.toLowerCase())
}
