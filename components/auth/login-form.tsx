'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { signIn } from 'next-auth/react'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { z } from 'zod'

const ZLogin = z.object({ username: z.string().trim().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') })
type TLogin = z.infer<typeof ZLogin>

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null)
  const { register, handleSubmit, formState } = useForm<TLogin>({ resolver: zodResolver(ZLogin) })
  const onSubmit = async (v: TLogin) => {
    setError(null)
    const r = await signIn('credentials', { ...v, redirect: false })
    if (!r || r.error) {
      setError(r?.error && r.error !== 'CredentialsSignin' ? r.error : '用户名或密码不正确')
      return
    }
    window.location.assign(callbackUrl)
  }
  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <div className="form-field">
        <label htmlFor="username">用户名</label>
        <input id="username" autoComplete="username" autoFocus {...register('username')} aria-invalid={!!formState.errors.username} />
        {formState.errors.username && <span className="field-error">{formState.errors.username.message}</span>}
      </div>
      <div className="form-field">
        <label htmlFor="password">密码</label>
        <input id="password" type="password" autoComplete="current-password" {...register('password')} aria-invalid={!!formState.errors.password} />
        {formState.errors.password && <span className="field-error">{formState.errors.password.message}</span>}
      </div>
      {error && (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      )}
      <button className="btn btn-primary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? '正在登录…' : '登录'}
      </button>
    </form>
  )
}
