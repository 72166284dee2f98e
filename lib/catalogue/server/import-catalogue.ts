import 'server-only'
import ExcelJS from 'exceljs'
import type { ClassificationKind } from '@/lib/budget/catalogue'
import type { CatalogueRow } from '@/lib/budget/catalogue-csv'
import { CatalogueFormatError, parseCatalogueCsv, rowsForYear } from '@/lib/budget/catalogue-csv'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { clearCatalogueCache } from './load-catalogue'
import { CATALOGUE_LIMIT_TEXT, MAX_CATALOGUE_BYTES } from '../limits'
import { sniffCatalogueUpload } from '../upload-kind'

export { MAX_CATALOGUE_BYTES }

/** XLSX → the CSV text of the same columns (first sheet, first row the header), so one parser serves both. */
async function xlsxToCsv(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
  } catch {
    throw new CatalogueFormatError('文件不是有效的 Excel 工作簿（.xlsx）')
  }
  const ws = wb.worksheets[0]
  if (!ws) throw new CatalogueFormatError('工作簿中没有工作表')
  const lines: string[] = []
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= Math.max(8, row.cellCount); c++) {
      const v = row.getCell(c).value
      const s = v === null || v === undefined ? '' : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v)
      cells.push(/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
    }
    lines.push(cells.join(','))
  })
  return lines.join('\n')
}

/**
 * Replaces one kind of a year's catalogue with an uploaded file (CSV or XLSX with the columns
 * code,name[,level,parent,from_year,to_year,aliases,verified]). All or nothing: a bad row rejects the file
 * with its line number; every 款/项 must have its parent in the file.
 */
export async function importCatalogue(actor: Actor, input: { year: number; kind: ClassificationKind; fileName: string; content: Buffer }): Promise<{ count: number }> {
  requirePermission(actor, 'catalogue.manage')
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('VALIDATION', '预算年度不正确')
  if (input.content.length > MAX_CATALOGUE_BYTES) throw new AppError('TOO_LARGE', `科目文件超过 ${CATALOGUE_LIMIT_TEXT}`)
  let rows: CatalogueRow[]
  try {
    const upload = sniffCatalogueUpload(input.content, input.fileName)
    if (upload.kind === 'rejected') throw new CatalogueFormatError(upload.message)
    const text = upload.kind === 'xlsx' ? await xlsxToCsv(input.content) : upload.text
    rows = rowsForYear(parseCatalogueCsv(text, input.kind), input.year)
  } catch (e) {
    if (e instanceof CatalogueFormatError) throw new AppError('VALIDATION', `${input.fileName}：${e.message}`)
    throw e
  }
  if (rows.length === 0) throw new AppError('VALIDATION', `${input.fileName}：没有适用于 ${input.year} 年的科目`)
  const codes = new Map<string, CatalogueRow>()
  for (const r of rows) {
    if (codes.has(r.code)) throw new AppError('VALIDATION', `${input.fileName}：科目 ${r.code} 在 ${input.year} 年出现两次`)
    codes.set(r.code, r)
  }
  for (const r of rows) {
    const parent = r.code.length > 3 ? r.code.slice(0, r.code.length - 2) : null
    if (parent && !codes.has(parent)) throw new AppError('VALIDATION', `${input.fileName}：科目 ${r.code} ${r.name} 缺少上级科目 ${parent}`)
  }
  await db().$transaction(
    async (tx) => {
      const before = await tx.catalogueEntry.count({ where: { year: input.year, kind: input.kind } })
      await tx.catalogueEntry.deleteMany({ where: { year: input.year, kind: input.kind } })
      await tx.catalogueEntry.createMany({
        data: rows.map((r) => ({ year: input.year, kind: input.kind, code: r.code, name: r.name, level: [3, 5, 7].indexOf(r.code.length) + 1, parent: r.code.length > 3 ? r.code.slice(0, r.code.length - 2) : null, aliases: r.aliases, verified: r.verified })),
      })
      await audit(tx, actor, { action: 'import', entity: 'catalogue', entityId: `${input.year}:${input.kind}`, before: { count: before }, after: { count: rows.length, file: input.fileName } })
    },
    { timeout: 60_000 },
  )
  clearCatalogueCache()
  return { count: rows.length }
}

export async function catalogueSummary(actor: Actor): Promise<{ year: number; kind: ClassificationKind; count: number; verified: number }[]> {
  requirePermission(actor, 'catalogue.manage')
  const all = await db().catalogueEntry.groupBy({ by: ['year', 'kind', 'verified'], _count: { _all: true }, orderBy: [{ year: 'desc' }] })
  const m = new Map<string, { year: number; kind: ClassificationKind; count: number; verified: number }>()
  for (const g of all) {
    const k = `${g.year}:${g.kind}`
    const e = m.get(k) ?? { year: g.year, kind: g.kind, count: 0, verified: 0 }
    e.count += g._count._all
    if (g.verified) e.verified += g._count._all
    m.set(k, e)
  }
  return [...m.values()].sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind))
}
