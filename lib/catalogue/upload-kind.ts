/**
 * What an uploaded catalogue file really is, by its first bytes rather than its name, so that a PDF or a
 * Word file gets a Chinese message saying what to upload instead of a parser error full of binary text.
 */
export type UploadKind = { kind: 'xlsx' } | { kind: 'csv'; text: string } | { kind: 'rejected'; message: string }

const starts = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b)
const WHAT = '请上传科目表：CSV 文件（UTF-8 编码）或 Excel 工作簿（.xlsx），第一行为表头 code,name。'

export function sniffCatalogueUpload(buf: Buffer, fileName: string): UploadKind {
  if (buf.length === 0) return { kind: 'rejected', message: `文件是空的。${WHAT}` }
  if (starts(buf, [0x25, 0x50, 0x44, 0x46])) return { kind: 'rejected', message: `这是 PDF 文件，不是科目表。${WHAT}` }
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0])) return { kind: 'rejected', message: `这是旧版 Office 文件（.xls 或 .doc），请在 Excel 中另存为 .xlsx 或 CSV 后上传。${WHAT}` }
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // a ZIP container: an .xlsx workbook, or another Office file (.docx, .pptx) that the workbook reader rejects
    const head = buf.subarray(0, Math.min(buf.length, 4096)).toString('latin1')
    if (/word\//.test(head)) return { kind: 'rejected', message: `这是 Word 文档，不是科目表。${WHAT}` }
    if (/ppt\//.test(head)) return { kind: 'rejected', message: `这是 PowerPoint 文件，不是科目表。${WHAT}` }
    return { kind: 'xlsx' }
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return { kind: 'rejected', message: `文件名是 .xlsx，但内容不是 Excel 工作簿（可能已损坏）。${WHAT}` }
  if (/^\x89PNG|^\xff\xd8\xff|^GIF8/.test(buf.subarray(0, 4).toString('latin1'))) return { kind: 'rejected', message: `这是图片文件，不是科目表。${WHAT}` }
  const sample = buf.subarray(0, Math.min(buf.length, 65536))
  if (sample.includes(0)) return { kind: 'rejected', message: `文件不是文本格式的 CSV，也不是 Excel 工作簿。${WHAT}` }
  const text = buf.toString('utf8')
  if (text.includes('\uFFFD')) return { kind: 'rejected', message: `文件不是 UTF-8 编码（可能是 GBK）：请在 Excel 中“另存为”选择“CSV UTF-8（逗号分隔）”，或上传 .xlsx。` }
  return { kind: 'csv', text: text.replace(/^\uFEFF/, '') }
}
