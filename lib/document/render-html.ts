import type { NoteBudgetTable, NotesBlock, TextTable } from '@/lib/notes/types'
import type { RenderedTarget } from '@/lib/performance/render'
import { evenAmountColumns } from '@/lib/document/column-widths'
import { DOCUMENT_CSS } from './document-css'
import type { DocumentModel, DocumentOverallTable, DocumentTable } from './model'
import { levelTitles, NOTES_PART_ID, OVERALL_TABLE_KEY, paragraphAnchor, sectionAnchor, TABLES_PART_ID, tableRowAnchor } from './model'
import type { PlacedCell } from './table-cells'
import { budgetTableGrid, OVERALL_FRACTIONS, overallGrid, targetGrid } from './table-cells'

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
const span = (c: PlacedCell) => `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`
const SR = 'style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"'

/**
 * The complete disclosure as a standalone, printable HTML file (GET …/document?format=html): the same
 * markup and styles as the DisclosureDocumentView component, as a string, so the route handler needs
 * no React server renderer. Every text is escaped. The public page (lib/portal) embeds the
 * <article class="dd"> element of this output as it is: keep that element whole.
 */
export function renderHtml(m: DocumentModel): string {
  const out: string[] = []
  // 部门预算 or a unit's 单位预算 (docs/decisions/009)
  const titles = levelTitles(m.level, m.year)
  out.push(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m.title)}</title><style>${DOCUMENT_CSS}</style></head><body style="margin:0;padding:16px">`)
  out.push(`<article class="dd" lang="zh-CN" aria-label="${esc(m.title)}">`)
  out.push(`<header class="dd-cover"><h1>${esc(m.department.name)}</h1><p class="dd-sub">${esc(titles.subtitle)}</p><p>${titles.codeLabel}：${esc(m.department.code)}</p>`)
  if (m.region) out.push(`<p>${esc(m.region.province + m.region.name)}</p>`)
  out.push(`<p>${esc(m.dateLine)}</p></header>`)
  out.push(`<nav class="dd-toc dd-noprint" aria-label="目录"><h2>目录</h2><ol>${m.toc.map((e) => `<li class="l${e.level}"><a href="#${e.id}">${esc(e.title)}</a></li>`).join('')}</ol></nav>`)
  out.push(`<section class="dd-nine" aria-labelledby="${TABLES_PART_ID}"><h2 class="dd-part-title" id="${TABLES_PART_ID}">${esc(m.tablesTitle)}</h2>`)
  for (const t of m.tables) out.push(budgetTable(t, t.id, 3))
  if (m.overall) out.push(overallTable(m.overall))
  out.push('</section>')
  out.push(`<section class="dd-notes" aria-labelledby="${NOTES_PART_ID}"><h2 class="dd-notes-title" id="${NOTES_PART_ID}">${esc(m.notes.title)}</h2><div class="dd-section"><p>${esc(m.notes.preamble)}</p></div>`)
  for (const s of m.notes.sections) {
    out.push(`<section class="dd-section" aria-labelledby="${sectionAnchor(s.id)}" data-section="${s.id}"><h3 id="${sectionAnchor(s.id)}">${esc(s.title)}</h3>`)
    s.blocks.forEach((b, i) => out.push(block(b, i, paragraphAnchor(s.id, i))))
    out.push('</section>')
  }
  out.push('</section></article></body></html>')
  return out.join('')
}

function budgetTable(t: DocumentTable | NoteBudgetTable, anchor: string | undefined, level: number): string {
  const g = budgetTableGrid(t.table)
  const titleId = `${anchor ?? t.table.key}-title`
  const head = g.header
    .map((row, r) =>
      r === g.header.length - 1
        ? `<tr class="lanci"><th scope="row" class="seq">栏次</th>${row
            .slice(1)
            .map((c) => `<td>${esc(c.text)}</td>`)
            .join('')}</tr>`
        : `<tr>${row.map((c) => `<th scope="${c.colSpan && c.colSpan > 1 ? 'colgroup' : 'col'}"${c.col === 0 ? ' class="seq"' : ''}${span(c)}>${esc(c.text)}</th>`).join('')}</tr>`,
    )
    .join('')
  const body = g.body
    .map(
      (row, i) =>
        `<tr${anchor ? ` id="${tableRowAnchor(anchor, i)}"` : ''}${row.some((c) => c.bold) ? ' class="total"' : ''}><td class="seq">${esc(row[0]!.text)}</td>${row
          .slice(1)
          .map((c) => `<td${c.align === 'right' ? ' class="num"' : g.kinds[c.col - 1] === 'code' ? ' class="code"' : ''}>${esc(c.text)}</td>`)
          .join('')}</tr>`,
    )
    .join('')
  const wide = t.table.columns.length > 7 ? ' dd-wide' : ''
  // a label column and amounts (the 三公 table, also printed across): the amount columns equally wide
  const even = evenAmountColumns(t.table)
  const table = even ? `<table style="table-layout:fixed;min-width:${even.minWidthEm}em" data-layout="even">` : '<table>'
  const cols = even ? `<colgroup><col style="width:3.5em"><col style="width:${even.labelEm}em">${'<col>'.repeat(even.amounts)}</colgroup>` : ''
  return `<div class="dd-table${wide}"${anchor ? ` id="${anchor}"` : ''} data-table="${t.table.key}"><h${level} id="${titleId}">${esc(t.table.title)}</h${level}><div class="dd-caption"><span>${esc(t.caption.left)}</span>${t.caption.middle ? `<span>${esc(t.caption.middle)}</span>` : ''}<span>${esc(t.caption.right)}</span></div><div class="dd-scroll" tabindex="0" role="region" aria-labelledby="${titleId}">${table}<caption ${SR}>${esc(t.table.title)}（${esc(t.caption.right)}）</caption>${cols}<thead>${head}</thead><tbody>${body}</tbody></table></div>${t.table.note ? `<p class="dd-note">${esc(t.table.note)}</p>` : ''}</div>`
}

function textTable(t: TextTable): string {
  return `<div class="dd-table"><h4>${esc(t.title)}</h4><div class="dd-scroll" tabindex="0" role="region" aria-label="${esc(t.title)}"><table><thead><tr>${t.columns.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((v, j) => (j === 0 ? `<th scope="row" style="font-weight:400;text-align:left;background:none">${esc(v)}</th>` : `<td>${esc(v)}</td>`)).join('')}</tr>`).join('')}</tbody></table></div></div>`
}

function targetTable(t: RenderedTarget): string {
  const g = targetGrid(t)
  const cells = (row: PlacedCell[], header = false) =>
    row
      .map((c) => {
        if (header) return `<th scope="col"${span(c)}>${esc(c.text)}</th>`
        if (c.bold) return `<th scope="row"${span(c)}>${esc(c.text)}</th>`
        const cls = c.align === 'right' ? ' class="num"' : c.align === 'center' ? ' class="center"' : c.text.includes('\n') ? ' class="goals"' : ''
        return `<td${cls}${span(c)}>${esc(c.text)}</td>`
      })
      .join('')
  return `<div class="dd-table dd-target" data-project="${esc(t.projectCode)}"><div class="dd-scroll" tabindex="0" role="region" aria-label="${esc(t.title)}"><table><caption ${SR}>${esc(t.title)}</caption><tbody>${g.intro.map((r) => `<tr>${cells(r)}</tr>`).join('')}<tr>${cells(g.header[0]!, true)}</tr>${g.body.map((r) => `<tr>${cells(r)}</tr>`).join('')}</tbody></table></div></div>`
}

/** The 部门（单位）整体绩效目标表: labels as header cells (a row's in the first column, a column's elsewhere). */
function overallTable(o: DocumentOverallTable): string {
  const t = o.target
  const titleId = `${o.id}-title`
  const rows = overallGrid(t)
    .map(
      (row) =>
        `<tr>${row
          .map((c) => {
            if (c.bold) return `<th scope="${c.col === 0 ? 'row' : 'col'}"${span(c)}>${esc(c.text)}</th>`
            const cls = c.align === 'right' ? ' class="num"' : c.align === 'center' ? ' class="center"' : c.text.includes('\n') ? ' class="goals"' : ''
            return `<td${cls}${span(c)}>${esc(c.text)}</td>`
          })
          .join('')}</tr>`,
    )
    .join('')
  const cols = OVERALL_FRACTIONS.map((f) => `<col style="width:${Math.round(f * 1000) / 10}%">`).join('')
  return `<div class="dd-table dd-target dd-overall" id="${o.id}" data-table="${OVERALL_TABLE_KEY}"><h3 id="${titleId}">${esc(t.title)}</h3><div class="dd-caption"><span>${esc(o.caption.left)}</span>${o.caption.middle ? `<span>${esc(o.caption.middle)}</span>` : ''}<span>${esc(o.caption.right)}</span></div><div class="dd-scroll" tabindex="0" role="region" aria-labelledby="${titleId}"><table><caption ${SR}>${esc(t.title)}（${esc(o.caption.right)}）</caption><colgroup>${cols}</colgroup><tbody>${rows}</tbody></table></div></div>`
}

function block(b: NotesBlock, i: number, id: string): string {
  switch (b.kind) {
    case 'heading':
      return `<h4 id="${id}" data-paragraph="${i}">${esc(b.text)}</h4>`
    case 'paragraph':
      return b.lead ? `<p class="dd-term" id="${id}" data-paragraph="${i}"><strong>${esc(b.lead)}</strong>${esc(b.text)}</p>` : `<p id="${id}" data-paragraph="${i}">${esc(b.text)}</p>`
    case 'textTable':
      return textTable(b.table).replace('<div class="dd-table">', `<div class="dd-table" id="${id}">`)
    case 'budgetTable':
      return budgetTable(b.table, id, 4)
    case 'performanceTable':
      return targetTable(b.target)
  }
}
