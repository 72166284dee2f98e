import { csvCell } from '@/lib/budget/neutralise'
import type { Catalogue } from '@/lib/budget/catalogue'
import { formatPrinted, formatYuan, numberToPrinted } from '@/lib/budget/money'
import type { Fen } from '@/lib/budget/money'
import type { FixtureTable } from '@/lib/budget/table'
import { CATEGORY_LABELS, FUND_LABELS, REVENUE_SOURCE_LABELS } from '@/lib/budget/types'
import type { ExpenditureCategory, FundType, RevenueSource } from '@/lib/budget/types'

/**
 * The open-data package: a Fiscal Data Package (Frictionless Data) — datapackage.json with CSV
 * resources of the budget lines and of the printed tables, and a fiscal model whose dimensions are
 * the 支出功能分类 (functional) and 部门预算支出经济分类 (economic) classifications. One package per
 * disclosure and one per region and year (all its published disclosures).
 */

export type OpenDataDisclosure = {
  region: { code: string; name: string; province: string }
  department: { code: string; name: string }
  /** A unit's own 单位预算: the unit (its page and its name); absent for a department's budget. */
  unit?: { code: string; name: string } | null
  year: number
  revision: number
  publishedAt: string | null
  units: { code: string; name: string }[]
  projects: { code: string; name: string }[]
  expenditure: { unitCode: string; functionCode: string; economicCode: string; fund: string; category: string; projectCode: string | null; amount: Fen }[]
  revenue: { unitCode: string; functionCode: string; source: string; amount: Fen }[]
  /** The printed tables (fixture format, amounts in 万元 as printed). */
  tables: FixtureTable[]
}

export const OPEN_DATA_FILES = ['datapackage.json', 'expenditure.csv', 'revenue.csv', 'tables.csv'] as const
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number]

/** RFC 4180 quoting, and text a spreadsheet could evaluate neutralised (the one rule: lib/budget/neutralise.ts). */
export const csvField = csvCell

export function toCsv(header: readonly string[], rows: Iterable<(string | number | null | undefined)[]>): string {
  const out = [header.map(csvField).join(',')]
  for (const r of rows) out.push(r.map(csvField).join(','))
  return `${out.join('\r\n')}\r\n`
}

type Field = { name: string; type: 'string' | 'integer' | 'number'; title: string; description?: string }

const COMMON_FIELDS: Field[] = [
  { name: 'fiscal_year', type: 'integer', title: '预算年度' },
  { name: 'region_code', type: 'string', title: '地区代码' },
  { name: 'region_name', type: 'string', title: '地区' },
  { name: 'department_code', type: 'string', title: '部门编码' },
  { name: 'department_name', type: 'string', title: '部门名称' },
  { name: 'revision', type: 'integer', title: '版本', description: '更正后的版本号，1 为首次公开' },
  { name: 'unit_code', type: 'string', title: '单位编码' },
  { name: 'unit_name', type: 'string', title: '单位名称' },
]
const FUNCTION_FIELDS: Field[] = [
  { name: 'function_class_code', type: 'string', title: '功能分类类级编码' },
  { name: 'function_class_name', type: 'string', title: '功能分类类级名称' },
  { name: 'function_section_code', type: 'string', title: '功能分类款级编码' },
  { name: 'function_section_name', type: 'string', title: '功能分类款级名称' },
  { name: 'function_code', type: 'string', title: '功能分类项级编码' },
  { name: 'function_name', type: 'string', title: '功能分类项级名称' },
]
const EXPENDITURE_FIELDS: Field[] = [
  ...COMMON_FIELDS,
  ...FUNCTION_FIELDS,
  { name: 'economic_class_code', type: 'string', title: '经济分类类级编码' },
  { name: 'economic_class_name', type: 'string', title: '经济分类类级名称' },
  { name: 'economic_code', type: 'string', title: '经济分类款级编码' },
  { name: 'economic_name', type: 'string', title: '经济分类款级名称' },
  { name: 'fund', type: 'string', title: '资金性质代码' },
  { name: 'fund_name', type: 'string', title: '资金性质' },
  { name: 'category', type: 'string', title: '支出类型代码' },
  { name: 'category_name', type: 'string', title: '支出类型', description: '基本支出、项目支出等' },
  { name: 'project_code', type: 'string', title: '项目编码' },
  { name: 'project_name', type: 'string', title: '项目名称' },
  { name: 'amount', type: 'number', title: '金额（元）', description: '预算数，元，精确到分' },
]
const REVENUE_FIELDS: Field[] = [
  ...COMMON_FIELDS,
  ...FUNCTION_FIELDS,
  { name: 'source', type: 'string', title: '收入来源代码' },
  { name: 'source_name', type: 'string', title: '收入来源' },
  { name: 'amount', type: 'number', title: '金额（元）', description: '预算数，元，精确到分' },
]
const TABLE_FIELDS: Field[] = [
  { name: 'fiscal_year', type: 'integer', title: '预算年度' },
  { name: 'department_code', type: 'string', title: '部门编码' },
  { name: 'department_name', type: 'string', title: '部门名称' },
  { name: 'revision', type: 'integer', title: '版本' },
  { name: 'table_key', type: 'string', title: '表代码' },
  { name: 'table_title', type: 'string', title: '表名' },
  { name: 'row', type: 'integer', title: '行号（序号）' },
  { name: 'row_label', type: 'string', title: '行（科目编码与名称或项目）' },
  { name: 'column', type: 'integer', title: '列号（栏次）' },
  { name: 'column_label', type: 'string', title: '列' },
  { name: 'value', type: 'string', title: '值', description: '金额列为万元、两位小数，与公开表一致' },
]

const nameOf = (cat: Catalogue, kind: 'function' | 'economic', code: string) => cat[kind].get(code)?.name ?? ''

function functionCells(cat: Catalogue, code: string): string[] {
  const cls = code.slice(0, 3)
  const sec = code.length >= 5 ? code.slice(0, 5) : ''
  return [cls, nameOf(cat, 'function', cls), sec, sec ? nameOf(cat, 'function', sec) : '', code, nameOf(cat, 'function', code)]
}

function commonCells(d: OpenDataDisclosure, unitCode: string, units: Map<string, string>): (string | number)[] {
  return [d.year, d.region.code, d.region.name, d.department.code, d.department.name, d.revision, unitCode, units.get(unitCode) ?? '']
}

export function expenditureCsv(list: OpenDataDisclosure[], catalogues: (year: number) => Catalogue): string {
  const rows: (string | number | null)[][] = []
  for (const d of list) {
    const cat = catalogues(d.year)
    const units = new Map(d.units.map((u) => [u.code, u.name]))
    const projects = new Map(d.projects.map((p) => [p.code, p.name]))
    for (const l of d.expenditure) {
      const ecls = l.economicCode.slice(0, 3)
      rows.push([
        ...commonCells(d, l.unitCode, units),
        ...functionCells(cat, l.functionCode),
        ecls,
        nameOf(cat, 'economic', ecls),
        l.economicCode,
        nameOf(cat, 'economic', l.economicCode),
        l.fund,
        FUND_LABELS[l.fund as FundType] ?? '',
        l.category,
        CATEGORY_LABELS[l.category as ExpenditureCategory] ?? '',
        l.projectCode ?? '',
        l.projectCode ? (projects.get(l.projectCode) ?? '') : '',
        formatYuan(l.amount),
      ])
    }
  }
  return toCsv(
    EXPENDITURE_FIELDS.map((f) => f.name),
    rows,
  )
}

export function revenueCsv(list: OpenDataDisclosure[], catalogues: (year: number) => Catalogue): string {
  const rows: (string | number | null)[][] = []
  for (const d of list) {
    const cat = catalogues(d.year)
    const units = new Map(d.units.map((u) => [u.code, u.name]))
    for (const l of d.revenue) rows.push([...commonCells(d, l.unitCode, units), ...functionCells(cat, l.functionCode), l.source, REVENUE_SOURCE_LABELS[l.source as RevenueSource] ?? '', formatYuan(l.amount)])
  }
  return toCsv(
    REVENUE_FIELDS.map((f) => f.name),
    rows,
  )
}

/** The label a reader would use for a printed row: code and name, or the first text cell. */
function rowLabelOf(row: (string | number | null)[]): string {
  const [a, b] = row
  if (typeof a === 'string' && /^\d{3,7}$/.test(a)) return `${a} ${typeof b === 'string' ? b : ''}`.trim()
  const first = row.find((v) => typeof v === 'string' && v.trim() !== '')
  return typeof first === 'string' ? first : ''
}

export function tablesCsv(list: OpenDataDisclosure[]): string {
  const rows: (string | number | null)[][] = []
  for (const d of list) {
    for (const t of d.tables) {
      t.rows.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === null || v === '') return
          const isAmount = typeof v === 'number' && !/数量/.test(t.columns[c] ?? '')
          rows.push([d.year, d.department.code, d.department.name, d.revision, t.key, t.title, r + 1, rowLabelOf(row), c + 1, t.columns[c] ?? '', isAmount ? formatPrinted(numberToPrinted(v)) : String(v)])
        })
      })
    }
  }
  return toCsv(
    TABLE_FIELDS.map((f) => f.name),
    rows,
  )
}

function resource(name: string, path: string, title: string, fields: Field[], description: string) {
  return { name, path, title, description, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true }, schema: { fields } }
}

/** `level: 'unit'`: a unit's own 单位预算 (docs/decisions/009), named by the unit. */
export type PackageScope = { kind: 'disclosure'; code: string; name: string; year: number; level?: 'unit' } | { kind: 'region'; code: string; name: string; year: number }

/**
 * datapackage.json. Resource paths are relative, so the descriptor and its CSV files share one stable
 * URL prefix (/api/open-data/disclosures/<code>/<year>/ or /api/open-data/regions/<code>/<year>/).
 */
export function buildDatapackage(scope: PackageScope, list: OpenDataDisclosure[], homepage: string) {
  const year = scope.year
  const title = scope.kind === 'disclosure' ? `${scope.name} ${year} 年${scope.level === 'unit' ? '单位预算' : '部门预算'}` : `${scope.name} ${year} 年部门预算（全部已公开部门）`
  const name = `yusuan-${scope.kind === 'disclosure' ? 'dept' : 'region'}-${scope.code}-${year}`.toLowerCase().replace(/[^a-z0-9._/-]/g, '-')
  const sources = list.map((d) => {
    const who = d.unit ?? d.department
    return {
      title: `${d.region.province}${d.region.name} ${who.code} ${who.name} ${d.year} 年${d.unit ? '单位预算' : '部门预算'}信息公开（第 ${d.revision} 版${d.publishedAt ? `，${d.publishedAt.slice(0, 10)} 公开` : ''}）`,
      path: `/disclosures/${who.code}/${d.year}`,
    }
  })
  return {
    profile: 'fiscal-data-package',
    name,
    title,
    description: '经财政部门审核后公开的部门预算：支出与收入明细（元，精确到分）及九张公开表（万元）。支出按支出功能分类（类、款、项）与部门预算支出经济分类（类、款）标注。',
    homepage,
    version: list.map((d) => `${d.department.code}:${d.revision}`).join(' '),
    countryCode: 'CN',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    granularity: 'aggregated',
    keywords: ['部门预算', '预算公开', String(year), scope.name],
    sources,
    resources: [
      resource('expenditure', 'expenditure.csv', '支出预算明细', EXPENDITURE_FIELDS, '每行为一个单位、功能分类项、经济分类款、资金性质、支出类型与项目的预算数。'),
      resource('revenue', 'revenue.csv', '收入预算明细', REVENUE_FIELDS, '每行为一个单位、功能分类项与收入来源的预算数。'),
      resource('tables', 'tables.csv', '部门预算公开表', TABLE_FIELDS, '公开的九张表（及政府采购、固定资产表）逐格列出，金额为万元。'),
    ],
    model: {
      measures: {
        amount: { source: 'amount', resource: 'expenditure', title: '支出预算数', currency: 'CNY', factor: 1, direction: 'expenditure', phase: 'approved' },
      },
      dimensions: {
        'functional-classification': {
          dimensionType: 'classification',
          classificationType: 'functional',
          title: '支出功能分类',
          primaryKey: ['function_code'],
          attributes: {
            function_class_code: { source: 'function_class_code', title: '类' },
            function_class_name: { source: 'function_class_name', labelfor: 'function_class_code' },
            function_section_code: { source: 'function_section_code', title: '款', parent: 'function_class_code' },
            function_section_name: { source: 'function_section_name', labelfor: 'function_section_code' },
            function_code: { source: 'function_code', title: '项', parent: 'function_section_code' },
            function_name: { source: 'function_name', labelfor: 'function_code' },
          },
        },
        'economic-classification': {
          dimensionType: 'classification',
          classificationType: 'economic',
          title: '部门预算支出经济分类',
          primaryKey: ['economic_code'],
          attributes: {
            economic_class_code: { source: 'economic_class_code', title: '类' },
            economic_class_name: { source: 'economic_class_name', labelfor: 'economic_class_code' },
            economic_code: { source: 'economic_code', title: '款', parent: 'economic_class_code' },
            economic_name: { source: 'economic_name', labelfor: 'economic_code' },
          },
        },
        'administrative-classification': {
          dimensionType: 'classification',
          classificationType: 'administrative',
          title: '部门与单位',
          primaryKey: ['unit_code'],
          attributes: {
            department_code: { source: 'department_code', title: '部门' },
            department_name: { source: 'department_name', labelfor: 'department_code' },
            unit_code: { source: 'unit_code', title: '单位', parent: 'department_code' },
            unit_name: { source: 'unit_name', labelfor: 'unit_code' },
          },
        },
        fund: { dimensionType: 'fact', title: '资金性质', primaryKey: ['fund'], attributes: { fund: { source: 'fund' }, fund_name: { source: 'fund_name', labelfor: 'fund' } } },
        category: { dimensionType: 'fact', title: '支出类型', primaryKey: ['category'], attributes: { category: { source: 'category' }, category_name: { source: 'category_name', labelfor: 'category' } } },
        project: { dimensionType: 'project', title: '项目', primaryKey: ['project_code'], attributes: { project_code: { source: 'project_code' }, project_name: { source: 'project_name', labelfor: 'project_code' } } },
        date: { dimensionType: 'datetime', title: '预算年度', primaryKey: ['fiscal_year'], attributes: { fiscal_year: { source: 'fiscal_year' } } },
        geography: { dimensionType: 'location', title: '地区', primaryKey: ['region_code'], attributes: { region_code: { source: 'region_code' }, region_name: { source: 'region_name', labelfor: 'region_code' } } },
      },
    },
  }
}

export type Datapackage = ReturnType<typeof buildDatapackage>
