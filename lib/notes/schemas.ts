import { ZVersion } from '@/lib/disclosure/schemas'
import { z } from 'zod'
import { ZYuanOpt } from '@/lib/budget/amount-schema'
import { jsonColumn } from '@/lib/budget/json-column'

/**
 * The explanatory notes (情况说明) of a disclosure as stored in Disclosure.notes.
 * Only what is NOT a number of the budget is stored here: texts, reasons, labels, the prior-year
 * figures as entered when last year's disclosure is not in the system, and a few counts the tables
 * do not hold. Every figure of the budget is generated from the data (docs/decisions/005).
 * Amounts are 元 strings with at most two decimals ("19271600.00"), like the Decimal columns.
 */

const text = (max: number) => z.string().max(max, `不能超过 ${max} 字`)
const optText = (max: number) => text(max).optional()

export { ZYuanOpt }

const ZCount = z.number().int('应为整数').min(0, '不能为负数').max(1_000_000).nullable().optional()

/** A count the notes print (台、辆), named in its messages: “单价50万元以上通用设备数量不能为负数”. */
const namedCount = (name: string) =>
  z
    .number({ error: `${name}应为整数` })
    .int(`${name}应为整数`)
    .min(0, `${name}不能为负数`)
    .max(1_000_000, `${name}不能超过 1000000`)
    .nullable()
    .optional()

/**
 * 国有资产占用情况 (Henan): vehicles held by the template's vehicle types (label → count, only the types
 * entered). Each count is checked here with a message naming the type, at the path of its type.
 */
export const ZVehiclesByType = z
  .record(z.string().trim().min(1, '车型名称不能为空').max(40, '车型名称不能超过 40 字'), z.custom<number>(() => true))
  .superRefine((rec, ctx) => {
    for (const [type, n] of Object.entries(rec)) {
      const name = `国有资产占用情况中“${type}”的车辆数`
      if (typeof n !== 'number' || !Number.isInteger(n)) ctx.addIssue({ code: 'custom', path: [type], message: `${name}应为整数` })
      else if (n < 0) ctx.addIssue({ code: 'custom', path: [type], message: `${name}不能为负数` })
      else if (n > 1_000_000) ctx.addIssue({ code: 'custom', path: [type], message: `${name}不能超过 1000000` })
    }
  })

export const ZOffice = z.object({ name: text(100).trim().min(1, '请填写名称'), duties: text(4000) })

/** 支出说明 lists the main projects; a label is the accountant's wording, the amount comes from the projects' lines. */
export const ZMainProject = z.object({
  label: text(120).trim().min(1, '请填写项目说明名称'),
  projectCodes: z.array(z.string().min(1)).min(1, '请至少选择一个项目'),
  parts: z.array(z.object({ label: text(120).trim().min(1, '请填写名称'), projectCodes: z.array(z.string().min(1)).min(1, '请至少选择一个项目') })).default([]),
})

/** The changes against last year the notes state; each needs last year's figure, and a reason when it changed. */
export const CHANGE_KEYS = ['total', 'personnel', 'public', 'project', 'operatingCosts', 'threePublicTotal', 'threePublicAbroad', 'threePublicVehicle', 'threePublicReception'] as const
export type ChangeKey = (typeof CHANGE_KEYS)[number]

export const CHANGE_LABELS: Record<ChangeKey, string> = {
  total: '预算收支总额',
  personnel: '人员经费',
  public: '日常公用经费',
  project: '项目支出',
  operatingCosts: '机关运行经费',
  threePublicTotal: '“三公”经费合计',
  threePublicAbroad: '因公出国（境）费',
  threePublicVehicle: '公务用车购置及运维费',
  threePublicReception: '公务接待费',
}

const priorShape = Object.fromEntries(CHANGE_KEYS.map((k) => [k, ZYuanOpt])) as Record<ChangeKey, typeof ZYuanOpt>
const reasonShape = Object.fromEntries(CHANGE_KEYS.map((k) => [k, optText(1000)])) as Record<ChangeKey, ReturnType<typeof optText>>

export const ZNotes = z.object({
  /** 一、部门职责 */
  duties: z.object({ intro: text(2000).default(''), items: z.array(text(4000)).max(60).default([]) }).default({ intro: '', items: [] }),
  /** 一、机构设置: internal offices (内设机构) and the subordinate units' duties; the table comes from the units. */
  organisation: z
    .object({
      officesIntro: text(500).default(''),
      offices: z.array(ZOffice).max(80).default([]),
      unitsIntro: text(500).default(''),
      units: z.array(ZOffice).max(80).default([]),
    })
    .default({ officesIntro: '', offices: [], unitsIntro: '', units: [] }),
  /** 二、总体情况 */
  overview: z
    .object({
      intro: text(2000).default(''),
      /** brief: 收入 and 支出 by their totals (承德 style); detailed: the 一般公共预算 split and every fund (乐亭 style). */
      style: z.enum(['brief', 'detailed']).default('brief'),
      mainProjects: z.array(ZMainProject).max(60).default([]),
      extra: text(4000).default(''),
    })
    .default({ intro: '', style: 'brief', mainProjects: [], extra: '' }),
  /** Last year's figures as entered, used only where last year's disclosure is not in the system. */
  prior: z.object(priorShape).partial().default({}),
  /** “主要原因是……”: the accountant's words after it, per stated change. */
  reasons: z.object(reasonShape).partial().default({}),
  /** 三、机关运行经费 */
  operatingCosts: z
    .object({
      /** Printed names of economic 款 where the department words them differently (30208 → 办公取暖费). */
      labels: z.record(z.string().regex(/^\d{5}$/, '经济分类须为 5 位编码'), text(40).trim().min(1)).default({}),
      /** Units managed under the civil-service law (参公) besides the 行政 units: their 公用经费 count too. */
      civilServiceUnits: z.array(z.string().min(1)).default([]),
      extra: text(2000).default(''),
    })
    .default({ labels: {}, civilServiceUnits: [], extra: '' }),
  /** 四、三公: counts the tables do not hold */
  threePublic: z
    .object({ abroadGroups: ZCount, abroadPersons: ZCount, receptionBatches: ZCount, receptionPersons: ZCount, extra: text(2000).default('') })
    .default({ extra: '' }),
  performance: z.object({ extra: text(4000).default('') }).default({ extra: '' }),
  procurement: z.object({ extra: text(2000).default('') }).default({ extra: '' }),
  /** 七、国有资产信息; Henan's 国有资产占用情况 also states vehicles by type and high-value equipment held at the end of last year. */
  assets: z
    .object({
      extra: text(2000).default(''),
      vehiclesByType: ZVehiclesByType.default({}),
      /** 单价50万元以上通用设备（台、套） */
      generalEquipment: namedCount('单价50万元以上通用设备数量'),
      /** 单价100万元以上专用设备（台、套） */
      specialEquipment: namedCount('单价100万元以上专用设备数量'),
    })
    .default({ extra: '', vehiclesByType: {} }),
  /** 九、其他需要说明的事项 */
  other: text(8000).default('我部门无其他需要说明的事项。'),
})
export type TNotes = z.infer<typeof ZNotes>
export type TNotesInput = z.input<typeof ZNotes>

/** Notes as stored: anything unreadable in an old row falls back to the defaults rather than failing the page. */
export function parseStoredNotes(raw: unknown): TNotes {
  const r = ZNotes.safeParse(raw ?? {})
  return r.success ? r.data : ZNotes.parse({})
}

/** Disclosure.notes and SubmissionSnapshot.notes: read leniently (what no longer parses starts empty), written as parsed. */
export const notesColumn = { read: parseStoredNotes, write: (notes: TNotes) => jsonColumn<TNotes>('情况说明（notes）', ZNotes).write(notes) }

export const ZSaveNotes = z.object({
  disclosureId: z.string().min(1),
  version: ZVersion,
  notes: ZNotes,
})
export type TSaveNotes = z.infer<typeof ZSaveNotes>
