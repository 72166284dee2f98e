import { computeDisclosure } from '../../lib/budget/compute'
import { starterCatalogue } from '../../lib/catalogue/files'
import type { AssembleInput } from '../../lib/document/assemble'
import { defaultGlossary } from '../../lib/notes/glossary'
import { ZNotes } from '../../lib/notes/schemas'
import { ZOverallTarget, ZProjectTarget } from '../../lib/performance/schemas'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { chengde2023Notes, chengde2023Overall, chengde2023Targets } from '../../prisma/demo/notes-chengde-2023'
import { laoting2022Notes, laoting2022Overall, laoting2022Targets } from '../../prisma/demo/notes-laoting-2022'
import { templateFor } from '../support/fixtures'

/**
 * The complete document's input for one of the two fixtures, built from the factories without a
 * database: tables derived from the lines with the shipped catalogue, notes and targets as entered.
 */
export async function documentInputFor(name: 'chengde-2023' | 'laoting-2022'): Promise<AssembleInput> {
  const isC = name === 'chengde-2023'
  const data = isC ? chengde2023() : laoting2022()
  const { tables } = computeDisclosure(data, templateFor(data.year), starterCatalogue(data.year))
  return {
    year: data.year,
    department: data.department,
    data,
    tables,
    amountUnit: '万元',
    region: isC ? { name: '承德市', province: '河北省', financeBureau: '承德市财政局' } : { name: '乐亭县', province: '河北省', financeBureau: '乐亭县财政局' },
    status: 'published',
    dateLine: isC ? '公开日期：2023年2月16日' : '公开日期：2022年2月8日',
    notes: ZNotes.parse(isC ? chengde2023Notes() : laoting2022Notes()),
    priorSystem: null,
    glossary: defaultGlossary(isC ? '市级' : '本级'),
    targets: { overall: ZOverallTarget.parse(isC ? chengde2023Overall() : laoting2022Overall()), projects: (isC ? chengde2023Targets() : laoting2022Targets()).map((t) => ZProjectTarget.parse(t)) },
  }
}
