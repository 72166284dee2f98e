import 'server-only'
import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parsePdftotextTsv } from '../layout'

const run = promisify(execFile)

/**
 * A DOCX laid out as pages by LibreOffice (`soffice --headless --convert-to pdf`), when it is
 * installed: the pages a reader of the printed document sees. Null when LibreOffice is missing, fails
 * or takes too long — the caller falls back to the document's explicit page breaks. Each conversion
 * has its own LibreOffice profile, so conversions may run side by side.
 */
export async function docxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-lo-'))
  try {
    const file = path.join(dir, 'doc.docx')
    await fs.writeFile(file, docx)
    await run('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 })
    return await fs.readFile(path.join(dir, 'doc.pdf'))
  } catch {
    return null
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** The text of each page of a PDF (pdftotext, pages separated by form feeds). */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-pt-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    await fs.writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 })
    const pages = stdout.split('\f')
    if (pages.length > 1 && !pages[pages.length - 1]!.trim()) pages.pop()
    return pages
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** One page of a PDF as a PNG at 80 dpi (pdftoppm), or null when the page does not exist. */
export async function renderPdfPage(pdfFile: string, page: number): Promise<Buffer | null> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-pp-'))
  try {
    await run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, path.join(dir, 'page')], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 })
    return await fs.readFile(path.join(dir, 'page.png')).catch(() => null)
  } catch {
    return null
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}

/** The words of a PDF with their boxes and each page's size (`pdftotext -tsv`), for marking a finding on its page. */
export async function pdfWords(pdf: Buffer): Promise<ReturnType<typeof parsePdftotextTsv>> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-pw-'))
  try {
    const file = path.join(dir, 'doc.pdf')
    await fs.writeFile(file, pdf)
    const { stdout } = await run('pdftotext', ['-tsv', file, '-'], { maxBuffer: 256 * 1024 * 1024, timeout: 120_000 })
    return parsePdftotextTsv(stdout)
  } finally {
    await fs.rm(dir, { recursive: true, force: true })
  }
}
