import 'server-only'
import { toFixtureTable } from '@/lib/budget/table'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { computeFor } from '@/lib/disclosure/server/compute-disclosure'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { subjectOf, toBudgetData, unitOf } from '@/lib/disclosure/server/to-budget-data'
import type { DocumentModel } from '@/lib/document/model'
import { documentFileName } from '@/lib/document/model'
import { renderHtml } from '@/lib/document/render-html'
import { buildDocumentModel } from '@/lib/document/server/build-document'
import { CONTENT_TYPES, renderDocument } from '@/lib/document/server/render-document'
import { exportInput, renderExport } from '@/lib/exchange/server/export-disclosure'
import type { OpenDataDisclosure, PackageScope } from '../datapackage'
import { expenditureCsv, revenueCsv, tablesCsv } from '../datapackage'
import { fixtureTables, publicTables } from './disclosure-data'
import type { StoredFile } from './revision-store'
import { storedFile } from './revision-store'
import { revisionView } from './revision-view'

/**
 * The files of a published revision (docs/decisions/015-snapshot-published-revisions.md), built once
 * from the revision with the catalogue, glossary and template as they are at that moment:
 *   tables.json                        the tables API's body
 *   view.json, figures.json            the public page's own part, and the figures other years' pages show
 *   document.pdf|docx|html             the complete document
 *   export.xlsx|json, export.csv.zip   the exports; export.csv/<table key> one table as CSV
 *   open-data/meta.json                the package's descriptor data; open-data/<file>.csv its resources
 */
export const FILE = {
  tables: 'tables.json',
  view: 'view.json',
  figures: 'figures.json',
  document: (format: 'pdf' | 'docx' | 'html') => `document.${format}`,
  export: (format: 'xlsx' | 'json' | 'csv') => (format === 'csv' ? 'export.csv.zip' : `export.${format}`),
  exportTable: (key: string) => `export.csv/${key}`,
  openData: (file: string) => `open-data/${file}`,
} as const

/** What a package's datapackage.json is built from: the scope and the revision without its lines. */
export type OpenDataMeta = { scope: Extract<PackageScope, { kind: 'disclosure' }>; disclosure: OpenDataDisclosure }

async function toOpenData(d: DisclosureFull): Promise<OpenDataDisclosure> {
  const data = toBudgetData(d)
  return {
    region: { code: d.department.region.code, name: d.department.region.name, province: d.department.region.province },
    department: { code: d.department.code, name: d.department.name },
    unit: unitOf(d),
    year: d.year,
    revision: d.revision,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    units: data.units.map((u) => ({ code: u.code, name: u.name })),
    projects: data.projects.map((p) => ({ code: p.code, name: p.name })),
    expenditure: data.expenditure.map((l) => ({ unitCode: l.unitCode, functionCode: l.functionCode, economicCode: l.economicCode, fund: l.fund, category: l.category, projectCode: l.projectCode ?? null, amount: l.amount })),
    revenue: data.revenue.map((l) => ({ unitCode: l.unitCode, functionCode: l.functionCode, source: l.source, amount: l.amount })),
    tables: fixtureTables(await publicTables(d)),
  }
}

async function documentModel(d: DisclosureFull): Promise<DocumentModel | null> {
  try {
    return await buildDocumentModel(d)
  } catch (e) {
    // the page then shows the nine tables on their own, and the document downloads are absent (404)
    console.error('[portal] 情况说明无法生成', d.id, e)
    return null
  }
}

/** Every file of a published revision. `d` must be the revision as published (status 'published', publishedAt set). */
export async function buildRevisionFiles(d: DisclosureFull): Promise<StoredFile[]> {
  if (d.status !== 'published') throw new Error('只有已公开的版本才生成冻结文件')
  const files: StoredFile[] = []
  const { tables } = await computeFor(d)
  files.push(storedFile(FILE.tables, 'application/json', JSON.stringify({ tables: tables.map(toFixtureTable) })))

  const model = await documentModel(d)
  const view = await revisionView(d, model)
  files.push(storedFile(FILE.view, 'application/json', JSON.stringify(view)))
  files.push(storedFile(FILE.figures, 'application/json', JSON.stringify(view.figures)))
  if (model) {
    files.push(storedFile(FILE.document('html'), CONTENT_TYPES.html, renderHtml(model), documentFileName(model, 'html')))
    for (const format of ['pdf', 'docx'] as const) {
      const out = await renderDocument(model, format)
      files.push(storedFile(FILE.document(format), out.contentType, out.body, out.filename))
    }
  }

  const input = await exportInput(d)
  for (const format of ['xlsx', 'json', 'csv'] as const) {
    const f = await renderExport(d, input, format)
    files.push(storedFile(FILE.export(format), f.contentType, f.body, f.fileName))
  }
  for (const t of input.tables) {
    const f = await renderExport(d, input, 'csv', t.key)
    files.push(storedFile(FILE.exportTable(t.key), f.contentType, f.body, f.fileName))
  }

  const od = await toOpenData(d)
  const catalogue = await loadCatalogue(d.year)
  const cat = () => catalogue
  const s = subjectOf(d)
  const meta: OpenDataMeta = { scope: { kind: 'disclosure', code: s.code, name: s.name, year: d.year, ...(d.unitCode ? { level: 'unit' as const } : {}) }, disclosure: { ...od, expenditure: [], revenue: [], tables: [] } }
  files.push(storedFile(FILE.openData('meta.json'), 'application/json', JSON.stringify(meta)))
  files.push(storedFile(FILE.openData('expenditure.csv'), 'text/csv; charset=utf-8', expenditureCsv([od], cat)))
  files.push(storedFile(FILE.openData('revenue.csv'), 'text/csv; charset=utf-8', revenueCsv([od], cat)))
  files.push(storedFile(FILE.openData('tables.csv'), 'text/csv; charset=utf-8', tablesCsv([od])))
  return files
}
