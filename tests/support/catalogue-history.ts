import fs from 'node:fs'
import ExcelJS from 'exceljs'

/**
 * A real catalogue as an admin may receive it with its history: the starter function catalogue
 * (prisma/data/catalogue/function.csv, from published documents) with one period per year, so each year's
 * names are rows of their own (from_year = to_year). `years` periods of ~1,000 codes: ~43 KB each.
 */
export function catalogueHistoryCsv(firstYear: number, years: number): string {
  const [header, ...rows] = fs.readFileSync('prisma/data/catalogue/function.csv', 'utf8').trim().split('\n')
  const out = [header]
  for (let y = firstYear; y < firstYear + years; y++) {
    for (const row of rows) {
      const c = row.split(',')
      // a row that names its own period appears only in the years it covers
      if ((c[4] && Number(c[4]) > y) || (c[5] && Number(c[5]) < y)) continue
      c[4] = String(y)
      c[5] = String(y)
      out.push(c.join(','))
    }
  }
  return out.join('\n') + '\n'
}

/** The same rows as an .xlsx workbook (first sheet, header row first). */
export async function catalogueHistoryXlsx(firstYear: number, years: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('科目')
  for (const line of catalogueHistoryCsv(firstYear, years).trim().split('\n')) ws.addRow(line.split(','))
  return Buffer.from(await wb.xlsx.writeBuffer())
}
