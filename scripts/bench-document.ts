/**
 * npm run bench — the complete document:
 *   document.pdf_chengde: <ms> ms (baseline: <ms> ms, ratio: <r>, target: ≤ 0.5)
 *
 * op       = the app making the PDF of 承德市医疗保障局 2023 (cover, 目录, nine tables, 情况说明 with
 *            seven 绩效目标表): assembling the document model from the tables and notes, then
 *            rendering it with pdfkit (embedded Noto Sans SC); median of 7 runs after 2 warm-ups.
 * baseline = LibreOffice headless converting the app's own DOCX of the same document to PDF, the way
 *            bureaus make their PDFs from Word today; median of 3 runs after 1 warm-up (its own
 *            user profile, so the first start's profile creation is not counted).
 * ratio    = op / baseline. Timing is reported, never asserted. Without soffice the line says why.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { assembleDocument } from '../lib/document/assemble'
import { renderDocx } from '../lib/document/docx/render-docx'
import { renderPdf } from '../lib/document/pdf/render-pdf'
import { documentInputFor } from '../tests/factories/document-input'

export const TARGET_RATIO = 0.5

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function soffice(): string | null {
  for (const c of ['soffice', 'libreoffice']) if (spawnSync('which', [c]).status === 0) return c
  return null
}

export async function benchDocument(): Promise<string[]> {
  const input = await documentInputFor('chengde-2023')
  const make = async () => renderPdf(assembleDocument(input))
  for (let i = 0; i < 2; i++) await make()
  const op: number[] = []
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    await make()
    op.push(performance.now() - t0)
  }
  const opMs = median(op)

  const bin = soffice()
  if (!bin) return [`document.pdf_chengde: ${opMs.toFixed(0)} ms (baseline: skipped — LibreOffice (soffice) is not installed here; apt-get install libreoffice-writer-nogui to compare, target: ≤ ${TARGET_RATIO})`]

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-document-'))
  const docx = path.join(dir, 'chengde-2023.docx')
  fs.writeFileSync(docx, await renderDocx(assembleDocument(input)))
  const profile = `file://${path.join(dir, 'lo-profile')}`
  const convert = () => {
    const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { stdio: 'pipe', timeout: 180_000 })
    if (r.status !== 0 || !fs.existsSync(path.join(dir, 'chengde-2023.pdf'))) throw new Error(`LibreOffice could not convert: ${r.stderr?.toString() ?? ''}`)
  }
  convert()
  const base: number[] = []
  for (let i = 0; i < 3; i++) {
    fs.rmSync(path.join(dir, 'chengde-2023.pdf'), { force: true })
    const t0 = performance.now()
    convert()
    base.push(performance.now() - t0)
  }
  fs.rmSync(dir, { recursive: true, force: true })
  const baselineMs = median(base)
  return [`document.pdf_chengde: ${opMs.toFixed(0)} ms (baseline: ${baselineMs.toFixed(0)} ms, ratio: ${(opMs / baselineMs).toFixed(2)}, target: ≤ ${TARGET_RATIO})`]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchDocument()) console.log(line)
}
