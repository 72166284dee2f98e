import ExcelJS from 'exceljs'
import { templateColumns } from '@/lib/budget/read-tables'
import type { FixtureTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'

/**
 * A 单位预算 workbook as the Hebei budget system writes it, with none of the app's exporter: one sheet
 * per table named by its title; the title merged across the table; a line with the unit
 * (“单位名称：[447001]承德市医疗保障局本级”), the budget year and “金额单位：万元”; two header rows with
 * merged group headers; no 序号 column and no 栏次 row; amounts as numbers; the note under the table.
 */
export async function budgetSystemUnitWorkbook(unit: { code: string; name: string }, year: number, tables: FixtureTable[], template: Template): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = '河北省预算管理一体化系统'
  for (const t of tables) {
    const ws = wb.addWorksheet(t.title.slice(0, 31))
    const n = t.columns.length
    ws.mergeCells(1, 1, 1, n)
    ws.getCell(1, 1).value = t.title
    ws.getCell(2, 1).value = `单位名称：[${unit.code}]${unit.name}`
    ws.getCell(2, Math.max(2, Math.ceil(n / 2))).value = `预算年度：${year}`
    ws.getCell(2, n).value = '金额单位：万元'
    const parts = t.columns.map((c) => c.split('/'))
    let c = 0
    while (c < n) {
      const p = parts[c]!
      if (p.length === 1) {
        ws.getCell(3, c + 1).value = p[0]!
        ws.mergeCells(3, c + 1, 4, c + 1)
        c++
        continue
      }
      let e = c
      while (e + 1 < n && parts[e + 1]!.length > 1 && parts[e + 1]![0] === p[0]) e++
      ws.getCell(3, c + 1).value = p[0]!
      if (e > c) ws.mergeCells(3, c + 1, 3, e + 1)
      for (let k = c; k <= e; k++) ws.getCell(4, k + 1).value = parts[k]![1]!
      c = e + 1
    }
    const kinds = templateColumns(template.tables.find((x) => x.key === t.key)!, year)
    t.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null) return
        const cell = ws.getCell(5 + i, j + 1)
        cell.value = v
        if (kinds[j]?.kind === 'amount') cell.numFmt = '#,##0.00'
      }),
    )
    if (t.note) ws.getCell(5 + t.rows.length, 1).value = t.note
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
