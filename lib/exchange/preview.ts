import type { AmountUnit } from '../budget/money'
import type { FixtureTable } from '../budget/table'
import type { DisclosureStatus } from '../server/authz'
import type { ParsedWorkbook, TableLocation } from './parse-workbook'
import type { ParsedExtra } from './extra-tables'
import type { ValidationReport } from './report'

/** What the upload page shows next to the findings: the tables as read, each cell's workbook address. */
export type ImportPreview = {
  fileName: string
  department: { code: string | null; name: string | null }
  year: number | null
  unit: AmountUnit
  template: { id: string; name: string }
  tables: { table: FixtureTable; loc: TableLocation }[]
  sheets: { name: string; tables: string[]; extras?: string[] }[]
  /** Tables beyond the template (项目支出表 …), kept as printed and imported with the disclosure. */
  extras: ParsedExtra[]
  /** The user may add column meanings to the family's vocabulary (template.manage). */
  canSaveVocabulary?: boolean
}

/** Where the import would go, and whether the user may put it there. */
export type ImportTarget = {
  department: { code: string; name: string }
  /** A 单位预算 workbook: the unit whose own budget it goes to. */
  unit?: { code: string; name: string }
  year: number
  existing: { id: string; status: DisclosureStatus; source: string; revision: number } | null
  canImport: boolean
  reason: string | null
}

export type ImportResult = {
  report: ValidationReport
  preview: ImportPreview
  target: ImportTarget
  imported: { disclosureId: string; version: number } | null
}

export function toPreview(parsed: ParsedWorkbook, fileName: string): ImportPreview {
  return {
    fileName,
    department: parsed.meta.department,
    year: parsed.meta.year,
    unit: parsed.meta.unit,
    template: { id: parsed.template.id, name: parsed.template.name },
    tables: parsed.tables,
    sheets: parsed.sheets,
    extras: parsed.extras,
  }
}
