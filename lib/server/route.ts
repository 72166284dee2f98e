import 'server-only'
import { NextResponse } from 'next/server'
import { AppError } from './errors'

/** Wraps a route handler: AppErrors become their status with a Chinese message; anything else is a logged 500. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args)
    } catch (e) {
      if (e instanceof AppError) return NextResponse.json({ error: { code: e.code, message: e.message, fields: e.fields } }, { status: e.status })
      console.error('[route]', e)
      return NextResponse.json({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后再试' } }, { status: 500 })
    }
  }
}
