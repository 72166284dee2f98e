import 'server-only'
import { loadTemplates } from '@/lib/exchange/server/templates'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { checkDocument } from '../check'
import type { CheckDocument, CheckReport } from '../types'
import type { PageBox } from '../highlight'
import { quoteBoxes } from '../highlight'
import { pdfWords } from './layout-pdf'
import { keepPages } from './page-store'
import { CheckFileError, MAX_CHECK_FILE_BYTES, readCheckFileWithPages } from './read-file-node'
import type { InspectedPage, InspectedDocument } from '../view'
export type { InspectedPage, InspectedDocument } from '../view'

export const MAX_INSPECT_FILES = 30
export const MAX_INSPECT_TOTAL_BYTES = 120 * 1024 * 1024

/** The document's text page by page, as the reviewer sees it beside a finding (a document without pages is one page). */
function pagesOf(doc: CheckDocument): InspectedPage[] {
  const pages = new Map<number, string[]>()
  for (const l of doc.lines) {
    const p = l.page ?? 1
    pages.set(p, [...(pages.get(p) ?? []), l.cells ? l.cells.join('\t') : l.text])
  }
  return [...pages].map(([page, lines]) => ({ page, lines }))
}

/** Where each finding's sentence is printed on its page of the PDF (the quote's words, one box a line). */
async function marksOf(pdf: Buffer, report: CheckReport): Promise<PageBox[][]> {
  const { words, sizes } = await pdfWords(pdf)
  return report.findings.map((f) => {
    const size = f.page ? sizes.get(f.page) : undefined
    return f.page && f.quote && size ? quoteBoxes(words.filter((w) => w.page === f.page), size, f.quote) : []
  })
}

/** Checks a batch of uploaded disclosures (a region's). A file that cannot be read gets its message; the others are still checked. */
export async function inspectDocuments(actor: Actor, files: { name: string; data: Buffer }[]): Promise<InspectedDocument[]> {
  requirePermission(actor, 'document.inspect')
  if (files.length === 0) throw new AppError('BAD_REQUEST', '请选择要检查的文件（PDF、Word .docx 或文本）')
  if (files.length > MAX_INSPECT_FILES) throw new AppError('BAD_REQUEST', `一次最多检查 ${MAX_INSPECT_FILES} 个文件，本次选择了 ${files.length} 个`)
  // the database's templates (the shipped ones and those the admin made), as the workbook import uses
  const templates = (await loadTemplates()).map((t) => t.template)
  if (templates.length === 0) throw new AppError('VALIDATION', '系统中还没有表样模板，请先初始化数据库（npm run db:seed）')
  const out: InspectedDocument[] = []
  for (const f of files) {
    try {
      const { doc, pdf } = await readCheckFileWithPages(f.name, f.data)
      const pageImages = pdf && doc.pageCount ? await keepPages(actor!.id, pdf, doc.pageCount) : null
      const report = checkDocument(doc, templates)
      out.push({ name: f.name, report, pages: pagesOf(doc), pageImages, marks: pageImages && pdf ? await marksOf(pdf, report) : report.findings.map(() => []) })
    } catch (e) {
      if (e instanceof CheckFileError) out.push({ name: f.name, error: e.message })
      else throw e
    }
  }
  return out
}

export { MAX_CHECK_FILE_BYTES }

/** The name of the inspector's region (for the summary's title); '' for an admin of all regions. */
export async function inspectorRegionName(actor: Actor): Promise<string> {
  if (!actor?.regionId) return ''
  return (await db().region.findUnique({ where: { id: actor.regionId }, select: { name: true } }))?.name ?? ''
}
