import { NextResponse, type NextRequest } from 'next/server'
import { ACTION_BODY_LIMIT, checkRequestUrl, crossOriginReason, isMutation } from '@/lib/server/request'

/** A refused body is read to its end up to this size (an upload's limit, lib/exchange/errors.ts MAX_FILE_BYTES, with room for the form). */
const DRAIN_LIMIT = 21 * 1024 * 1024

/**
 * Runs before routing (Next.js 16 proxy, Node.js runtime). Refuses early, with a Chinese 4xx, what no page,
 * route handler or server action should ever see: malformed percent-encoding or NUL/control bytes in the
 * path or query, a mutation from another origin (or with no Origin at all), and an oversized server-action
 * body. Route handlers and actions repeat the URL and origin checks (lib/server/route.ts, lib/server/action.ts)
 * so they stay safe when called without the proxy (the matcher below leaves one clean path out).
 */
export async function proxy(req: NextRequest): Promise<NextResponse> {
  // req.url keeps the client's encoding: the path and query are checked as sent, nothing pre-decoded
  const problem = checkRequestUrl(req.url) ?? (new URL(req.url).pathname.includes('\u0000') ? '地址含有不允许的控制字符' : null)
  if (problem) return refuse(400, 'BAD_REQUEST', problem)
  if (isMutation(req.method)) {
    const reason = crossOriginReason(req.headers)
    if (reason) {
      // read the refused body to its end first: answering while the client is still sending makes the
      // connection reset under Node, and Next logs ECONNRESET for a request that was simply refused
      await drain(req)
      return refuse(403, 'FORBIDDEN', reason)
    }
    const length = Number(req.headers.get('content-length') ?? 0)
    if (req.headers.has('next-action')) {
      if (length > ACTION_BODY_LIMIT) return refuse(413, 'TOO_LARGE', `提交的内容过大（超过 ${ACTION_BODY_LIMIT / 1024 / 1024} MB）`)
      // a server action's arguments arrive as a JSON array (or multipart for forms); anything else is refused here, not a 500 there
      if (!/^multipart\/form-data/i.test(req.headers.get('content-type') ?? '') && !isJsonArray(await req.clone().text())) return refuse(400, 'BAD_REQUEST', '请求内容格式不正确')
    }
  }
  return NextResponse.next()
}

/** Reads and discards a request body (at most `limit` bytes; beyond that the connection may close). */
export async function drain(req: Request, limit = DRAIN_LIMIT): Promise<void> {
  if (!req.body || req.bodyUsed) return
  const reader = req.body.getReader()
  let read = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      read += value.byteLength
      if (read > limit) {
        await reader.cancel()
        return
      }
    }
  } catch {
    // the client went away: nothing left to drain
  }
}

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text))
  } catch {
    return false
  }
}

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } })
}

export const config = {
  // everything except Next's own static files and the clean address of the published tables API
  // (/api/disclosures/<code>/<year>/tables: letters, digits, - and _ only, nothing after): a GET of stored
  // bytes that the route handler checks itself (handle → checkRequestUrl) — the proxy's own per-request
  // cost was a third of that request (docs/decisions/026). Anything else in the path (%, a NUL, a
  // trailing slash or suffix) still passes through here; a query is checked by the route.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/disclosures/[A-Za-z0-9_-]+/[0-9]{4}/tables$).*)'],
}
