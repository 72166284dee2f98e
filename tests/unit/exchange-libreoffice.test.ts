import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { templateColumns } from '@/lib/budget/read-tables'
import { formatPrinted, numberToPrinted } from '@/lib/budget/money'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { loadFixture, templateFor } from '../support/fixtures'

const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0)
if (!soffice) console.log('[exchange-libreoffice] 跳过：本机没有 LibreOffice（soffice）。安装 libreoffice-calc-nogui 后运行（.ci/run 会安装）。')

/**
 * An independent reader: LibreOffice opens the exported XLSX headless and writes every sheet as CSV
 * "as shown" (its own rendering of the number format); every printed cell must come out the same.
 */
describe.skipIf(!soffice)('the exported XLSX opened by LibreOffice', () => {
  for (const name of ['chengde-2023', 'laoting-2022'] as const) {
    it(`${name}: every sheet converts to CSV with the same numbers, two decimals, and the same texts`, { timeout: 180_000 }, async () => {
      const fx = loadFixture(name)
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-export-'))
      try {
        const file = path.join(dir, `${name}.xlsx`)
        fs.writeFileSync(file, await writeXlsx({ department: { code: fx.department.code, name: fx.department.fullName ?? fx.department.name }, year: fx.year, tables: fx.tables, template: templateFor(fx.year) }))
        // 44 comma, 34 quote, 76 UTF-8, from line 1; token 9 "true" = cell contents as shown; token 12 "-1" = every sheet
        execFileSync(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', '--outdir', dir, file], { stdio: 'pipe', timeout: 170_000 })
        for (const t of fx.tables) {
          const csvFile = path.join(dir, `${name}-${t.title}.csv`)
          expect(fs.existsSync(csvFile), csvFile).toBe(true)
          const rows = parse(fs.readFileSync(csvFile, 'utf8'), { relax_column_count: true }) as string[][]
          expect(rows[0]![0]).toBe(t.title)
          const lanci = rows.findIndex((r) => r[0] === '栏次')
          expect(rows[lanci]!.slice(1, t.columns.length + 1)).toEqual(t.columns.map((_, i) => String(i + 1)))
          const kinds = templateColumns(templateFor(fx.year).tables.find((x) => x.key === t.key)!, fx.year).map((c) => c.kind)
          t.rows.forEach((row, i) => {
            const got = rows[lanci + 1 + i]!
            expect(got[0]).toBe(String(i + 1))
            row.forEach((v, j) => {
              const shown = got[j + 1] ?? ''
              if (v === null) expect(shown).toBe('')
              else if (typeof v === 'number' && kinds[j] === 'amount') expect(shown, `${t.title} r${i} c${j}`).toBe(formatPrinted(numberToPrinted(v)))
              else expect(shown).toBe(String(v))
            })
          })
          if (t.note) expect(rows[lanci + 1 + t.rows.length]![0]).toBe(t.note)
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    })
  }
})
