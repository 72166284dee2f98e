import 'server-only'
import { NextResponse } from 'next/server'
import { AppError } from './errors'
import { checkRequestUrl, crossOriginReason, isMutation } from './request'

/**
 * Wraps a route handler: a URL with malformed percent-encoding or control bytes in its path or query is
 * refused with 400, and a mutation (POST, PUT, PATCH, DELETE) from another origin or without an Origin
 * header with 403, before the handler runs, like proxy.ts and server actions; AppErrors become their status
 * with a Chinese message; anything else is a logged 500.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const req = args[0]
      if (req instanceof Request) {
        // the same URL check as proxy.ts: a route must not rely on the proxy having run (its matcher skips some paths)
        const problem = checkRequestUrl(req.url)
        if (problem) throw new AppError('BAD_REQUEST', problem)
        if (isMutation(req.method)) {
          const reason = crossOriginReason(req.headers)
          if (reason) throw new AppError('FORBIDDEN', reason)
        }
      }
      return await fn(...args)
    } catch (e) {
      if (e instanceof AppError) return NextResponse.json({ error: { code: e.code, message: e.message, fields: e.fields } }, { status: e.status, headers: { 'Cache-Control': 'no-store' } })
      console.error('[route]', e)
      return NextResponse.json({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } }, { status: 500 })
    }
  }
}
