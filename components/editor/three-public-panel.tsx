'use client'

import { useState } from 'react'
import type { ThreePublicItem } from '@/lib/budget/types'
import { FISCAL_FUNDS, FUND_LABELS, THREE_PUBLIC_LABELS } from '@/lib/budget/types'
import type { ActionResult } from '@/lib/disclosure/actions'
import type { TThreePublicInput } from '@/lib/disclosure/schemas'
import type { EditorState } from '@/lib/disclosure/server/editor-state'
import { BudgetTableView } from '../tables/budget-table-view'

const GROUPS: { label: string; items: ThreePublicItem[] }[] = [
  { label: '一、因公出国（境）费', items: ['abroad_research', 'abroad_other'] },
  { label: '二、公务用车购置及运维费', items: ['vehicle_purchase', 'vehicle_operation'] },
  { label: '三、公务接待费', items: ['reception'] },
]

/** 财政拨款“三公”经费：每个明细项按资金性质填写（元）；小计、合计由系统汇总。 */
export function ThreePublicPanel({ state, onSave }: { state: EditorState; onSave: (v: TThreePublicInput) => Promise<ActionResult> }) {
  const initial = Object.fromEntries(state.threePublic.map((e) => [`${e.item}:${e.fund}`, e.amount]))
  const [amounts, setAmounts] = useState<Record<string, string>>(initial)
  const [purchased, setPurchased] = useState(state.vehicles.purchased?.toString() ?? '')
  const [held, setHeld] = useState(state.vehicles.held?.toString() ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const table = state.tables.find((t) => t.key === 'three_public_expenses')
  const save = async () => {
    const r = await onSave({ amounts, vehiclesPurchased: purchased, vehiclesHeld: held })
    setErrors(r.ok ? {} : Object.fromEntries(r.fields.map((f) => [f.path, f.message])))
  }
  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <table className="list-table" aria-label="“三公”经费填报">
          <thead>
            <tr>
              <th scope="col">项目</th>
              {FISCAL_FUNDS.map((f) => (
                <th key={f} scope="col">
                  {FUND_LABELS[f]}（元）
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {GROUPS.map((g) => [
              <tr key={g.label}>
                <th scope="rowgroup" colSpan={4} style={{ textAlign: 'left' }}>
                  {g.label}
                </th>
              </tr>,
              ...g.items.map((item) => (
                <tr key={item}>
                  <th scope="row" style={{ fontWeight: 400, paddingLeft: 24 }}>
                    {THREE_PUBLIC_LABELS[item]}
                  </th>
                  {FISCAL_FUNDS.map((f) => {
                    const k = `${item}:${f}`
                    const err = errors[`amounts.${k}`]
                    return (
                      <td key={f}>
                        <input aria-label={`${THREE_PUBLIC_LABELS[item]} ${FUND_LABELS[f]}`} inputMode="decimal" disabled={!state.canEdit} value={amounts[k] ?? ''} onChange={(e) => setAmounts({ ...amounts, [k]: e.target.value })} style={{ width: '100%', textAlign: 'right' }} aria-invalid={!!err || undefined} />
                        {err && <span className="field-error">{err}</span>}
                      </td>
                    )
                  })}
                </tr>
              )),
            ])}
          </tbody>
        </table>
        <div style={{ display: 'flex', gap: 24, margin: '12px 0' }}>
          <div className="form-field">
            <label htmlFor="v-purchased">本年购置公务用车（辆）</label>
            <input id="v-purchased" inputMode="numeric" disabled={!state.canEdit} value={purchased} onChange={(e) => setPurchased(e.target.value)} />
            {errors.vehiclesPurchased && <span className="field-error">{errors.vehiclesPurchased}</span>}
          </div>
          <div className="form-field">
            <label htmlFor="v-held">公务用车保有量（辆）</label>
            <input id="v-held" inputMode="numeric" disabled={!state.canEdit} value={held} onChange={(e) => setHeld(e.target.value)} />
            {errors.vehiclesHeld && <span className="field-error">{errors.vehiclesHeld}</span>}
          </div>
        </div>
        {state.canEdit && (
          <button className="btn btn-primary" type="submit">
            保存“三公”经费
          </button>
        )}
      </form>
      {table && <BudgetTableView table={table} department={`${state.department.code} ${state.department.name}`} year={state.year} />}
    </div>
  )
}
