import type { Catalogue } from '../budget/catalogue'
import type { Finding } from '../budget/findings'
import type { AmountUnit } from '../budget/money'
import type { FixtureTable } from '../budget/table'
import type { TableKey, Template } from '../budget/template'
import { fillYear } from '../budget/template'
import type { RawCell, RawWorkbook } from './grid'
import { cellText } from './grid'
import type { Located } from './locate-tables'
import { isLanciRow, locateTables, matchTitle, templateScore } from './locate-tables'
import { yearInTitle } from './meta'
import { codesFromNames } from './names-to-codes'
import { readCell } from './read-values'
import { address, cleanText, columnLetter, textKey } from './text'
import type { Vocabulary } from './vocabulary'
import { mergeVocabulary } from './vocabulary'
import type { ParsedExtra } from './extra-tables'
import { hasExtraTitle, readExtraTables } from './extra-tables'

/** Where each printed cell of a parsed table came from, so findings can name the sheet and the A1 cell. */
export type TableLocation = { sheet: string; titleCell: string; rows: number[]; cols: string[]; noteCell?: string }
/**
 * How a table was understood, for the import preview: every printed header column with the concept
 * it was read as (null: not understood), and the concepts the table may have (to reassign a column).
 */
export type TableReading = {
  columns: { cell: string; header: string; concept: string | null; label: string | null }[]
  concepts: { id: string; label: string }[]
}
export type ParsedTable = { table: FixtureTable; loc: TableLocation; unreadable?: boolean; reading?: TableReading }
export type WorkbookMeta = {
  department: { code: string | null; name: string | null }
  /** The budget year: the caller's override, else what the workbook states. */
  year: number | null
  /** The year the workbook itself states. */
  statedYear: number | null
  unit: AmountUnit
  at: { sheet: string; department?: string; year?: string; unit?: string } | null
}
export type ParsedWorkbook = {
  template: Template
  meta: WorkbookMeta
  /** In template order. */
  tables: ParsedTable[]
  /** Problems of reading (cells that are not amounts, formulas without values, unknown columns …), located. */
  findings: Finding[]
  /** Tables beyond the template's (项目支出表, 政府采购预算表 …), kept as printed. */
  extras: ParsedExtra[]
  /** Each sheet with the template tables and the tables beyond the template (their titles) read from it. */
  sheets: { name: string; tables: TableKey[]; extras: string[] }[]
}

/**
 * `vocabulary`: header words for this reading only (a user's correction in the import preview: the
 * header "财政资金" means the concept `fiscal`), added to the template's and the shipped ones.
 * `catalogue`: the year's classification, to find the codes of a tree table printed with names only.
 */
export type ParseOptions = { year?: number; candidates: Template[]; vocabulary?: Vocabulary; catalogue?: Catalogue }

function majority<T>(values: (T | undefined)[]): T | undefined {
  const counts = new Map<T, number>()
  for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1)
  let best: T | undefined
  let n = 0
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c]
  return best
}

const yearOfTemplate = (t: Template) => Number(/(\d{4})$/.exec(t.id)?.[1] ?? 0)

/** The template made for the year first, then the latest one before it, then the rest (stable). */
export function preferYear(candidates: Template[], year: number): Template[] {
  const rank = (t: Template) => {
    const y = yearOfTemplate(t)
    return y === year ? 0 : y && y < year ? 1 + (year - y) : 1000 + Math.abs(y - year)
  }
  return [...candidates].sort((a, b) => rank(a) - rank(b))
}

/** Picks the template whose titles the workbook prints; ties go to the first candidate (the caller's preference). */
export function chooseTemplate(raw: RawWorkbook, candidates: Template[]): Template {
  let best = candidates[0]!
  let bestScore = -1
  for (const t of candidates) {
    const s = templateScore(raw.sheets, t)
    if (s > bestScore) [best, bestScore] = [t, s]
  }
  return best
}

/** Year, department and unit as the workbook states them (before any override). */
export function readWorkbookMeta(raw: RawWorkbook, template: Template): Omit<WorkbookMeta, 'unit' | 'statedYear'> & { unit: AmountUnit | null } {
  const { located } = locateTables(raw.sheets, template, new Date().getFullYear())
  return aggregateMeta(located)
}

function aggregateMeta(located: Located[]): Omit<WorkbookMeta, 'unit' | 'statedYear'> & { unit: AmountUnit | null } {
  const metas = located.map((l) => ({ l, m: l.meta }))
  const titleYears = located.map((l) => (l.titleRow === null ? undefined : yearInTitle(cellText(l.sheet.rows[l.titleRow]?.[l.titleCol - 1]))))
  const code = majority(metas.map((x) => x.m.departmentCode))
  // the name printed beside the code, else on a sheet that prints the name alone ("单位名称：…" with no code)
  const name = majority(metas.filter((x) => !code || x.m.departmentCode === code).map((x) => x.m.departmentName)) ?? majority(metas.filter((x) => !x.m.departmentCode).map((x) => x.m.departmentName))
  const year = majority(metas.map((x) => x.m.year)) ?? majority(titleYears) ?? null
  const unit = majority(metas.map((x) => x.m.unit)) ?? null
  const src = metas.find((x) => x.m.at.department) ?? metas[0]
  const at = src ? { sheet: src.l.sheet.name, ...src.m.at } : null
  return { department: { code: code ?? null, name: name ?? null }, year, unit, at }
}

/** A column label's own unit ("价值（金额单位：万元）") wins over the sheet's unit line. */
function columnUnit(label: string, sheetUnit: AmountUnit): AmountUnit {
  const m = /单位[:：]\s*(万元|元)|[（(](万元|元)[)）]$/.exec(label)
  return ((m?.[1] ?? m?.[2]) as AmountUnit | undefined) ?? sheetUnit
}

const NOTE_RE = /^(注|说明|备注)\s*[:：]/
const UNIT_LINE_RE = /单位[:：]\s*(万元|元)\s*$/
const SPLIT_CODE_RE = /^(\d{3}|\d{5}|\d{7})[\s\u3000]*([^\d\s].*)$/

function parseLocated(l: Located, unit: AmountUnit, year: number, template: Template, catalogue?: Catalogue): { parsed: ParsedTable; findings: Finding[] } {
  const findings: Finding[] = [...l.findings]
  const isTree = l.tt.kind === 'function_tree' || l.tt.kind === 'economic_tree'
  // a tree table keeps both its code and name columns when either is printed (code and name may share a cell)
  const treeId = (c: Located['columns'][number]) => isTree && (c.info.kind === 'code' || c.info.kind === 'name') && l.columns.some((x) => (x.info.kind === 'code' || x.info.kind === 'name') && x.col !== null)
  const cols = l.columns.filter((c) => c.col !== null || treeId(c))
  // the table as printed: its own title when it has one
  const printedTitle = l.titleRow === null ? '' : cleanText(cellText(l.sheet.rows[l.titleRow]?.[l.titleCol - 1]))
  const title = printedTitle || fillYear(l.tt.title, year)
  const partCols = l.codeParts.map((p) => p.col)
  const context: string[] = []
  const headerTexts = l.headerRows.map((r) => [...new Set(rowTexts(l.sheet.rows[r] ?? []))].join('|'))
  const rows: FixtureTable['rows'] = []
  const rowNums: number[] = []
  const notes: string[] = []
  let noteCell: string | undefined
  const formulaCells: string[] = []
  // a tree table printed with names only (no code column): codes from the catalogue by name (names-to-codes.ts)
  const codeCol = cols.find((c) => c.info.kind === 'code')
  const nameCol = cols.find((c) => c.info.kind === 'name')
  const namesOnly = isTree && !partCols.length && !!codeCol && codeCol.col === null && nameCol?.col != null
  const rawNames: string[] = []
  for (let r = l.dataStart; r < l.end; r++) {
    const cells = l.sheet.rows[r] ?? []
    const ts = [...new Set(rowTexts(cells))]
    if (ts.length === 0 && cols.every((c) => c.col === null || !hasValue(cells[c.col - 1]))) continue
    const first = ts[0] ?? ''
    if (NOTE_RE.test(first) && ts.length === 1) {
      notes.push(first)
      noteCell ??= address(r + 1, cells.findIndex((c) => cleanText(cellText(c)) === first) + 1)
      continue
    }
    // page-break repeats: the title, the unit line, the header rows, the 栏次 row
    const numeric = cells.some((c) => typeof c?.v === 'number')
    if (!numeric && ts.length <= 3 && ts.some((t) => matchTitle(t, template)?.key === l.key)) continue
    if (ts.some((t) => UNIT_LINE_RE.test(t))) continue
    if (headerTexts.includes(ts.join('|')) || isLanciRow(cells) || (l.seqCol !== null && ['序号', '栏次'].includes(textKey(cellText(cells[l.seqCol - 1]))))) continue
    if (cols.every((c) => c.col === null || !hasValue(cells[c.col - 1]))) continue
    const out: (string | number | null)[] = []
    const rowIndex = rows.length
    const label = rowLabelOf(cells, cols)
    cols.forEach((c, ci) => {
      if (c.col === null) {
        out.push(null)
        return
      }
      const a = address(r + 1, c.col)
      if (c.info.kind === 'code' && partCols.length) {
        out.push(joinCodeParts(partCols.map((pc) => cellText(cells[pc - 1])), context))
        return
      }
      const where = `工作表「${l.sheet.name}」${a}（「${label}」行「${c.label.split('|')[0]!.split('/').pop()}」列）`
      // a column stating its own unit (价值（金额单位：万元）) keeps it: its header says what its figures are
      const cu = columnUnit(c.label, unit)
      const res = readCell(cells[c.col - 1], c.info.kind, cu, where, cu)
      if (res.formula) formulaCells.push(a)
      if (res.problem) findings.push({ ...res.problem, table: l.key, sheet: l.sheet.name, cell: a, row: rowIndex, col: ci, rowLabel: label, column: c.label || c.info.label })
      out.push(res.value)
    })
    if (isTree) fixTreeRow(out, cols, partCols.length ? null : context)
    if (namesOnly) rawNames.push(cellText(cells[nameCol!.col! - 1]))
    rows.push(out)
    rowNums.push(r + 1)
  }
  if (formulaCells.length) {
    findings.push({
      rule: 'exchange.formula',
      severity: 'warning',
      table: l.key,
      sheet: l.sheet.name,
      cell: formulaCells[0]!,
      message: `工作表「${l.sheet.name}」有 ${formulaCells.length} 个单元格是公式（${formulaCells.slice(0, 5).join('、')}${formulaCells.length > 5 ? ' 等' : ''}），已按文件中保存的计算结果读取`,
    })
  }
  // the unit as printed; 万元, the format's default, is left implicit (../fixtures/README.md)
  const table: FixtureTable = { key: l.key, title, columns: cols.map((c) => c.info.label), rows, ...(unit !== '万元' ? { amountUnit: unit } : {}) }
  if (partCols.length) table.codeParts = l.codeParts.map((p) => p.label)
  if (notes.length) table.note = notes.join('\n')
  // header columns not understood: with figures under them the table's sums cannot be trusted
  const unknownWithFigures = l.unknown.filter((u) => rowNums.some((rn) => typeof l.sheet.rows[rn - 1]?.[u.col - 1]?.v === 'number' || /^[\d,，.]+$/.test(cleanText(cellText(l.sheet.rows[rn - 1]?.[u.col - 1])))))
  const unreadable = unknownWithFigures.length > 0 || (isTree && !cols.some((c) => c.info.kind === 'amount' && c.col !== null))
  for (const u of l.unknown.filter((x) => !unknownWithFigures.includes(x))) {
    findings.push({ rule: 'exchange.column_unknown', severity: 'warning', table: l.key, sheet: l.sheet.name, cell: u.cell, column: u.label, message: `「${title}」${u.cell} 的列“${u.label}”不是该表的列，其下没有金额，已忽略该列` })
  }
  const loc: TableLocation = { sheet: l.sheet.name, titleCell: address((l.titleRow ?? 0) + 1, l.titleCol), rows: rowNums, cols: cols.map((c) => (c.col === null ? columnLetter(l.columns.find((x) => x.info.kind === 'name')!.col!) : columnLetter(c.col))) }
  if (noteCell) loc.noteCell = noteCell
  const headerRow = (l.headerRows[l.headerRows.length - 1] ?? 0) + 1
  const reading: TableReading = {
    columns: [
      ...l.columns.filter((c) => c.col !== null).map((c) => ({ col: c.col!, header: c.label.split('|').join('、'), concept: c.info.id, label: c.info.label })),
      ...l.unknown.map((u) => ({ col: u.col, header: u.label, concept: null, label: null })),
    ]
      .sort((a, b) => a.col - b.col)
      .map(({ col, ...rest }) => ({ cell: address(headerRow, col), ...rest })),
    concepts: l.columns.filter((c) => c.info.kind === 'amount' || c.info.kind === 'code' || c.info.kind === 'name').map((c) => ({ id: c.info.id, label: c.info.label })),
  }
  if (namesOnly && !unreadable) {
    const ci = cols.indexOf(codeCol!)
    const ni = cols.indexOf(nameCol!)
    const nameRows = rows.map((row, i) => {
      const name = typeof row[ni] === 'string' ? cleanText(row[ni]) : ''
      return { raw: rawNames[i] ?? '', name, total: /^(合\s*计|总\s*计|.*(支出|收入)?合计)$/.test(name) }
    })
    const { codes, unresolved } = codesFromNames(nameRows, catalogue, l.tt.kind === 'function_tree' ? 'function' : 'economic')
    if (unresolved !== null) {
      const a = address(rowNums[unresolved]!, nameCol!.col!)
      // one structural finding, never a guessed code and no arithmetic on one
      return { parsed: { table, loc, unreadable: true, reading }, findings: [{ rule: 'exchange.code_unresolved', severity: 'error', table: l.key, sheet: l.sheet.name, cell: a, row: unresolved, rowLabel: nameRows[unresolved]!.name, message: `无法确定「${title}」表第${rowNums[unresolved]}行「${nameRows[unresolved]!.name}」的科目编码（工作表「${l.sheet.name}」${a}）：该表没有科目编码列，名称在${catalogue ? '本年度科目中找不到或对应多个科目' : '没有本年度科目时无法对应'}。请补上科目编码列后重新上传` }] }
    }
    rows.forEach((row, i) => {
      if (codes[i]) row[ci] = codes[i]!
    })
  }
  if (unreadable) {
    const cellsNamed = (unknownWithFigures.length ? unknownWithFigures : l.unknown).map((u) => `${u.cell}“${u.label}”`)
    const what = cellsNamed.length ? cellsNamed.join('、') : `没有可识别的金额列（表头 ${l.headerRows.map((r) => r + 1).join('、')} 行）`
    // one structural finding, and no arithmetic on a guess (the table is left out of validation)
    return { parsed: { table, loc, unreadable: true, reading }, findings: [{ rule: 'exchange.columns_unrecognised', severity: 'error', table: l.key, sheet: l.sheet.name, cell: cellsNamed.length ? (unknownWithFigures[0] ?? l.unknown[0])!.cell : loc.titleCell, message: `无法识别「${title}」表的列：${what}。请在导入预览中为这些列指定含义，或修改表头后重新上传` }] }
  }
  return { parsed: { table, loc, reading }, findings }
}

const hasValue = (c: RawCell | undefined) => !!c && (c.v !== null && c.v !== '' ? true : !!c.formula || !!c.error)
const rowTexts = (cells: (RawCell | undefined)[]) => cells.map((c) => (typeof c?.v === 'string' ? cleanText(c.v) : '')).filter(Boolean)

function rowLabelOf(cells: (RawCell | undefined)[], cols: Located['columns']): string {
  const parts: string[] = []
  for (const c of cols) {
    if (c.col === null || (c.info.kind !== 'code' && c.info.kind !== 'name' && c.info.kind !== 'label' && c.info.kind !== 'text')) continue
    const t = cleanText(cellText(cells[c.col - 1]))
    if (t) parts.push(t)
    if (parts.length === 2 || (parts.length === 1 && c.info.kind !== 'code')) break
  }
  return parts.join(' ') || '（无名称）'
}

/**
 * A code printed over 类 / 款 / 项 columns: "207" "01" "01" → "2070101". A 款 or 项 row may print only
 * its own two digits: the 类 and 款 above it complete it (`context`: the last 类, 款 seen).
 */
function joinCodeParts(parts: string[], context: string[]): string | null {
  const ps = parts.map((p) => cleanText(p))
  if (ps.every((p) => p === '')) return null
  if (!ps.every((p) => p === '' || /^\d+$/.test(p))) return ps.find((p) => p !== '') ?? null
  const out: string[] = []
  const last = ps.reduce((a, p, i) => (p ? i : a), -1)
  for (let i = 0; i <= last; i++) {
    const p = ps[i] || context[i] || ''
    out.push(p)
    context[i] = p
  }
  context.length = last + 1
  return out.join('')
}

/**
 * "合计" written in the code column, or "2080109 社会保险经办机构" in one cell: put each part in its column.
 * A code printed with only its own digits (a 款 row "05" under "208") is completed from the rows above.
 */
function fixTreeRow(out: (string | number | null)[], cols: Located['columns'], context: string[] | null): void {
  const ci = cols.findIndex((c) => c.info.kind === 'code')
  const ni = cols.findIndex((c) => c.info.kind === 'name')
  if (ci < 0 || ni < 0) return
  const code = out[ci]
  const name = out[ni]
  // a 合计 printed across the code and name cells (merged): one label, no code
  if (typeof code === 'string' && !/^\d+$/.test(code) && code === name) out[ci] = null
  else if (typeof code === 'string' && !/^\d+$/.test(code) && name === null) {
    const m = SPLIT_CODE_RE.exec(code)
    if (m) [out[ci], out[ni]] = [m[1]!, m[2]!]
    else [out[ci], out[ni]] = [null, code]
  } else if (code === null && typeof name === 'string') {
    const m = SPLIT_CODE_RE.exec(name)
    if (m) [out[ci], out[ni]] = [m[1]!, m[2]!]
  }
  const c = out[ci]
  if (context && typeof c === 'string' && /^\d+$/.test(c)) {
    if (c.length === 2 && context.length > 0) {
      // the parent is the nearest code above one level shorter
      const parent = [...context].reverse().find((p) => p.length >= 3 && (p.length - 3) % 2 === 0 && p.length < 7)
      if (parent) out[ci] = parent + c
    }
    const full = out[ci] as string
    const lvl = full.length <= 3 ? 0 : Math.ceil((full.length - 3) / 2)
    context.length = lvl
    context[lvl] = full
  }
}

/**
 * Reads a workbook's tables in the fixture format with the location of every cell. Structure
 * problems and unreadable cells become findings; validation of the numbers is the kernel's (report.ts).
 */
export function parseWorkbook(raw: RawWorkbook, opts: ParseOptions): ParsedWorkbook {
  const year0 = opts.year ?? aggregateMeta(locateTables(raw.sheets, opts.candidates[0]!, new Date().getFullYear()).located).year
  const template = chooseTemplate(raw, year0 ? preferYear(opts.candidates, year0) : opts.candidates)
  const provisional = locateTables(raw.sheets, template, opts.year ?? new Date().getFullYear(), opts.vocabulary)
  const meta0 = aggregateMeta(provisional.located)
  const year = opts.year ?? meta0.year ?? new Date().getFullYear()
  const again = opts.year || meta0.year ? locateTables(raw.sheets, template, year, opts.vocabulary) : provisional
  // a sheet titled as a table beyond the template (项目支出表 …) is not taken for a template table by its header alone
  const located = again.located.filter((l) => !(l.titleRow === null && hasExtraTitle(l.sheet)))
  const locFindings = again.findings
  const findings: Finding[] = [...locFindings]
  if (!meta0.unit && located.length) {
    findings.push({ rule: 'exchange.unit_missing', severity: 'warning', sheet: located[0]!.sheet.name, message: '工作簿中没有“单位：万元”或“单位：元”的说明行，金额按万元读取' })
  }
  const sheetUnit = (l: Located): AmountUnit => l.meta.unit ?? meta0.unit ?? '万元'
  for (const l of located) {
    const m = l.meta
    if (meta0.department.code && m.departmentCode && m.departmentCode !== meta0.department.code) {
      findings.push({ rule: 'exchange.meta_mismatch', severity: 'warning', table: l.key, sheet: l.sheet.name, cell: m.at.department!, message: `工作表「${l.sheet.name}」${m.at.department} 的部门“${m.departmentCode} ${m.departmentName ?? ''}”与其他表的“${meta0.department.code}”不同` })
    }
    if (meta0.year && m.year && m.year !== meta0.year) {
      findings.push({ rule: 'exchange.meta_mismatch', severity: 'warning', table: l.key, sheet: l.sheet.name, cell: m.at.year!, message: `工作表「${l.sheet.name}」${m.at.year} 的预算年度 ${m.year} 与其他表的 ${meta0.year} 不同` })
    }
  }
  const tables: ParsedTable[] = []
  for (const key of template.tables.map((t) => t.key)) {
    const l = located.find((x) => x.key === key)
    if (!l) continue
    const { parsed, findings: f } = parseLocated(l, sheetUnit(l), year, template, opts.catalogue)
    tables.push(parsed)
    findings.push(...f)
  }
  // the tables beyond the template, on the sheets that hold none of its tables: kept as printed (extra-tables.ts)
  const extras = readExtraTables(raw.sheets.filter((s) => !located.some((l) => l.sheet === s)), template.family, mergeVocabulary(template.vocabulary, opts.vocabulary))
  const sheets = raw.sheets.map((s) => ({ name: s.name, tables: located.filter((l) => l.sheet === s).map((l) => l.key), extras: extras.filter((e) => e.loc.sheet === s.name).map((e) => e.table.title) }))
  return { template, meta: { department: meta0.department, year: opts.year ?? meta0.year, statedYear: meta0.year, unit: meta0.unit ?? '万元', at: meta0.at }, tables, extras, findings, sheets }
}

/** A reading without the year's catalogue that left a names-only tree table without its codes: read again with it. */
export function needsCatalogue(parsed: ParsedWorkbook): boolean {
  return parsed.findings.some((f) => f.rule === 'exchange.code_unresolved')
}
