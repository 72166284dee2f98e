import { z } from 'zod'
import { jsonColumn } from './json-column'
import type { AmountUnit } from './money'

/**
 * A table a workbook prints beyond its template's (一般公共预算项目支出表, 项目支出表, 政府采购预算表,
 * 项目支出绩效目标表 …), kept exactly as printed: its title, its header (each column's levels joined by
 * "/", as the fixture format writes template columns), the concept each column was read as (null: a
 * column the vocabulary does not name), its rows cell by cell (numbers as printed in `amountUnit`) and
 * its note. It is shown and exported again; it takes no part in the template's arithmetic.
 */
export type ExtraTable = {
  /** The kind its title names (lib/budget/vocabulary/extra-tables.json), e.g. `project_expenditure`. */
  kind: string
  title: string
  columns: string[]
  concepts: (string | null)[]
  rows: (string | number | null)[][]
  amountUnit?: AmountUnit
  note?: string
}

const ZExtraTables = z.array(
  z.object({
    kind: z.string(),
    title: z.string(),
    columns: z.array(z.string()),
    concepts: z.array(z.string().nullable()),
    rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
    amountUnit: z.enum(['元', '万元']).optional(),
    note: z.string().optional(),
  }),
)

/** Disclosure.extraTables: an import's tables beyond the template, as printed. */
export const extraTablesColumn = jsonColumn<ExtraTable[]>('模板以外的报表（ExtraTable[]）', ZExtraTables)

/** An imported disclosure's tables beyond its template, as printed (none for one entered by lines). */
export function storedExtraTables(d: { source: string; extraTables?: unknown }): ExtraTable[] {
  return d.source === 'imported' && Array.isArray(d.extraTables) ? extraTablesColumn.read(d.extraTables) : []
}
