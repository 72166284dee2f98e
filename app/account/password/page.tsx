import { redirect } from 'next/navigation'
import { PasswordForm } from '@/components/auth/password-form'
import { getActor } from '@/lib/server/auth'

export const dynamic = 'force-dynamic'
export const metadata = { title: '修改密码 — 预算公开' }

export default async function PasswordPage() {
  const actor = await getActor()
  if (!actor) redirect('/login?callbackUrl=/account/password')
  return (
    <div style={{ maxWidth: 480, margin: '24px auto' }}>
      <h1>修改密码</h1>
      <div className="card">
        <PasswordForm />
      </div>
    </div>
  )
}
