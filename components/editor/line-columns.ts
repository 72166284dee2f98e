import type { GridColumnDef } from '@/components/grid/grid-types'
import { CATEGORY_LABELS, EXPENDITURE_CATEGORIES, FUND_LABELS, FUND_TYPES, REVENUE_SOURCE_LABELS, REVENUE_SOURCES } from '@/lib/budget/types'
import type { TLineList } from '@/lib/disclosure/schemas'
import { ZExpenditureLineInput, ZRevenueLineInput } from '@/lib/disclosure/schemas'
import { canonicalLine, PASTE_COLUMNS } from '@/lib/disclosure/paste'
import type { EditorLine } from '@/lib/disclosure/view'
import type { GridRow, Patch } from '@/components/grid/grid-model'

export type LineContext = {
  year: number
  units: { code: string; name: string }[]
  projects: { code: string; name: string }[]
  catalogue: { function: [string, string][]; economic: [string, string][] }
}

/** The grid's columns for a list, in the order a block copied from Excel is pasted (PASTE_COLUMNS). */
export function lineColumns(list: TLineList, c: LineContext): GridColumnDef[] {
  const units: [string, string][] = c.units.map((u) => [u.code, u.name])
  const fn: GridColumnDef = { key: 'functionCode', label: '功能分类科目（项）', kind: 'choice', options: c.catalogue.function, showCode: true, width: 290, sticky: 'left' }
  const amount: GridColumnDef = { key: 'amount', label: '金额（元）', kind: 'amount', width: 150, sticky: 'right' }
  if (list === 'revenue')
    return [
      { key: 'unitCode', label: '单位', kind: 'choice', options: units, showCode: true, width: 220 },
      fn,
      { key: 'source', label: '收入来源', kind: 'choice', options: REVENUE_SOURCES.map((v) => [v, REVENUE_SOURCE_LABELS[v]]), width: 260 },
      amount,
    ]
  return [
    { key: 'unitCode', label: '单位', kind: 'choice', options: units, showCode: true, width: 190 },
    fn,
    { key: 'economicCode', label: '经济分类科目（款）', kind: 'choice', options: c.catalogue.economic, showCode: true, width: 230 },
    { key: 'fund', label: '资金性质', kind: 'choice', options: FUND_TYPES.map((v) => [v, FUND_LABELS[v]]), width: 150 },
    { key: 'category', label: '支出类型', kind: 'choice', options: EXPENDITURE_CATEGORIES.map((v) => [v, CATEGORY_LABELS[v]]), width: 110 },
    { key: 'projectCode', label: '项目', kind: 'choice', options: c.projects.map((p) => [p.code, p.name]), width: 200 },
    amount,
  ]
}

export const lineToRow = (l: EditorLine): GridRow => ({ id: l.id, values: Object.fromEntries(Object.entries(l).filter(([k]) => k !== 'id').map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])) })

export function blankLine(list: TLineList, c: LineContext): Record<string, string> {
  return list === 'revenue' ? { unitCode: c.units[0]?.code ?? '', functionCode: '', source: 'general_budget', amount: '' } : { unitCode: c.units[0]?.code ?? '', functionCode: '', economicCode: '', fund: 'general', category: 'basic', projectCode: '', amount: '' }
}

/** A row with no code and no amount is empty: not saved, and deleting its content deletes the line. */
export const isBlankLine = (v: Record<string, string>) => !v.functionCode && !v.economicCode && !v.amount && !v.projectCode

/** The values as the server compares them (apply-lines.ts canonical): amounts with two decimals. */
/** The grid's canonical form of a line: the server's (lib/disclosure/paste.ts), so both compare alike. */
export const canonLine = (list: TLineList, v: Record<string, string>): Record<string, string> => canonicalLine(list, v)

/** The same checks as the server (schema, units, catalogue, projects), per column, in Chinese. */
export function lineErrors(list: TLineList, v: Record<string, string>, c: LineContext, sets: { fn: Set<string>; ec: Set<string>; units: Set<string>; projects: Set<string> }): Record<string, string> | undefined {
  const schema = list === 'revenue' ? ZRevenueLineInput : ZExpenditureLineInput
  const r = schema.safeParse(v)
  const out: Record<string, string> = {}
  if (!r.success) for (const i of r.error.issues) out[String(i.path[0] ?? 'amount')] ??= i.message
  if (!out.unitCode && v.unitCode && !sets.units.has(v.unitCode)) out.unitCode = `单位 ${v.unitCode} 不属于本部门`
  if (!out.functionCode && v.functionCode && !sets.fn.has(v.functionCode)) out.functionCode = `科目编码 ${v.functionCode} 不在 ${c.year} 年支出功能分类科目表中`
  if (list === 'expenditure') {
    if (!out.economicCode && v.economicCode && !sets.ec.has(v.economicCode)) out.economicCode = `科目编码 ${v.economicCode} 不在 ${c.year} 年经济分类科目表中`
    if (!out.projectCode && v.projectCode && !sets.projects.has(v.projectCode)) out.projectCode = `项目 ${v.projectCode} 不在本部门项目清单中`
  }
  return Object.keys(out).length ? out : undefined
}

/** A pasted block goes in whole or not at all: the first errors, located by row and column. */
export function describePasteErrors(list: TLineList, patch: Patch, check: (v: Record<string, string>) => Record<string, string> | undefined): string | null {
  const described: string[] = []
  let count = 0
  for (const ch of patch.changes) {
    if (!ch.after || isBlankLine(ch.after.values)) continue
    const errs = check(ch.after.values)
    if (!errs) continue
    for (const [key, msg] of Object.entries(errs)) {
      count++
      if (described.length < 10) described.push(`第 ${ch.index + 1} 行「${PASTE_COLUMNS[list].find((c) => c.key === key)?.label ?? key}」：${msg}`)
    }
  }
  return count ? `粘贴的 ${patch.changes.length} 行未粘贴（全部或全不）：${described.join('；')}${count > 10 ? `；另有 ${count - 10} 处错误` : ''}` : null
}
