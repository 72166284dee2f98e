import { LoginForm } from '@/components/auth/login-form'
import { safeCallbackUrl } from '@/lib/server/request'

export const metadata = { title: '登录 — 预算公开' }

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; notice?: string }> }) {
  const { callbackUrl, notice } = await searchParams
  const safe = safeCallbackUrl(callbackUrl, '/workspace')
  return (
    <div style={{ maxWidth: 420, margin: '40px auto' }}>
      <h1>登录</h1>
      <p className="muted">部门会计、财政局审核人员和管理员登录后使用。公众查阅已公开的预算无需登录。</p>
      {notice === 'password-changed' && (
        <div className="alert alert-ok" role="status">
          密码已修改，您在所有设备上的登录都已失效。请用新密码重新登录。
        </div>
      )}
      <div className="card">
        <LoginForm callbackUrl={safe} />
      </div>
    </div>
  )
}
