import type { Computed } from '@/lib/budget/compute'
import { computeDisclosure } from '@/lib/budget/compute'
import { tablesFromFixture } from '@/lib/budget/read-tables'
import type { FixtureTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'
import { validateTables } from '@/lib/budget/validate-tables'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import type { DisclosureFull } from './to-budget-data'
import { toBudgetData } from './to-budget-data'

/**
 * The disclosure's tables and findings. Entered disclosures derive their tables from the lines; an
 * imported one keeps the workbook's printed tables as declared (lines cannot be rebuilt from the nine
 * tables), so those ARE its tables, validated with the same kernel and the year's catalogue
 * (docs/decisions/004-imported-disclosures.md).
 */
export async function computeFor(d: DisclosureFull): Promise<Computed & { data: ReturnType<typeof toBudgetData>; template: Template }> {
  const data = toBudgetData(d)
  const template = d.template.definition as unknown as Template
  const catalogue = await loadCatalogue(d.year)
  if (d.source === 'imported' && Array.isArray(d.declaredTables)) {
    const { tables, findings } = tablesFromFixture(d.declaredTables as unknown as FixtureTable[], template, d.year)
    return { tables, findings: [...findings, ...validateTables(tables, template, catalogue)], data, template }
  }
  return { ...computeDisclosure(data, template, catalogue), data, template }
}
