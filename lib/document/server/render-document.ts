import 'server-only'
import { renderDocx } from '../docx/render-docx'
import type { DocumentModel } from '../model'
import { documentFileName } from '../model'
import { renderPdf } from '../pdf/render-pdf'

export type DocumentFormat = 'pdf' | 'docx'

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
} as const

/** Content-Disposition with the Chinese file name (RFC 6266 / 5987) and an ASCII fallback for old clients. */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

export async function renderDocument(model: DocumentModel, format: DocumentFormat): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const body = format === 'pdf' ? await renderPdf(model) : await renderDocx(model)
  return { body, contentType: CONTENT_TYPES[format], filename: documentFileName(model, format) }
}
