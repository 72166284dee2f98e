/**
 * Derives all 11 tables from the factories' lines and compares them cell for cell with the
 * golden fixtures. Run: npx tsx tests/factories/verify-factories.ts  (exit 1 on any difference)
 */
import fs from 'node:fs'
import path from 'node:path'
import { catalogueFromEntries, type ClassificationKind } from '../../lib/budget/catalogue'
import { deriveTables } from '../../lib/budget/derive'
import { toFixtureTable, type FixtureTable } from '../../lib/budget/table'
import type { Template } from '../../lib/budget/template'
import { TABLE_KEYS } from '../../lib/budget/template'
import type { BudgetData } from '../../lib/budget/types'
import { chengde2023, laoting2022 } from '../../prisma/demo'

const root = path.resolve(import.meta.dirname, '../..')
const fixtureDir = fs.existsSync(path.join(root, 'tests/fixtures/chengde-2023.json')) ? path.join(root, 'tests/fixtures') : path.resolve(root, '../shared/fixtures')

type Fixture = { department: { code: string; name: string }; year: number; tables: FixtureTable[] }

const readJson = <T>(p: string): T => JSON.parse(fs.readFileSync(p, 'utf8')) as T

function catalogueOf(fx: Fixture) {
  const rows: { kind: ClassificationKind; code: string; name: string }[] = []
  const seen = new Set<string>()
  for (const t of fx.tables) {
    const kind: ClassificationKind | null = t.key === 'general_budget_basic_expenditure' ? 'economic' : t.columns[0]?.startsWith('功能分类科目') ? 'function' : null
    if (!kind) continue
    for (const r of t.rows) {
      const [code, name] = r
      if (typeof code !== 'string' || typeof name !== 'string' || seen.has(`${kind}:${code}`)) continue
      seen.add(`${kind}:${code}`)
      rows.push({ kind, code, name })
    }
  }
  return catalogueFromEntries(fx.year, rows)
}

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v))

function compare(name: string, data: BudgetData, fixtureFile: string, templateFile: string): number {
  const fx = readJson<Fixture>(path.join(fixtureDir, fixtureFile))
  const template = readJson<Template>(path.join(root, 'lib/budget/templates', templateFile))
  const derived = deriveTables(data, template, catalogueOf(fx)).map(toFixtureTable)
  let diffs = 0
  const report = (where: string, got: unknown, want: unknown) => {
    diffs++
    console.log(`  DIFF ${name} | ${where} | derived=${show(got)} fixture=${show(want)}`)
  }
  for (const key of TABLE_KEYS) {
    const want = fx.tables.find((t) => t.key === key)
    const got = derived.find((t) => t.key === key)
    if (!want && !got) continue // a table neither prints (部门支出分单位 is a consolidated budget's)
    if (!want || !got) {
      report(`${key}`, got ? 'present' : undefined, want ? 'present' : undefined)
      continue
    }
    if (got.title !== want.title) report(`${key} title`, got.title, want.title)
    if (got.note !== want.note) report(`${key} note`, got.note, want.note)
    const nc = Math.max(got.columns.length, want.columns.length)
    for (let c = 0; c < nc; c++) if (got.columns[c] !== want.columns[c]) report(`${key} column ${c + 1}`, got.columns[c], want.columns[c])
    const nr = Math.max(got.rows.length, want.rows.length)
    for (let r = 0; r < nr; r++) {
      const g = got.rows[r]
      const w = want.rows[r]
      if (!g || !w) {
        report(`${key} row ${r + 1}`, g, w)
        continue
      }
      const n = Math.max(g.length, w.length)
      for (let c = 0; c < n; c++) {
        if (g[c] === w[c]) continue
        // the row's label nearest to the left of the cell (two-sided summary tables have one per side)
        const label = w.slice(0, Math.max(c, 1)).findLast((v) => typeof v === 'string' && v !== '') ?? `#${r + 1}`
        report(`${key} row ${r + 1} (${label}) / ${want.columns[c] ?? `col ${c + 1}`}`, g[c], w[c])
      }
    }
  }
  if (derived.length !== fx.tables.length) report('table count', derived.length, fx.tables.length)
  console.log(`${name}: ${derived.length} tables derived, ${diffs} difference(s) against ${path.join(fixtureDir, fixtureFile)}`)
  return diffs
}

const total = compare('chengde-2023', chengde2023(), 'chengde-2023.json', 'hebei-dept-2023.json') + compare('laoting-2022', laoting2022(), 'laoting-2022.json', 'hebei-dept-2022.json')
console.log(total === 0 ? 'OK: no differences' : `FAILED: ${total} difference(s)`)
process.exit(total === 0 ? 0 : 1)
