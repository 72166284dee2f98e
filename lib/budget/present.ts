import { normaliseName } from './catalogue'
import type { Finding } from './findings'
import { cellToNumber } from './money'
import type { BudgetTable, Cell, FixtureTable, Presentation } from './table'
import type { TableTemplate, Template, ThreePublicTable } from './template'
import { templateTable } from './template'

/**
 * Tables printed across (docs/decisions/010-table-orientation.md). The kernel holds every table the
 * same way — the 三公 table one row per item, one column per fund — and its rules, the notes and the
 * comparisons find the items by row id. A template may print the 三公 table horizontally (Henan,
 * Shanghai): one row per fund column, the items as columns under a header grouped by the rows' sumOf
 * (公务用车购置及运行费 over 小计 / 公务用车购置费 / 公务用车运行费). This module turns a table at the
 * presentation edges only: into the fixture format (toFixtureTable), back from it (tablesFromFixture),
 * and the cell a finding points at.
 */

/** Labels compared as printed: blanks, bracket widths and quotation marks do not matter. */
const labelKey = (s: string): string => normaliseName(s).replace(/[“”"'‘’「」『』]/g, '')

/** "一、因公出国（境）费", "1.因公出国（境）费", "其中：公务用车购置费" → the item's name as a column header. */
export function columnLabelOf(rowLabel: string): string {
  const s = rowLabel
    .trim()
    .replace(/^其中[:：]\s*/, '')
    .replace(/^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d))\s*/, '')
    .replace(/^其中[:：]\s*/, '')
  // "/" separates the levels of a header
  return (s || rowLabel.trim()).replaceAll('/', '／')
}

/** One printed item column of a horizontal 三公 table: its header ("组/列") and the row it shows. */
export type AcrossColumn = { label: string; row: string }

/**
 * The item columns of a horizontal 三公 table, from the template rows' sumOf tree: a row that sums
 * others and is itself summed into another is a group — its own column (小计) and its parts under one
 * header; a row that sums others and is part of none (the 合计) is one column with its parts beside it.
 * Rows in the tree's order (a group's parts right after its 小计); rows outside any sum where the
 * template puts them.
 */
export function acrossColumns(tt: ThreePublicTable): AcrossColumn[] {
  const byId = new Map(tt.rows.map((r) => [r.id, r]))
  const isPart = new Set(tt.rows.flatMap((r) => r.sumOf ?? []))
  const subtotal = tt.subtotalLabel ?? '小计'
  const out: AcrossColumn[] = []
  const seen = new Set<string>()
  const visit = (id: string, path: string[], nested: boolean) => {
    const r = byId.get(id)
    if (!r || seen.has(id)) return
    seen.add(id)
    const parts = (r.sumOf ?? []).filter((p) => byId.has(p) && !seen.has(p))
    const name = columnLabelOf(r.label)
    if (parts.length && nested) {
      out.push({ label: [...path, name, subtotal].join('/'), row: r.id })
      for (const p of parts) visit(p, [...path, name], true)
    } else {
      out.push({ label: [...path, name].join('/'), row: r.id })
      for (const p of parts) visit(p, path, true)
    }
  }
  for (const r of tt.rows) if (!isPart.has(r.id)) visit(r.id, [], false)
  // rows only reachable through a cycle of sums (the schema does not forbid one): printed plainly
  for (const r of tt.rows) visit(r.id, [], false)
  const g = tt.acrossGroup
  if (g) return out.map((c) => (g.rows.includes(c.row) ? { ...c, label: `${g.label}/${c.label}` } : c))
  return out
}

/** How a table of the template is printed when not as the kernel holds it; undefined: as held. */
export function presentationFor(tt: TableTemplate | undefined): Presentation | undefined {
  if (tt?.kind !== 'three_public' || tt.orientation !== 'horizontal') return undefined
  return { orientation: 'horizontal', columns: acrossColumns(tt), ...(tt.acrossLabelColumn === false ? { labelColumn: false as const } : {}) }
}

/** The tables with the template's presentation attached (tables printed as held are returned as they are). */
export function withPresentation(tables: BudgetTable[], template: Template): BudgetTable[] {
  return tables.map((t) => {
    const p = presentationFor(templateTable(template, t.key))
    return p ? { ...t, presentation: p } : t
  })
}

/**
 * A table printed across in terms of the table as held: each printed column's row (null: the label
 * column, or a column the table does not hold) and each printed row's column (-1: none), with the
 * labels they are printed under.
 */
export type PrintedGrid = { columns: { label: string; row: number | null }[]; rows: { label: string; col: number }[] }
type Layout = PrintedGrid

/**
 * The grid a table with a presentation is printed in (toFixtureTable). Rows the template does not
 * know (read from a workbook) are printed after the template's, under their own label.
 */
function layoutOf(t: BudgetTable): Layout | null {
  const p = t.presentation
  if (!p) return null
  const labelCol = Math.max(0, t.columns.findIndex((c) => c.kind === 'label'))
  const rowOf = new Map<string, number>()
  t.meta.forEach((m, r) => {
    if (m.kind !== 'pair' && !rowOf.has(m.id)) rowOf.set(m.id, r)
  })
  const used = new Set<number>()
  const columns: Layout['columns'] = p.labelColumn === false ? [] : [{ label: t.columns[labelCol]?.label ?? '项目', row: null }]
  for (const c of p.columns) {
    const r = rowOf.get(c.row)
    if (r === undefined || used.has(r)) continue
    used.add(r)
    columns.push({ label: c.label, row: r })
  }
  t.rows.forEach((row, r) => {
    if (!used.has(r)) columns.push({ label: columnLabelOf(String(row[labelCol] ?? `第${r + 1}行`)), row: r })
  })
  const rows = t.columns.flatMap((c, i) => (c.kind === 'amount' ? [{ label: c.label.split('/').pop()!, col: i }] : []))
  return { columns, rows }
}

/** A table in the fixture format as printed: turned across when its presentation says so. */
export function presentTable(t: BudgetTable): FixtureTable | null {
  const l = layoutOf(t)
  if (!l) return null
  const amount = (v: Cell | undefined): Cell => (typeof v === 'number' ? cellToNumber(v) : (v ?? null))
  const out: FixtureTable = {
    key: t.key,
    title: t.title,
    columns: l.columns.map((c) => c.label),
    rows: l.rows.map((pr) => l.columns.map((pc) => (pc.row === null ? pr.label : amount(t.rows[pc.row]?.[pr.col])))),
  }
  if (t.note) out.note = t.note
  return out
}

/**
 * Where a cell of the table as held is printed: (row, col) of the fixture format. A cell of the
 * label column is printed as its item's header, so it maps to the item's column in the first row.
 * null: the row is not printed.
 */
export function presentedCell(t: BudgetTable, row: number, col: number | undefined): { row: number | undefined; col: number | undefined } | null {
  const l = layoutOf(t)
  if (!l) return { row, col }
  const pc = l.columns.findIndex((c) => c.row === row)
  if (pc < 0) return null
  if (col === undefined) return { row: undefined, col: pc }
  const pr = l.rows.findIndex((r) => r.col === col)
  return { row: pr < 0 ? 0 : pr, col: pc }
}

/**
 * Findings moved to the cells as printed (a Finding's row and col are fixture-format positions): for
 * tables printed across (toFixtureTable), row and col are turned, and rowLabel / column and the cell
 * the message names (「row」行「col」列) are the printed row and column. Everything else is returned as it is.
 */
export function presentFindings(findings: Finding[], tables: BudgetTable[]): Finding[] {
  const grids = new Map<string, PrintedGrid>()
  for (const t of tables) {
    const l = layoutOf(t)
    if (l) grids.set(t.key, l)
  }
  return findingsAsPrinted(findings, grids)
}

/**
 * Findings on the tables as held moved to the cells of the grids they were printed in, by table key
 * (a table read back from a printed one: the grid `tablesFromFixture` found it in). Findings on other
 * tables, and findings without a row, are returned as they are.
 */
export function findingsAsPrinted(findings: Finding[], grids: ReadonlyMap<string, PrintedGrid>): Finding[] {
  if (grids.size === 0) return findings
  return findings.map((f) => {
    const l = f.table ? grids.get(f.table) : undefined
    if (!l || f.row === undefined) return f
    const { row: _r, col: _c, ...rest } = f
    const pc = l.columns.findIndex((c) => c.row === f.row)
    if (pc < 0) return rest
    const column = l.columns[pc]!.label
    const out: Finding = { ...rest, col: pc }
    if (f.column !== undefined) out.column = column
    if (f.col !== undefined) {
      const pr = Math.max(0, l.rows.findIndex((r) => r.col === f.col))
      out.row = pr
      const printedRow = l.rows[pr]?.label
      if (printedRow !== undefined) {
        if (f.rowLabel !== undefined) out.rowLabel = printedRow
        // the message names the cell as the kernel holds it (validate-tables describeCell / reportSum)
        if (f.rowLabel !== undefined && f.column !== undefined) {
          const held = `「${f.rowLabel}」行「${f.column}」列`
          if (f.message.includes(held)) out.message = f.message.replace(held, () => `「${printedRow}」行「${column}」列`)
        }
      }
    }
    return out
  })
}

/**
 * Reads a horizontal printed 三公 table (fixture format) back into the vertical one the kernel reads:
 * the template's row labels down the side, one column per fund column. `null` when `ft` is not printed
 * across (more of its columns are the template's fund columns than its item columns), so a vertical
 * table of the same template is read as before. Findings point at the vertical table, as every
 * finding of the kernel does; an item column the template lacks has no place there and is named only.
 * `grid` says where each cell of the vertical table is printed in `ft` (findingsAsPrinted).
 */
export function readAcross(ft: FixtureTable, tt: ThreePublicTable): { table: FixtureTable; findings: Finding[]; grid: PrintedGrid } | null {
  const across = acrossColumns(tt)
  const fullKey = new Map(across.map((c) => [labelKey(c.label), c.row]))
  const leafCount = new Map<string, number>()
  for (const c of across) leafCount.set(labelKey(c.label.split('/').pop()!), (leafCount.get(labelKey(c.label.split('/').pop()!)) ?? 0) + 1)
  const leafKey = new Map(across.filter((c) => leafCount.get(labelKey(c.label.split('/').pop()!)) === 1).map((c) => [labelKey(c.label.split('/').pop()!), c.row]))
  const fundKey = (s: string) => {
    const k = labelKey(s)
    const leaf = labelKey(s.split('/').pop()!)
    return tt.fundColumns.findIndex((f) => labelKey(f.label) === k || labelKey(f.label.split('/').pop()!) === leaf)
  }
  const colRow = ft.columns.map((label) => fullKey.get(labelKey(label)) ?? leafKey.get(labelKey(label.split('/').pop()!)) ?? null)
  const itemCols = colRow.filter((r) => r !== null).length
  const fundCols = ft.columns.filter((c) => fundKey(c) >= 0).length
  if (itemCols === 0 || itemCols <= fundCols) return null

  const findings: Finding[] = []
  let labelCol = ft.columns.findIndex((c, i) => colRow[i] === null && labelKey(c) === labelKey(tt.labelColumn))
  if (labelCol < 0 && colRow[0] === null && ft.rows.every((r) => r[0] === null || typeof r[0] === 'string')) labelCol = 0
  ft.columns.forEach((label, i) => {
    if (i !== labelCol && colRow[i] === null) findings.push({ rule: 'table.column_unknown', severity: 'warning', table: tt.key, column: label, message: `${ft.title}的列“${label}”不是模板中的项目，已忽略` })
  })
  const seenRow = new Set<string>()
  colRow.forEach((r, i) => {
    if (r === null) return
    if (seenRow.has(r)) {
      findings.push({ rule: 'table.column_unknown', severity: 'warning', table: tt.key, column: ft.columns[i]!, message: `${ft.title}的列“${ft.columns[i]!}”重复，已按第一次出现的读取` })
      colRow[i] = null
    }
    seenRow.add(r)
  })

  // each printed row is one fund column: by its label, else by its position
  const fundOfRow: (number | null)[] = []
  const usedFund = new Set<number>()
  ft.rows.forEach((row, i) => {
    const text = labelCol >= 0 && typeof row[labelCol] === 'string' ? (row[labelCol] as string) : ''
    let f = text ? fundKey(text) : -1
    if (f >= 0 && usedFund.has(f)) f = -1
    if (f < 0 && i < tt.fundColumns.length && !usedFund.has(i)) {
      f = i
      if (text) findings.push({ rule: 'table.row_unknown', severity: 'warning', table: tt.key, rowLabel: text, message: `${ft.title}第 ${i + 1} 行“${text}”不是模板中的资金列，按位置视为“${tt.fundColumns[i]!.label}”` })
    }
    if (f < 0) {
      findings.push({ rule: 'table.row_unknown', severity: 'warning', table: tt.key, rowLabel: text, message: `${ft.title}第 ${i + 1} 行“${text || '（无名称）'}”不是模板中的资金列，已忽略` })
      fundOfRow.push(null)
      return
    }
    usedFund.add(f)
    fundOfRow.push(f)
  })

  const funds = tt.fundColumns.map((_, j) => j).filter((j) => usedFund.has(j))
  const printedRow = (f: number) => fundOfRow.indexOf(f)
  const colOf = new Map(colRow.flatMap((r, i) => (r === null ? [] : [[r, i] as const])))
  const rows: FixtureTable['rows'] = []
  const heldRow = new Map<string, number>()
  for (const tr of tt.rows) {
    const c = colOf.get(tr.id)
    if (c === undefined) continue
    const r = rows.length
    heldRow.set(tr.id, r)
    rows.push([
      tr.label,
      ...funds.map((f, j): Cell => {
        const v = ft.rows[printedRow(f)]?.[c] ?? null
        if (v === null || typeof v === 'number') return v
        findings.push({ rule: 'amount.not_number', severity: 'error', table: tt.key, row: r, col: j + 1, rowLabel: tr.label, column: tt.fundColumns[f]!.label, message: `${ft.title}第 ${printedRow(f) + 1} 行“${ft.columns[c]!}”应为金额，实为“${String(v)}”` })
        return null
      }),
    ])
  }
  const table: FixtureTable = { key: ft.key, title: ft.title, columns: [tt.labelColumn, ...funds.map((f) => tt.fundColumns[f]!.label)], rows }
  if (ft.note) table.note = ft.note
  const grid: PrintedGrid = {
    columns: ft.columns.map((label, i) => ({ label, row: colRow[i] == null ? null : (heldRow.get(colRow[i]!) ?? null) })),
    rows: ft.rows.map((row, i) => {
      const f = fundOfRow[i] ?? null
      const text = labelCol >= 0 && typeof row[labelCol] === 'string' ? (row[labelCol] as string).trim() : ''
      return { label: text || (f === null ? `第${i + 1}行` : tt.fundColumns[f]!.label.split('/').pop()!), col: f === null ? -1 : funds.indexOf(f) + 1 }
    }),
  }
  return { table, findings, grid }
}
