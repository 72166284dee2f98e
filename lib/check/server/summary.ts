import 'server-only'
import ExcelJS from 'exceljs'
import PDFDocument from 'pdfkit'
import { FONT_BOLD, FONT_REGULAR, registerFonts } from '@/lib/document/pdf/fonts'
import { z } from 'zod'

/** One row of a region's inspection summary: a document and what the check found in it. */
export const summaryRowSchema = z.object({
  document: z.string().max(300),
  department: z.string().max(200).nullable(),
  year: z.number().int().nullable(),
  tablesFound: z.number().int().min(0),
  tablesExpected: z.number().int().min(0),
  error: z.number().int().min(0),
  warning: z.number().int().min(0),
  rounding: z.number().int().min(0),
  info: z.number().int().min(0),
  notRun: z.number().int().min(0),
  unreadable: z.string().max(500).nullable().default(null),
})
export const summarySchema = z.object({ region: z.string().trim().max(100).default(''), rows: z.array(summaryRowSchema).min(1, '没有可汇总的检查结果').max(200) })
export type InspectionSummary = z.infer<typeof summarySchema>

const HEADERS = ['文件', '部门', '年度', '识别报表', '错误', '提示', '尾差', '信息', '未能执行的检查', '说明']
const cells = (r: InspectionSummary['rows'][number]) => [r.document, r.department ?? '', r.year ?? '', `${r.tablesFound}/${r.tablesExpected}`, r.error, r.warning, r.rounding, r.info, r.notRun, r.unreadable ?? (r.error > 0 ? '有错误' : '未发现错误')]
const title = (s: InspectionSummary) => `${s.region ? `${s.region}` : ''}预算公开检查汇总`

export async function summaryXlsx(s: InspectionSummary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('检查汇总')
  ws.addRow([title(s)]).font = { bold: true, size: 14 }
  ws.addRow([`共 ${s.rows.length} 份文件，有错误 ${s.rows.filter((r) => r.error > 0).length} 份，无法读取 ${s.rows.filter((r) => r.unreadable).length} 份`])
  ws.addRow(HEADERS).font = { bold: true }
  for (const r of s.rows) ws.addRow(cells(r))
  ws.columns.forEach((c, i) => (c.width = i === 0 || i === 9 ? 36 : i === 1 ? 24 : 10))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export function summaryPdf(s: InspectionSummary): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, info: { Title: title(s) } })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    registerFonts(doc)
    doc.font(FONT_BOLD).fontSize(16).text(title(s), { align: 'center' })
    doc.moveDown(0.5).font(FONT_REGULAR).fontSize(10).text(`共 ${s.rows.length} 份文件，有错误 ${s.rows.filter((r) => r.error > 0).length} 份，无法读取 ${s.rows.filter((r) => r.unreadable).length} 份`)
    const widths = [170, 120, 40, 55, 40, 40, 40, 40, 70, 155]
    const x0 = doc.page.margins.left
    const row = (vals: (string | number)[], bold: boolean) => {
      if (doc.y > doc.page.height - 60) doc.addPage()
      const y = doc.y + 4
      let x = x0
      let h = 0
      doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(9)
      vals.forEach((v, i) => {
        const t = String(v)
        h = Math.max(h, doc.heightOfString(t, { width: widths[i]! - 4 }))
        doc.text(t, x + 2, y, { width: widths[i]! - 4 })
        x += widths[i]!
      })
      doc.moveTo(x0, y + h + 2).lineTo(x, y + h + 2).lineWidth(0.5).stroke('#999999')
      doc.x = x0
      doc.y = y + h + 4
    }
    doc.moveDown(0.5)
    row(HEADERS, true)
    for (const r of s.rows) row(cells(r), false)
    doc.end()
  })
}
