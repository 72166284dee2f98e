import { describe, expect, it } from 'vitest'
import { computeDisclosure } from '@/lib/budget/compute'
import { cellToNumber } from '@/lib/budget/money'
import { starterCatalogue } from '@/lib/catalogue/files'
import type { NotesContext } from '@/lib/notes/generate'
import { generateNotes } from '@/lib/notes/generate'
import { ZNotes } from '@/lib/notes/schemas'
import { ZOverallTarget, ZProjectTarget } from '@/lib/performance/schemas'
import { chengde2023, laoting2022 } from '../../prisma/demo'
import { chengde2023Notes, chengde2023Overall, chengde2023Targets } from '../../prisma/demo/notes-chengde-2023'
import { laoting2022Notes, laoting2022Overall, laoting2022Targets } from '../../prisma/demo/notes-laoting-2022'
import { loadFixture, templateFor } from '../support/fixtures'

function context(name: 'chengde-2023' | 'laoting-2022'): NotesContext {
  const fx = loadFixture(name)
  const data = name === 'chengde-2023' ? chengde2023() : laoting2022()
  const { tables } = computeDisclosure(data, templateFor(fx.year), starterCatalogue(fx.year))
  const notes = ZNotes.parse(name === 'chengde-2023' ? chengde2023Notes() : laoting2022Notes())
  const targets = (name === 'chengde-2023' ? chengde2023Targets() : laoting2022Targets()).map((t) => ZProjectTarget.parse(t))
  const overall = ZOverallTarget.parse(name === 'chengde-2023' ? chengde2023Overall() : laoting2022Overall())
  return { year: fx.year, department: data.department, data, tables, notes, priorSystem: null, glossary: [], targets: { overall, projects: targets } }
}

const wan = (figures: Record<string, number>, key: string): number => {
  const v = figures[key]
  if (v === undefined) throw new Error(`no generated figure ${key}`)
  return cellToNumber(v)
}

/** Each key of the fixture's `notes`, the generated figure that states it. */
const AMOUNT_KEYS: Record<string, string> = {
  income_total: 'income.total',
  general_budget_income: 'income.general_budget',
  carryover_income: 'income.carryover',
  expenditure_total: 'expenditure.total',
  basic_expenditure: 'expenditure.basic',
  personnel: 'basic.personnel',
  public_operating: 'basic.public',
  prior_year_total: 'prior.total',
  change_vs_prior_year: 'change.total',
  operating_costs: 'operating.total',
  operating_costs_prior_year: 'prior.operatingCosts',
  operating_costs_change: 'change.operatingCosts',
  three_public_total: 'three_public.total',
  three_public_abroad: 'three_public.abroad',
  three_public_vehicles: 'three_public.vehicle',
  three_public_vehicle_purchase: 'three_public.vehicle_purchase',
  three_public_vehicle_maintenance: 'three_public.vehicle_operation',
  three_public_reception: 'three_public.reception',
  three_public_change_vs_prior_year: 'change.threePublicTotal',
  fixed_assets_total: 'assets.total',
  fixed_assets_planned_purchase: 'assets.planned_purchase',
  procurement_total: 'procurement.total',
  general_budget_income_personnel: 'basic.personnel',
  general_budget_income_public_operating: 'basic.public',
  general_budget_income_project: 'general.project',
  gov_fund_income: 'income.gov_fund',
  special_account_income: 'income.special_account',
  other_income: 'income.other',
  general_budget_expenditure: 'general.total',
  gov_fund_expenditure: 'gov_fund.total',
  personnel_change_vs_prior_year: 'change.personnel',
  public_operating_change_vs_prior_year: 'change.public',
  project_change_vs_prior_year: 'change.project',
}
const PLAIN_KEYS: Record<string, string> = {
  change_pct_vs_prior_year: 'change_pct.total',
  operating_costs_change_pct: 'change_pct.operatingCosts',
  vehicles_purchased: 'vehicles.purchased',
  vehicles_held_year_end: 'vehicles.held',
}

function allText(n: ReturnType<typeof generateNotes>): string {
  return n.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'paragraph' ? [`${b.lead ?? ''}${b.text}`] : []))).join('\n')
}

describe('golden: every figure of the fixtures’ notes equals the generated notes', () => {
  for (const name of ['chengde-2023', 'laoting-2022'] as const) {
    it(`${name}: each fixture notes key maps to a generated figure of the same value, printed in the text`, () => {
      const fx = loadFixture(name)
      const generated = generateNotes(context(name))
      const text = allText(generated)
      const notes = fx.notes
      const project = name === 'laoting-2022' ? 'general.project' : 'expenditure.project'
      let checked = 0
      for (const [key, expected] of Object.entries(notes)) {
        if (key === 'project_expenditure') {
          expect(wan(generated.figures, project), key).toBe(expected)
        } else if (key in AMOUNT_KEYS) {
          expect(wan(generated.figures, AMOUNT_KEYS[key]!), key).toBe(expected)
        } else if (key in PLAIN_KEYS) {
          expect(generated.figures[PLAIN_KEYS[key]!], key).toBe(expected)
        } else if (key === 'operating_costs_breakdown') {
          const items = generated.sections.find((s) => s.id === 'operating')!
          for (const [label, v] of Object.entries(expected as Record<string, number>)) {
            expect(text, `${key} ${label}`).toContain(`${label}${(v as number).toFixed(2)}万元`)
            checked++
          }
          expect(items.blocks.length).toBeGreaterThan(0)
        } else if (key === 'project_expenditure_breakdown') {
          for (const [label, v] of Object.entries(expected as Record<string, number>)) expect(wan(generated.figures, `main_project:${label}`), label).toBe(v)
        } else if (key === 'medical_aid_breakdown') {
          for (const [label, v] of Object.entries(expected as Record<string, number>)) expect(wan(generated.figures, `main_project_part:${label}`), label).toBe(v)
        } else if (key === 'fixed_assets_as_of') {
          expect(`${fx.year - 1}-12-31`).toBe(expected)
          expect(generated.figures['assets.as_of']).toBe(Number(String(expected).replace(/-/g, '')))
        } else if (key === 'procurement_statement') {
          expect(text).toContain(expected as string)
        } else {
          throw new Error(`fixture notes key ${key} is not mapped to a generated figure`)
        }
        checked++
      }
      expect(checked).toBeGreaterThanOrEqual(Object.keys(notes).length)
      // and the amounts are printed in the text as the tables print them
      for (const key of ['income.total', 'expenditure.total', 'basic.personnel', 'basic.public', 'operating.total', 'three_public.total', 'assets.total']) {
        expect(text, key).toContain(`${(generated.figures[key]! / 100).toFixed(2)}万元`)
      }
    })
  }

  it('chengde-2023: the sentences read as the seed’s, with the numbers from the data', () => {
    const text = allText(generateNotes(context('chengde-2023')))
    expect(text).toContain('2023年预算收入2350.50万元，其中：一般公共预算拨款收入2275.24万元，上年结转75.26万元。')
    expect(text).toContain('2023年部门支出预算为2350.50万元，其中基本支出1709.00万元，包括人员经费1630.30万元和日常公用经费78.70万元；项目支出641.50万元。')
    expect(text).toContain('2023年预算收支安排2350.50万元，较2022年预算1927.16万元增加423.34万元，增长22%，主要原因是人员经费和医疗服务与保障能力提升项目资金的增加。')
    expect(text).toContain('机关运行经费共计安排78.70万元')
    expect(text).toContain('办公费17.80万元、邮电费16.52万元、差旅费4.00万元、公务接待费0.33万元、工会经费9.26万元、福利费11.99万元、公务用车运行维护费1.40万元、其他交通费用15.41万元、其他商品和服务支出1.99万元')
    expect(text).toContain('机关运行经费预算比2022年度73.25万元增加5.45万元，增长7%')
    expect(text).toContain('公务用车购置及运维费1.40万元（其中：公务用车购置费0.00万元，公务用车运行维护费1.40万元）；公务接待费0.33万元。')
    expect(text).toContain('与2022年相比减少0.01万元，主要原因是厉行财政勤俭节约要求。')
    expect(text).toContain('本年购置公务用车0辆，年末公务用车保有量4辆。')
    expect(text).toContain('上年末固定资产金额为1304.69万元（详见下表）。本年度拟购置固定资产总额为0.00万元。')
  })

  it('laoting-2022: the county wording lists the 一般公共预算 split, the main projects and the changes of each part', () => {
    const text = allText(generateNotes(context('laoting-2022')))
    expect(text).toContain('2022年收入预算8141.01万元：包含一般公共预算拨款收入8129.01万元，其中：人员经费438.66万元，公用经费42.35万元，项目经费7648.00万元；政府性基金预算拨款收入12.00万元；财政专户管理资金收入0.00万元；其他收入0.00万元。')
    expect(text).toContain('城乡居民医疗救助补助资金739.00万元（中央财政医疗救助补助资金179.00万元、省级财政医疗救助补助资金160.00万元、县级财政医疗救助补助资金400.00万元）')
    expect(text).toContain('；政府性基金支出12.00万元。')
    expect(text).toContain('其中：人员经费增加65.44万元，主要原因是人员增加、增资及保险基数调整；日常公用经费增加6.17万元')
    expect(text).toContain('办公取暖费1.87万元')
    expect(text).toContain('公务交通补贴3.54万元')
    expect(text).toContain('安排政府采购预算5.86万元')
    expect(text).toContain('本年度拟购置固定资产总额为5.86万元，已按要求列入政府采购预算')
  })

  it('both: no errors in the generated notes except the published sources’ own defects', () => {
    const c = generateNotes(context('chengde-2023')).findings.filter((f) => f.severity === 'error')
    // chengde's published target tables 4–7 keep the template's “目标内容 1”
    expect(new Set(c.map((f) => f.rule))).toEqual(new Set(['notes.template_residue']))
    expect(c.every((f) => f.notes?.section === 'performance')).toBe(true)
    const l = generateNotes(context('laoting-2022')).findings.filter((f) => f.severity === 'error')
    expect(l).toEqual([])
  })
})

describe('golden, from import: the notes of the fixtures’ printed tables alone (no lines)', () => {
  for (const name of ['chengde-2023', 'laoting-2022'] as const) {
    it(`${name}: every figure the tables hold equals the fixture’s notes`, async () => {
      const { tablesFromFixture } = await import('@/lib/budget/read-tables')
      const fx = loadFixture(name)
      const ctx = context(name)
      const { tables, findings } = tablesFromFixture(fx.tables, templateFor(fx.year), fx.year)
      expect(findings).toEqual([])
      const data = { ...ctx.data!, revenue: [], expenditure: [], procurement: [], fixedAssets: [] }
      const g = generateNotes({ ...ctx, data, tables })
      const notes = fx.notes as Record<string, unknown>
      for (const [key, path] of Object.entries(AMOUNT_KEYS)) {
        if (!(key in notes) || key === 'fixed_assets_planned_purchase') continue // planned purchases need the lines
        expect(wan(g.figures, path), key).toBe(notes[key])
      }
      const text = allText(g)
      for (const [label, v] of Object.entries(notes.operating_costs_breakdown as Record<string, number>)) expect(text, label).toContain(`${label}${v.toFixed(2)}万元`)
    })
  }
})
