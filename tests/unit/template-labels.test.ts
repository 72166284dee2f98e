/**
 * The admin's label editor (lib/budget/template-labels.ts) offers the 小计 of a 三公 table printed
 * across (ThreePublicTable.subtotalLabel, docs/decisions/010) like every other printed label: renamed,
 * it heads the group's own column in the printed table, and the table reads back. A table printed
 * upright has no such column, and no such label to rename.
 */
import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { withPresentation } from '@/lib/budget/present'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import { toFixtureTable } from '@/lib/budget/table'
import type { Template, ThreePublicTable } from '@/lib/budget/template'
import { applyLabelEdits, editableLabels } from '@/lib/budget/template-labels'
import { parseTemplate } from '@/lib/budget/template-schema'
import { shippedTemplate } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { henanDept2023, shanghaiDept2023 } from '../factories/template-layouts'

const threePublicAt = (t: Template) => t.tables.findIndex((x) => x.kind === 'three_public')
const subtotalLabelOf = (t: Template) => editableLabels(t).flatMap((g) => g.labels).find((l) => l.path.endsWith('.subtotalLabel'))

describe('the 小计 of a 三公 table printed across', () => {
  it.each(['henan-dept-2023', 'shanghai-dept-2023'])('%s: offered with the other labels of its table, reading 小计', (id) => {
    const t = shippedTemplate(id)
    const i = threePublicAt(t)
    const group = editableLabels(t)[i]!
    expect(group.table).toBe(t.tables[i]!.title)
    expect(group.labels).toContainEqual({ path: `tables.${i}.subtotalLabel`, value: '小计', what: '小计列' })
  })

  it('renamed: the template stays valid and the printed header’s group column takes the new name; the table reads back', () => {
    const t = shippedTemplate('henan-dept-2023')
    const i = threePublicAt(t)
    const renamed = applyLabelEdits(t, { [`tables.${i}.subtotalLabel`]: '合计' })
    const parsed = parseTemplate(renamed)
    expect(parsed).toMatchObject({ ok: true })
    expect((renamed.tables[i] as ThreePublicTable).subtotalLabel).toBe('合计')
    // the editor now offers the new name
    expect(subtotalLabelOf(renamed)).toEqual({ path: `tables.${i}.subtotalLabel`, value: '合计', what: '小计列' })
    // the original is untouched
    expect((t.tables[i] as ThreePublicTable).subtotalLabel).toBeUndefined()

    const data = henanDept2023()
    const { tables } = computeDisclosure(data, renamed, starterCatalogue(2023))
    const held = tables.find((x) => x.key === t.tables[i]!.key)!
    const printed = toFixtureTable(withPresentation(tables, renamed).find((x) => x.key === held.key)!)
    expect(printed.columns).toEqual(['项目', '合计', '因公出国（境）费', '公务用车购置及运行费/合计', '公务用车购置及运行费/公务用车购置费', '公务用车购置及运行费/公务用车运行费', '公务接待费'])
    // read back through the renamed template: the kernel's vertical table again, no finding
    const back = tablesFromFixture([printed], renamed, 2023)
    expect(back.findings).toEqual([])
    expect(back.tables[0]!.rows).toEqual(held.rows)
  })

  it('Shanghai: renamed like Henan', () => {
    const t = shippedTemplate('shanghai-dept-2023')
    const i = threePublicAt(t)
    const renamed = applyLabelEdits(t, { [`tables.${i}.subtotalLabel`]: '小计数' })
    expect(parseTemplate(renamed)).toMatchObject({ ok: true })
    const { tables } = computeDisclosure(shanghaiDept2023(), renamed, starterCatalogue(2023))
    const printed = toFixtureTable(withPresentation(tables, renamed).find((x) => x.key === t.tables[i]!.key)!)
    expect(printed.columns.filter((c) => c.endsWith('/小计数'))).toHaveLength(1)
  })

  it('a table printed upright (Hebei) has no 小计 column to rename', () => {
    for (const id of ['hebei-dept-2024', 'hebei-unit-2024']) {
      const t = shippedTemplate(id)
      expect(subtotalLabelOf(t)).toBeUndefined()
      expect(() => applyLabelEdits(t, { [`tables.${threePublicAt(t)}.subtotalLabel`]: '合计' })).toThrow('不可修改的位置')
    }
  })
})
