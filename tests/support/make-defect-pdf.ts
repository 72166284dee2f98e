/**
 * Writes a disclosure this product publishes (chengde-2023 through the document pipeline) as PDF, with
 * one defect in its text (增加增加), to the path given: `npx tsx tests/support/make-defect-pdf.ts out.pdf`.
 * A script, so that the Playwright process does not import the templates' JSON itself.
 */
import fs from 'node:fs'
import { assembleDocument } from '../../lib/document/assemble'
import { renderPdf } from '../../lib/document/pdf/render-pdf'
import { documentInputFor } from '../factories/document-input'

const out = process.argv[2]
if (!out) throw new Error('usage: make-defect-pdf.ts <out.pdf>')
const model = assembleDocument(await documentInputFor('chengde-2023'))
for (const s of model.notes.sections) for (const b of s.blocks as { kind: string; text?: string }[]) if (b.kind === 'paragraph' && b.text?.includes('增加5.45万元')) b.text = b.text.replace('增加5.45万元', '增加增加5.45万元')
fs.writeFileSync(out, await renderPdf(model))
