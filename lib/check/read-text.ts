import type { CheckDocument, DocLine } from './types'

/**
 * Plain text as PDF or Word extraction gives it: pages separated by form feeds (pdftotext), table
 * rows with tab-separated cells, or one cell per line (each line starting with a tab, rows separated
 * by blank lines, as some Word-to-text conversions print tables), or tables flattened to lines of
 * words and numbers (no cells: the recogniser does not guess their columns).
 */
export function readPlainText(name: string, text: string): CheckDocument {
  const pages = text.replace(/\r\n?/g, '\n').split('\f')
  const lines: DocLine[] = []
  const paged = pages.length > 1
  pages.forEach((pageText, p) => {
    const page = paged ? p + 1 : null
    const raw = pageText.split('\n')
    for (let i = 0; i < raw.length; i++) {
      const l = raw[i]!
      // one cell per line: a run of lines that each start with a tab, closed by a blank line
      if (/^\t/.test(l) && !l.slice(1).includes('\t')) {
        const cells: string[] = []
        let j = i
        while (j < raw.length && /^\t/.test(raw[j]!) && !raw[j]!.slice(1).includes('\t')) cells.push(raw[j++]!.slice(1).trim())
        if (cells.length >= 2) {
          lines.push({ page, text: cells.filter(Boolean).join(' '), cells })
          i = j - 1
          continue
        }
      }
      const cells = l.includes('\t') ? l.split('\t').map((c) => c.trim()) : null
      const t = l.replace(/\t/g, ' ').replace(/\s+/g, ' ').trim()
      if (!t && !cells) continue
      lines.push({ page, text: t, cells })
    }
  })
  return { name, kind: 'text', lines, pageCount: paged ? pages.length : null }
}
