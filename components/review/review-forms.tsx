'use client'

import { useLeaveGuard } from '@/components/ui/use-autosave'
import { zodResolver } from '@hookform/resolvers/zod'
import { useEffect } from 'react'
import { useForm } from 'react-hook-form'
import type { TApproveForm, TCommentForm, TReturnForm } from '@/lib/workflow/schemas'
import { ZApproveForm, ZCommentForm, ZReturnForm } from '@/lib/workflow/schemas'
import s from './review.module.css'

export function CommentForm({ where, value, disabled, onSubmit, onCancel }: { where: string; value: string | null; disabled: boolean; onSubmit: (v: TCommentForm, reset: () => void) => void; onCancel: () => void }) {
  const f = useForm<TCommentForm>({ resolver: zodResolver(ZCommentForm), defaultValues: { body: '' } })
  // an explicit save: leaving with a typed comment asks first
  useLeaveGuard(f.formState.isDirty)
  const field = f.register('body')
  useEffect(() => f.setFocus('body'), [where, f])
  return (
    <form className={s.panel} onSubmit={f.handleSubmit((v) => onSubmit(v, () => f.reset({ body: '' })))} noValidate aria-label="添加意见">
      <h2>对所选位置提出意见</h2>
      <p style={{ margin: '0 0 4px' }} data-testid="selected-anchor">
        {where}
      </p>
      {value !== null && <p className="muted" style={{ margin: 0 }}>当前值：{value || '空'}</p>}
      <label htmlFor="comment-body">意见</label>
      <textarea id="comment-body" rows={3} {...field} aria-invalid={!!f.formState.errors.body} />
      {f.formState.errors.body && <span className="field-error">{f.formState.errors.body.message}</span>}
      <div className={s.row}>
        <button className="btn btn-primary" type="submit" disabled={disabled}>
          添加意见
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  )
}

export function ReturnForm({ disabled, openComments, onSubmit }: { disabled: boolean; openComments: number; onSubmit: (v: TReturnForm) => void }) {
  const f = useForm<TReturnForm>({ resolver: zodResolver(ZReturnForm), defaultValues: { reason: '' } })
  useLeaveGuard(f.formState.isDirty)
  return (
    <form className={s.panel} onSubmit={f.handleSubmit(onSubmit)} noValidate aria-label="退回修改">
      <h2>退回修改</h2>
      <p className="muted" style={{ margin: 0 }}>
        会计将看到退回理由{openComments ? `和 ${openComments} 条意见` : ''}。
      </p>
      <label htmlFor="return-reason">退回理由</label>
      <textarea id="return-reason" rows={3} {...f.register('reason')} aria-invalid={!!f.formState.errors.reason} />
      {f.formState.errors.reason && <span className="field-error">{f.formState.errors.reason.message}</span>}
      <div className={s.row}>
        <button className="btn" type="submit" disabled={disabled}>
          退回修改
        </button>
      </div>
    </form>
  )
}

export function ApproveForm({ today, disabled, serverError, onSubmit, blocked }: { today: string; disabled: boolean; serverError?: string; blocked: string | null; onSubmit: (v: TApproveForm) => void }) {
  const f = useForm<TApproveForm>({ resolver: zodResolver(ZApproveForm), defaultValues: { approvedOn: today } })
  const err = f.formState.errors.approvedOn?.message ?? serverError
  return (
    <form className={s.panel} onSubmit={f.handleSubmit(onSubmit)} noValidate aria-label="审核通过">
      <h2>审核通过</h2>
      {blocked && <p className="alert alert-warn" style={{ margin: '4px 0' }}>{blocked}</p>}
      <label htmlFor="approved-on">批复日期</label>
      <input id="approved-on" type="date" max={today} {...f.register('approvedOn')} aria-invalid={!!err} aria-describedby="approved-on-help" />
      <span id="approved-on-help" className="muted" style={{ fontSize: 13 }}>
        自批复日期起 20 日内须公开
      </span>
      {err && (
        <span className="field-error" style={{ display: 'block' }}>
          {err}
        </span>
      )}
      <label style={{ display: 'block', marginTop: 4 }}>
        <input type="checkbox" {...f.register('confirmDate')} /> 确认批复日期（距今超过一年时须勾选）
      </label>
      <div className={s.row}>
        <button className="btn btn-primary" type="submit" disabled={disabled}>
          审核通过
        </button>
      </div>
    </form>
  )
}
