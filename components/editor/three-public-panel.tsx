'use client'

import { useCallback, useEffect, useMemo, useState } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch } from '@/components/grid/grid-model'
import type { GridColumnDef } from '@/components/grid/grid-types'
import { formatAmount } from '@/components/grid/grid-types'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import type { ThreePublicItem } from '@/lib/budget/types'
import { FISCAL_FUNDS, FUND_LABELS, THREE_PUBLIC_LABELS } from '@/lib/budget/types'
import type { ActionResult } from '@/lib/disclosure/actions'
import { reloadAction } from '@/lib/disclosure/actions'
import type { TThreePublicInput } from '@/lib/disclosure/schemas'
import type { EditorState } from '@/lib/disclosure/view'
import { BudgetTableView } from '../tables/budget-table-view'

const ITEMS: { item: ThreePublicItem; group: string }[] = [
  { item: 'abroad_research', group: '一、因公出国（境）费' },
  { item: 'abroad_other', group: '一、因公出国（境）费' },
  { item: 'vehicle_purchase', group: '二、公务用车购置及运维费' },
  { item: 'vehicle_operation', group: '二、公务用车购置及运维费' },
  { item: 'reception', group: '三、公务接待费' },
]

export type ThreePublicDraft = { rows: GridRow[]; purchased: string; held: string }

const norm = (v: string) => {
  const t = v.replace(/[,，\s]/g, '')
  return t === '' || Number(t) === 0 ? '' : t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t
}
export function draftOf(state: EditorState): ThreePublicDraft {
  const m = new Map(state.threePublic.map((e) => [`${e.item}:${e.fund}`, e.amount]))
  return {
    rows: ITEMS.map(({ item, group }) => ({ id: item, values: { group, item: THREE_PUBLIC_LABELS[item], ...Object.fromEntries(FISCAL_FUNDS.map((f) => [f, m.get(`${item}:${f}`) ?? ''])) } })),
    purchased: state.vehicles.purchased?.toString() ?? '',
    held: state.vehicles.held?.toString() ?? '',
  }
}
const key = (d: ThreePublicDraft) => JSON.stringify([d.rows.map((r) => FISCAL_FUNDS.map((f) => norm(r.values[f] ?? ''))), d.purchased.trim(), d.held.trim()])
const toInput = (d: ThreePublicDraft): TThreePublicInput => ({ amounts: Object.fromEntries(d.rows.flatMap((r) => FISCAL_FUNDS.map((f) => [`${r.id}:${f}`, (r.values[f] ?? '').replace(/[,，\s]/g, '')]))), vehiclesPurchased: d.purchased, vehiclesHeld: d.held })

/**
 * 财政拨款“三公”经费 in the spreadsheet grid: one row per item, one column per fund (元); 小计 and 合计
 * are the system's. Saved explicitly; the draft lives in the editor (switching tabs keeps it) and
 * leaving the page with it unsaved asks first. A version conflict keeps what was typed and shows the
 * other person's figures beside it, with a choice.
 */
export function ThreePublicPanel({ state, draft, setDraft, onSave, onDirty }: { state: EditorState; draft: ThreePublicDraft | null; setDraft: (d: ThreePublicDraft | null) => void; onSave: (v: TThreePublicInput, version: number) => Promise<ActionResult>; onDirty: (dirty: boolean) => void }) {
  const saved = useMemo(() => draftOf(state), [state])
  const d = draft ?? saved
  const dirty = key(d) !== key(saved)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [conflict, setConflict] = useState<{ theirs: ThreePublicDraft; version: number } | null>(null)
  useEffect(() => onDirty(dirty || !!conflict), [dirty, conflict, onDirty])
  const columns = useMemo<GridColumnDef[]>(() => [{ key: 'group', label: '类别', kind: 'readonly', width: 200, sticky: 'left' }, { key: 'item', label: '项目', kind: 'readonly', width: 200, sticky: 'left' }, ...FISCAL_FUNDS.map((f): GridColumnDef => ({ key: f, label: `${FUND_LABELS[f]}（元）`, kind: 'amount', width: 200 }))], [])
  const apply = useCallback((p: Patch) => setDraft({ ...d, rows: applyPatch(d.rows, p) }), [d, setDraft])
  const cellErrors = useCallback((id: string) => {
    const out: Record<string, string> = {}
    for (const f of FISCAL_FUNDS) if (errors[`amounts.${id}:${f}`]) out[f] = errors[`amounts.${id}:${f}`]!
    return Object.keys(out).length ? out : undefined
  }, [errors])
  const save = async (version: number) => {
    const r = await onSave(toInput(d), version)
    if (r.ok) {
      setErrors({})
      setConflict(null)
      setDraft(null)
      return
    }
    setErrors(Object.fromEntries(r.fields.map((f) => [f.path, f.message])))
    if (r.code === 'CONFLICT') {
      const latest = await reloadAction(state.id)
      if (latest.ok) setConflict({ theirs: draftOf(latest.state), version: latest.state.versions.threePublic })
    }
  }
  const table = state.tables.find((t) => t.key === 'three_public_expenses')
  const differs = conflict ? d.rows.flatMap((r, i) => FISCAL_FUNDS.filter((f) => norm(r.values[f] ?? '') !== norm(conflict.theirs.rows[i]!.values[f] ?? '')).map((f) => `${THREE_PUBLIC_LABELS[r.id as ThreePublicItem]}·${FUND_LABELS[f]}：您的「${formatAmount(r.values[f] || '0')}」，对方的「${formatAmount(conflict.theirs.rows[i]!.values[f] || '0')}」`)) : []
  return (
    <div>
      {conflict && (
        <div className="alert alert-error" role="alert" data-testid="three-public-conflict">
          <p style={{ margin: 0 }}>“三公”经费在您填写期间已被他人修改并保存，您的这次保存未生效。您填写的内容仍在下表中。</p>
          {differs.length > 0 && (
            <ul style={{ margin: '6px 0' }}>
              {differs.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void save(conflict.version)}>
            保留我的并保存
          </button>{' '}
          <button type="button" className="btn btn-sm" onClick={() => (setDraft(conflict.theirs), setConflict(null), setErrors({}))}>
            采用对方的
          </button>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save(conflict?.version ?? state.versions.threePublic)
        }}
      >
        <SpreadsheetGrid label="“三公”经费填报" testId="grid-three-public" columns={columns} rows={d.rows} canEdit={state.canEdit} canAddRows={false} onApply={apply} cellErrors={cellErrors} totalLabel="合计" />
        <div style={{ display: 'flex', gap: 24, margin: '12px 0' }}>
          <div className="form-field">
            <label htmlFor="v-purchased">本年购置公务用车（辆）</label>
            <input id="v-purchased" inputMode="numeric" disabled={!state.canEdit} value={d.purchased} onChange={(e) => setDraft({ ...d, purchased: e.target.value })} aria-invalid={!!errors.vehiclesPurchased || undefined} />
            {errors.vehiclesPurchased && <span className="field-error">{errors.vehiclesPurchased}</span>}
          </div>
          <div className="form-field">
            <label htmlFor="v-held">公务用车保有量（辆）</label>
            <input id="v-held" inputMode="numeric" disabled={!state.canEdit} value={d.held} onChange={(e) => setDraft({ ...d, held: e.target.value })} aria-invalid={!!errors.vehiclesHeld || undefined} />
            {errors.vehiclesHeld && <span className="field-error">{errors.vehiclesHeld}</span>}
          </div>
        </div>
        {state.canEdit && (
          <p>
            <button className="btn btn-primary" type="submit">
              保存“三公”经费
            </button>{' '}
            <span className="muted" role="status" data-testid="three-public-state">
              {dirty ? '有未保存的修改' : '已保存'}
            </span>
          </p>
        )}
      </form>
      {table && <BudgetTableView table={table} department={`${state.department.code} ${state.department.name}`} year={state.year} />}
    </div>
  )
}
