'use client'

import { useLeaveGuard } from '@/components/ui/use-autosave'
import { zodResolver } from '@hookform/resolvers/zod'
import Link from 'next/link'
import { useMemo, useState } from 'react'
import { useForm } from 'react-hook-form'
import { CommentList } from '@/components/review/comment-list'
import { CommentableTable } from '@/components/review/commentable-table'
import { NoticeBar } from '@/components/ui/notice-bar'
import s from '@/components/review/review.module.css'
import { useWorkflowAction } from '@/components/review/use-workflow-action'
import { STATUS_LABELS } from '@/lib/domain/status'
import { correctAction, submitAction } from '@/lib/workflow/actions'
import { chinaTime } from '@/lib/workflow/format'
import type { TAnchor, TCorrectForm, TSubmitForm } from '@/lib/workflow/schemas'
import { ZCorrectForm, ZSubmitForm } from '@/lib/workflow/schemas'
import type { SubmitState } from '@/lib/workflow/view'
import { DeadlineText } from './deadline-text'

/**
 * The accountant's 提交与审核意见: whether the disclosure may be submitted (errors to fix, warnings to
 * explain), the reviewer's comments anchored in the tables, the publication deadline, and the correction
 * of a published disclosure.
 */
export function SubmitPanel({ state }: { state: SubmitState }) {
  const { run, pending, notice, reload } = useWorkflowAction()
  const [focus, setFocus] = useState<{ table: string; row: number; col: number } | null>(null)
  const open = state.comments.filter((c) => !c.resolvedAt)
  const dept = `${state.department.code} ${state.department.name}`
  const commented = useMemo(() => {
    const m = new Map<string, Map<string, number>>()
    for (const c of open) {
      if (c.anchor.kind !== 'cell') continue
      const t = m.get(c.anchor.table) ?? new Map<string, number>()
      t.set(`${c.anchor.row}:${c.anchor.col}`, (t.get(`${c.anchor.row}:${c.anchor.col}`) ?? 0) + 1)
      m.set(c.anchor.table, t)
    }
    return m
  }, [open])
  const go = (a: TAnchor) => {
    if (a.kind !== 'cell') return
    setFocus({ table: a.table, row: a.row, col: a.col })
    setTimeout(() => document.querySelector<HTMLElement>(`[data-testid="review-table-${a.table}"] [data-row="${a.row}"][data-col="${a.col}"]`)?.scrollIntoView({ block: 'center' }), 50)
  }

  return (
    <div>
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/workspace">工作台</Link> / <Link href={`/workspace/disclosures/${state.id}`}>{state.year} 年{state.unit ? '单位预算' : '部门预算'}</Link> / 提交与审核意见
      </p>
      <h1>
        {state.year} 年{state.unit ? `单位预算：${state.unit.name}` : '部门预算'}{state.revision > 1 ? `（第 ${state.revision} 版）` : ''} — 提交与审核意见 <span className={`badge badge-${state.status}`}>{STATUS_LABELS[state.status]}</span>
      </h1>
      <NoticeBar notice={notice} onReload={reload} pending={pending} />
      {state.correctionNote && <p className="alert alert-warn">更正说明：{state.correctionNote}</p>}
      {state.deadline && <DeadlineText info={state.deadline} block />}
      {state.status === 'submitted' && <p className="alert alert-ok">已于 {state.submittedAt ? chinaTime(state.submittedAt) : ''} 提交，等待财政局审核。审核期间不能修改。</p>}
      {state.status === 'returned' && (
        <p className="alert alert-warn" role="status">
          财政局已退回，共 {open.length} 条意见。请按意见修改后重新提交。
        </p>
      )}

      {open.length > 0 && (
        <section aria-labelledby="open-comments" style={{ marginTop: 16 }}>
          <h2 id="open-comments">审核意见</h2>
          <CommentList comments={open} onGo={go} />
          <h2>意见所在的表</h2>
          {state.tables
            .filter((t) => commented.has(t.key))
            .map((t) => (
              <CommentableTable key={t.key} table={t} department={dept} year={state.year} comments={commented.get(t.key)} selected={focus?.table === t.key ? focus : null} />
            ))}
        </section>
      )}

      {state.can.submit && <SubmitForm key={state.version} state={state} pending={pending} onSubmit={(v) => run(() => submitAction({ disclosureId: state.id, version: state.version, acknowledgements: v.acknowledgements }))} />}

      {state.can.correct && <CorrectForm pending={pending} onSubmit={(v) => run(() => correctAction({ disclosureId: state.id, version: state.version, correctionNote: v.correctionNote }))} />}

      {state.revisions.length > 1 && (
        <section style={{ marginTop: 16 }}>
          <h2>版本</h2>
          <ul>
            {state.revisions.map((r) => (
              <li key={r.id}>
                <Link href={`/workspace/disclosures/${r.id}/submit`}>第 {r.revision} 版</Link> · {STATUS_LABELS[r.status]}
                {r.publishedAt ? ` · ${chinaTime(r.publishedAt)} 公开` : ''}
                {r.correctionNote ? ` · 更正说明：${r.correctionNote}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {state.comments.length > open.length && (
        <details style={{ marginTop: 16 }}>
          <summary>以往的审核意见（{state.comments.length - open.length}）</summary>
          <CommentList comments={state.comments.filter((c) => c.resolvedAt)} />
        </details>
      )}
    </div>
  )
}

function SubmitForm({ state, pending, onSubmit }: { state: SubmitState; pending: boolean; onSubmit: (v: TSubmitForm) => void }) {
  const f = useForm<TSubmitForm>({ resolver: zodResolver(ZSubmitForm), defaultValues: { acknowledgements: state.warnings.map((w) => ({ findingKey: w.key, explanation: w.explanation ?? '' })) } })
  // explanations are saved with the submission: leaving with typed ones asks first
  useLeaveGuard(f.formState.isDirty && !pending)
  const blocked = state.errors.length > 0
  const errs = f.formState.errors.acknowledgements
  const indexed = state.warnings.map((w, i) => ({ w, i }))
  const unexplained = indexed.filter((x) => !x.w.explanation)
  const explained = indexed.filter((x) => x.w.explanation)
  const explainedErrors = explained.some((x) => errs?.[x.i]?.explanation)
  const item = ({ w, i }: { w: SubmitState['warnings'][number]; i: number }) => {
    const err = errs?.[i]?.explanation?.message
    return (
      <div key={w.key} className={s.warnItem}>
        <label htmlFor={`ack-${i}`} style={{ display: 'block', fontWeight: 'normal' }}>
          <span className="badge badge-warning">提示</span> {w.finding.message}
        </label>
        <textarea id={`ack-${i}`} rows={2} style={{ width: '100%', marginTop: 6, font: 'inherit' }} placeholder="说明原因，如：经财政局同意……" aria-invalid={!!err} {...f.register(`acknowledgements.${i}.explanation`)} />
        {err && <span className="field-error">{err}</span>}
      </div>
    )
  }
  return (
    <form className="card" onSubmit={f.handleSubmit(onSubmit)} noValidate aria-labelledby="gate-title" style={{ marginTop: 12 }}>
      <h2 id="gate-title" style={{ marginTop: 0 }}>
        提交审核
      </h2>
      {blocked ? (
        <div className="alert alert-error" role="alert">
          还有 {state.errors.length} 个错误，修正后才能提交：
          <ul style={{ margin: '6px 0 0' }}>
            {state.errors.slice(0, 10).map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
          {state.errors.length > 10 && <p style={{ margin: 0 }}>另有 {state.errors.length - 10} 个错误。</p>}
          <Link href={`/workspace/disclosures/${state.id}`}>返回编辑并修正</Link>
        </div>
      ) : (
        <p className="alert alert-ok" style={{ marginTop: 0 }}>
          没有错误。{state.summary.rounding ? `${state.summary.rounding} 处尾差属四舍五入，无需处理。` : ''}
        </p>
      )}
      {state.warnings.length > 0 && (
        <fieldset style={{ border: 0, padding: 0, margin: '8px 0' }}>
          <legend style={{ fontWeight: 600 }}>
            以下 {state.warnings.length} 条提示须修正，或说明原因（审核人员可见）{explained.length ? `：${unexplained.length} 条待说明，${explained.length} 条已说明` : ''}
          </legend>
          {unexplained.map(item)}
          {explained.length > 0 && (
            <details open={explainedErrors || undefined} style={{ marginTop: 8 }}>
              <summary>已说明的 {explained.length} 条提示（可修改说明）</summary>
              {explained.map(item)}
            </details>
          )}
        </fieldset>
      )}
      <button className="btn btn-primary" type="submit" disabled={blocked || pending}>
        提交审核
      </button>
    </form>
  )
}

function CorrectForm({ pending, onSubmit }: { pending: boolean; onSubmit: (v: TCorrectForm) => void }) {
  const f = useForm<TCorrectForm>({ resolver: zodResolver(ZCorrectForm), defaultValues: { correctionNote: '' } })
  useLeaveGuard(f.formState.isDirty && !pending)
  return (
    <form className="card" onSubmit={f.handleSubmit(onSubmit)} noValidate aria-labelledby="correct-title" style={{ marginTop: 16 }}>
      <h2 id="correct-title" style={{ marginTop: 0 }}>
        更正已公开的预算
      </h2>
      <p className="muted">已公开的版本不会改变，仍可查阅。更正将复制全部数据生成新版本（草稿），修改后重新提交审核、公开。</p>
      <div className="form-field">
        <label htmlFor="correction-note">更正说明</label>
        <textarea id="correction-note" rows={3} {...f.register('correctionNote')} aria-invalid={!!f.formState.errors.correctionNote} style={{ font: 'inherit' }} />
        {f.formState.errors.correctionNote && <span className="field-error">{f.formState.errors.correctionNote.message}</span>}
      </div>
      <button className="btn" type="submit" disabled={pending}>
        创建更正版本
      </button>
    </form>
  )
}
