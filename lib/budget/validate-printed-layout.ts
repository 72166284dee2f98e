import { editDistance } from './catalogue'
import type { BudgetTable } from './table'
import type { RowIdentity } from './template'

/** Helpers of the table rules for tables as printed (column-set variants, notes worded otherwise). */

/** The same note in other words of a character or two ("政府基金" for "政府性基金", a comma): not a different note. */
export function sameWording(a: string, b: string): boolean {
  const k = (s: string) => s.replace(/[\s，,。.：:“”"]/g, '')
  const x = k(a)
  const y = k(b)
  return x === y || (Math.abs(x.length - y.length) <= 2 && editDistance(x, y) <= 2)
}

/** The row identities of the column set a table is held in: the template's, or the variant whose columns it has. */
export function identitiesFor(tt: { columns: { id: string }[]; rowIdentities: RowIdentity[]; variants?: { columns: { id: string }[]; rowIdentities: RowIdentity[] }[] }, t: BudgetTable): RowIdentity[] {
  const ids = new Set(t.columns.map((c) => c.id))
  const sets = [tt, ...(tt.variants ?? [])]
  let best = sets[0]!
  let score = -1
  for (const s of sets) {
    const n = s.columns.filter((c) => ids.has(c.id)).length - s.columns.filter((c) => !ids.has(c.id)).length
    if (n > score) [best, score] = [s, n]
  }
  return best.rowIdentities
}
