import type { Computed } from '@/lib/budget/compute'
import { computeDisclosure } from '@/lib/budget/compute'
import type { Template } from '@/lib/budget/template'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import type { DisclosureFull } from './to-budget-data'
import { toBudgetData } from './to-budget-data'

export async function computeFor(d: DisclosureFull): Promise<Computed & { data: ReturnType<typeof toBudgetData>; template: Template }> {
  const data = toBudgetData(d)
  const template = d.template.definition as unknown as Template
  const catalogue = await loadCatalogue(d.year)
  return { ...computeDisclosure(data, template, catalogue), data, template }
}
