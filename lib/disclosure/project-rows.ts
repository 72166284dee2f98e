import { ZProjectInput } from './schemas'

/**
 * A project as the projects grid and the server compare it (pure, shared): the typed fields only —
 * the amount is the sum of the project's expenditure lines, never typed.
 */
export const PROJECT_FIELDS = ['code', 'name', 'unitCode', 'purpose'] as const
export const PROJECT_FIELD_LABELS: Record<string, string> = { code: '项目编码', name: '项目名称', unitCode: '所属单位', purpose: '用途说明' }

export const canonProject = (v: Record<string, unknown>): Record<string, string> => Object.fromEntries(PROJECT_FIELDS.map((k) => [k, String(v[k] ?? '').trim()]))

/** A row with no code, name or purpose is empty: not saved, and emptying a saved one deletes it. */
export const isBlankProject = (v: Record<string, string | null | undefined>) => !String(v.code ?? '').trim() && !String(v.name ?? '').trim() && !String(v.purpose ?? '').trim()

/** The same checks as the server (schema, the unit belongs to the budget), per column, in Chinese. */
export function projectErrors(v: Record<string, string>, unitCodes: ReadonlySet<string>): Record<string, string> | undefined {
  const r = ZProjectInput.safeParse(v)
  const out: Record<string, string> = {}
  if (!r.success) for (const i of r.error.issues) out[String(i.path[0] ?? 'code')] ??= i.message
  const unit = (v.unitCode ?? '').trim()
  if (!out.unitCode && unit && !unitCodes.has(unit)) out.unitCode = `单位 ${unit} 不属于本预算`
  return Object.keys(out).length ? out : undefined
}

/** Codes used by two rows: the later rows are marked (row index → message). */
export function duplicateCodes(rows: { values: Record<string, string> }[]): Map<number, string> {
  const first = new Map<string, number>()
  const out = new Map<number, string>()
  rows.forEach((r, i) => {
    const c = (r.values.code ?? '').trim()
    if (!c) return
    const at = first.get(c)
    if (at === undefined) first.set(c, i)
    else out.set(i, `项目编码 ${c} 与第 ${at + 1} 行重复`)
  })
  return out
}
