import Decimal from 'decimal.js'
import type { GridRow } from '@/components/grid/grid-model'
import { newRowId } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { formatWan, parseAmount } from '@/lib/budget/money'
import { PROCUREMENT_FUNDS } from '@/lib/budget/types'
import type { TFixedAssetInput, TProcurementItemInput } from '@/lib/notes/procurement'
import { FIXED_ASSET_LABELS, PROCUREMENT_FUND_LABELS } from '@/lib/notes/procurement'

/** 元 as typed → 分, or null when blank or not an amount. */
export function fen(s: string | undefined): number | null {
  if (!s || s.trim() === '') return null
  try {
    return parseAmount(s, '元')
  } catch {
    return null
  }
}

const TEXT = ['projectCode', 'itemName', 'catalogueCode', 'unit', 'quantity', 'unitPrice'] as const

export function procurementColumns(projects: { code: string; name: string; budget: string }[]): GridColumnDef[] {
  return [
    { key: 'projectCode', label: '采购资金来源项目', kind: 'choice', options: projects.map((p) => [p.code, `${p.name}（${p.budget} 万元）`]), width: 230 },
    { key: 'itemName', label: '采购物品名称', kind: 'text', width: 170, sticky: 'left' },
    { key: 'catalogueCode', label: '政府采购目录序号', kind: 'text', width: 130 },
    { key: 'unit', label: '计量单位', kind: 'text', width: 80 },
    { key: 'quantity', label: '数量', kind: 'text', width: 80 },
    { key: 'unitPrice', label: '单价（元）', kind: 'amount', width: 120, noTotal: true },
    ...PROCUREMENT_FUNDS.map((f): GridColumnDef => ({ key: `a_${f}`, label: `${PROCUREMENT_FUND_LABELS[f]}（元）`, kind: 'amount', width: 150 })),
    { key: 'smeReserved', label: '预留中小企业份额（元）', kind: 'amount', width: 150 },
    { key: 'check', label: '金额合计（万元）', kind: 'readonly', width: 220, sticky: 'right' },
  ]
}

export function itemToRow(it: TProcurementItemInput, id = newRowId()): GridRow {
  const values: Record<string, string> = {}
  for (const k of TEXT) values[k] = String(it[k] ?? '')
  for (const f of PROCUREMENT_FUNDS) values[`a_${f}`] = it.amounts?.[f] ?? ''
  values.smeReserved = it.smeReserved ?? ''
  values.projectName = it.projectName ?? ''
  values.projectBudget = it.projectBudget ?? ''
  return { id, values }
}

export function rowToItem(r: GridRow): TProcurementItemInput {
  const v = r.values
  const amounts = Object.fromEntries(PROCUREMENT_FUNDS.flatMap((f) => (v[`a_${f}`] ? [[f, v[`a_${f}`]!]] : [])))
  return { projectCode: v.projectCode ?? '', projectName: v.projectName ?? '', projectBudget: v.projectBudget ?? '', itemName: v.itemName ?? '', catalogueCode: v.catalogueCode ?? '', unit: v.unit ?? '', quantity: v.quantity ?? '', unitPrice: v.unitPrice ?? '', amounts, smeReserved: v.smeReserved ?? '' }
}

export const isBlankItem = (r: GridRow) => Object.entries(r.values).every(([k, v]) => k === 'check' || k === 'projectName' || k === 'projectBudget' || !v)

/** 金额合计, and whether it equals 数量 × 单价, as it is typed. */
export function itemCheck(r: GridRow): { text: string; mismatch: boolean } {
  const sum = PROCUREMENT_FUNDS.reduce((s, f) => s + (fen(r.values[`a_${f}`]) ?? 0), 0)
  const p = fen(r.values.unitPrice)
  const q = r.values.quantity ?? ''
  const prod = q && p !== null && /^\d+(\.\d+)?$/.test(q) ? new Decimal(q).times(p).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : null
  if (prod === null) return { text: formatWan(sum), mismatch: false }
  if (prod === sum) return { text: `${formatWan(sum)}（= 数量 × 单价）`, mismatch: false }
  return { text: `${formatWan(sum)}，与数量 × 单价 = ${formatWan(prod)} 不符`, mismatch: true }
}

export const assetColumns: GridColumnDef[] = [
  { key: 'label', label: '项目', kind: 'readonly', width: 240 },
  { key: 'quantity', label: '数量', kind: 'text', width: 140 },
  { key: 'value', label: '价值（元）', kind: 'amount', width: 200, noTotal: true },
]
export const assetToRow = (a: TFixedAssetInput): GridRow => ({ id: a.category, values: { label: FIXED_ASSET_LABELS[a.category], quantity: a.quantity ?? '', value: a.value ?? '' } })
export const rowToAsset = (r: GridRow): TFixedAssetInput => ({ category: r.id as TFixedAssetInput['category'], quantity: r.values.quantity ?? '', value: r.values.value ?? '' })

/** A save's field errors (items.3.amounts.general …) placed on the grid's cells. */
export function errorsByRow(fields: { path: string; message: string }[], rows: GridRow[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>()
  for (const f of fields) {
    const [head, i, key, sub] = f.path.split('.')
    if (head !== 'items' || i === undefined) continue
    const r = rows[Number(i)]
    if (!r) continue
    const col = key === 'amounts' ? (sub ? `a_${sub}` : 'check') : (key ?? 'itemName')
    out.set(r.id, { ...out.get(r.id), [col]: f.message })
  }
  return out
}
