import 'server-only'
import type { z } from 'zod'
import type { Catalogue } from '@/lib/budget/catalogue'
import { suggestCodes } from '@/lib/budget/catalogue'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import type { Tx } from '@/lib/server/db'
import { db } from '@/lib/server/db'
import type { FieldError } from '@/lib/server/errors'
import { AppError, notFound } from '@/lib/server/errors'
import { parsePastedLines, PASTE_COLUMNS } from '../paste'
import type { TLineList, TExpenditureLineInput, TRevenueLineInput } from '../schemas'
import { ZExpenditureLineInput, ZRevenueLineInput } from '../schemas'

import type { Editable } from './open-for-edit'
import { openForEdit } from './open-for-edit'

export type { EditCtx, Editable } from './open-for-edit'
export { openForEdit }

export const LIST_LABEL: Record<TLineList, string> = { revenue: '收入明细', expenditure: '支出明细' }
export const COLUMN_LABEL = (list: TLineList, key: string) => PASTE_COLUMNS[list].find((c) => c.key === key)?.label ?? key

type Parsed = { ok: true; value: TRevenueLineInput | TExpenditureLineInput } | { ok: false; errors: FieldError[] }

/** Schema checks, then the checks that need the data: the year's catalogue, the department's units and projects. */
export function checkValues(list: TLineList, raw: unknown, e: Editable, catalogue: Catalogue, prefix: string): Parsed {
  const schema: z.ZodType<TRevenueLineInput | TExpenditureLineInput> = list === 'revenue' ? ZRevenueLineInput : ZExpenditureLineInput
  const r = schema.safeParse(raw)
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => ({ path: `${prefix}${String(i.path[0] ?? '')}`, message: i.message })) }
  const v = r.data
  const errors: FieldError[] = []
  if (!e.unitCodes.has(v.unitCode)) errors.push({ path: `${prefix}unitCode`, message: `单位 ${v.unitCode} 不属于本部门` })
  const codeCheck = (kind: 'function' | 'economic', code: string, field: string) => {
    if (catalogue[kind].has(code)) return
    const s = suggestCodes(catalogue, kind, code)
    errors.push({ path: `${prefix}${field}`, message: `科目编码 ${code} 不在 ${catalogue.year} 年${kind === 'function' ? '支出功能分类' : '经济分类'}科目表中${s.length ? `，是否为：${s.map((x) => `${x.code} ${x.name}`).join('、')}` : ''}` })
  }
  codeCheck('function', v.functionCode, 'functionCode')
  if ('economicCode' in v) {
    codeCheck('economic', v.economicCode, 'economicCode')
    if (v.projectCode && !e.projectCodes.has(v.projectCode)) errors.push({ path: `${prefix}projectCode`, message: `项目 ${v.projectCode} 不在本部门项目清单中` })
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: v }
}

export function toRow(list: TLineList, v: TRevenueLineInput | TExpenditureLineInput) {
  const amount = formatYuan(parseAmount(v.amount, '元'))
  if (list === 'revenue') {
    const r = v as TRevenueLineInput
    return { unitCode: r.unitCode, functionCode: r.functionCode, source: r.source, amount }
  }
  const x = v as TExpenditureLineInput
  return { unitCode: x.unitCode, functionCode: x.functionCode, economicCode: x.economicCode, fund: x.fund, category: x.category, projectCode: x.projectCode, amount }
}

export async function nextPosition(tx: Tx, list: TLineList, disclosureId: string): Promise<number> {
  const agg = list === 'revenue' ? await tx.revenueLine.aggregate({ where: { disclosureId }, _max: { position: true } }) : await tx.expenditureLine.aggregate({ where: { disclosureId }, _max: { position: true } })
  return (agg._max.position ?? -1) + 1
}

export async function saveLine(actor: Actor, input: { disclosureId: string; version: number; list: TLineList; id?: string | null; values: unknown }): Promise<void> {
  const { list } = input
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, disclosureId: input.disclosureId, part: 'lines', version: input.version })
    const parsed = checkValues(list, input.values, e, await loadCatalogue(e.year), '')
    if (!parsed.ok) throw new AppError('VALIDATION', `${LIST_LABEL[list]}有错误：${parsed.errors.map((f) => `${COLUMN_LABEL(list, f.path)}：${f.message}`).join('；')}`, parsed.errors)
    const row = toRow(list, parsed.value)
    const model = list === 'revenue' ? tx.revenueLine : tx.expenditureLine
    if (input.id) {
      const before = await (model as typeof tx.expenditureLine).findFirst({ where: { id: input.id, disclosureId: e.id } })
      if (!before) throw notFound('该明细行')
      const after = await (model as typeof tx.expenditureLine).update({ where: { id: input.id }, data: row as never })
      await audit(tx, actor, { disclosureId: e.id, action: 'update', entity: list, entityId: after.id, before, after })
    } else {
      const created = await (model as typeof tx.expenditureLine).create({ data: { ...(row as object), disclosureId: e.id, position: await nextPosition(tx, list, e.id) } as never })
      await audit(tx, actor, { disclosureId: e.id, action: 'create', entity: list, entityId: created.id, after: created })
    }
  })
}

export async function deleteLine(actor: Actor, input: { disclosureId: string; version: number; list: TLineList; id: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const e = await openForEdit({ tx, actor, ...input, part: 'lines' })
    const model = (input.list === 'revenue' ? tx.revenueLine : tx.expenditureLine) as typeof tx.expenditureLine
    const before = await model.findFirst({ where: { id: input.id, disclosureId: e.id } })
    if (!before) throw notFound('该明细行')
    await model.delete({ where: { id: input.id } })
    await audit(tx, actor, { disclosureId: e.id, action: 'delete', entity: input.list, entityId: input.id, before })
  })
}

/** Appends a block pasted from Excel. All rows or none: one bad cell rejects the block, naming row and column. */
export async function pasteLines(actor: Actor, input: { disclosureId: string; version: number; list: TLineList; text: string }): Promise<{ added: number }> {
  const { list } = input
  const raw = parsePastedLines(list, input.text)
  if (raw.length === 0) throw new AppError('VALIDATION', '粘贴的内容中没有数据行')
  if (raw.length > 20_000) throw new AppError('VALIDATION', '一次最多粘贴 20000 行')
  return db().$transaction(
    async (tx) => {
      const e = await openForEdit({ tx, actor, ...input, part: 'lines' })
      const catalogue = await loadCatalogue(e.year)
      const errors: FieldError[] = []
      const rows = raw.flatMap((values, i) => {
        const p = checkValues(list, values, e, catalogue, `rows.${i}.`)
        if (!p.ok) {
          errors.push(...p.errors)
          return []
        }
        return [toRow(list, p.value)]
      })
      if (errors.length) {
        const described = errors.slice(0, 10).map((f) => {
          const [, i, key] = f.path.split('.')
          return `第 ${Number(i) + 1} 行「${COLUMN_LABEL(list, key ?? '')}」：${f.message}`
        })
        throw new AppError('VALIDATION', `粘贴的 ${raw.length} 行未导入（全部或全不）：${described.join('；')}${errors.length > 10 ? `；另有 ${errors.length - 10} 处错误` : ''}`, errors)
      }
      const start = await nextPosition(tx, list, e.id)
      const data = rows.map((r, i) => ({ ...r, disclosureId: e.id, position: start + i }))
      if (list === 'revenue') await tx.revenueLine.createMany({ data: data as never })
      else await tx.expenditureLine.createMany({ data: data as never })
      await audit(tx, actor, { disclosureId: e.id, action: 'paste', entity: list, after: { rows: rows.length } })
      return { added: rows.length }
    },
    { timeout: 60_000 },
  )
}
