'use client'

import Decimal from 'decimal.js'
import { useState, useTransition } from 'react'
import type { FieldPath } from 'react-hook-form'
import { useFieldArray, useForm, useWatch } from 'react-hook-form'
import { formatWan, parseAmount } from '@/lib/budget/money'
import { PROCUREMENT_FUNDS } from '@/lib/budget/types'
import type { Result } from '@/lib/notes/actions'
import { reloadProcurementAction, saveProcurementAction } from '@/lib/notes/actions'
import type { TFixedAssetInput, TProcurementItemInput } from '@/lib/notes/procurement'
import { FIXED_ASSET_LABELS, PROCUREMENT_FUND_LABELS } from '@/lib/notes/procurement'
import type { ProcurementState } from '@/lib/notes/server/procurement'
import type { BudgetSubject } from '@/lib/document/model'
import { DEPARTMENT, EditorHeader } from '../document/disclosure-subnav'
import { NotesFindings } from './notes-findings'
import { NoticeBar } from '@/components/ui/notice-bar'

type Form = { items: TProcurementItemInput[]; fixedAssets: TFixedAssetInput[] }
const input = { width: '100%', font: 'inherit', padding: '5px 7px', border: '1px solid var(--line)', borderRadius: 5 } as const

/** 元 as typed → 分, or null when blank or not an amount. */
function fen(s: string | undefined): number | null {
  if (!s || s.trim() === '') return null
  try {
    return parseAmount(s, '元')
  } catch {
    return null
  }
}

/**
 * 政府采购预算 and 固定资产占用情况: purchases with their project, 目录序号, quantity and unit price;
 * 金额 by fund source must equal 数量 × 单价 (shown as it is typed), 合计 is their sum; with no
 * purchases the table is published empty with the standard statement.
 */
export function ProcurementEditor({ initial, subject = DEPARTMENT }: { initial: ProcurementState; subject?: BudgetSubject }) {
  const [state, setState] = useState(initial)
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null)
  const [pending, start] = useTransition()
  const form = useForm<Form>({ defaultValues: { items: initial.items, fixedAssets: initial.fixedAssets } })
  const { register, control, handleSubmit, reset, setError, formState } = form
  const items = useFieldArray({ control, name: 'items' })
  const values = useWatch({ control }) as Form
  const ro = !state.canEdit

  const apply = (r: Result<ProcurementState>) => {
    if (r.ok) {
      setState(r.state)
      reset({ items: r.state.items, fixedAssets: r.state.fixedAssets })
      setNotice({ kind: 'ok', text: r.message })
      return
    }
    if (r.state) setState(r.state)
    setNotice({ kind: r.code === 'CONFLICT' ? 'conflict' : 'error', text: r.message })
    for (const f of r.fields) setError(f.path as FieldPath<Form>, { message: f.message })
  }
  const save = handleSubmit((v) => start(async () => apply(await saveProcurementAction({ disclosureId: state.id, version: state.version, ...v }))))
  const err = (path: string) => {
    let e: unknown = formState.errors
    for (const p of path.split('.')) e = (e as Record<string, unknown> | undefined)?.[p]
    return (e as { message?: string } | undefined)?.message
  }

  const rowTotal = (it: TProcurementItemInput | undefined) => PROCUREMENT_FUNDS.reduce((s, f) => s + (fen(it?.amounts?.[f]) ?? 0), 0)
  const product = (it: TProcurementItemInput | undefined) => {
    const p = fen(it?.unitPrice)
    if (!it?.quantity || p === null || !/^\d+(\.\d+)?$/.test(it.quantity)) return null
    return new Decimal(it.quantity).times(p).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
  }
  const total = (values.items ?? []).reduce((s, it) => s + rowTotal(it), 0)
  const assetsTotal = (values.fixedAssets ?? []).filter((a) => a.category !== 'office_buildings').reduce((s, a) => s + (fen(a.value) ?? 0), 0)

  return (
    <div>
      <EditorHeader id={state.id} year={state.year} status={state.status} department={state.department} unit={subject.unit} current="/procurement" />
      <NoticeBar notice={notice} onReload={() => start(async () => apply(await reloadProcurementAction(state.id)))} testId="procurement-notice" />
      <form onSubmit={save} noValidate aria-label="政府采购与资产">
        <fieldset disabled={ro} style={{ border: 0, padding: 0, margin: 0 }}>
          <h2>政府采购预算</h2>
          {items.fields.length === 0 && <p className="alert alert-warn">没有采购项目：公开时政府采购预算表为空表，并说明“{state.year}年，{subject.unit?.name ?? state.department.name}无政府采购预算，空表列示。”</p>}
          {items.fields.map((f, i) => {
            const it = values.items?.[i]
            const prod = product(it)
            const sum = rowTotal(it)
            const mismatch = prod !== null && prod !== sum
            return (
              <div key={f.id} className="card" style={{ marginBottom: 10, padding: 12 }} data-item={i}>
                <div style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 2fr) minmax(140px, 1.5fr) 1fr 0.7fr 0.8fr 1fr auto', gap: 8, alignItems: 'end' }}>
                  <label>
                    <span>采购资金来源项目</span>
                    <select style={input} {...register(`items.${i}.projectCode` as const)}>
                      <option value="">（请选择）</option>
                      {state.projects.map((p) => (
                        <option key={p.code} value={p.code}>
                          {p.name}（{p.budget} 万元）
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    <span>采购物品名称</span>
                    <input style={input} {...register(`items.${i}.itemName` as const)} aria-invalid={!!err(`items.${i}.itemName`)} />
                  </label>
                  <label>
                    <span>政府采购目录序号</span>
                    <input style={input} {...register(`items.${i}.catalogueCode` as const)} />
                  </label>
                  <label>
                    <span>计量单位</span>
                    <input style={input} {...register(`items.${i}.unit` as const)} />
                  </label>
                  <label>
                    <span>数量</span>
                    <input style={input} inputMode="decimal" {...register(`items.${i}.quantity` as const)} />
                  </label>
                  <label>
                    <span>单价（元）</span>
                    <input style={input} inputMode="decimal" {...register(`items.${i}.unitPrice` as const)} />
                  </label>
                  {!ro && (
                    <button type="button" className="btn" onClick={() => items.remove(i)} aria-label={`删除第 ${i + 1} 项采购`}>
                      删除
                    </button>
                  )}
                </div>
                <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: 8, marginTop: 8 }}>
                  {PROCUREMENT_FUNDS.map((fund) => (
                    <label key={fund}>
                      <span style={{ fontSize: 13 }}>{PROCUREMENT_FUND_LABELS[fund]}（元）</span>
                      <input style={input} inputMode="decimal" {...register(`items.${i}.amounts.${fund}` as const)} />
                    </label>
                  ))}
                  <label>
                    <span style={{ fontSize: 13 }}>预留中小企业份额（元）</span>
                    <input style={input} inputMode="decimal" {...register(`items.${i}.smeReserved` as const)} />
                  </label>
                </div>
                <p style={{ margin: '6px 0 0', fontSize: 13 }} className={mismatch ? 'field-error' : 'muted'} role={mismatch ? 'alert' : undefined}>
                  金额合计 {formatWan(sum)} 万元
                  {prod !== null && (mismatch ? `，与数量 × 单价 = ${formatWan(prod)} 万元不符` : '（= 数量 × 单价）')}
                  {prod !== null && sum === 0 && !ro && (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => form.setValue(`items.${i}.amounts.general`, (prod / 100).toFixed(2), { shouldDirty: true })}>
                        按数量 × 单价填入一般公共预算拨款
                      </button>
                    </>
                  )}
                </p>
                {[err(`items.${i}.amounts`), err(`items.${i}.projectCode`), err(`items.${i}.itemName`), err(`items.${i}.smeReserved`)].filter(Boolean).map((m) => (
                  <p key={m} className="field-error" style={{ margin: '4px 0 0' }}>
                    {m}
                  </p>
                ))}
              </div>
            )
          })}
          {!ro && (
            <button type="button" className="btn" onClick={() => items.append({ projectCode: '', projectName: '', projectBudget: '', itemName: '', catalogueCode: '', unit: '', quantity: '', unitPrice: '', amounts: {}, smeReserved: '' })}>
              添加采购项目
            </button>
          )}
          <p>
            政府采购预算合计：<strong data-testid="procurement-total">{formatWan(total)}</strong> 万元
          </p>

          <h2>固定资产占用情况（截至 {state.year - 1} 年 12 月 31 日）</h2>
          <table className="list-table" style={{ maxWidth: 720 }}>
            <thead>
              <tr>
                <th scope="col">项目</th>
                <th scope="col">数量</th>
                <th scope="col">价值（元）</th>
              </tr>
            </thead>
            <tbody>
              {(values.fixedAssets ?? []).map((a, i) => (
                <tr key={a.category}>
                  <th scope="row" style={{ fontWeight: 400, background: 'none' }}>
                    {FIXED_ASSET_LABELS[a.category]}
                  </th>
                  <td>
                    <input style={input} inputMode="decimal" aria-label={`${FIXED_ASSET_LABELS[a.category]} 数量`} {...register(`fixedAssets.${i}.quantity` as const)} />
                  </td>
                  <td>
                    <input style={input} inputMode="decimal" aria-label={`${FIXED_ASSET_LABELS[a.category]} 价值（元）`} {...register(`fixedAssets.${i}.value` as const)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            资产总额（房屋、车辆、20 万元以上设备、其他之和）：<strong>{formatWan(assetsTotal)}</strong> 万元
          </p>
        </fieldset>
        {!ro && (
          <div style={{ position: 'sticky', bottom: 0, background: 'rgba(255,255,255,.96)', padding: '10px 0', borderTop: '1px solid var(--line)' }}>
            <button className="btn btn-primary" type="submit" disabled={pending}>
              保存政府采购与资产
            </button>
          </div>
        )}
      </form>
      <h2>校验结果</h2>
      <NotesFindings findings={state.findings} okText="政府采购没有发现问题：数量 × 单价与金额一致，均在项目预算之内。" />
    </div>
  )
}
