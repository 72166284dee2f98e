import { z } from 'zod'
import { jsonColumn } from '@/lib/budget/json-column'
import type { NotesSection as GeneratedSection } from '@/lib/notes/types'
import { SECTION_TITLES } from '@/lib/notes/types'

/**
 * The notes (情况说明) as sections of paragraphs, for anchoring review comments ({kind:'notes', section,
 * paragraph}) and for comparing two versions section by section. Two shapes are read:
 * - the rendered notes of lib/notes ({ sections: [{ id, title, blocks }] }): a paragraph is a block, and its
 *   index is the block's index in its section, as in lib/notes' NotesLocation;
 * - any other JSON (the stored notes fields): a section is a top-level key, its paragraphs the texts inside
 *   it in document order (strings split at line breaks; numbers and booleans as "label：value").
 */
export type NotesSection = { key: string; title: string; paragraphs: string[] }

/** SubmissionSnapshot.notes: the rendered notes as submitted; read through diffNotes, which also reads older shapes. */
export const snapshotNotesColumn = jsonColumn<{ sections: GeneratedSection[] }>('提交快照的情况说明', z.object({ sections: z.array(z.object({ id: z.string(), title: z.string(), blocks: z.array(z.unknown()) })) }))


export function sectionTitle(key: string): string {
  return (SECTION_TITLES as Record<string, string>)[key] ?? key
}

function texts(v: unknown, label: string | null, out: string[]): void {
  if (v === null || v === undefined) return
  if (typeof v === 'string') {
    for (const p of v.split(/\r?\n/)) if (p.trim()) out.push(p.trim())
    return
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    out.push(label ? `${label}：${String(v)}` : String(v))
    return
  }
  if (Array.isArray(v)) {
    for (const x of v) texts(x, label, out)
    return
  }
  if (typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) texts(x, typeof x === 'object' ? null : k, out)
}

type Block = { kind?: unknown; text?: unknown; lead?: unknown; table?: { title?: unknown; table?: { title?: unknown } }; target?: { title?: unknown } }
type RenderedSection = { id: string; title?: string; blocks: Block[] }

function isRendered(notes: object): notes is { sections: RenderedSection[] } {
  const s = (notes as { sections?: unknown }).sections
  return Array.isArray(s) && s.every((x) => x && typeof x === 'object' && typeof (x as RenderedSection).id === 'string' && Array.isArray((x as RenderedSection).blocks))
}

function blockText(b: Block): string {
  if (typeof b.text === 'string') return `${typeof b.lead === 'string' ? b.lead : ''}${b.text}`.trim()
  const title = b.table?.title ?? b.table?.table?.title ?? b.target?.title
  return typeof title === 'string' ? `〔表〕${title}` : '〔表〕'
}

export function notesSections(notes: unknown): NotesSection[] {
  if (!notes || typeof notes !== 'object' || Array.isArray(notes)) return []
  if (isRendered(notes)) return notes.sections.map((s) => ({ key: s.id, title: s.title ?? sectionTitle(s.id), paragraphs: s.blocks.map(blockText) }))
  const out: NotesSection[] = []
  for (const [key, v] of Object.entries(notes as Record<string, unknown>)) {
    const paragraphs: string[] = []
    texts(v, typeof v === 'object' ? null : key, paragraphs)
    if (paragraphs.length) out.push({ key, title: sectionTitle(key), paragraphs })
  }
  return out
}

export type ParagraphOp = { op: 'same' | 'added' | 'removed'; text: string; /** index in the newer section for same/added */ index: number | null }
export type SectionDiff = { key: string; title: string; status: 'same' | 'changed' | 'added' | 'removed'; ops: ParagraphOp[] }

/** Longest-common-subsequence diff of two paragraph lists. */
export function diffParagraphs(before: string[], after: string[]): ParagraphOp[] {
  const n = before.length
  const m = after.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const ops: ParagraphOp[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      ops.push({ op: 'same', text: after[j]!, index: j })
      i++
      j++
    } else if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ op: 'added', text: after[j]!, index: j })
      j++
    } else {
      ops.push({ op: 'removed', text: before[i]!, index: null })
      i++
    }
  }
  return ops
}

export function diffNotes(before: unknown, after: unknown): SectionDiff[] {
  const b = new Map(notesSections(before).map((s) => [s.key, s]))
  const out: SectionDiff[] = []
  for (const s of notesSections(after)) {
    const old = b.get(s.key)
    b.delete(s.key)
    const ops = diffParagraphs(old?.paragraphs ?? [], s.paragraphs)
    out.push({ key: s.key, title: s.title, status: !old ? 'added' : ops.every((o) => o.op === 'same') ? 'same' : 'changed', ops })
  }
  for (const s of b.values()) out.push({ key: s.key, title: s.title, status: 'removed', ops: s.paragraphs.map((text) => ({ op: 'removed', text, index: null })) })
  return out
}
