'use client'

import Link from 'next/link'
import { useMemo, useState } from 'react'
import type { Finding } from '@/lib/budget/findings'
import { STATUS_LABELS } from '@/lib/domain/status'
import { anchorLabel } from '@/lib/workflow/anchors'
import { approveAction, commentAction, deleteCommentAction, publishAction, returnAction } from '@/lib/workflow/actions'
import { describeDeadline } from '@/lib/workflow/deadline'
import { countChanges } from '@/lib/workflow/diff'
import { findingKey } from '@/lib/workflow/gate'
import { chinaTime } from '@/lib/workflow/format'
import type { TAnchor } from '@/lib/workflow/schemas'
import type { ReviewState } from '@/lib/workflow/view'
import { ChangesList } from './changes-list'
import { CommentList } from './comment-list'
import type { CellChangeMark } from './commentable-table'
import { CommentableTable } from './commentable-table'
import { NoticeBar } from '@/components/ui/notice-bar'
import { NotesView } from './notes-view'
import { ApproveForm, CommentForm, ReturnForm } from './review-forms'
import s from './review.module.css'
import { useWorkflowAction } from './use-workflow-action'

type Tab = 'tables' | 'notes' | 'findings' | 'changes' | 'comments' | 'history'
type Compare = 'none' | 'previous' | 'lastYear'
const SEVERITY = { error: '错误', warning: '提示', rounding: '尾差' } as const

/** The reviewer's view of one disclosure: tables and notes to comment on, findings, comparisons, decisions. */
export function ReviewWorkspace({ state }: { state: ReviewState }) {
  const [tab, setTab] = useState<Tab>('tables')
  const [compare, setCompare] = useState<Compare>(state.previous ? 'previous' : state.lastYear ? 'lastYear' : 'none')
  const [selected, setSelected] = useState<TAnchor | null>(null)
  const { run, pending, notice, reload } = useWorkflowAction()
  const v = { disclosureId: state.id, version: state.version }
  // the tables are captioned with whose budget it is: the department, or for a 单位预算 the unit
  const dept = `${(state.unit ?? state.department).code} ${(state.unit ?? state.department).name}`
  const comparison = compare === 'previous' ? state.previous : compare === 'lastYear' ? state.lastYear : null

  const cellComments = useMemo(() => {
    const m = new Map<string, Map<string, number>>()
    const notes = new Map<string, number>()
    for (const c of state.comments) {
      if (c.resolvedAt) continue
      if (c.anchor.kind === 'cell') {
        const t = m.get(c.anchor.table) ?? new Map<string, number>()
        const k = `${c.anchor.row}:${c.anchor.col}`
        t.set(k, (t.get(k) ?? 0) + 1)
        m.set(c.anchor.table, t)
      } else if (c.anchor.kind === 'notes') notes.set(`${c.anchor.section}:${c.anchor.paragraph}`, (notes.get(`${c.anchor.section}:${c.anchor.paragraph}`) ?? 0) + 1)
    }
    return { cells: m, notes }
  }, [state.comments])

  const changeMaps = useMemo(() => {
    const m = new Map<string, { changes: Map<string, CellChangeMark>; added: Set<number> }>()
    for (const d of comparison?.tables ?? []) m.set(d.key, { changes: new Map(d.changed.map((c) => [`${c.row}:${c.col}`, { before: c.before, delta: c.delta }])), added: new Set(d.addedRows) })
    return m
  }, [comparison])

  const selectCell = (table: string, row: number, col: number) => state.can.comment && setSelected({ kind: 'cell', table, row, col })
  const go = (a: TAnchor) => {
    if (a.kind === 'cell') {
      setTab('tables')
      setSelected(a)
      setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="review-table-${a.table}"] [data-row="${a.row}"][data-col="${a.col}"]`)?.focus(), 50)
    } else if (a.kind === 'notes') {
      setTab('notes')
      setSelected(a)
    }
  }
  const goFinding = (f: Finding) => f.table && f.row !== undefined && f.col !== undefined && go({ kind: 'cell', table: f.table, row: f.row, col: f.col })
  const selectedValue = selected?.kind === 'cell' ? (state.tables.find((t) => t.key === selected.table)?.rows[selected.row]?.[selected.col] ?? null) : null
  const open = state.comments.filter((c) => !c.resolvedAt)

  return (
    <div>
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/review">审核工作台</Link> / {state.department.region} / {dept}
      </p>
      <h1>
        {state.department.name} {state.year} 年{state.unit ? `单位预算：${state.unit.name}` : '部门预算'}{state.revision > 1 ? `（第 ${state.revision} 版）` : ''} <span className={`badge badge-${state.status}`}>{STATUS_LABELS[state.status]}</span>
      </h1>
      {state.correctionNote && <p className="alert alert-warn">更正说明：{state.correctionNote}</p>}
      <div className="totals-bar">
        <div>
          <span className="muted">提交时间</span>
          <span>{state.submittedAt ? chinaTime(state.submittedAt) : '—'}</span>
        </div>
        <div>
          <span className="muted">校验</span>
          <span className={s.summaryCounts}>
            <span className="badge badge-error">错误 {state.summary.error}</span>
            <span className="badge badge-warning">提示 {state.summary.warning}</span>
            <span className="badge badge-rounding">尾差 {state.summary.rounding}</span>
          </span>
        </div>
        <div>
          <span className="muted">待处理意见</span>
          <span>{open.length}</span>
        </div>
        {state.deadline && (
          <div>
            <span className="muted">公开期限</span>
            <span data-testid="deadline" className={state.deadline.state === 'overdue' ? s.overdue : undefined}>
              {describeDeadline(state.deadline)}
            </span>
          </div>
        )}
        {state.status === 'published' && (
          <div>
            <span className="muted">公开页面</span>
            <Link href={`/disclosures/${state.department.code}/${state.year}/revisions/${state.revision}`}>查看公开页面（第 {state.revision} 版）</Link>
          </div>
        )}
      </div>
      <NoticeBar notice={notice} onReload={reload} pending={pending} />

      <div className={s.layout}>
        <div>
          <div className="tabs" role="tablist" aria-label="审核内容">
            {(
              [
                ['tables', '报表与意见'],
                ['notes', `情况说明（${state.notes.length}）`],
                ['findings', `校验结果（${state.findings.length}）`],
                ['changes', `变动（${comparison ? countChanges(comparison.tables) : 0}）`],
                ['comments', `审核意见（${state.comments.length}）`],
                ['history', '流程记录'],
              ] as [Tab, string][]
            ).map(([k, label]) => (
              <button key={k} role="tab" type="button" aria-selected={tab === k} onClick={() => setTab(k)}>
                {label}
              </button>
            ))}
          </div>
          {(tab === 'tables' || tab === 'notes' || tab === 'changes') && (
            <div className={s.row} role="radiogroup" aria-label="比较对象" style={{ marginTop: 0, marginBottom: 8 }}>
              <span className="muted">比较：</span>
              {(
                [
                  ['none', '不比较', true],
                  ['previous', state.previous?.label ?? '与上次提交比较（无）', !!state.previous],
                  ['lastYear', state.lastYear?.label ?? '与上年比较（无上年数据）', !!state.lastYear],
                ] as [Compare, string, boolean][]
              ).map(([k, label, enabled]) => (
                <label key={k} style={{ display: 'inline-flex', gap: 4, alignItems: 'center', opacity: enabled ? 1 : 0.55 }}>
                  <input type="radio" name="compare" value={k} checked={compare === k} disabled={!enabled} onChange={() => setCompare(k)} />
                  {label}
                </label>
              ))}
            </div>
          )}
          {tab === 'tables' && (
            <>
              <div className={s.legend}>
                {comparison && (
                  <span>
                    <span className={`${s.swatch} ${s.changed}`} />
                    有变动的单元格（下方小字为原值）
                  </span>
                )}
                <span>
                  <span className={`${s.swatch} ${s.commented}`} />
                  有待处理意见
                </span>
                {state.can.comment && <span>点击单元格（或用方向键移动、回车选中）提出意见</span>}
              </div>
              <nav aria-label="报表目录" className="no-print" style={{ fontSize: 14, marginBottom: 8 }}>
                {state.tables.map((t, i) => (
                  <span key={t.key}>
                    {i > 0 && ' · '}
                    <a href={`#rv-${t.key}`}>{t.title}</a>
                  </span>
                ))}
              </nav>
              {state.tables.map((t) => (
                <CommentableTable
                  key={t.key}
                  table={t}
                  department={dept}
                  year={state.year}
                  changes={changeMaps.get(t.key)?.changes}
                  addedRows={changeMaps.get(t.key)?.added}
                  comments={cellComments.cells.get(t.key)}
                  selected={selected?.kind === 'cell' && selected.table === t.key ? selected : null}
                  onSelect={state.can.comment ? (r, c) => selectCell(t.key, r, c) : undefined}
                />
              ))}
            </>
          )}
          {tab === 'notes' && (
            <NotesView
              sections={state.notes}
              diff={comparison?.notes}
              comments={cellComments.notes}
              selected={selected?.kind === 'notes' ? selected : null}
              onSelect={state.can.comment ? (section, paragraph) => setSelected({ kind: 'notes', section, paragraph }) : undefined}
            />
          )}
          {tab === 'findings' && <FindingsWithExplanations state={state} onGo={goFinding} />}
          {tab === 'changes' && (comparison ? <ChangesList diffs={comparison.tables} tables={state.tables} /> : <p className="muted">请选择比较对象。</p>)}
          {tab === 'comments' && (
            <CommentList
              comments={state.comments}
              onGo={go}
              onDelete={(c) => run(() => deleteCommentAction({ ...v, commentId: c.id }))}
              canDeleteOf={(c) => state.can.comment && c.authorId === state.viewerId && !c.resolvedAt}
            />
          )}
          {tab === 'history' &&
            (state.timeline.length ? (
              <ol className={s.timeline}>
                {state.timeline.map((e, i) => (
                  <li key={i}>
                    {chinaTime(e.at)} · {e.actor} · <strong>{e.action}</strong>
                    {e.detail ? `：${e.detail}` : ''}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">暂无流程记录。</p>
            ))}
        </div>

        <aside className={s.side} aria-label="审核操作">
          {state.can.comment && selected && selected.kind !== 'general' && (
            <CommentForm
              where={anchorLabel(selected, state.tables, state.notes)}
              value={selected.kind === 'cell' ? (selectedValue === null ? '' : typeof selectedValue === 'number' ? selectedValue.toFixed(2) : String(selectedValue)) : null}
              disabled={pending}
              onCancel={() => setSelected(null)}
              onSubmit={(f, reset) => run(() => commentAction({ ...v, anchor: selected, body: f.body }), () => reset())}
            />
          )}
          {state.can.comment && !selected && <p className={`${s.panel} muted`}>在报表中选中单元格，或在情况说明中选中段落，即可针对该处提出意见。</p>}
          {state.can.return && <ReturnForm disabled={pending} openComments={open.length} onSubmit={(f) => run(() => returnAction({ ...v, reason: f.reason }))} />}
          {state.can.approve && (
            <ApproveForm
              today={state.today}
              disabled={pending}
              serverError={notice?.fields?.approvedOn}
              blocked={state.summary.error ? `仍有 ${state.summary.error} 个校验错误，请核实后再审核通过。` : null}
              onSubmit={(f) => run(() => approveAction({ ...v, approvedOn: f.approvedOn, ...(f.confirmDate ? { confirmDate: true } : {}) }))}
            />
          )}
          {state.can.publish && (
            <div className={s.panel}>
              <h2>公开</h2>
              <p className="muted" style={{ margin: '0 0 8px' }}>
                公开后内容不可再修改，如有错误只能发布更正版本。
              </p>
              <button className="btn btn-primary" type="button" disabled={pending} onClick={() => run(() => publishAction(v))}>
                公开
              </button>
            </div>
          )}
          {!state.can.comment && !state.can.return && !state.can.approve && !state.can.publish && (
            <p className={`${s.panel} muted`}>
              当前状态为“{STATUS_LABELS[state.status]}”，{state.status === 'returned' ? '等待会计修改后重新提交。' : state.status === 'published' ? '已公开，不可修改。' : '没有可执行的审核操作。'}
            </p>
          )}
        </aside>
      </div>
    </div>
  )
}

function FindingsWithExplanations({ state, onGo }: { state: ReviewState; onGo: (f: Finding) => void }) {
  const order = { error: 0, warning: 1, rounding: 2 }
  const explained = new Map(state.warnings.map((w) => [w.key, w]))
  const sorted = [...state.findings].sort((a, b) => order[a.severity] - order[b.severity])
  if (sorted.length === 0) return <p className="alert alert-ok">校验通过，没有错误、提示或尾差。</p>
  return (
    <ul className="findings" aria-label="校验结果">
      {sorted.map((f, i) => {
        const w = f.severity === 'warning' ? explained.get(findingKey(f)) : undefined
        return (
          <li key={i} className={f.severity} data-rule={f.rule}>
            <span className={`badge badge-${f.severity}`}>{SEVERITY[f.severity]}</span> {f.message}
            {f.table && f.row !== undefined && f.col !== undefined && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => onGo(f)}>
                  在表中查看
                </button>
              </>
            )}
            {f.severity === 'warning' && (
              <p style={{ margin: '4px 0 0' }} data-testid="explanation">
                {w?.explanation ? (
                  <>
                    <strong>会计说明：</strong>
                    {w.explanation}
                    <span className="muted">
                      {' '}
                      （{w.by}
                      {w.at ? `，${chinaTime(w.at)}` : ''}）
                    </span>
                  </>
                ) : (
                  <span className="muted">（未说明）</span>
                )}
              </p>
            )}
          </li>
        )
      })}
    </ul>
  )
}
