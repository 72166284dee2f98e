import type { TableKey, Template, TreeColumn } from '@/lib/budget/template'
import type { DocLine } from './types'

/**
 * A table printed flattened (text extracted from a PDF: one line of words and numbers per row, blank
 * cells dropped, names wrapped onto the next lines) is aligned to its columns only when the alignment
 * is certain — never guessed (docs/decisions/019):
 *
 * - its 栏次 row gives the number of columns N; rows start with their 序号 1, 2, 3 … in order (a
 *   repeated page header between them is skipped, a wrapped name joined);
 * - a row is a 类/款/项 code (when the table has codes), its name, then its amounts;
 * - every row has exactly as many amounts as the table has amount columns (N less the code and name
 *   columns): a row with fewer has blank cells whose places cannot be told, and the table stays not run;
 * - a tree table of the year's templates with that many amount columns, each of whose labels is printed
 *   in the header, gives the header (all such templates agreeing).
 *
 * Returns, for the lines of the block, the cells each line gets ([] for a line joined into the row
 * above, the header on the line before the 栏次 row), or the reason the table is not aligned.
 */
export type Alignment = { ok: true; cells: Map<number, string[]> } | { ok: false; reason: string }

const AMOUNT = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/
const CODE = /^\d{3}(?:\d{2}){0,2}$/
const CAPTION = /预算年度|单位[:：]|编制(?:单位|部门)[:：]/
const flat = (s: string) => s.replace(/\s+/g, '')
const joinWords = (ws: string[]) => ws.reduce((s, w) => (s && /[\u4e00-\u9fff）)]$/.test(s) && /^[\u4e00-\u9fff（(]/.test(w) ? s + w : s ? `${s} ${w}` : w), '')

type Row = { no: number; lines: number[]; words: string[] }

export function alignFlattened(lines: DocLine[], start: number, end: number, key: TableKey, candidates: Template[]): Alignment {
  const lanci = lines.findIndex((l, i) => i > start && i < end && /^栏次(\s+\d+)+$/.test(l.text) && l.text.split(/\s+/).slice(1).every((x, k) => x === String(k + 1)))
  if (lanci < 0) return { ok: false, reason: '表格为压平文本（空白单元格未保留），且没有栏次行，无法确定列数' }
  const n = lines[lanci]!.text.split(/\s+/).length - 1
  const header = flat(lines.slice(start + 1, lanci).map((l) => l.text).join(''))
  const rows: Row[] = []
  const repeats = new Map<number, string[]>()
  let skipping = false
  for (let i = lanci + 1; i < end; i++) {
    const t = lines[i]!.text
    if (lines[i]!.cells) return { ok: false, reason: '表格部分为压平文本，部分有单元格，无法逐列读取' }
    const m = /^(\d{1,3})(?:\s+(.*))?$/.exec(t)
    if (skipping) {
      // the repeated header's lines are not rows; its 栏次 row is read as the page-break repeat it is
      if (/^栏次(\s+\d+)+$/.test(t)) {
        skipping = false
        repeats.set(i, t.split(/\s+/))
      } else repeats.set(i, [])
      continue
    }
    if (CAPTION.test(t)) {
      // the header repeated on the next page, up to its 栏次 row
      skipping = true
      continue
    }
    if (m && Number(m[1]) === rows.length + 1) rows.push({ no: Number(m[1]), lines: [i], words: (m[2] ?? '').split(/\s+/).filter(Boolean) })
    else if (rows.length && AMOUNT.test(rows[rows.length - 1]!.words.at(-1) ?? '') && !t.split(/\s+/).every((w) => AMOUNT.test(w))) {
      // words after a row's amounts: the page's foot or the next page's header (up to its 栏次 row), not the row
      skipping = true
      repeats.set(i, [])
    } else if (rows.length) {
      rows[rows.length - 1]!.lines.push(i)
      rows[rows.length - 1]!.words.push(...t.split(/\s+/).filter(Boolean))
    } else return { ok: false, reason: `表格为压平文本，栏次行后的“${t.slice(0, 20)}”不是以序号开始的行` }
  }
  if (rows.length === 0) return { ok: false, reason: '表格为压平文本，未找到数据行' }
  const parsed = rows.map((r) => {
    const words = [...r.words]
    const amounts: string[] = []
    while (words.length && AMOUNT.test(words[words.length - 1]!)) amounts.unshift(words.pop()!)
    const code = words.length > 1 && CODE.test(words[0]!) ? words.shift()! : null
    return { row: r, code, name: joinWords(words), amounts }
  })
  const interleaved = parsed.find((p) => p.name.split(/\s+/).some((w) => AMOUNT.test(w) && /\./.test(w)))
  if (interleaved) return { ok: false, reason: `表格为压平文本（空白单元格未保留）：第 ${interleaved.row.no} 行的数字与项目名称交错（多栏并排的表），无法确定各数字所在的列` }
  const hasCodes = parsed.some((p) => p.code)
  const textCols = hasCodes ? 2 : 1
  const m = n - textCols
  const short = parsed.find((p) => p.amounts.length !== m)
  if (m < 1 || short) {
    const p = short ?? parsed[0]!
    return { ok: false, reason: `表格为压平文本（空白单元格未保留）：第 ${p.row.no} 行「${p.code ?? ''}${p.name}」有 ${p.amounts.length} 个数字，该表有 ${Math.max(m, 0)} 个金额列，无法确定各数字所在的列` }
  }
  // the header: the labels of a tree table of these templates with m amount columns, all printed in the header
  // the sets found agree when their amount columns mean the same (ids); their labels may differ by template
  const labelSets = new Map<string, string[]>()
  for (const t of candidates) {
    const tt = t.tables.find((x) => x.key === key)
    if (!tt || (tt.kind !== 'function_tree' && tt.kind !== 'economic_tree')) continue
    for (const cols of [tt.columns, ...(tt.variants ?? []).map((v) => v.columns)]) {
      const amountCols = cols.filter((c: TreeColumn) => c.id !== 'code' && c.id !== 'name')
      const text = cols.filter((c: TreeColumn) => c.id === 'code' || c.id === 'name')
      if (amountCols.length === m && text.length === textCols && amountCols.every((c) => header.includes(flat(c.label).replace(/[（(].*[）)]$/, '')))) {
        // of the templates' wordings, the one the header prints most of
        const labels = cols.map((c) => c.label)
        const score = (ls: string[]) => ls.filter((l) => header.includes(flat(l).replace(/[（(].*[）)]$/, ''))).length
        const id = amountCols.map((c) => c.id).join('|')
        const had = labelSets.get(id)
        if (!had || score(labels) > score(had)) labelSets.set(id, labels)
      }
    }
  }
  if (labelSets.size !== 1) return { ok: false, reason: labelSets.size ? '表格为压平文本，表头可对应多种列设置，无法确定各列' : '表格为压平文本，表头与模板的列不一致，无法确定各列' }
  const labels = [...labelSets.values()][0]!
  const cells = new Map<number, string[]>()
  for (let i = start + 1; i < lanci; i++) if (!CAPTION.test(lines[i]!.text)) cells.set(i, [])
  cells.set(lanci - 1 > start ? lanci - 1 : lanci, ['序号', ...labels])
  cells.set(lanci, lines[lanci]!.text.split(/\s+/))
  for (const [i, c] of repeats) cells.set(i, c)
  for (const p of parsed) {
    const text = hasCodes ? (p.code ? [p.code, p.name] : [p.name, '']) : [p.name]
    p.row.lines.forEach((li, k) => cells.set(li, k === 0 ? [String(p.row.no), ...text, ...p.amounts] : []))
  }
  return { ok: true, cells }
}
