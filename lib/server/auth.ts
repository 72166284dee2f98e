import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import { getServerSession } from 'next-auth'
import { cache } from 'react'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import type { Actor } from './authz'
import { db } from './db'
import { verifyPassword } from './password'
import { loginRateLimiter } from './rate-limit'

const ZCredentials = z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '用户名密码',
      credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(raw) {
        const parsed = ZCredentials.safeParse(raw)
        if (!parsed.success) return null
        const { username, password } = parsed.data
        if (!loginRateLimiter.allow(username)) throw new Error('登录尝试过于频繁，请 1 分钟后再试')
        const user = await db().user.findUnique({ where: { username } })
        // verify against a dummy hash when the user is unknown, so timing does not reveal usernames
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
        if (!user || !ok) return null
        loginRateLimiter.reset(username)
        return { id: user.id, name: user.name }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id
      return token
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.uid as string
      return session
    },
  },
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='

/**
 * The signed-in user with their current role and scope, read fresh from the database — once per
 * request: the root layout (header) and the page both ask, and React's cache() gives them one lookup
 * (outside a render, in route handlers and server actions, it simply calls through).
 */
export const getActor = cache(loadActor)

async function loadActor(): Promise<Actor> {
  const session = await getServerSession(authOptions)
  const id = (session?.user as { id?: string } | undefined)?.id
  if (!id) return null
  const u = await db().user.findUnique({ where: { id }, include: { unit: { select: { code: true } } } })
  if (!u) return null
  return { id: u.id, role: u.role, name: u.name, departmentId: u.departmentId, regionId: u.regionId, unitCode: u.unit?.code ?? null }
}
