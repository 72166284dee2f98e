import { csvCell } from '../budget/neutralise'
import { formatPrinted, numberToPrinted } from '../budget/money'
import type { AmountUnit } from '../budget/money'
import type { FixtureTable } from '../budget/table'
import { applyCodeParts } from '../budget/table'
import type { Template } from '../budget/template'
import { columnKinds } from './columns'
import type { ExportInput } from './write-xlsx'
import type { ExtraTable } from '../budget/extra-table'
import { writeZip } from './zip'

const BOM = '\uFEFF'

/** Text that a spreadsheet would evaluate gets a leading apostrophe (the one rule: lib/budget/neutralise.ts). */
const csvText = (s: string): string => csvCell(s)

/**
 * One table as CSV: UTF-8 with a byte-order mark (so Excel detects the encoding), CRLF, one header
 * row with the "/"-joined column labels, amounts with two decimals in 万元, blanks empty.
 */
export function tableToCsv(t: FixtureTable, template: Template | undefined, year: number): string {
  const kinds = columnKinds(t, template, year)
  const lines = [t.columns.map(csvText).join(',')]
  for (const row of t.rows) {
    lines.push(
      row
        .map((v, i) => {
          if (v === null) return ''
          if (typeof v === 'number') return kinds[i] === 'amount' ? formatPrinted(numberToPrinted(v)) : String(v)
          return csvText(v)
        })
        .join(','),
    )
  }
  return BOM + lines.join('\r\n') + '\r\n'
}

export function csvFileName(input: Pick<ExportInput, 'department' | 'year'>, index: number, t: FixtureTable): string {
  return `${safeFilePart(input.department.code)}-${input.year}-${String(index + 1).padStart(2, '0')}-${safeFilePart(t.title)}.csv`
}

export function safeFilePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\r\n\t\x00-\x1f]/g, '_').slice(0, 80)
}

/** Every table as its own CSV file, bundled in one zip. */
export function writeCsvZip(input: ExportInput): Buffer {
  return writeZip(input.tables.map((t, i) => ({ name: csvFileName(input, i, t), data: Buffer.from(tableToCsv(t, input.template, input.year), 'utf8') })))
}

/** The fixture JSON format (../shared/fixtures): the same shape GET …/tables returns, with department and year. */
export function toExportJson(input: ExportInput): { source: string; department: { code: string; name: string }; year: number; amountUnit: AmountUnit; tables: FixtureTable[]; extraTables?: ExtraTable[] } {
  // the fixture format: each table as printed (its unit, its code columns as the source split them)
  const amountUnit = input.tables.find((t) => t.amountUnit)?.amountUnit ?? '万元'
  const tables = input.tables.map((t) => (amountUnit === '万元' ? applyCodeParts(t) : { ...applyCodeParts(t), amountUnit: t.amountUnit ?? '万元' }))
  // the tables beyond the template an import kept, as printed
  return { source: '预算公开导出', department: input.department, year: input.year, amountUnit, tables, ...(input.extraTables?.length ? { extraTables: input.extraTables } : {}) }
}
