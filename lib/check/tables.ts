import type { TableKey, Template } from '@/lib/budget/template'
import type { RawCell } from '@/lib/exchange/grid'
import { matchTitle } from '@/lib/exchange/locate-tables'
import type { ParsedWorkbook } from '@/lib/exchange/parse-workbook'
import type { GridInput } from '@/lib/exchange/recognise'
import { recogniseTables as readGrid } from '@/lib/exchange/recognise'
import { alignFlattened } from './flattened'
import type { DocLine } from './types'

/**
 * Finding the budget tables of a document by meaning: the document's table rows become a grid of
 * cell strings and the reader's pure core (lib/exchange/recognise.ts, ADR 014: titles, header
 * concepts through the vocabulary, 栏次, page-break repeats, 元/万元 per table, split 类/款/项 codes)
 * recognises them — the same reading as a workbook import. This is the one seam to the reader.
 */
export type GridReader = (grids: GridInput[], opts: { year?: number; candidates: Template[] }) => ParsedWorkbook
export const gridReader: GridReader = (grids, opts) => readGrid(grids, opts)

export type RecognisedTables = {
  parsed: ParsedWorkbook | null
  /** For each grid row (1-based), the document line it came from. */
  lineOfRow: number[]
  /** Table titles seen in the document (outside the contents page), by key, with their line. */
  titles: { key: TableKey; line: number }[]
  /** Tables whose rows are printed flattened (no cells): their columns cannot be told apart. */
  flattened: TableKey[]
  /** Lines inside table blocks (not prose). */
  tableLines: Set<number>
  /** Why a flattened table could not be aligned to its columns. */
  flattenedReasons: Map<TableKey, string>
}

const TOC = /\.{4,}|…{2,}|·{4,}|-{6,}/
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])|情况说明$|编制说明$/
const NOTE = /^注[:：]/
const PAGE_NO = /^[-—–\s]*\d{1,3}[-—–\s]*$/

/** Letter-spaced headers ("科目 编 码", "价 值 (金 额 单 位 : 万 元)") as one word. */
const tight = (c: string) => c.replace(/(?<=[\u4e00-\u9fff（）()：:“”])\s+(?=[\u4e00-\u9fff（）()：:“”])/g, '')

const isTitleCandidate = (l: DocLine) => !TOC.test(l.text) && !/\s\d{1,3}$/.test(l.text) && l.text.length <= 48 && (l.cells === null || new Set(l.cells.filter(Boolean)).size === 1)

function titleKey(l: DocLine, candidates: Template[]): TableKey | null {
  if (!isTitleCandidate(l)) return null
  for (const t of candidates) {
    const m = matchTitle(l.text, t)
    if (m) return m.key
  }
  return null
}

/** Builds the grid from the lines inside tables (from a title to the notes' next heading or prose) and reads it. */
export function recogniseTables(lines: DocLine[], candidates: Template[], year?: number, read: GridReader = gridReader): RecognisedTables {
  const first = recogniseOnce(lines, candidates, year, read)
  if (first.flattened.length === 0) return first
  // tables printed flattened: aligned to their columns where that is certain (lib/check/flattened.ts), then read again
  const reasons = new Map<TableKey, string>()
  const aligned = lines.map((l) => ({ ...l }))
  let any = false
  for (const key of first.flattened) {
    const start = first.titles.find((t) => t.key === key)!.line
    let end = start + 1
    while (end < lines.length && first.tableLines.has(end) && !first.titles.some((t) => t.line === end)) end++
    const a = alignFlattened(lines, start, end, key, candidates)
    if (!a.ok) {
      reasons.set(key, a.reason)
      continue
    }
    any = true
    for (const [i, cells] of a.cells) aligned[i] = { ...aligned[i]!, cells }
  }
  const out = any ? recogniseOnce(aligned, candidates, year, read) : first
  for (const k of out.flattened) if (!reasons.has(k)) reasons.set(k, '表格为压平文本（空白单元格未保留），无法确定各数字所在的列')
  return { ...out, flattenedReasons: reasons }
}

function recogniseOnce(lines: DocLine[], candidates: Template[], year: number | undefined, read: GridReader): RecognisedTables {
  const rows: (RawCell | undefined)[][] = []
  const lineOfRow: number[] = []
  const titles: { key: TableKey; line: number }[] = []
  const flat = new Map<TableKey, { cells: number; bare: number }>()
  // a title is a table's only when rows with cells follow it before the next title (not a contents line)
  const keys = lines.map((l) => titleKey(l, candidates))
  const starts = keys.flatMap((k, i) => (k ? [i] : []))
  starts.forEach((i, n) => {
    const end = starts[n + 1] ?? Math.min(lines.length, i + 40)
    const body = lines.slice(i + 1, Math.min(end, i + 40))
    if (!body.some((l) => (l.cells && l.cells.filter(Boolean).length >= 2) || /栏次|预算年度|单位[:：]\s*(?:万元|元)|^注[:：]/.test(l.text))) keys[i] = null
  })
  let current: TableKey | null = null
  const tableLines = new Set<number>()
  lines.forEach((l, i) => {
    const key = keys[i]
    if (key) {
      current = key
      titles.push({ key, line: i })
      flat.set(key, flat.get(key) ?? { cells: 0, bare: 0 })
    } else if (current && l.cells === null && !NOTE.test(l.text) && (HEADING.test(l.text) || l.text.length > 60)) current = null
    let cells: (RawCell | undefined)[] = []
    if (current) tableLines.add(i)
    if (current && !(l.cells === null && PAGE_NO.test(l.text))) {
      cells = (l.cells ?? [l.text]).map((c) => ({ v: c === '' ? null : tight(c) }))
      const f = flat.get(current)!
      if (l.cells) f.cells++
      else if (!key && /\d/.test(l.text) && !NOTE.test(l.text)) f.bare++
    }
    rows.push(cells)
    lineOfRow.push(i)
  })
  spreadMergedHeaders(rows, titles.map((t) => t.line))
  const flattened = [...flat].filter(([, f]) => f.bare > 3 && f.cells < f.bare).map(([k]) => k)
  if (titles.length === 0) return { parsed: null, lineOfRow, titles, flattened, tableLines, flattenedReasons: new Map() }
  // merged header cells were already spread above (a Word table lists only the cells it has): no merges
  const cells = rows.map((r) => r.map((c) => (typeof c?.v === 'string' ? c.v : null)))
  const parsed = read([{ name: '文档', cells }], year ? { year, candidates } : { candidates })
  // a flattened table cannot be read cell by cell: it is not checked (the ledger says why), never guessed
  parsed.tables = parsed.tables.filter((t) => !flattened.includes(t.table.key as TableKey))
  parsed.findings = parsed.findings.filter((f) => !f.table || !flattened.includes(f.table))
  return { parsed, lineOfRow: [0, ...lineOfRow], titles, flattened, tableLines, flattenedReasons: new Map() }
}

const isDataStart = (r: (RawCell | undefined)[]) => {
  const first = r.find((c) => c?.v !== null && c?.v !== undefined)
  return typeof first?.v === 'string' && (/^\d+$/.test(first.v) || first.v === '栏次' || first.v === '行次')
}

/**
 * A table converted from Word lists only the cells it has: a header cell merged across columns is one
 * cell, so the header row is shorter than the row under it. Each such cell is spread over the run of
 * sub-header cells under it (sharing a run with its neighbours when the columns after it are too few
 * for the cells still to place), its text repeated in every covered cell, as a workbook merge reads.
 */
function spreadMergedHeaders(rows: (RawCell | undefined)[][], titleRows: number[]): void {
  for (const start of titleRows) {
    for (let r = start + 1; r < rows.length - 1 && r < start + 12; r++) {
      if (isDataStart(rows[r]!)) break
      const h1 = rows[r]!
      const h2 = rows[r + 1]!
      if (h1.length < 2 || h2.length <= h1.length) continue
      const W = h2.length
      const out: (RawCell | undefined)[] = []
      let j = 0
      for (let i = 0; i < h1.length; i++) {
        const filled = (k: number) => h2[k]?.v !== null && h2[k]?.v !== undefined
        let span = 1
        if (filled(j)) {
          let run = 0
          while (j + run < W && filled(j + run)) run++
          const sharing = Math.max(1, h1.length - i - (W - (j + run)))
          span = Math.max(1, Math.floor(run / sharing))
        }
        if (i === h1.length - 1) span = Math.max(span, W - j)
        for (let k = 0; k < span; k++) out.push(h1[i])
        j += span
      }
      if (out.length === W) rows[r] = out
    }
  }
}
