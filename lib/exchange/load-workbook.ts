import ExcelJS from 'exceljs'
import { ExchangeError, MAX_FILE_BYTES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, mb } from './errors'
import { checkXlsxContainer } from './zip'

import type { RawCell, RawSheet, RawWorkbook } from './grid'

export type { RawCell, RawSheet, RawWorkbook } from './grid'
export { cellText } from './grid'

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le')

/** Says what a file is when it is not an .xlsx, in words a user can act on. */
function sniff(buf: Buffer): void {
  if (buf.length === 0) throw new ExchangeError('NOT_XLSX', '文件是空的（0 字节）。')
  if (buf.length > MAX_FILE_BYTES) throw new ExchangeError('TOO_LARGE', `文件大小 ${mb(buf.length)}，超过上限 ${mb(MAX_FILE_BYTES)}。`)
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.includes(ENCRYPTED_PACKAGE)) throw new ExchangeError('ENCRYPTED', '工作簿设置了打开密码（已加密），无法读取。请在 Excel 中打开，清除“用密码进行加密”后另存为 .xlsx 再导入。')
    throw new ExchangeError('OLD_XLS', '这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再导入。')
  }
  if (!buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    const head = buf.subarray(0, 512).toString('utf8')
    if (head.startsWith('%PDF')) throw new ExchangeError('NOT_XLSX', '这是 PDF 文件，不是 Excel 工作簿（.xlsx）。请上传预算管理一体化系统导出的 .xlsx 文件。')
    if (/^\uFEFF?\s*</.test(head)) throw new ExchangeError('NOT_XLSX', '这是网页或 XML 文本，不是 Excel 工作簿（.xlsx）。')
    throw new ExchangeError('NOT_XLSX', '文件不是 Excel 工作簿（.xlsx），或已损坏。请上传 .xlsx 格式的文件。')
  }
}

function toRawCell(value: ExcelJS.CellValue): RawCell | undefined {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return { v: value }
  if (typeof value !== 'object') return undefined
  if ('richText' in value && Array.isArray(value.richText)) return { v: value.richText.map((t) => t.text ?? '').join('') }
  if ('error' in value && value.error) return { v: null, error: String(value.error) }
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as { formula?: string; sharedFormula?: string; result?: unknown }
    const formula = String(f.formula ?? f.sharedFormula ?? '')
    const r = f.result
    if (r === undefined || r === null) return { v: null, formula, noResult: true }
    if (typeof r === 'object' && r !== null && 'error' in r) return { v: null, formula, error: String((r as { error: unknown }).error) }
    const inner = toRawCell(r as ExcelJS.CellValue)
    return { v: inner?.v ?? null, formula }
  }
  if ('text' in value) {
    const t = (value as { text: unknown }).text
    if (typeof t === 'string') return { v: t }
    return toRawCell(t as ExcelJS.CellValue)
  }
  return undefined
}

/** Loads an uploaded file as a grid, or throws an ExchangeError saying why it cannot be read. */
export async function loadWorkbook(buf: Buffer): Promise<RawWorkbook> {
  sniff(buf)
  checkXlsxContainer(buf)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
  } catch (e) {
    throw new ExchangeError('CORRUPT', `无法读取工作簿：文件已损坏或不是标准的 .xlsx 格式（${String((e as Error).message ?? e).slice(0, 120)}）。`)
  }
  const sheets: RawSheet[] = []
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_SHEET_ROWS) throw new ExchangeError('TOO_LARGE', `工作表「${ws.name}」有 ${ws.rowCount} 行，超过上限 ${MAX_SHEET_ROWS} 行。`)
    if (ws.columnCount > MAX_SHEET_COLUMNS) throw new ExchangeError('TOO_LARGE', `工作表「${ws.name}」有 ${ws.columnCount} 列，超过上限 ${MAX_SHEET_COLUMNS} 列。`)
    const rows: (RawCell | undefined)[][] = []
    let colCount = 0
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: (RawCell | undefined)[] = []
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const src = cell.isMerged ? cell.master : cell
        const raw = toRawCell(src.value)
        if (raw) {
          cells[c - 1] = raw
          colCount = Math.max(colCount, c)
        }
      })
      rows[r - 1] = cells
    })
    sheets.push({ name: ws.name, rows, rowCount: rows.length, colCount })
  }
  return { sheets }
}
