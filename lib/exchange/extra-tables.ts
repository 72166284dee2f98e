import type { ExtraTable } from '../budget/extra-table'
import kindsData from '../budget/vocabulary/extra-tables.json'
import type { RawCell, RawSheet } from './grid'
import { cellText } from './grid'
import { isLanciRow } from './locate-tables'
import type { MetaLine } from './meta'
import { readMetaRow } from './meta'
import { address, cleanText, textKey } from './text'
import type { Vocabulary } from './vocabulary'
import { conceptOf, vocabularyFor } from './vocabulary'

/**
 * Tables a workbook prints beyond its template's (一般公共预算项目支出表, 项目支出表, 政府采购预算表,
 * 项目支出绩效目标表 …), found on the sheets that hold none of the template's tables: a title row naming
 * one of the kinds of lib/budget/vocabulary/extra-tables.json, the lines under it (department, year,
 * 单位), header rows whose words the vocabulary knows, then the rows as printed up to the next such
 * title. Each is kept cell by cell (ExtraTable), with the concept of each column where the vocabulary
 * names it; nothing is computed from it.
 */
export type ParsedExtra = { table: ExtraTable; loc: { sheet: string; titleCell: string } }

type Kind = { kind: string; label: string; titles: string[] }
const KINDS = (kindsData as { kinds: Kind[] }).kinds
const CONCEPTS = (kindsData as { concepts: string[] }).concepts
const SEQ = new Set(['序号', '栏次', '行次', '编号'].map(textKey))
const NOTE_RE = /^(注|说明|备注)\s*[:：]/

/** The kind a title names: the longest title word it contains ("一般公共预算项目支出表" before "项目支出表"). */
export function extraKindOf(title: string): Kind | null {
  const k = textKey(title)
  let best: { kind: Kind; len: number } | null = null
  for (const kind of KINDS) for (const w of kind.titles) if (k.includes(textKey(w)) && (!best || w.length > best.len)) best = { kind, len: w.length }
  return best?.kind ?? null
}

const texts = (cells: (RawCell | undefined)[]) => [...new Set(cells.map((c) => (typeof c?.v === 'string' ? cleanText(c.v) : '')).filter(Boolean))]

function titleOf(cells: (RawCell | undefined)[]): { kind: Kind; text: string; col: number } | null {
  if (cells.some((c) => typeof c?.v === 'number')) return null
  const ts = texts(cells)
  if (ts.length === 0 || ts.length > 3) return null
  for (const t of ts) {
    const kind = extraKindOf(t)
    if (kind && t.length <= 80) return { kind, text: t, col: cells.findIndex((c) => typeof c?.v === 'string' && cleanText(c.v) === t) + 1 }
  }
  return null
}

function value(c: RawCell | undefined): string | number | null {
  if (!c || c.v === null || c.v === '') return null
  if (typeof c.v === 'number') return c.v
  if (typeof c.v === 'string') return cleanText(c.v) || null
  if (c.v instanceof Date) return c.v.toISOString().slice(0, 10)
  return String(c.v)
}

/** Whether a sheet prints the title of a table beyond the template (then its header is not guessed to be a template table's). */
export function hasExtraTitle(sheet: RawSheet): boolean {
  for (let r = 0; r < Math.min(sheet.rowCount, 12); r++) if (titleOf(sheet.rows[r] ?? [])) return true
  return false
}

export function readExtraTables(sheets: RawSheet[], family: string | undefined, extra?: Vocabulary): ParsedExtra[] {
  const vocab = vocabularyFor(family, extra)
  const words = new Set<string>(SEQ)
  for (const c of CONCEPTS) for (const w of vocab.get(c) ?? []) words.add(w)
  const isHeader = (cells: (RawCell | undefined)[]) => {
    if (cells.some((c) => typeof c?.v === 'number')) return false
    const ts = texts(cells)
    return ts.length >= 2 && ts.filter((t) => words.has(textKey(t))).length / ts.length >= 0.5
  }
  const out: ParsedExtra[] = []
  for (const sheet of sheets) {
    const titles: { r: number; kind: Kind; text: string; col: number }[] = []
    for (let r = 0; r < sheet.rowCount; r++) {
      const t = titleOf(sheet.rows[r] ?? [])
      if (t && !titles.some((x) => x.text === t.text && r - x.r <= 1)) titles.push({ r, ...t })
    }
    titles.forEach((t, i) => {
      const end = titles[i + 1]?.r ?? sheet.rowCount
      // a page-break repeat of the same title continues the table
      if (i > 0 && titles[i - 1]!.text === t.text) return
      let stop = end
      for (let j = i + 1; j < titles.length && titles[j]!.text === t.text; j++) stop = titles[j + 1]?.r ?? sheet.rowCount
      out.push(readBlock(sheet, t, t.r + 1, stop, isHeader, (text) => words.has(textKey(text)), vocab))
    })
  }
  return out
}

function readBlock(sheet: RawSheet, t: { r: number; kind: Kind; text: string; col: number }, from: number, end: number, isHeader: (cells: (RawCell | undefined)[]) => boolean, isWord: (text: string) => boolean, vocab: Map<string, Set<string>>): ParsedExtra {
  const meta: MetaLine = { at: {} }
  let r = from
  // the lines under the title: department, year, 单位
  // (a row naming a column concept — "项目名称 | … | 主管部门 | …" of a form — is the table's, not such a line)
  const isMeta = (cells: (RawCell | undefined)[]) => !cells.some((c) => typeof c?.v === 'number') && texts(cells).length <= 3 && !texts(cells).some(isWord) && readMetaRow(cells, r + 1, meta)
  while (r < end && !isHeader(sheet.rows[r] ?? []) && isMeta(sheet.rows[r] ?? [])) r++
  const headerRows: number[] = []
  while (r < end && headerRows.length < 3 && isHeader(sheet.rows[r] ?? [])) headerRows.push(r++)
  const body: number[] = []
  for (; r < end; r++) body.push(r)
  const width = Math.max(0, ...[...headerRows, ...body].map((x) => lastFilled(sheet.rows[x] ?? [])))
  const levelsOf = (c: number) => {
    const ls: string[] = []
    for (const h of headerRows) {
      const v = cleanText(cellText(sheet.rows[h]?.[c]))
      if (v && ls[ls.length - 1] !== v) ls.push(v)
    }
    return ls
  }
  const columns = headerRows.length ? Array.from({ length: width }, (_, c) => levelsOf(c).join('/')) : []
  const concepts = columns.map((label) => {
    const levels = label ? label.split('/') : []
    if (levels.length && SEQ.has(textKey(levels[0]!))) return 'seq'
    return levels.length ? conceptOf(levels, CONCEPTS, vocab) : null
  })
  const headerTexts = headerRows.map((h) => texts(sheet.rows[h] ?? []).join('|'))
  const rows: (string | number | null)[][] = []
  const notes: string[] = []
  for (const x of body) {
    const cells = sheet.rows[x] ?? []
    const ts = texts(cells)
    const vals = Array.from({ length: width }, (_, c) => value(cells[c]))
    if (vals.every((v) => v === null)) continue
    if (isLanciRow(cells) || headerTexts.includes(ts.join('|'))) continue
    // a note line (merged across the table: the same text in every cell)
    if (ts.length === 1 && vals.every((v) => v === null || v === ts[0]) && NOTE_RE.test(ts[0]!)) {
      notes.push(ts[0]!)
      continue
    }
    // a page-break repeat of the unit line
    if (ts.length > 0 && ts.every((s) => /^(金额)?单位[:：]\s*(万元|元)$|^(预算)?年度[:：]\s*\d{4}$/.test(s))) continue
    rows.push(vals)
  }
  const table: ExtraTable = { kind: t.kind.kind, title: t.text, columns, concepts, rows }
  if (meta.unit) table.amountUnit = meta.unit
  if (notes.length) table.note = notes.join('\n')
  return { table, loc: { sheet: sheet.name, titleCell: address(t.r + 1, t.col) } }
}

function lastFilled(cells: (RawCell | undefined)[]): number {
  for (let c = cells.length - 1; c >= 0; c--) if (value(cells[c]) !== null) return c + 1
  return 0
}
