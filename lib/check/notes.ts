import type { DocLine } from './types'

/** A sentence of the notes, with the section it is in and the page it starts on. */
export type Sentence = { text: string; page: number | null; section: string; line: number }
export type NotesText = { sections: { title: string; line: number; page: number | null }[]; sentences: Sentence[] }

/** Section headings of the notes: 一、… 九、, 第一部分 …, and the Shanghai headings (一、部门主要职能 …). */
export const SECTION_HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、)\s*\S{2,40}$/
const TOC = /\.{4,}|…{2,}|·{4,}/

/**
 * The prose of the document, split into sentences (。！？ and line ends of headings), each in its
 * section. Table rows (lines with cells) and lines that are only numbers are not prose.
 */
export function readNotes(lines: DocLine[], tableLines: Set<number>): NotesText {
  const sections: NotesText['sections'] = []
  const sentences: Sentence[] = []
  let section = ''
  let buf = ''
  let bufPage: number | null = null
  let bufLine = 0
  const flush = () => {
    for (const part of splitSentences(buf)) sentences.push({ text: part, page: bufPage, section, line: bufLine })
    buf = ''
  }
  lines.forEach((l, i) => {
    if (tableLines.has(i) || l.cells || TOC.test(l.text)) return
    const t = l.text.trim()
    if (!t) return
    if (SECTION_HEADING.test(t) && !/[。；]/.test(t) && t.length <= 40) {
      flush()
      section = t
      sections.push({ title: t, line: i, page: l.page })
      return
    }
    if (!buf) {
      bufPage = l.page
      bufLine = i
    }
    // a line of a paragraph: joined without a space when both sides are Chinese
    buf += buf && /[\u4e00-\u9fff，、（“]$/.test(buf) && /^[\u4e00-\u9fff0-9（“]/.test(t) ? t : (buf ? ' ' : '') + t
    if (/[。！？：]$/.test(t) || t.length < 20) flush()
  })
  flush()
  return { sections, sentences }
}

export function splitSentences(text: string): string[] {
  const out: string[] = []
  for (const m of text.matchAll(/[^。！？]+[。！？]?/g)) {
    const s = m[0].trim()
    if (s) out.push(s)
  }
  return out
}
