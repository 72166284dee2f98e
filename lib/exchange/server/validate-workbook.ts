import 'server-only'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { AppError } from '@/lib/server/errors'
import { importSlot } from './import-slot'
import { loadWorkbookOffThread } from './workbook-worker'
import type { ParsedWorkbook } from '../parse-workbook'
import { needsCatalogue, parseWorkbook } from '../parse-workbook'
import type { ValidationReport } from '../report'
import { validateParsed } from '../report'
import { loadTemplates } from './templates'

/** Reads and validates a workbook against the database's templates and the year's catalogue; writes nothing. */
export async function validateWorkbookFile(file: Buffer, opts: { year?: number } = {}): Promise<{ parsed: ParsedWorkbook; report: ValidationReport }> {
  const raw = await importSlot.run(() => loadWorkbookOffThread(file))
  const stored = await loadTemplates()
  if (stored.length === 0) throw new AppError('VALIDATION', '系统中还没有表样模板，请先初始化数据库（npm run db:seed）')
  let parsed = parseWorkbook(raw, { ...(opts.year ? { year: opts.year } : {}), candidates: stored.map((s) => s.template) })
  const year = parsed.meta.year ?? new Date().getFullYear()
  const catalogue = await loadCatalogue(year)
  // a tree table printed with names only takes its codes from the year's catalogue (names-to-codes.ts)
  if (needsCatalogue(parsed)) parsed = parseWorkbook(raw, { ...(opts.year ? { year: opts.year } : {}), candidates: stored.map((s) => s.template), catalogue })
  const { report } = validateParsed(parsed, catalogue)
  return { parsed, report }
}
