import 'server-only'
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import { listZipEntries } from '@/lib/exchange/zip'
import { linesFromDocumentXml } from '../docx'
import { pagesFromLaidOutText } from '../paginate'
import { linesFromWords, parsePdftotextTsv } from '../layout'
import { readPlainText } from '../read-text'
import type { CheckDocument } from '../types'
import { docxToPdf, pdfPageTexts } from './layout-pdf'

const run = promisify(execFile)

export const MAX_CHECK_FILE_BYTES = 30 * 1024 * 1024

/** A file that cannot be read as a disclosure, with a message the reader can act on. */
export class CheckFileError extends Error {}

const PDF = Buffer.from('%PDF')
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** Reads a PDF (text layer, by pdftotext), a DOCX, or plain text into the checker's document. */
export async function readCheckFile(name: string, buf: Buffer, opts: ReadOptions = {}): Promise<CheckDocument> {
  return (await readCheckFileWithPages(name, buf, opts)).doc
}

/**
 * `docxLayout`: lay a DOCX out with LibreOffice for its pages (default: when LibreOffice is installed);
 * false keeps its explicit page breaks only.
 */
export type ReadOptions = { docxLayout?: boolean }

/** The document, and the PDF its pages can be shown from (the PDF itself, or a DOCX laid out by LibreOffice; null for text). */
export async function readCheckFileWithPages(name: string, buf: Buffer, opts: ReadOptions = {}): Promise<{ doc: CheckDocument; pdf: Buffer | null }> {
  if (buf.length === 0) throw new CheckFileError(`「${name}」是空文件（0 字节）`)
  if (buf.length > MAX_CHECK_FILE_BYTES) throw new CheckFileError(`「${name}」大小 ${(buf.length / 1048576).toFixed(1)} MB，超过上限 ${MAX_CHECK_FILE_BYTES / 1048576} MB`)
  if (buf.subarray(0, 4).equals(PDF)) return { doc: await readPdf(name, buf), pdf: buf }
  if (buf.subarray(0, 4).equals(ZIP)) {
    const doc = readDocx(name, buf)
    doc.pagination = doc.pageCount ? 'page-breaks' : 'none'
    const pdf = opts.docxLayout === false ? null : await docxToPdf(buf)
    if (pdf) {
      const paged = pagesFromLaidOutText(doc.lines, await pdfPageTexts(pdf))
      if (paged) return { doc: { ...doc, lines: paged.lines, pageCount: paged.pageCount, pagination: 'libreoffice' }, pdf }
    }
    return { doc, pdf: null }
  }
  const text = buf.toString('utf8')
  if (text.includes('\uFFFD') || /[\x00-\x08]/.test(text.slice(0, 4096))) throw new CheckFileError(`「${name}」不是 PDF、Word（.docx）或 UTF-8 文本文件，无法读取`)
  const doc = readPlainText(name, text)
  return { doc: { ...doc, pagination: doc.pageCount ? 'form-feeds' : 'none' }, pdf: null }
}

async function readPdf(name: string, buf: Buffer): Promise<CheckDocument> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    await fs.writeFile(file, buf)
    let tsv: string
    try {
      tsv = (await run('pdftotext', ['-tsv', file, '-'], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 })).stdout
    } catch (e) {
      const msg = String((e as { stderr?: string }).stderr ?? '')
      if (/password|Incorrect/i.test(msg)) throw new CheckFileError(`「${name}」设置了打开密码，无法读取`)
      throw new CheckFileError(`「${name}」不是有效的 PDF 文件，或已损坏`)
    }
    const { words, pageCount } = parsePdftotextTsv(tsv)
    if (words.length === 0) throw new CheckFileError(`「${name}」没有文字层（可能是扫描件），无法检查。请提供带文字的 PDF 或 Word 文件`)
    return { name, kind: 'pdf', lines: linesFromWords(words, pageCount), pageCount, pagination: 'pdf' }
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

function readDocx(name: string, buf: Buffer): CheckDocument {
  let entries
  try {
    entries = listZipEntries(buf)
  } catch {
    throw new CheckFileError(`「${name}」不是有效的 Word（.docx）文件，或已损坏`)
  }
  const e = entries.find((x) => x.name === 'word/document.xml')
  if (!e) throw new CheckFileError(`「${name}」是压缩包，但不是 Word（.docx）文件`)
  if (e.size > 200 * 1024 * 1024) throw new CheckFileError(`「${name}」的正文超过 200 MB，已拒绝`)
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28)
  const data = buf.subarray(start, start + e.compressedSize)
  const xml = (e.method === 0 ? data : zlib.inflateRawSync(data, { maxOutputLength: 200 * 1024 * 1024 })).toString('utf8')
  const { lines, pageCount } = linesFromDocumentXml(xml)
  return { name, kind: 'docx', lines, pageCount }
}
