import fs from 'node:fs'
import path from 'node:path'
import type { FixtureTable } from '@/lib/budget/table'
import type { Template } from '@/lib/budget/template'
import hebei2022 from '@/lib/budget/templates/hebei-dept-2022.json'
import hebei2023 from '@/lib/budget/templates/hebei-dept-2023.json'

export type Fixture = {
  source: string
  department: { code: string; name: string; fullName?: string }
  year: number
  amountUnit: string
  tables: FixtureTable[]
  performanceTargets: unknown[]
  notes: Record<string, unknown>
}

const dir = path.resolve(import.meta.dirname, '../fixtures')

export function loadFixture(name: 'chengde-2023' | 'laoting-2022'): Fixture {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Fixture
}

export function templateFor(year: number): Template {
  return (year <= 2022 ? hebei2022 : hebei2023) as Template
}
