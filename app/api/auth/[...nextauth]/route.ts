import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authOptions } from '@/lib/server/auth'
import { safeCallbackUrl } from '@/lib/server/request'

const handler = NextAuth(authOptions)

/** A callbackUrl (query or next-auth's cookie) that is neither a same-origin path nor an absolute URL: a Chinese 400, not next-auth's 500. */
function badCallback(req: Request): boolean {
  const url = new URL(req.url)
  const values = [url.searchParams.get('callbackUrl'), /(?:^|;\s*)(?:__Secure-)?next-auth\.callback-url=([^;]*)/.exec(req.headers.get('cookie') ?? '')?.[1] ?? null]
  return values.some((v) => {
    if (v === null) return false
    let s: string
    try {
      s = decodeURIComponent(v)
    } catch {
      return true
    }
    // an absolute http(s) URL goes on to next-auth, whose redirect callback keeps only same-origin targets
    if (/^https?:\/\//i.test(s)) return !URL.canParse(s)
    return safeCallbackUrl(s, '') === ''
  })
}

async function guarded(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  if (badCallback(req)) {
    const res = NextResponse.json({ error: { code: 'BAD_REQUEST', message: '跳转地址（callbackUrl）无效' } }, { status: 400 })
    res.cookies.delete('next-auth.callback-url')
    return res
  }
  return handler(req, ctx)
}

export { guarded as GET, guarded as POST }
