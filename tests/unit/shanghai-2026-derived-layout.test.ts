/**
 * A disclosure entered by lines on the Shanghai 2026 template prints the Shanghai 2026 summary layout,
 * from the template's data (closingRows, classRowsShown): no 本年收入合计 / 上年结转结余 rows, 收入总计 /
 * 支出总计 last, and only the classes with figures, numbered 一、二、… — the shape the real 2026 tables have
 * (tests/fixtures/shanghai-wenlv-2026.json).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { withPresentation } from '@/lib/budget/present'
import type { FixtureTable } from '@/lib/budget/table'
import { toFixtureTable } from '@/lib/budget/table'
import { starterCatalogue } from '@/lib/catalogue/files'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { writeXlsx } from '@/lib/exchange/write-xlsx'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { shanghaiDept2023 } from '../factories/template-layouts'

const fixture = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/shanghai-wenlv-2026.json'), 'utf8')) as { tables: FixtureTable[] }
const KEYS = ['income_expenditure_summary', 'fiscal_income_expenditure_summary'] as const
const leftLabels = (t: FixtureTable) => t.rows.map((r) => r[0]).filter((v) => v !== null)
const rightLabels = (t: FixtureTable) => t.rows.map((r) => r[2]).filter((v) => v !== null) as string[]

describe('Shanghai 2026 summaries derived from lines follow the template’s row layout', () => {
  const template = shippedTemplate('shanghai-dept-2026')
  const data = { ...shanghaiDept2023(), year: 2026 }
  const computed = computeDisclosure(data, template, starterCatalogue(2026))
  const tables = withPresentation(computed.tables, template).map(toFixtureTable)

  for (const key of KEYS) {
    it(`${key}: the income rows and 收入总计 as the real 2026 table prints them, no 本年合计 or 结转 rows`, () => {
      const t = tables.find((x) => x.key === key)!
      const real = fixture.tables.find((x) => x.key === key)!
      expect(leftLabels(t)).toEqual(leftLabels(real))
      const right = rightLabels(t)
      expect(right.at(-1)).toBe('支出总计')
      expect(right).not.toContain('本年支出合计')
      expect(right).not.toContain('年末结转结余')
      // only the classes with figures, numbered in order
      const classes = right.slice(0, -1)
      expect(classes.length).toBeGreaterThan(0)
      expect(classes.map((l) => /^([一二三四五六七八九十]+)、/.exec(l)?.[1])).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].slice(0, classes.length))
      const amounts = t.rows.filter((r) => typeof r[2] === 'string' && r[2] !== '支出总计').map((r) => r[3])
      expect(amounts.every((a) => typeof a === 'number' && a !== 0)).toBe(true)
    })
  }

  it('no finding but 尾差, and the workbook reads back to the same tables with no finding', async () => {
    expect(computed.findings.filter((f) => f.severity !== 'rounding')).toEqual([])
    const xlsx = await writeXlsx({ department: data.department, year: 2026, tables, template })
    const parsed = parseWorkbook(await loadWorkbook(xlsx), { candidates: shippedTemplateIds().map(shippedTemplate) })
    expect(parsed.template.id).toBe('shanghai-dept-2026')
    expect(JSON.parse(JSON.stringify(parsed.tables.map((p) => p.table)))).toEqual(tables)
    expect(validateParsed(parsed, starterCatalogue(2026)).report.summary).toEqual({ error: 0, warning: 0, rounding: computed.findings.length })
  })

  it('other templates keep printing every closing row and every class (default layout)', () => {
    const t = computeDisclosure(data, shippedTemplate('shanghai-dept-2023'), starterCatalogue(2026)).tables.map(toFixtureTable).find((x) => x.key === 'income_expenditure_summary')!
    expect(leftLabels(t).slice(-3)).toEqual(['本年收入合计', '上年结转结余', '收入总计'])
  })
})
