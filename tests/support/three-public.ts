/** Shared by the tests of the 三公 table printed across (docs/decisions/010-table-orientation.md). */
import { computeDisclosure } from '@/lib/budget/compute'
import { withPresentation } from '@/lib/budget/present'
import type { Template, ThreePublicTable } from '@/lib/budget/template'
import { shippedTemplate, shippedTemplateIds } from '@/lib/templates/files'
import { starterCatalogue } from '@/lib/catalogue/files'
import { henanDept2023, shanghaiDept2023 } from '../factories/template-layouts'

export const KEY = 'three_public_expenses'
export const ALL = shippedTemplateIds().map(shippedTemplate)
export const threePublicOf = (t: Template) => t.tables.find((x): x is ThreePublicTable => x.kind === 'three_public')!

/** A template whose 三公 table is printed across: a shipped one, or a shipped vertical one turned (several funds, nested sums). */
export function across(id: string): Template {
  const t = shippedTemplate(id)
  return { ...t, tables: t.tables.map((x) => (x.kind === 'three_public' ? { ...x, orientation: 'horizontal' as const } : x)) }
}

export const LAYOUTS: Record<string, Template> = {
  'henan-dept-2023': shippedTemplate('henan-dept-2023'),
  'shanghai-dept-2023': shippedTemplate('shanghai-dept-2023'),
  'hebei-unit-2024 turned': across('hebei-unit-2024'),
}

export function derived(id: 'henan-dept-2023' | 'shanghai-dept-2023') {
  const template = shippedTemplate(id)
  const data = id === 'henan-dept-2023' ? henanDept2023() : shanghaiDept2023()
  const computed = computeDisclosure(data, template, starterCatalogue(data.year))
  return { template, data, computed, tables: withPresentation(computed.tables, template) }
}

export const tableOf = <T extends { key: string }>(tables: T[]) => tables.find((t) => t.key === KEY)!
