import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { getActor } from '@/lib/server/auth'
import { ROLE_LABELS } from '@/lib/server/authz'
import type { HeaderUser } from '@/components/ui/site-user-nav'
import { SiteUserNav } from '@/components/ui/site-user-nav'
import './globals.css'

export const metadata: Metadata = { title: '预算公开 — 部门预算信息公开', description: '部门预算信息公开的编制、审核与发布' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getActor().catch(() => null)
  const user: HeaderUser | null = actor ? { name: actor.name, role: actor.role, roleLabel: ROLE_LABELS[actor.role] } : null
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip-link" href="#main">
          跳到正文
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <Link href="/" className="brand">
              预算公开
            </Link>
            <nav aria-label="主导航">
              <Link href="/">公开目录</Link>
              <Link href="/regions">按地区浏览</Link>
              <Link href="/search">搜索</Link>
              <SiteUserNav initial={user} placement="links" />
            </nav>
            <div className="user">
              <SiteUserNav initial={user} placement="user" />
            </div>
          </div>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}
