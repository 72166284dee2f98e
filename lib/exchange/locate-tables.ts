import type { Finding } from '../budget/findings'
import type { ColumnInfo } from '../budget/table'
import type { TableKey, TableTemplate, Template } from '../budget/template'
import { printedColumnSets } from '../budget/read-tables'
import type { RawCell, RawSheet } from './grid'
import { cellText } from './grid'
import type { MetaLine } from './meta'
import { readMetaRow } from './meta'
import { address, cleanText, editDistance, textKey } from './text'
import type { Vocabulary } from './vocabulary'
import { conceptOf, IGNORE, mergeVocabulary, vocabularyFor, vocabularyWords } from './vocabulary'

/**
 * Finding the tables of a template in a workbook by what is printed, never by position: a title row
 * names the table (sheet names are only a fallback), the header rows are the rows whose texts are the
 * template's column labels, and each physical column is mapped to a template column by its header.
 */
export type Located = {
  sheet: RawSheet
  key: TableKey
  tt: TableTemplate
  /** 0-based row index of the title row, or null when the sheet has none. */
  titleRow: number | null
  titleCol: number
  meta: MetaLine
  headerRows: number[]
  /** 0-based index of the first row after the header (and the 栏次 row). */
  dataStart: number
  /** 0-based, exclusive. */
  end: number
  /** Template columns in template order, each with the 1-based sheet column it was found in. */
  columns: { info: ColumnInfo; col: number | null; label: string }[]
  seqCol: number | null
  /** A code printed over 类 / 款 / 项 columns: those columns (1-based) with their printed headers, in order. */
  codeParts: { col: number; label: string }[]
  /** Header columns not understood (the table is then not checked: one structural finding). */
  unknown: UnknownColumn[]
  findings: Finding[]
}

const SEQ_WORDS = new Set(['序号', '栏次', '行次', '编号'].map(textKey))
const row = (s: RawSheet, r: number): (RawCell | undefined)[] => s.rows[r] ?? []
const texts = (cells: (RawCell | undefined)[]): string[] => [...new Set(cells.filter((c) => typeof c?.v === 'string').map((c) => cleanText(cellText(c))).filter(Boolean))]

export type TitleMatch = { key: TableKey; score: number; dist: number }

/** How well a text names one of the template's tables: 3 exact, 2 contains the title, 1 one or two characters off. */
const titleCache = new WeakMap<Template, Map<string, TitleMatch | null>>()

export function matchTitle(text: string, template: Template): TitleMatch | null {
  let cache = titleCache.get(template)
  if (!cache) titleCache.set(template, (cache = new Map()))
  const hit = cache.get(text)
  if (hit !== undefined) return hit
  const m = matchTitleOnce(text, template)
  if (cache.size < 5_000) cache.set(text, m)
  return m
}

function matchTitleOnce(text: string, template: Template): TitleMatch | null {
  const k = textKey(text)
  if (!k) return null
  let best: TitleMatch | null = null
  let tie = false
  for (const tt of template.tables) {
    const t = textKey(tt.title)
    let m: TitleMatch | null = null
    if (k === t) m = { key: tt.key, score: 3, dist: 0 }
    else if (k.length <= t.length + 30 && k.includes(t)) m = { key: tt.key, score: 2, dist: k.length - t.length }
    else if (Math.abs(k.length - t.length) <= 3) {
      const d = editDistance(k, t)
      if (d <= Math.max(1, Math.floor(t.length / 10))) m = { key: tt.key, score: 1, dist: d }
    }
    if (!m) continue
    if (!best || m.score > best.score || (m.score === best.score && m.dist < best.dist)) {
      best = m
      tie = false
    } else if (m.score === best.score && m.dist === best.dist) tie = true
  }
  return tie ? null : best
}

/** A title row: one to three distinct texts (a merged title repeats in every cell), one naming a table. */
function titleOf(cells: (RawCell | undefined)[], template: Template): (TitleMatch & { col: number }) | null {
  if (cells.some((c) => typeof c?.v === 'number')) return null
  const ts = texts(cells)
  if (ts.length === 0 || ts.length > 3) return null
  for (const t of ts) {
    const m = matchTitle(t, template)
    if (m) return { ...m, col: cells.findIndex((c) => cleanText(cellText(c)) === t) + 1 }
  }
  return null
}

function headerParts(tt: TableTemplate, year: number, vocab: Map<string, Set<string>>): Set<string> {
  const s = new Set([...SEQ_WORDS, ...vocabularyWords(vocab), ...['类', '款', '项', '项目'].map(textKey)])
  for (const set of printedColumnSets(tt, year)) for (const c of set) for (const p of c.label.split('/')) s.add(textKey(p))
  return s
}

function isHeaderRow(cells: (RawCell | undefined)[], parts: Set<string>): boolean {
  const ts = texts(cells)
  if (ts.length < 2) return false
  return ts.filter((t) => parts.has(textKey(t))).length / ts.length >= 0.5
}

export function isLanciRow(cells: (RawCell | undefined)[]): boolean {
  const first = cells.find((c) => c && c.v !== null && c.v !== '')
  if (first && typeof first.v === 'string' && ['栏次', '行次'].includes(textKey(first.v))) return true
  const nums = cells.filter((c) => c && c.v !== null && c.v !== '')
  if (nums.length < 2 || nums.some((c) => typeof c!.v !== 'number')) return false
  return nums.every((c, i) => c!.v === (nums[0]!.v as number) + i) && (nums[0]!.v === 1 || nums[0]!.v === 0)
}

type Block = { sheet: RawSheet; start: number; end: number; titleRow: number | null; titleCol: number; key: TableKey | null }

function blocksOf(sheet: RawSheet, template: Template): Block[] {
  const titles: { r: number; key: TableKey; col: number }[] = []
  for (let r = 0; r < sheet.rowCount; r++) {
    const t = titleOf(row(sheet, r), template)
    if (t) titles.push({ r, key: t.key, col: t.col })
  }
  if (titles.length === 0) {
    const byName = matchTitle(sheet.name, template)
    return [{ sheet, start: 0, end: sheet.rowCount, titleRow: null, titleCol: 1, key: byName?.key ?? null }]
  }
  return titles.map((t, i) => ({ sheet, start: t.r, end: titles[i + 1]?.r ?? sheet.rowCount, titleRow: t.r, titleCol: t.col, key: t.key }))
}

/** Header rows, meta rows and the first data row of a block, for one template table. */
function structure(b: Block, tt: TableTemplate, year: number, vocab: Map<string, Set<string>>) {
  const parts = headerParts(tt, year, vocab)
  const meta: MetaLine = { at: {} }
  const headerRows: number[] = []
  let r = b.titleRow === null ? b.start : b.titleRow + 1
  const limit = Math.min(b.end, r + 12)
  for (; r < limit; r++) {
    const cells = row(b.sheet, r)
    if (isHeaderRow(cells, parts)) {
      headerRows.push(r)
      if (headerRows.length === 3) {
        r++
        break
      }
      continue
    }
    if (headerRows.length > 0) break
    readMetaRow(cells, r + 1, meta)
  }
  if (headerRows.length > 0 && r < b.end && isLanciRow(row(b.sheet, r))) r++
  return { meta, headerRows, dataStart: r }
}

/**
 * Maps physical columns to template columns by their header text (full label first, then the last
 * level, in order). A table the template prints across may be printed either way: the set of columns
 * (printedColumnSets) the header matches best.
 */
function mapColumns(b: Block, tt: TableTemplate, year: number, headerRows: number[], findings: Finding[], vocab: Map<string, Set<string>>) {
  const sets = printedColumnSets(tt, year)
  if (sets.length === 1) return mapColumnSet(b, tt, sets[0]!, headerRows, findings, vocab)
  const tries = sets.map((set) => {
    const local: Finding[] = []
    const m = mapColumnSet(b, tt, set, headerRows, local, vocab)
    return { m, local, score: m.used.filter((u) => u !== null).length - m.unknown.length }
  })
  const best = tries.reduce((a, x) => (x.score > a.score ? x : a))
  findings.push(...best.local)
  return best.m
}

const CODE_PART_WORDS = ['类', '款', '项', '目'].map(textKey)

/** A header column the reader could not place, with its printed header and cell. */
export type UnknownColumn = { col: number; label: string; cell: string }

function mapColumnSet(b: Block, tt: TableTemplate, expected: ColumnInfo[], headerRows: number[], findings: Finding[], vocab: Map<string, Set<string>>) {
  const used = new Array<number | null>(expected.length).fill(null)
  const labels = new Array<string>(expected.length).fill('')
  let seqCol: number | null = null
  const codeParts: { col: number; label: string }[] = []
  const unknown: UnknownColumn[] = []
  const width = Math.max(0, ...headerRows.map((r) => row(b.sheet, r).length))
  const hasCode = expected.some((e) => e.kind === 'code')
  for (let c = 1; c <= width; c++) {
    const ps: string[] = []
    for (const r of headerRows) {
      const t = cleanText(cellText(row(b.sheet, r)[c - 1]))
      if (t && ps[ps.length - 1] !== t) ps.push(t)
    }
    if (ps.length === 0) continue
    const label = ps.join('/')
    const key = textKey(label)
    if (SEQ_WORDS.has(key) || ps.every((p) => SEQ_WORDS.has(textKey(p)))) {
      seqCol ??= c
      continue
    }
    const leafKey = textKey(ps[ps.length - 1]!)
    // a code printed over 类 / 款 / 项 columns
    if (hasCode && CODE_PART_WORDS.includes(leafKey) && (ps.length > 1 || codeParts.length > 0 || CODE_PART_WORDS.includes(textKey(cellText(row(b.sheet, headerRows[0]!)[c])) ))) {
      codeParts.push({ col: c, label })
      continue
    }
    let i = expected.findIndex((e, j) => used[j] === null && textKey(e.label) === key)
    if (i < 0) i = expected.findIndex((e, j) => used[j] === null && textKey(e.label.split('/').pop()!) === leafKey && !GENERIC.has(leafKey))
    if (i < 0) {
      // by meaning: the vocabulary of the template family (lib/budget/vocabulary/columns.json)
      const free = expected.filter((_, j) => used[j] === null).map((e) => e.id)
      const concept = conceptOf(ps, free, vocab)
      if (concept) i = expected.findIndex((e, j) => used[j] === null && e.id === concept)
    }
    if (i < 0) i = expected.findIndex((e, j) => used[j] === null && textKey(e.label.split('/').pop()!) === leafKey)
    if (i < 0 && (vocab.get(IGNORE)?.has(textKey(ps.join(''))) || vocab.get(IGNORE)?.has(leafKey))) continue
    if (i < 0) {
      unknown.push({ col: c, label, cell: address(headerRows[headerRows.length - 1]! + 1, c) })
      continue
    }
    used[i] = c
    labels[i] = label
  }
  const ci = expected.findIndex((e) => e.kind === 'code')
  if (ci >= 0 && codeParts.length > 0 && used[ci] === null) {
    used[ci] = codeParts[0]!.col
    labels[ci] = codeParts.map((p) => p.label).join('|')
  } else if (codeParts.length > 0) {
    unknown.push(...codeParts.map((p) => ({ col: p.col, label: p.label, cell: address(headerRows[0]! + 1, p.col) })))
  }
  void findings
  return { expected, used, labels, seqCol, codeParts: ci >= 0 && labels[ci]?.includes('|') ? codeParts : [], unknown }
}

const GENERIC = new Set(['合计', '小计'].map(textKey))

export type LocateResult = { located: Located[]; findings: Finding[]; unrecognised: string[] }

/** Finds every table of the template in the workbook. Tables not found are simply absent here. */
export function locateTables(sheets: RawSheet[], template: Template, year: number, extraVocabulary?: Vocabulary): LocateResult {
  const vocab = vocabularyFor(template.family, mergeVocabulary(template.vocabulary, extraVocabulary))
  const findings: Finding[] = []
  const located: Located[] = []
  const unrecognised: string[] = []
  for (const sheet of sheets) {
    const blocks = blocksOf(sheet, template)
    let any = false
    for (const b of blocks) {
      let key = b.key
      if (!key) key = identifyByHeader(b, template, year, vocab)
      if (!key) continue
      const tt = template.tables.find((t) => t.key === key)!
      const { meta, headerRows, dataStart } = structure(b, tt, year, vocab)
      const titleCell = address((b.titleRow ?? b.start) + 1, b.titleCol)
      if (headerRows.length === 0) {
        findings.push({ rule: 'exchange.header_missing', severity: 'error', table: key, sheet: sheet.name, cell: titleCell, message: `工作表「${sheet.name}」中「${tt.title}」下找不到表头（应有“${printedColumnSets(tt, year)[0]!.map((c) => c.label.split('/').pop()).join('、')}”等列名）` })
        any = true
        continue
      }
      const local: Finding[] = []
      const { expected, used, labels, seqCol, codeParts, unknown } = mapColumns(b, tt, year, headerRows, local, vocab)
      findings.push(...local)
      const columns = expected.map((info, i) => ({ info, col: used[i] ?? null, label: labels[i] ?? '' }))
      const prev = located[located.length - 1]
      if (prev && prev.sheet === sheet && prev.key === key) {
        // the same title again further down the sheet: the table continues after a page break
        prev.end = b.end
        continue
      }
      if (located.some((l) => l.key === key)) {
        const first = located.find((l) => l.key === key)!
        findings.push({ rule: 'exchange.table_duplicate', severity: 'warning', table: key, sheet: sheet.name, cell: titleCell, message: `工作表「${sheet.name}」又有一张「${tt.title}」，已按工作表「${first.sheet.name}」中的读取，忽略这一张` })
        any = true
        continue
      }
      located.push({ sheet, key, tt, titleRow: b.titleRow, titleCol: b.titleCol, meta, headerRows, dataStart, end: b.end, columns, seqCol, codeParts, unknown, findings: [] })
      any = true
    }
    if (!any) unrecognised.push(sheet.name)
  }
  return { located, findings, unrecognised }
}

/** No title and an unhelpful sheet name: the table whose column labels the header rows match best, if unique. */
function identifyByHeader(b: Block, template: Template, year: number, vocab: Map<string, Set<string>>): TableKey | null {
  let best: { key: TableKey; score: number } | null = null
  let tie = false
  for (const tt of template.tables) {
    const { headerRows } = structure(b, tt, year, vocab)
    if (headerRows.length === 0) continue
    const { used } = mapColumns(b, tt, year, headerRows, [], vocab)
    const score = used.filter((u) => u !== null).length / used.length
    if (score < 0.6) continue
    if (!best || score > best.score) {
      best = { key: tt.key, score }
      tie = false
    } else if (score === best.score) tie = true
  }
  return best && !tie ? best.key : null
}

/** How many of the template's tables a workbook's titles (or sheet names) name: picks among templates. */
export function templateScore(sheets: RawSheet[], template: Template): number {
  const keys = new Set<TableKey>()
  let score = 0
  for (const s of sheets) {
    for (const b of blocksOf(s, template)) {
      if (b.key && !keys.has(b.key)) {
        keys.add(b.key)
        score += b.titleRow === null ? 1 : (matchTitle(cellText(row(s, b.titleRow)[b.titleCol - 1]), template)?.score ?? 1)
      }
    }
  }
  return score
}
