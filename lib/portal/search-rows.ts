import type { FixtureTable } from '@/lib/budget/table'
import type { DocumentModel } from '@/lib/document/model'
import { paragraphAnchor, sectionAnchor, tableRowAnchor } from '@/lib/document/model'
import { chunkText } from './search-grams'

/**
 * What the public can find in a published disclosure, each with the place on its page (an anchor of the
 * document's markup, lib/document/render-html.ts): the department, the region, every table row that names
 * something (科目编码和名称, 项目, 采购品目), the projects, and every paragraph and table row of the 情况说明.
 * Built once at publication from the same document model the page, the PDF and the DOCX are drawn from.
 */
export type SearchRowKind = 'department' | 'region' | 'code' | 'table' | 'project' | 'procurement' | 'notes'
export type SearchRow = { kind: SearchRowKind; anchor: string; label: string; text: string }

const CODE = /^(?:\d{3,}|[A-Z]\d{2,}[0-9A-Z]*)$/
const SEQ = /^\d{1,2}$/

/** The words of a table row: its text cells, without amounts and 栏次 numbers. */
export function rowWords(row: FixtureTable['rows'][number]): string[] {
  return row
    .filter((c): c is string => typeof c === 'string')
    .map((c) => c.trim())
    .filter((c) => c && !SEQ.test(c) && !/^-?[\d,]*\.\d+$/.test(c))
}

function tableRows(t: FixtureTable, anchor: string, kind: (words: string[]) => SearchRowKind, seen: Set<string>, out: SearchRow[]) {
  t.rows.forEach((row, i) => {
    const words = rowWords(row)
    if (words.length === 0) return
    const text = words.join(' ')
    if (seen.has(text)) return
    seen.add(text)
    out.push({ kind: kind(words), anchor: tableRowAnchor(anchor, i), label: t.title, text })
  })
}

export function searchRowsOf(m: DocumentModel, extra: { region: string; projects: { code: string; name: string }[] }): SearchRow[] {
  const out: SearchRow[] = []
  const seen = new Set<string>()
  out.push({ kind: 'department', anchor: '', label: '部门', text: m.department.name })
  if (extra.region) out.push({ kind: 'region', anchor: '', label: '地区', text: extra.region })
  const projectNames = new Set(extra.projects.map((p) => p.name))
  const rowKind = (words: string[]): SearchRowKind => (words.some((w) => projectNames.has(w)) ? 'project' : words.some((w) => CODE.test(w)) ? 'code' : 'table')
  for (const t of m.tables) tableRows(t.table, t.id, rowKind, seen, out)
  for (const p of extra.projects) {
    const text = `${p.code} ${p.name}`
    if (![...seen].some((s) => s.includes(p.name))) out.push({ kind: 'project', anchor: '', label: '项目', text })
  }
  for (const s of m.notes.sections) {
    const sid = sectionAnchor(s.id)
    s.blocks.forEach((b, i) => {
      const anchor = paragraphAnchor(s.id, i)
      if (b.kind === 'paragraph') for (const c of chunkText((b.lead ?? '') + b.text)) out.push({ kind: 'notes', anchor, label: s.title, text: c })
      else if (b.kind === 'heading') out.push({ kind: 'notes', anchor, label: s.title, text: b.text })
      else if (b.kind === 'budgetTable') tableRows(b.table.table, anchor, () => (b.table.table.key === 'procurement' ? 'procurement' : 'notes'), seen, out)
      else if (b.kind === 'textTable')
        b.table.rows.forEach((r) => {
          const text = r.filter(Boolean).join(' ')
          if (text && !seen.has(text)) (seen.add(text), out.push({ kind: 'notes', anchor, label: b.table.title || s.title, text }))
        })
      else if (b.kind === 'performanceTable') out.push({ kind: 'notes', anchor: sid, label: s.title, text: b.target.title })
    })
  }
  return out
}
