import type { DocLine } from './types'

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** The text of a run of WordprocessingML: w:t, tabs and breaks. */
function textOf(xml: string): string {
  let s = ''
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) s += m[1] !== undefined ? decode(m[1]) : m[0] === '<w:tab/>' ? '\t' : ' '
  return s
}

const PAGE_BREAK = /<w:br [^>]*w:type="page"|<w:lastRenderedPageBreak\/>|<w:pageBreakBefore\/>|<w:pageBreakBefore w:val="(?:1|true)"/

/**
 * The body of word/document.xml as lines: a paragraph is a line of text, a table row is a line of
 * cells (a cell merged across columns repeated over them, as a workbook merge reads). Pages follow
 * explicit page breaks; a document without any has no page numbers.
 */
export function linesFromDocumentXml(xml: string): { lines: DocLine[]; pageCount: number | null } {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? xml
  const lines: DocLine[] = []
  let page = 1
  let breaks = 0
  const blocks = body.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)
  for (const b of blocks) {
    if (b[1] !== undefined) {
      for (const tr of b[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)) {
        if (PAGE_BREAK.test(tr[1]!)) {
          page++
          breaks++
        }
        const cells: string[] = []
        for (const tc of tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
          const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc[1]!)?.[1] ?? 1)
          const paras = [...tc[1]!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => textOf(p[0]).trim())
          const t = paras.filter(Boolean).join('')
          for (let k = 0; k < span; k++) cells.push(t)
        }
        lines.push({ page, text: cells.filter(Boolean).join(' '), cells })
      }
      continue
    }
    const p = b[0]
    if (PAGE_BREAK.test(p)) {
      // a page break before the text (its own paragraph or pageBreakBefore) starts the next page
      const t = textOf(p).trim()
      const breakFirst = /<w:pageBreakBefore/.test(p) || !t || p.search(PAGE_BREAK) < p.search(/<w:t[ >]/)
      if (breakFirst) {
        page++
        breaks++
        if (t) lines.push({ page, text: t.replace(/\t/g, ' '), cells: t.includes('\t') ? t.split('\t') : null })
        continue
      }
      if (t) lines.push({ page, text: t.replace(/\t/g, ' '), cells: null })
      page++
      breaks++
      continue
    }
    const t = textOf(p).trim()
    if (t) lines.push({ page, text: t.replace(/\t/g, ' ').replace(/\s+/g, ' '), cells: t.includes('\t') && /\d/.test(t) && !/\.{4,}/.test(t) ? t.split('\t').map((x) => x.trim()) : null })
  }
  if (breaks === 0) for (const l of lines) l.page = null
  return { lines, pageCount: breaks ? page : null }
}
