'use client'

import Link from 'next/link'
import { EditorHeader } from '../document/disclosure-subnav'
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react'
import type { TableKey } from '@/lib/budget/template'
import { NINE_TABLE_KEYS } from '@/lib/budget/template'
import type { ActionResult } from '@/lib/disclosure/actions'
import { pasteLinesAction, reloadAction, saveThreePublicAction } from '@/lib/disclosure/actions'
import { findingsAction } from '@/lib/workflow/findings-action'
import type { DisclosureFindings, LocatedFinding } from '@/lib/workflow/view'
import { useLeaveGuard } from '@/components/ui/use-autosave'
import type { LineFilter } from './lines-sheet'
import { LinesSheet } from './lines-sheet'
import { useLinesSync } from './use-lines-sync'
import { ProjectsSheet } from './projects-sheet'
import { useProjectsSync } from './use-projects-sync'
import type { ThreePublicDraft } from './three-public-panel'
import { ThreePublicPanel } from './three-public-panel'
import type { TLineList } from '@/lib/disclosure/schemas'
import type { EditorState } from '@/lib/disclosure/view'
import { STATUS_LABELS } from '@/lib/domain/status'
import { BudgetTableView } from '../tables/budget-table-view'
import { ExtraTableView } from '../tables/extra-table-view'
import { ExportMenu } from '../exchange/export-menu'
import { FindingsList } from './findings-list'
import { PASTE_COLUMNS } from '@/lib/disclosure/paste'
import { NoticeBar } from '@/components/ui/notice-bar'

type Tab = 'expenditure' | 'revenue' | 'projects' | 'threePublic' | 'tables' | 'findings'

const num = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : '0.00')

export function DisclosureEditor({ initial, initialFindings }: { initial: EditorState; initialFindings: DisclosureFindings }) {
  const [state, setState] = useState(initial)
  const catalogue = initial.catalogue
  // imported tables, or a department budget summed from its units: no lines of its own to edit here
  const imported = initial.source === 'imported' || initial.source === 'consolidated'
  const [tab, setTab] = useState<Tab>(imported ? 'tables' : 'expenditure')
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error' | 'conflict'; text: string } | null>(null)
  const [highlight, setHighlight] = useState<{ list: TLineList; id: string } | null>(null)
  const [tableFocus, setTableFocus] = useState<{ table: TableKey; row?: number; col?: number } | null>(null)
  const [pasteText, setPasteText] = useState('')
  const [pending, startTransition] = useTransition()
  const [all, setAll] = useState(initialFindings)
  const [lineFilter, setLineFilter] = useState<(LineFilter & { list: TLineList }) | null>(null)
  const [threePublicDirty, setThreePublicDirty] = useState(false)
  // the 三公 draft outlives the tab: switching away and back keeps what was typed
  const [tpDraft, setTpDraft] = useState<ThreePublicDraft | null>(null)
  // the findings as the submit page counts them, refreshed after every change (one count everywhere)
  const refreshSeq = useRef(0)
  const refreshFindings = useCallback(() => {
    const n = ++refreshSeq.current
    void findingsAction(initial.id).then((r) => {
      if (r.ok && n === refreshSeq.current) setAll(r.state)
    })
  }, [initial.id])

  const apply = (res: ActionResult): ActionResult => {
    if (res.ok) {
      setState(res.state)
      // a plain autosave shows in the grid's own 已保存 state; the bar is for what needs reading
      setNotice(res.message && res.message !== '已保存' ? { kind: res.conflicts?.length ? 'conflict' : 'ok', text: res.message } : null)
      refreshFindings()
    } else {
      if (res.state) setState(res.state)
      setNotice({ kind: res.code === 'CONFLICT' ? 'conflict' : 'error', text: res.message })
    }
    return res
  }
  const call = (p: Promise<ActionResult>) =>
    new Promise<ActionResult>((resolve) =>
      startTransition(async () => {
        resolve(apply(await p))
      }),
    )
  const ctx = useMemo(() => ({ year: state.year, units: state.units, projects: state.projects, catalogue }), [state.year, state.units, state.projects, catalogue])
  // the grid's results go through the latest apply (a ref, so the callback stays the same across renders)
  const applyRef = useRef(apply)
  applyRef.current = apply
  const onLinesResult = useCallback((r: ActionResult) => void applyRef.current(r), [])
  const syncExp = useLinesSync({ disclosureId: state.id, list: 'expenditure', serverLines: state.expenditure, ctx, onResult: onLinesResult })
  const syncRev = useLinesSync({ disclosureId: state.id, list: 'revenue', serverLines: state.revenue, ctx, onResult: onLinesResult })
  const syncs = { expenditure: syncExp, revenue: syncRev }
  // a stale projects version: the current state is merged in silently and the batch sent again
  const onStale = useCallback((r: ActionResult) => void (r.state && setState(r.state)), [])
  const syncProj = useProjectsSync({ disclosureId: state.id, version: state.versions.projects, projects: state.projects, units: state.units, onResult: onLinesResult, onStale })
  useLeaveGuard(syncExp.status !== 'saved' || syncRev.status !== 'saved' || syncProj.status !== 'saved' || threePublicDirty)
  useEffect(() => {
    if (tab !== 'expenditure') void syncExp.flush()
    if (tab !== 'revenue') void syncRev.flush()
    if (tab !== 'projects') void syncProj.flush()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab])
  const paste = (list: TLineList) => (text: string) => call(pasteLinesAction({ disclosureId: state.id, version: state.versions.lines, list, text }))

  const flagged = useMemo(() => {
    const m: Record<TLineList, Set<string>> = { revenue: new Set(), expenditure: new Set() }
    for (const f of state.findings) if (f.line && f.severity === 'error' && f.line.id && (f.line.list === 'revenue' || f.line.list === 'expenditure')) m[f.line.list].add(f.line.id)
    return m
  }, [state.findings])

  const tables = state.tables.filter((t) => NINE_TABLE_KEYS.includes(t.key as TableKey) || t.key === 'expenditure_by_unit')
  const ies = tables.find((t) => t.key === 'income_expenditure_summary')
  const exp = tables.find((t) => t.key === 'expenditure_summary')
  const grandIncome = ies?.rows.find((r) => r[0] === '收入总计')?.[1]
  const expTotal = exp?.rows[0]
  const marks = (key: string) => state.findings.filter((f) => f.table === key && f.row !== undefined && f.col !== undefined).map((f) => ({ row: f.row!, col: f.col!, severity: f.severity }))

  const go = (f: LocatedFinding) => {
    if (f.lines) {
      setTab(f.lines.list)
      setLineFilter({ list: f.lines.list, label: f.lines.label, ids: new Set(f.lines.ids) })
    } else if (f.line && (f.line.list === 'revenue' || f.line.list === 'expenditure')) {
      setTab(f.line.list)
      const id = f.line.id ?? state[f.line.list][f.line.index]?.id
      setLineFilter(null)
      if (id) setHighlight({ list: f.line.list, id })
    } else if (f.table) {
      setTab('tables')
      setTableFocus({ table: f.table, ...(f.row !== undefined ? { row: f.row } : {}), ...(f.col !== undefined ? { col: f.col } : {}) })
      setTimeout(() => document.getElementById(`tbl-${f.table}`)?.scrollIntoView({ block: 'start' }), 50)
    }
  }

  const summary = all.summary
  return (
    <div>
      <EditorHeader id={state.id} year={state.year} status={state.status} department={state.department} unit={state.unit} current="" extra={<ExportMenu code={state.unit?.code ?? state.department.code} year={state.year} />} />
      <p className="no-print" style={{ margin: '0 0 10px' }}>
        <Link className={state.status === 'returned' ? 'btn btn-primary' : 'btn'} href={`/workspace/disclosures/${state.id}/submit`} data-testid="workflow-link">
          {state.status === 'draft' ? '提交审核 →' : state.status === 'returned' ? '查看审核意见并重新提交 →' : state.status === 'published' ? '更正与版本 →' : '审核进度 →'}
        </Link>
      </p>
      <div className="totals-bar" aria-live="polite" data-testid="totals">
        <div>
          <span className="muted">收入总计（万元）</span>
          <span className="v" data-testid="total-income">{num(grandIncome)}</span>
        </div>
        <div>
          <span className="muted">支出合计（万元）</span>
          <span className="v" data-testid="total-expenditure">{num(expTotal?.[2])}</span>
        </div>
        <div>
          <span className="muted">基本支出</span>
          <span className="v">{num(expTotal?.[3])}</span>
        </div>
        <div>
          <span className="muted">项目支出</span>
          <span className="v">{num(expTotal?.[4])}</span>
        </div>
        <div>
          <span className="muted">校验</span>
          <span className="v">
            <span className="badge badge-error">错误 {summary.error}</span> <span className="badge badge-warning">提示 {summary.warning}</span> <span className="badge badge-rounding">尾差 {summary.rounding}</span>
          </span>
        </div>
        {pending && <div className="muted">正在保存并重新计算…</div>}
      </div>
      <NoticeBar notice={notice} onReload={() => void call(reloadAction(state.id))} />
      {!state.canEdit && <p className="alert alert-warn">当前为只读：{state.status === 'draft' || state.status === 'returned' ? '您没有编辑此预算的权限。' : `预算${STATUS_LABELS[state.status]}，不能修改。`}</p>}
      {state.source === 'consolidated' && (
        <p className="alert alert-ok" data-testid="consolidated-banner">
          本部门预算由所属单位的单位预算汇总而成（见“部门预算支出分单位表”），单位预算的修改会立即反映在部门预算中；如需修改，请在各单位的单位预算中修改。
        </p>
      )}
      {state.source === 'imported' && (
        <p className="alert alert-ok" data-testid="imported-banner">
          已从 {state.importedFrom ?? '工作簿'} 导入{state.importedAt ? `（${new Date(Date.parse(state.importedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}）` : ''}。报表按导入的数据只读显示；如需修改，请修正工作簿后<Link href="/workspace/import">重新导入</Link>。
        </p>
      )}
      <div className="tabs" role="tablist">
        {(
          [
            ['expenditure', `支出明细（${state.expenditure.length}）`],
            ['revenue', `收入明细（${state.revenue.length}）`],
            ['projects', `项目（${syncProj.rows.length}）`],
            ['threePublic', '“三公”经费'],
            ['tables', '公开报表预览'],
            ['findings', `校验结果（${summary.error + summary.warning + summary.rounding}）`],
          ] as [Tab, string][]
        )
          .filter(([k]) => !imported || (k !== 'expenditure' && k !== 'revenue' && k !== 'threePublic'))
          .map(([k, label]) => (
          <button key={k} role="tab" type="button" aria-selected={tab === k} onClick={() => setTab(k)}>
            {label}
          </button>
        ))}
      </div>
      {(tab === 'expenditure' || tab === 'revenue' || tab === 'projects') && (
        <p className="kbd-help no-print" id="grid-help">
            <kbd>Tab</kbd> 进入表格 · <kbd>↑</kbd>
            <kbd>↓</kbd>
            <kbd>←</kbd>
            <kbd>→</kbd> <kbd>Tab</kbd> <kbd>Enter</kbd> 移动 · 直接输入即替换（输入中文先按 <kbd>Backspace</kbd>），<kbd>F2</kbd> 修改，<kbd>Esc</kbd> 取消 · <kbd>Shift</kbd>+方向键 选择区域 · <kbd>Ctrl</kbd>+<kbd>C</kbd>/<kbd>V</kbd> 复制粘贴（列顺序：{tab === 'projects' ? '项目编码、项目名称、所属单位、用途说明' : PASTE_COLUMNS[tab].map((c) => c.label).join('、')}）· <kbd>Ctrl</kbd>+<kbd>D</kbd> 向下填充 · <kbd>Delete</kbd> 清除 · <kbd>Ctrl</kbd>+<kbd>-</kbd> 删除所选行 · <kbd>Ctrl</kbd>+<kbd>Z</kbd>/<kbd>Y</kbd> 撤销/重做 · 自动保存
        </p>
      )}
      {(tab === 'expenditure' || tab === 'revenue') && (
        <>
          <LinesSheet
            key={tab}
            list={tab}
            ctx={ctx}
            sync={syncs[tab]}
            canEdit={state.canEdit}
            flagged={flagged[tab]}
            focusRowId={highlight?.list === tab ? highlight.id : null}
            filter={lineFilter?.list === tab ? lineFilter : null}
            onClearFilter={() => setLineFilter(null)}
          />
          {state.canEdit && (
            <details className="no-print" style={{ marginTop: 12 }}>
              <summary>从 Excel 粘贴多行</summary>
              <p className="muted">在 Excel 中选中若干行（列顺序：{PASTE_COLUMNS[tab].map((c) => c.label).join('、')}）复制，粘贴到下面，点“导入粘贴内容”。全部行无误才会导入。</p>
              <textarea aria-label="粘贴内容" value={pasteText} onChange={(e) => setPasteText(e.target.value)} rows={6} style={{ width: '100%', fontFamily: 'monospace' }} />
              <button
                className="btn btn-primary"
                type="button"
                disabled={!pasteText.trim() || pending}
                onClick={async () => {
                  const r = await paste(tab)(pasteText)
                  if (r.ok) setPasteText('')
                }}
              >
                导入粘贴内容
              </button>
            </details>
          )}
        </>
      )}
      {tab === 'tables' &&
        tables.map((t) => (
          <div key={t.key} id={`tbl-${t.key}`}>
            <BudgetTableView table={t} department={`${(state.unit ?? state.department).code} ${(state.unit ?? state.department).name}`} year={state.year} marks={marks(t.key)} highlight={tableFocus?.table === t.key ? tableFocus : null} />
          </div>
        ))}
      {tab === 'tables' && state.beyondTemplate.length > 0 && (
        <section aria-labelledby="beyond-template">
          <h2 id="beyond-template">模板以外的表（按导入原样）</h2>
          {state.beyondTemplate.map((t, i) => (
            <ExtraTableView key={i} id={`extra-${i}`} table={t} department={`${(state.unit ?? state.department).code} ${(state.unit ?? state.department).name}`} year={state.year} />
          ))}
        </section>
      )}
      {tab === 'projects' && <ProjectsSheet units={state.units} sync={syncProj} canEdit={state.canEdit} />}
      {tab === 'threePublic' && <ThreePublicPanel state={state} draft={tpDraft} setDraft={setTpDraft} onDirty={setThreePublicDirty} onSave={(values, version) => call(saveThreePublicAction({ disclosureId: state.id, version, values }))} />}
      {tab === 'findings' && <FindingsList findings={all.findings} onGo={go} />}
    </div>
  )
}
