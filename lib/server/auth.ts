import 'server-only'
import type { NextAuthOptions } from 'next-auth'
import { getServerSession } from 'next-auth'
import { cache } from 'react'
import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import type { Actor } from './authz'
import { db } from './db'
import { verifyPassword } from './password'
import { loginThrottle, waitText } from './rate-limit'
import { hasControlChars, safeCallbackUrl } from './request'

const ZCredentials = z.object({
  username: z.string().trim().min(1).max(64).refine((s) => !hasControlChars(s)),
  password: z.string().min(1).max(256).refine((s) => !hasControlChars(s)),
})

/** The client's address as the server saw it (Next.js sets X-Forwarded-For from the socket; a proxy in front prepends its client's). */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const get = (name: string): string | undefined => {
    if (!headers) return undefined
    if (headers instanceof Headers) return headers.get(name) ?? undefined
    const v = headers[name]
    return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined
  }
  return (get('x-forwarded-for')?.split(',')[0] ?? get('x-real-ip') ?? 'unknown').trim().slice(0, 64) || 'unknown'
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: '用户名密码',
      credentials: { username: { label: '用户名', type: 'text' }, password: { label: '密码', type: 'password' } },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw)
        if (!parsed.success) return null
        const { username, password } = parsed.data
        const ip = clientAddress((req as { headers?: Record<string, unknown> } | undefined)?.headers)
        const wait = loginThrottle.waitSeconds(username, ip)
        if (wait > 0) throw new Error(`登录尝试过于频繁，请 ${waitText(wait)}后再试`)
        const user = await db().user.findUnique({ where: { username } })
        // verify against a dummy hash when the user is unknown, so timing does not reveal usernames
        const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
        if (!user || !ok) {
          loginThrottle.failed(username, ip)
          return null
        }
        loginThrottle.succeeded(username, ip)
        return { id: user.id, name: user.name, tokenVersion: user.tokenVersion } as { id: string; name: string }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id
        token.tv = (user as { tokenVersion?: number }).tokenVersion ?? 0
      }
      return token
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid as string, tv: token.tv as number })
      return session
    },
    /** After sign-in or sign-out only a same-origin path (or this site's own URL) is followed. */
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl)) return url
      return `${baseUrl}${safeCallbackUrl(url, '/')}`
    },
  },
  events: {
    /** Sign-out ends the session on the server: every token issued before it stops working. */
    async signOut({ token }) {
      const uid = (token as { uid?: string } | null)?.uid
      if (uid) await endSessions(uid)
    },
  },
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=='

/** Invalidates every session of the user (sign-out, password change): tokens carry the version they were issued with. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } })
}

/** The actor of a verified session token: null unless the user exists and the token's version is current. */
export async function actorOfSession(user: { id?: string; tv?: number } | undefined): Promise<Actor> {
  if (!user?.id) return null
  const u = await db().user.findUnique({ where: { id: user.id }, include: { unit: { select: { code: true } } } })
  if (!u || (user.tv ?? 0) !== u.tokenVersion) return null
  return { id: u.id, role: u.role, name: u.name, departmentId: u.departmentId, regionId: u.regionId, unitCode: u.unit?.code ?? null }
}

/**
 * The signed-in user with their current role and scope, read fresh from the database (null once the session
 * was ended) — once per request: the root layout (header) and the page both ask, and React's cache() gives
 * them one lookup (outside a render, in route handlers and server actions, it simply calls through).
 */
export const getActor = cache(loadActor)

async function loadActor(): Promise<Actor> {
  // no session cookie, no session: an anonymous request (most public reads) skips next-auth's decoding
  if (!(await hasSessionCookie())) return null
  const session = await getServerSession(authOptions)
  return actorOfSession(session?.user as { id?: string; tv?: number } | undefined)
}

/** Whether the request carries a next-auth session cookie (plain, __Secure- or chunked `.0`). */
async function hasSessionCookie(): Promise<boolean> {
  const { cookies } = await import('next/headers')
  return (await cookies()).getAll().some((c) => /(^|\.)next-auth\.session-token(\.\d+)?$/.test(c.name))
}
