import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { toFixtureTable } from '@/lib/budget/table'
import { starterCatalogue } from '@/lib/catalogue/files'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { loadFixture, templateFor } from '../support/fixtures'

describe('golden: tables derived from lines equal the published tables cell for cell', () => {
  for (const [name, make] of [
    ['chengde-2023', chengde2023],
    ['laoting-2022', laoting2022],
  ] as const) {
    it(`${name}: all tables, with names from the shipped ${name.slice(-4)} catalogue`, () => {
      const fx = loadFixture(name)
      const data = make()
      const { tables } = computeDisclosure(data, templateFor(fx.year), starterCatalogue(fx.year))
      expect(tables.map(toFixtureTable)).toEqual(fx.tables)
    })
  }

  it('chengde-2023 from lines: no line errors, and the same 11 rounding differences as the printed source', () => {
    const { findings } = computeDisclosure(chengde2023(), templateFor(2023), starterCatalogue(2023))
    expect(findings.filter((f) => f.severity !== 'rounding')).toEqual([])
    expect(findings.filter((f) => f.severity === 'rounding')).toHaveLength(11)
  })

  it('laoting-2022 from lines: no findings at all', () => {
    expect(computeDisclosure(laoting2022(), templateFor(2022), starterCatalogue(2022)).findings).toEqual([])
  })
})
