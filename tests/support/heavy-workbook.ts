import ExcelJS from 'exceljs'

/**
 * A workbook that is heavy to read but within every cap: `rows` × `cols` cells of numbers and text on
 * one sheet (several MB of sheet XML, compressed to far less). Its tables mean nothing; it is for load.
 */
export async function heavyWorkbook(rows: number, cols: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('明细')
  for (let r = 0; r < rows; r++) ws.addRow(Array.from({ length: cols }, (_, c) => (c % 3 === 0 ? `项目${r}-${c}` : (r * cols + c) / 100)))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
