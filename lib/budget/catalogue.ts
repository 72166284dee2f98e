/** 支出功能分类科目 and 部门预算支出经济分类科目 of one budget year, as plain data. */
export type CatalogueEntry = { code: string; name: string; level: 1 | 2 | 3; parent: string | null; aliases: string[]; verified: boolean }
export type ClassificationKind = 'function' | 'economic'
export type Catalogue = { year: number; function: Map<string, CatalogueEntry>; economic: Map<string, CatalogueEntry> }

export const LEVEL_LENGTH = { function: [3, 5, 7], economic: [3, 5] } as const
export const LEVEL_NAMES = ['类', '款', '项'] as const

export function levelOf(kind: ClassificationKind, code: string): 1 | 2 | 3 | null {
  const i = (LEVEL_LENGTH[kind] as readonly number[]).indexOf(code.length)
  return i < 0 || !/^\d+$/.test(code) ? null : ((i + 1) as 1 | 2 | 3)
}

export function parentCode(kind: ClassificationKind, code: string): string | null {
  const lens = LEVEL_LENGTH[kind] as readonly number[]
  const i = lens.indexOf(code.length)
  return i > 0 ? code.slice(0, lens[i - 1]) : null
}

export function emptyCatalogue(year: number): Catalogue {
  return { year, function: new Map(), economic: new Map() }
}

export function catalogueFromEntries(year: number, rows: { kind: ClassificationKind; code: string; name: string; aliases?: string[]; verified?: boolean }[]): Catalogue {
  const c = emptyCatalogue(year)
  for (const r of rows) {
    const level = levelOf(r.kind, r.code)
    if (!level) continue
    c[r.kind].set(r.code, { code: r.code, name: r.name, level, parent: parentCode(r.kind, r.code), aliases: r.aliases ?? [], verified: r.verified ?? false })
  }
  return c
}

export function nameMatches(entry: CatalogueEntry, name: string): boolean {
  const n = normaliseName(name)
  return normaliseName(entry.name) === n || entry.aliases.some((a) => normaliseName(a) === n)
}

/** PDF and Excel exports break long names over lines and mix half- and full-width brackets. */
export function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）')
}

/** Levenshtein distance (unknown codes → nearest known ones; workbook titles spelt slightly differently). */
export function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]!
}

/** The nearest known codes of the wanted level: same parent first, then by edit distance of the digits. */
export function suggestCodes(catalogue: Catalogue, kind: ClassificationKind, code: string, limit = 3): CatalogueEntry[] {
  const wantLen = code.length
  const candidates = [...catalogue[kind].values()].filter((e) => e.code.length === wantLen || (wantLen === 0 && e.level === 1))
  const scored = candidates.map((e) => {
    let prefix = 0
    while (prefix < Math.min(code.length, e.code.length) && code[prefix] === e.code[prefix]) prefix++
    return { e, score: editDistance(code, e.code) * 10 - prefix }
  })
  scored.sort((a, b) => a.score - b.score || a.e.code.localeCompare(b.e.code))
  return scored.slice(0, limit).map((s) => s.e)
}

/** Search by code prefix or by name substring, for the code picker. */
export function searchCatalogue(catalogue: Catalogue, kind: ClassificationKind, query: string, opts: { level?: number; limit?: number } = {}): CatalogueEntry[] {
  const q = query.trim()
  const limit = opts.limit ?? 20
  const all = [...catalogue[kind].values()].filter((e) => !opts.level || e.level === opts.level)
  if (!q) return all.slice(0, limit)
  const byCode = /^\d+$/.test(q)
  const hits = all.filter((e) => (byCode ? e.code.startsWith(q) : e.name.includes(q) || e.aliases.some((a) => a.includes(q))))
  hits.sort((a, b) => a.code.localeCompare(b.code))
  return hits.slice(0, limit)
}
