import { acrossColumns } from './present'
import type { Template } from './template'

/** One label an admin may rename: where it sits in the template, what it reads now, and what it is. */
export type EditableLabel = { path: string; value: string; what: string }

const KIND_ROWS: Record<string, string[]> = {
  income_expenditure_summary: ['incomeRows', 'expenditureRows'],
  fiscal_summary: ['incomeRows', 'expenditureRows', 'carryRows'],
  three_public: ['rows'],
  fixed_assets: ['rows'],
}

/** Every printed label of a template (titles, headers, fixed rows, totals, notes), in table order; 部门支出分单位 last. */
export function editableLabels(t: Template): { table: string; labels: EditableLabel[] }[] {
  const tables = t.unitBreakdown ? [...t.tables.map((tb, i) => ({ tb, base: `tables.${i}` })), { tb: t.unitBreakdown, base: 'unitBreakdown' }] : t.tables.map((tb, i) => ({ tb, base: `tables.${i}` }))
  return tables.map(({ tb, base }) => {
    const out: EditableLabel[] = [{ path: `${base}.title`, value: tb.title, what: '表名' }]
    const cols = (tb as { columns?: unknown }).columns
    if (Array.isArray(cols)) {
      cols.forEach((c: unknown, j) => {
        if (typeof c === 'string') out.push({ path: `${base}.columns.${j}`, value: c, what: '列标题' })
        else if (c && typeof c === 'object' && 'label' in c) out.push({ path: `${base}.columns.${j}.label`, value: String((c as { label: string }).label), what: '列标题' })
      })
    }
    if ('expenditureColumns' in tb) tb.expenditureColumns.forEach((c, j) => out.push({ path: `${base}.expenditureColumns.${j}.label`, value: c.label, what: '列标题' }))
    if ('fundColumns' in tb) tb.fundColumns.forEach((c, j) => out.push({ path: `${base}.fundColumns.${j}.label`, value: c.label, what: '列标题' }))
    if ('labelColumn' in tb) out.push({ path: `${base}.labelColumn`, value: tb.labelColumn, what: '列标题' })
    for (const list of KIND_ROWS[tb.kind] ?? []) {
      const rows = (tb as unknown as Record<string, { label: string }[]>)[list] ?? []
      rows.forEach((r, j) => out.push({ path: `${base}.${list}.${j}.label`, value: r.label, what: '行' }))
    }
    // a 三公 table printed across: the header of a group's own column (公务用车购置及运行费 / 小计, ADR 010)
    if (tb.kind === 'three_public' && tb.orientation === 'horizontal') {
      const subtotal = tb.subtotalLabel ?? '小计'
      if (acrossColumns(tb).some((c) => c.label.endsWith(`/${subtotal}`))) out.push({ path: `${base}.subtotalLabel`, value: subtotal, what: '小计列' })
    }
    if ('labels' in tb) for (const [k, v] of Object.entries(tb.labels)) out.push({ path: `${base}.labels.${k}`, value: v, what: '合计行' })
    if ('totalLabel' in tb) out.push({ path: `${base}.totalLabel`, value: tb.totalLabel, what: '合计行' })
    if ('note' in tb && tb.note !== undefined) out.push({ path: `${base}.note`, value: tb.note, what: '表注' })
    if ('emptyNote' in tb && tb.emptyNote !== undefined) out.push({ path: `${base}.emptyNote`, value: tb.emptyNote, what: '空表说明' })
    return { table: tb.title, labels: out }
  })
}

/** Applies renames to a copy; only paths that editableLabels offers are accepted. */
export function applyLabelEdits(t: Template, edits: Record<string, string>): Template {
  const allowed = new Set(editableLabels(t).flatMap((g) => g.labels.map((l) => l.path)))
  const copy = structuredClone(t)
  for (const [path, value] of Object.entries(edits)) {
    if (!allowed.has(path)) throw new Error(`不可修改的位置：${path}`)
    const parts = path.split('.')
    let cur: Record<string, unknown> = copy as unknown as Record<string, unknown>
    for (const p of parts.slice(0, -1)) cur = cur[p] as Record<string, unknown>
    cur[parts.at(-1)!] = value
  }
  return copy
}
