'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { changePasswordAction } from '@/lib/account/actions'
import { PASSWORD_RULE_TEXT } from '@/lib/domain/password-rule'
import { ZPasswordChange, type TPasswordChange } from '@/lib/account/schema'

const FIELDS = ['current', 'next', 'confirm'] as const

/** Current password and the new one twice; on success every session ends and the user signs in again. */
export function PasswordForm() {
  const [error, setError] = useState<string | null>(null)
  const { register, handleSubmit, formState, setError: setFieldError } = useForm<TPasswordChange>({ resolver: zodResolver(ZPasswordChange), defaultValues: { current: '', next: '', confirm: '' } })
  const onSubmit = async (v: TPasswordChange) => {
    setError(null)
    const r = await changePasswordAction(v)
    if (r.ok) {
      // a full navigation: this session has ended too, the header and every cached page must forget it
      window.location.assign(r.redirectTo ?? '/login')
      return
    }
    let placed = false
    for (const f of r.fields) {
      const name = FIELDS.find((n) => n === f.path)
      if (name) {
        setFieldError(name, { message: f.message })
        placed = true
      }
    }
    if (!placed || r.code === 'RATE_LIMITED') setError(r.message)
  }
  const e = formState.errors
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <p id="password-rule" className="muted">
        {PASSWORD_RULE_TEXT}修改后，您在所有设备上的登录都会失效，需要用新密码重新登录。
      </p>
      <div className="form-field">
        <label htmlFor="pw-current">当前密码</label>
        <input id="pw-current" type="password" autoComplete="current-password" {...register('current')} aria-invalid={!!e.current} aria-describedby={e.current ? 'pw-current-error' : undefined} />
        {e.current && <span id="pw-current-error" className="field-error">{e.current.message}</span>}
      </div>
      <div className="form-field">
        <label htmlFor="pw-next">新密码</label>
        <input id="pw-next" type="password" autoComplete="new-password" {...register('next')} aria-invalid={!!e.next} aria-describedby={e.next ? 'pw-next-error password-rule' : 'password-rule'} />
        {e.next && <span id="pw-next-error" className="field-error">{e.next.message}</span>}
      </div>
      <div className="form-field">
        <label htmlFor="pw-confirm">再次输入新密码</label>
        <input id="pw-confirm" type="password" autoComplete="new-password" {...register('confirm')} aria-invalid={!!e.confirm} aria-describedby={e.confirm ? 'pw-confirm-error' : undefined} />
        {e.confirm && <span id="pw-confirm-error" className="field-error">{e.confirm.message}</span>}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? '正在修改…' : '修改密码'}
      </button>
    </form>
  )
}
