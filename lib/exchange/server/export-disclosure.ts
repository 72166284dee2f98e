import 'server-only'
import { toFixtureTable } from '@/lib/budget/table'
import { storedExtraTables } from '@/lib/budget/extra-table'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { subjectOf } from '@/lib/disclosure/server/to-budget-data'
import { AppError } from '@/lib/server/errors'
import { csvFileName, safeFilePart, tableToCsv, toExportJson, writeCsvZip } from '../write-csv'
import type { ExportInput } from '../write-xlsx'
import { writeXlsx } from '../write-xlsx'

export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export type ExportFile = { body: Buffer; contentType: string; fileName: string }

/** The disclosure's tables as shown everywhere else (derived from lines, or as imported). */
export async function exportInput(d: DisclosureFull): Promise<ExportInput> {
  const { tables, template } = await computeFor(d)
  // a 单位预算 is headed by its unit's code and name, as the budget system prints it
  // the tables beyond the template an import kept, as printed (lib/budget/extra-table.ts)
  const extraTables = storedExtraTables(d)
  return { department: subjectOf(d), year: d.year, tables: tables.map(toFixtureTable), template, ...(d.unitCode ? { level: 'unit' as const } : {}), ...(extraTables.length ? { extraTables } : {}) }
}

/**
 * One disclosure's tables as a file: XLSX in the official layout, CSV (one table when `table` is
 * given, otherwise a zip with one CSV per table) or JSON in the fixture format.
 */
export async function exportDisclosure(d: DisclosureFull, format: ExportFormat, table?: string | null): Promise<ExportFile> {
  return renderExport(d, await exportInput(d), format, table)
}

/** One file of the tables already gathered by exportInput (a published revision's files are built from one input). */
export async function renderExport(d: Pick<DisclosureFull, 'unitCode' | 'year' | 'department'>, input: ExportInput, format: ExportFormat, table?: string | null): Promise<ExportFile> {
  const base = `${safeFilePart(subjectOf(d).code)}-${d.year}-${d.unitCode ? '单位预算' : '部门预算'}`
  switch (format) {
    case 'xlsx':
      return { body: await writeXlsx(input), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `${base}.xlsx` }
    case 'json':
      return { body: Buffer.from(JSON.stringify(toExportJson(input), null, 2), 'utf8'), contentType: 'application/json; charset=utf-8', fileName: `${base}.json` }
    case 'csv': {
      if (table) {
        const i = input.tables.findIndex((t) => t.key === table)
        if (i < 0) throw new AppError('NOT_FOUND', `表 ${table} 不存在`)
        const t = input.tables[i]!
        return { body: Buffer.from(tableToCsv(t, input.template, input.year), 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: csvFileName(input, i, t) }
      }
      return { body: writeCsvZip(input), contentType: 'application/zip', fileName: `${base}-CSV.zip` }
    }
  }
}

/** Content-Disposition with a UTF-8 file name and a plain ASCII fallback (no header injection). */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`
}
