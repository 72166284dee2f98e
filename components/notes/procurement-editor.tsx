'use client'

import { useCallback, useMemo, useState, useTransition } from 'react'
import type { GridRow, Patch } from '@/components/grid/grid-model'
import { applyPatch } from '@/components/grid/grid-model'
import { SpreadsheetGrid } from '@/components/grid/spreadsheet-grid'
import { useLeaveGuard } from '@/components/ui/use-autosave'
import { formatWan } from '@/lib/budget/money'
import { PROCUREMENT_FUNDS } from '@/lib/budget/types'
import type { Result } from '@/lib/notes/actions'
import { reloadProcurementAction, saveProcurementAction } from '@/lib/notes/actions'
import type { ProcurementState } from '@/lib/notes/view'
import type { BudgetSubject } from '@/lib/document/model'
import { DEPARTMENT, EditorHeader } from '../document/disclosure-subnav'
import { NotesFindings } from './notes-findings'
import { NoticeBar } from '@/components/ui/notice-bar'
import { assetColumns, assetToRow, errorsByRow, fen, isBlankItem, itemCheck, itemToRow, procurementColumns, rowToAsset, rowToItem } from './procurement-rows'

type Draft = { items: GridRow[]; assets: GridRow[] }
const draftOf = (s: ProcurementState): Draft => ({ items: s.items.map((it, i) => itemToRow(it, `item-${i}`)), assets: s.fixedAssets.map(assetToRow) })
const keyOf = (d: Draft) => JSON.stringify([d.items.filter((r) => !isBlankItem(r)).map(rowToItem), d.assets.map(rowToAsset)])

/**
 * 政府采购预算 and 固定资产占用情况 in the spreadsheet grid: purchases with their project, 目录序号,
 * quantity and unit price; 金额 by fund source must equal 数量 × 单价 (checked as it is typed), 合计 is
 * their sum; with no purchases the table is published empty with the standard statement. Saved
 * explicitly; leaving with unsaved changes asks first. A rejected save keeps the typed values and the
 * next save sends them as corrected; a version conflict shows the other person's figures and lets the
 * person keep theirs or take the other's — never a silent save over the other change.
 */
export function ProcurementEditor({ initial, subject = DEPARTMENT }: { initial: ProcurementState; subject?: BudgetSubject }) {
  const [state, setState] = useState(initial)
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial))
  // the version the draft was typed against: a conflict does not move it until the person chooses
  const [baseVersion, setBaseVersion] = useState(initial.version)
  const [savedKey, setSavedKey] = useState(() => keyOf(draftOf(initial)))
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null)
  const [errors, setErrors] = useState<Map<string, Record<string, string>>>(new Map())
  const [theirs, setTheirs] = useState<ProcurementState | null>(null)
  const [pending, start] = useTransition()
  const ro = !state.canEdit
  const dirty = keyOf(draft) !== savedKey
  useLeaveGuard(dirty)

  const columns = useMemo(() => procurementColumns(state.projects), [state.projects])
  const itemRows = useMemo(() => draft.items.map((r) => ({ id: r.id, values: { ...r.values, check: itemCheck(r).text } })), [draft.items])
  const applyItems = useCallback((p: Patch) => setDraft((d) => ({ ...d, items: applyPatch(d.items, p) })), [])
  const applyAssets = useCallback((p: Patch) => setDraft((d) => ({ ...d, assets: applyPatch(d.assets, p) })), [])
  const cellErrors = useCallback((id: string) => {
    const r = draft.items.find((x) => x.id === id)
    const mismatch = r && itemCheck(r).mismatch ? { check: '金额合计与数量 × 单价不符' } : undefined
    const e = errors.get(id)
    return e || mismatch ? { ...mismatch, ...e } : undefined
  }, [draft.items, errors])

  const adopt = (s: ProcurementState) => {
    const d = draftOf(s)
    setState(s)
    setDraft(d)
    setSavedKey(keyOf(d))
    setBaseVersion(s.version)
    setTheirs(null)
    setErrors(new Map())
  }
  const save = (version: number) =>
    start(async () => {
      const items = draft.items.filter((r) => !isBlankItem(r))
      setErrors(new Map())
      const r: Result<ProcurementState> = await saveProcurementAction({ disclosureId: state.id, version, items: items.map(rowToItem), fixedAssets: draft.assets.map(rowToAsset) })
      if (r.ok) {
        adopt(r.state)
        setNotice({ kind: 'ok', text: r.message })
        return
      }
      setNotice({ kind: r.code === 'CONFLICT' ? 'conflict' : 'error', text: r.code === 'CONFLICT' ? '政府采购已被他人修改并保存，您的这次保存未生效；您填写的内容仍在表中，请在下方选择。' : r.message })
      setErrors(errorsByRow(r.fields, items))
      if (r.code === 'CONFLICT' && r.state) setTheirs(r.state)
    })
  const fillFromProduct = () =>
    setDraft((d) => ({
      ...d,
      items: d.items.map((r) => {
        const p = fen(r.values.unitPrice)
        const q = r.values.quantity
        const empty = PROCUREMENT_FUNDS.every((f) => !r.values[`a_${f}`])
        if (!empty || p === null || !q || !/^\d+(\.\d+)?$/.test(q)) return r
        return { id: r.id, values: { ...r.values, a_general: ((Number(q) * p) / 100).toFixed(2) } }
      }),
    }))

  const total = draft.items.reduce((s, r) => s + PROCUREMENT_FUNDS.reduce((t, f) => t + (fen(r.values[`a_${f}`]) ?? 0), 0), 0)
  const assetsTotal = draft.assets.filter((a) => a.id !== 'office_buildings').reduce((s, a) => s + (fen(a.values.value) ?? 0), 0)
  const blankItem = useCallback(() => ({}), [])

  return (
    <div>
      <EditorHeader id={state.id} year={state.year} status={state.status} department={state.department} unit={subject.unit} current="/procurement" />
      <NoticeBar notice={notice} onReload={() => start(async () => {
        const r = await reloadProcurementAction(state.id)
        if (r.ok) setTheirs(r.state)
      })} testId="procurement-notice" />
      {theirs && (
        <div className="alert alert-error" role="alert" data-testid="procurement-conflict">
          <p style={{ margin: 0 }}>
            对方保存的版本：{theirs.items.length} 项采购（{theirs.items.map((it) => it.itemName).join('、') || '无'}）；您的：{draft.items.filter((r) => !isBlankItem(r)).length} 项（{draft.items.filter((r) => !isBlankItem(r)).map((r) => r.values.itemName).join('、') || '无'}）。
          </p>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => save(theirs.version)}>
            保留我的并保存
          </button>{' '}
          <button type="button" className="btn btn-sm" onClick={() => (adopt(theirs), setNotice(null))}>
            采用对方的
          </button>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save(baseVersion)
        }}
        noValidate
        aria-label="政府采购与资产"
      >
        <h2>政府采购预算</h2>
        {draft.items.length === 0 && <p className="alert alert-warn">没有采购项目：公开时政府采购预算表为空表，并说明“{state.year}年，{subject.unit?.name ?? state.department.name}无政府采购预算，空表列示。”在表格末行输入即可添加采购项目。</p>}
        <SpreadsheetGrid
          label="政府采购预算"
          testId="grid-procurement"
          columns={columns}
          rows={itemRows}
          canEdit={!ro}
          canAddRows
          blankRow={blankItem}
          onApply={applyItems}
          cellErrors={cellErrors}
          toolbar={
            !ro && (
              <button type="button" className="btn btn-sm" onClick={fillFromProduct}>
                按数量 × 单价填入空白金额（一般公共预算拨款）
              </button>
            )
          }
        />
        <p>
          政府采购预算合计：<strong data-testid="procurement-total">{formatWan(total)}</strong> 万元
        </p>
        <h2>固定资产占用情况（截至 {state.year - 1} 年 12 月 31 日）</h2>
        <SpreadsheetGrid label="固定资产占用情况" testId="grid-assets" columns={assetColumns} rows={draft.assets} canEdit={!ro} canAddRows={false} onApply={applyAssets} totalLabel="—" />
        <p>
          资产总额（房屋、车辆、20 万元以上设备、其他之和）：<strong>{formatWan(assetsTotal)}</strong> 万元
        </p>
        {!ro && (
          <div style={{ position: 'sticky', bottom: 0, background: 'rgba(255,255,255,.96)', padding: '10px 0', borderTop: '1px solid var(--line)', zIndex: 5 }}>
            <button className="btn btn-primary" type="submit" disabled={pending}>
              保存政府采购与资产
            </button>{' '}
            <span className="muted" role="status" data-testid="procurement-state">
              {pending ? '保存中…' : dirty ? '有未保存的修改' : '已保存'}
            </span>
          </div>
        )}
      </form>
      <h2>校验结果</h2>
      <NotesFindings findings={state.findings} okText="政府采购没有发现问题：数量 × 单价与金额一致，均在项目预算之内。" />
    </div>
  )
}
