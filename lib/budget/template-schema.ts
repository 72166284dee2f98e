import { z } from 'zod'
import { jsonColumn } from './json-column'
import { EXPENDITURE_CATEGORIES, FIXED_ASSET_CATEGORIES, FUND_TYPES, REVENUE_SOURCES, THREE_PUBLIC_ITEMS } from './types'
import { CLOSING_ROWS, NOTES_CONTENTS, TABLE_KEYS, TABLE_ORIENTATIONS, TEMPLATE_SCOPES } from './template'
import type { Template } from './template'

/** Validates a template (an admin's edit, or a shipped JSON) before it is stored: structure, ids, sums. */
const label = z.string().trim().min(1, '标签不能为空').max(200)
const filterExpenditure = z.object({ funds: z.array(z.enum(FUND_TYPES)).optional(), categories: z.array(z.enum(EXPENDITURE_CATEGORIES)).optional(), economicClass: z.enum(['personnel', 'public']).optional() })
const filter = z.union([z.object({ revenue: z.array(z.enum(REVENUE_SOURCES)).min(1) }), z.object({ expenditure: filterExpenditure })])
const key = z.enum(TABLE_KEYS)
const note = z.string().max(500).optional()
const incomeRow = z.object({ id: z.string().min(1), label, sources: z.array(z.enum(REVENUE_SOURCES)), sumOf: z.array(z.string()).optional() })
const classRow = z.object({ id: z.string().min(1), label, functionClass: z.string().regex(/^\d{3}$/).nullable() })
// which closing rows a summary prints and whether it lists every class (lib/budget/template.ts)
const summaryLayout = { closingRows: z.array(z.enum(CLOSING_ROWS)).min(1).optional(), classRowsShown: z.enum(['all', 'nonEmpty']).optional() }
const sideLabels = z.object({ currentIncome: label, currentExpenditure: label, carryIn: label, carryOut: label, grandIncome: label, grandExpenditure: label })

const treeColumns = z.array(z.union([z.object({ id: z.enum(['code', 'name']), label }), z.object({ id: z.string().min(1), label, filter })])).min(3)
const rowIdentities = z.array(z.object({ target: z.string(), parts: z.array(z.string()).min(1) }))
const unitBreakdown = z.object({ kind: z.literal('unit_breakdown'), key, title: label, columns: treeColumns, totalLabel: label, rowIdentities, note })

const table = z.discriminatedUnion('kind', [
  unitBreakdown,
  z.object({ kind: z.literal('income_expenditure_summary'), key, title: label, columns: z.tuple([label, label, label, label]), incomeRows: z.array(incomeRow), expenditureRows: z.array(classRow), labels: sideLabels, carryInSources: z.array(z.enum(REVENUE_SOURCES)), ...summaryLayout, note }),
  z.object({
    kind: z.enum(['function_tree', 'economic_tree']),
    key,
    title: label,
    columns: z.array(z.union([z.object({ id: z.enum(['code', 'name']), label }), z.object({ id: z.string().min(1), label, filter })])).min(3),
    scope: filter,
    totalLabel: label,
    rowIdentities: z.array(z.object({ target: z.string(), parts: z.array(z.string()).min(1) })),
    variants: z.array(z.object({ columns: treeColumns, rowIdentities })).optional(),
    note,
    emptyNote: note,
  }),
  z.object({ kind: z.literal('fiscal_summary'), key, title: label, columns: z.tuple([label, label, label]), expenditureColumns: z.array(z.object({ id: z.string(), label, funds: z.array(z.enum(FUND_TYPES)) })).min(1), incomeRows: z.array(incomeRow), expenditureRows: z.array(classRow), carryRows: z.array(incomeRow), labels: sideLabels, ...summaryLayout, note }),
  z.object({
    kind: z.literal('three_public'),
    key,
    title: label,
    labelColumn: label,
    fundColumns: z.array(z.object({ id: z.string(), label, funds: z.array(z.enum(FUND_TYPES)) })).min(1),
    totalColumnId: z.string(),
    rows: z
      .array(
        z
          .object({
            id: z.string().min(1),
            label,
            item: z.enum(THREE_PUBLIC_ITEMS).optional(),
            items: z.array(z.enum(THREE_PUBLIC_ITEMS)).min(1).optional(),
            sumOf: z.array(z.string()).optional(),
            lines: z.object({ expenditure: filterExpenditure }).optional(),
          })
          .refine((r) => [r.item, r.items, r.sumOf, r.lines].filter((x) => x !== undefined).length <= 1, { message: '一行只能取一个来源（三公项目、汇总的行或支出明细）' }),
      )
      .min(1),
    orientation: z.enum(TABLE_ORIENTATIONS).optional(),
    subtotalLabel: label.optional(),
    acrossGroup: z.object({ label, rows: z.array(z.string()).min(1) }).optional(),
    acrossLabelColumn: z.literal(false).optional(),
    note,
    emptyNote: note,
  }),
  z.object({ kind: z.literal('procurement'), key, title: label, columns: z.array(z.object({ id: z.string(), label })).min(1), totalLabel: label, note, emptyNote: note }),
  z.object({ kind: z.literal('fixed_assets'), key, title: label, columns: z.tuple([label, label, label]), rows: z.array(z.object({ id: z.string().min(1), label, category: z.enum(FIXED_ASSET_CATEGORIES).optional(), sumOf: z.array(z.string()).optional() })), note }),
])

/** Generated word → the word the section prints (机关运行经费 → 机构运转经费). */
const wording = z.record(z.string().trim().min(1).max(40), z.string().trim().min(1).max(40))

/** 情况说明 parts and sections (Henan: 概况, 情况说明 一–九, 名词解释); `content` names what lib/notes prints there. */
const notesLayout = z.object({
  parts: z
    .array(
      z.object({
        title: label,
        sections: z
          .array(
            z.object({
              id: z.string().regex(/^[a-z][A-Za-z0-9_.]*$/),
              title: label,
              content: z.enum(NOTES_CONTENTS),
              wording: wording.optional(),
              items: z.array(z.object({ id: z.enum(NOTES_CONTENTS), label, vehicleTypes: z.array(label).optional(), wording: wording.optional() })).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
})

const performanceLayout = z.object({
  project: z
    .object({
      title: label,
      fields: z.array(z.object({ field: z.enum(['projectCode', 'projectName', 'total', 'fiscal', 'other', 'purpose']), label })).min(1),
      spendingPlan: z.object({ cumulative: z.boolean(), label, points: z.array(z.object({ key: z.enum(['q1', 'q2', 'q3', 'q4']), label })).min(1).max(4) }).optional(),
    })
    .optional(),
  overall: z
    .object({
      title: label,
      sections: z.array(z.object({ id: z.string().min(1), label, parts: z.array(label).optional() })).min(1),
      indicatorColumns: z.array(label).min(1),
      indicators: z.array(z.object({ level1: label, level2: z.array(label).min(1) })).min(1),
    })
    .optional(),
})

export const ZTemplate = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, '模板编号只能含小写字母、数字和 -'),
    name: label,
    family: z.string().regex(/^[a-z][a-z0-9]*$/, '模板系列只能含小写字母和数字，如 hebei').optional(),
    scope: z.enum(TEMPLATE_SCOPES).optional(),
    amountUnit: z.enum(['万元', '元']),
    tables: z.array(table).min(1),
    unitBreakdown: unitBreakdown.optional(),
    notes: notesLayout.optional(),
    performance: performanceLayout.optional(),
    vocabulary: z.record(z.string().regex(/^[a-z_:]+$/), z.array(z.string().trim().min(1).max(100)).max(200)).optional(),
  })
  .superRefine((t, ctx) => {
    const keys = new Set<string>()
    t.tables.forEach((tb, i) => {
      if (keys.has(tb.key)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'key'], message: `表 ${tb.key} 重复` })
      keys.add(tb.key)
      if ('rows' in tb && tb.kind !== 'fixed_assets' && tb.kind !== 'three_public') return
      if (tb.kind === 'three_public' || tb.kind === 'fixed_assets') {
        const ids = new Set(tb.rows.map((r) => r.id))
        tb.rows.forEach((r, j) => {
          for (const s of r.sumOf ?? []) if (!ids.has(s)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'rows', j, 'sumOf'], message: `${tb.title}的行“${r.label}”汇总了不存在的行 ${s}` })
        })
      }
    })
  })

export function parseTemplate(value: unknown): { ok: true; template: Template } | { ok: false; errors: string[] } {
  const r = ZTemplate.safeParse(value)
  if (r.success) return { ok: true, template: r.data as Template }
  return { ok: false, errors: r.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}：${i.message}`) }
}

/** Template.definition: the template as stored, checked against ZTemplate on every read. */
export const templateDefinition = jsonColumn<Template>('模板定义（Template.definition）', ZTemplate)
