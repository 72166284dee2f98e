import { SEARCH_SYNONYMS } from './search-synonyms'

/**
 * Chinese search through one GIN index (docs/decisions/020-portal-scale.md). PostgreSQL has no Chinese
 * parser, so the application cuts text into runs of letters and digits and each run into overlapping
 * character bigrams with their positions, and stores them as a tsvector; a query term becomes a phrase
 * query of its bigrams (`'三公' <-> '公经' <-> '经费'`), which matches exactly where the term occurs as
 * contiguous characters. The last character of a run is stored alone too, so a one-character term is a
 * prefix query. Pure: the same functions build the stored vectors and the queries.
 */

const RUN = /[\p{L}\p{N}]+/gu
/** tsvector positions stop at 16383; longer texts are cut into chunks before indexing (chunkText). */
export const MAX_CHUNK = 4000

export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase()
}

export function runsOf(s: string): string[] {
  return normalize(s).match(RUN) ?? []
}

const lexeme = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The tsvector literal of a text: bigrams (and each run's last character) with positions; runs never join. */
export function toTsvector(text: string): string {
  const positions = new Map<string, number[]>()
  let pos = 1
  const add = (lex: string) => {
    if (pos > 16383) return
    let p = positions.get(lex)
    if (!p) positions.set(lex, (p = []))
    p.push(pos)
  }
  for (const run of runsOf(text)) {
    const chars = [...run]
    for (let i = 0; i + 1 < chars.length; i++) {
      add(chars[i]! + chars[i + 1]!)
      pos++
    }
    add(chars[chars.length - 1]!)
    pos += 2
  }
  return [...positions].map(([lex, ps]) => `${lexeme(lex)}:${ps.slice(0, 256).join(',')}`).join(' ')
}

/** The tsquery of one spelling: every run as a phrase of its bigrams (a one-character run as a prefix), runs ANDed. */
export function spellingQuery(spelling: string): string | null {
  const parts = runsOf(spelling).map((run) => {
    const chars = [...run]
    if (chars.length === 1) return `${lexeme(chars[0]!)}:*`
    const grams: string[] = []
    for (let i = 0; i + 1 < chars.length; i++) grams.push(lexeme(chars[i]! + chars[i + 1]!))
    return grams.length === 1 ? grams[0]! : `(${grams.join(' <-> ')})`
  })
  return parts.length ? parts.join(' & ') : null
}

const key = (s: string) => runsOf(s).join('')

/** The spellings a query term stands for: itself, and every spelling of a synonym group it belongs to. */
export function spellingsOf(term: string): string[] {
  const k = key(term)
  const out = new Set([term])
  for (const group of SEARCH_SYNONYMS) if (group.some((s) => key(s) === k)) for (const s of group) out.add(s)
  return [...out]
}

/** The tsquery of a query term: any of its spellings. */
export function termQuery(term: string): string | null {
  const qs = spellingsOf(term)
    .map(spellingQuery)
    .filter((q): q is string => q !== null)
  if (qs.length === 0) return null
  return qs.length === 1 ? qs[0]! : qs.map((q) => `(${q})`).join(' | ')
}

/** Whether `text` contains the term (any spelling, every run of it), as the index decides; for picking snippets. */
export function textMatches(text: string, term: string): boolean {
  const t = runsOf(text)
  return spellingsOf(term).some((s) => {
    const rs = runsOf(s)
    return rs.length > 0 && rs.every((r) => t.some((x) => x.includes(r)))
  })
}

/** The strings to highlight in a snippet for the terms: every run of every spelling. */
export function highlightStrings(terms: string[]): string[] {
  return [...new Set(terms.flatMap((t) => spellingsOf(t).flatMap(runsOf)))].sort((a, b) => b.length - a.length)
}

/** A long text as chunks of at most MAX_CHUNK characters, cut at sentence ends where possible. */
export function chunkText(text: string): string[] {
  if (text.length <= MAX_CHUNK) return [text]
  const out: string[] = []
  let rest = text
  while (rest.length > MAX_CHUNK) {
    const window = rest.slice(0, MAX_CHUNK)
    const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('\n'))
    const end = cut > MAX_CHUNK / 2 ? cut + 1 : MAX_CHUNK
    out.push(rest.slice(0, end))
    rest = rest.slice(end)
  }
  if (rest) out.push(rest)
  return out
}
