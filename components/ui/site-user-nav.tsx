'use client'

import Link from 'next/link'
import { useEffect, useState } from 'react'
import { SignOutButton } from './sign-out-button'

export type HeaderUser = { name: string; role: 'accountant' | 'reviewer' | 'admin'; roleLabel: string }

/** Links a role has in the header besides the public ones. */
const ROLE_LINKS: { href: string; label: string; roles: HeaderUser['role'][] }[] = [
  { href: '/workspace', label: '工作台', roles: ['accountant', 'reviewer', 'admin'] },
  { href: '/review', label: '审核', roles: ['reviewer', 'admin'] },
  { href: '/admin/catalogue', label: '科目管理', roles: ['admin'] },
  { href: '/admin/templates', label: '表样模板', roles: ['admin'] },
]

/**
 * The signed-in part of the site header. Dynamic pages pass the user from the server. Cached public
 * pages are rendered without a session (docs/decisions/008), so there the header asks /api/me once
 * in the browser and shows the visitor's own name, links and 退出 instead of 登录.
 */
export function SiteUserNav({ initial, placement }: { initial: HeaderUser | null; placement: 'links' | 'user' }) {
  const user = useHeaderUser(initial)
  if (placement === 'links') {
    return (
      <>
        {user &&
          ROLE_LINKS.filter((l) => l.roles.includes(user.role)).map((l) => (
            <Link key={l.href} href={l.href}>
              {l.label}
            </Link>
          ))}
      </>
    )
  }
  return user ? (
    <>
      <span>
        {user.name}（{user.roleLabel}）
      </span>
      <Link href="/account/password">修改密码</Link>
      <SignOutButton />
    </>
  ) : (
    <Link href="/login">登录</Link>
  )
}

let pending: Promise<HeaderUser | null> | null = null

/** One /api/me request per page load, shared by the header's two parts. */
function fetchMe(): Promise<HeaderUser | null> {
  pending ??= fetch('/api/me', { cache: 'no-store', credentials: 'same-origin' })
    .then((r) => (r.ok ? (r.json() as Promise<{ user: HeaderUser | null }>) : { user: null }))
    .then((b) => b.user)
    .catch(() => null)
  return pending
}

function useHeaderUser(initial: HeaderUser | null): HeaderUser | null {
  const [user, setUser] = useState(initial)
  useEffect(() => {
    if (initial) return
    let live = true
    void fetchMe().then((u) => {
      if (live && u) setUser(u)
    })
    return () => {
      live = false
    }
  }, [initial])
  return user
}
