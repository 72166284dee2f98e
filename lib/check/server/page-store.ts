import 'server-only'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { AppError, notFound } from '@/lib/server/errors'
import { renderPdfPage } from './layout-pdf'

/**
 * The pages of an inspected document, kept a few hours so the reviewer who uploaded it can see a
 * finding's page as an image (docs/decisions/023-pdf-tables.md): the PDF itself, or a DOCX laid out by
 * LibreOffice, under a random id, readable only by its uploader. Nothing else of an inspection is
 * stored; a deployment with several app servers needs this directory shared (or sticky sessions).
 */
const DIR = path.join(os.tmpdir(), 'yusuan-inspect-pages')
export const PAGE_IMAGES_TTL_MS = 6 * 3600_000
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

type Meta = { owner: string; created: number; pages: number }

async function sweep(now: number): Promise<void> {
  const names = await fs.readdir(DIR).catch(() => [] as string[])
  for (const n of names.filter((x) => x.endsWith('.json'))) {
    const meta = await readMeta(path.join(DIR, n))
    if (!meta || now - meta.created > PAGE_IMAGES_TTL_MS) {
      const id = n.slice(0, -5)
      await fs.rm(path.join(DIR, `${id}.pdf`), { force: true })
      await fs.rm(path.join(DIR, n), { force: true })
    }
  }
}

async function readMeta(file: string): Promise<Meta | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Meta
  } catch {
    return null
  }
}

/** Keeps a document's PDF for its uploader; returns the id its pages are asked for by. */
export async function keepPages(owner: string, pdf: Buffer, pages: number): Promise<string> {
  await fs.mkdir(DIR, { recursive: true, mode: 0o700 })
  const now = Date.now()
  await sweep(now)
  const id = randomUUID()
  await fs.writeFile(path.join(DIR, `${id}.pdf`), pdf, { mode: 0o600 })
  await fs.writeFile(path.join(DIR, `${id}.json`), JSON.stringify({ owner, created: now, pages } satisfies Meta), { mode: 0o600 })
  return id
}

/** Page `page` of a kept document as a PNG (80 dpi): only for the reviewer who uploaded it, while it is kept. */
export async function pageImage(actor: Actor, id: string, page: number): Promise<Buffer> {
  requirePermission(actor, 'document.inspect')
  if (!ID.test(id)) throw notFound('该文件的页面')
  const meta = await readMeta(path.join(DIR, `${id}.json`))
  // another reviewer's document is answered as one that does not exist
  if (!meta || meta.owner !== actor!.id) throw notFound('该文件的页面')
  if (Date.now() - meta.created > PAGE_IMAGES_TTL_MS) throw new AppError('NOT_FOUND', '该文件的页面已过期（检查后保留 6 小时），请重新上传检查')
  if (!Number.isInteger(page) || page < 1 || page > meta.pages) throw new AppError('BAD_REQUEST', `页码应为 1 到 ${meta.pages} 之间的整数`)
  const png = await renderPdfPage(path.join(DIR, `${id}.pdf`), page)
  if (!png) throw notFound(`第 ${page} 页`)
  return png
}
