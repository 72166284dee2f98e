import { describe, expect, it } from 'vitest'
import { linesOfCell } from '../../lib/budget/cell-lines'
import { computeDisclosure } from '../../lib/budget/compute'
import { toFixtureTable } from '../../lib/budget/table'
import { starterCatalogue } from '../../lib/catalogue/files'
import { shippedTemplate } from '../../lib/templates/files'
import type { TreeTable } from '../../lib/budget/template'
import { chengde2023 } from '../../prisma/demo'

describe('linesOfCell: a derived cell opens the lines it is made of', () => {
  const data = chengde2023()
  data.expenditure = data.expenditure.map((l, i) => ({ ...l, id: `e${i}` }))
  data.revenue = data.revenue.map((l, i) => ({ ...l, id: `r${i}` }))
  const template = shippedTemplate('hebei-dept-2023')
  const tables = computeDisclosure(data, template, starterCatalogue(2023)).tables.map(toFixtureTable)
  const trees = template.tables.filter((t): t is TreeTable => t.kind === 'function_tree' || t.kind === 'economic_tree')

  it('every code row of every tree table: its lines sum to the printed cell of each amount column', () => {
    expect(trees.length).toBeGreaterThan(2)
    let checked = 0
    for (const def of trees) {
      const printed = tables.find((t) => t.key === def.key)!
      printed.rows.forEach((row, r) => {
        def.columns.forEach((col, c) => {
          if (!('filter' in col)) return
          const cell = row[c]
          if (typeof cell !== 'number') return
          const found = linesOfCell(template, tables, data, { table: def.key, row: r, col: c })
          if (!found) return
          const pool = found.list === 'revenue' ? data.revenue : data.expenditure
          const fen = pool.filter((l) => found.ids.includes(l.id!)).reduce((s, l) => s + l.amount, 0)
          // the printed cell is in 万元, rounded to two decimals
          expect(Math.abs(fen / 1_000_000 - cell), `${def.key} row ${r} col ${c}`).toBeLessThan(0.0051)
          checked++
        })
      })
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('a cell that is not made of lines (no such table, no such row) opens nothing', () => {
    expect(linesOfCell(template, tables, data, { table: 'three_public_expenses', row: 0, col: 1 })).toBeNull()
    expect(linesOfCell(template, tables, data, { table: trees[0]!.key, row: 9999, col: 2 })).toBeNull()
  })
})
