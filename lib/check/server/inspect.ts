import 'server-only'
import { loadTemplates } from '@/lib/exchange/server/templates'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { checkDocument } from '../check'
import type { CheckDocument } from '../types'
import { CheckFileError, MAX_CHECK_FILE_BYTES, readCheckFile } from './read-file-node'
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
      const doc = await readCheckFile(f.name, f.data)
      out.push({ name: f.name, report: checkDocument(doc, templates), pages: pagesOf(doc) })
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
