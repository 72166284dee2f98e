import 'server-only'
import { AppError } from './errors'

/**
 * The one request-parsing layer: every route handler, server action and page reads untrusted input through
 * these helpers, so malformed input (NUL bytes, bad percent-encoding, out-of-range numbers, foreign origins,
 * unsafe redirect targets) becomes a Chinese 4xx instead of reaching the database as a 500.
 * Pure (no Next.js, no database): the proxy (proxy.ts) uses the same checks before routing.
 */

export const MAX_INT4 = 2_147_483_647
/** Server-action bodies above this are refused before Next.js parses them (Next's own default limit). */
export const ACTION_BODY_LIMIT = 1024 * 1024

/** True when the text holds a NUL or another C0 control other than tab, line feed and carriage return. */
export function hasControlChars(s: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s)
}

/** A path or query whose percent-encoding is malformed, or which decodes to a NUL/control byte: the problem in Chinese, else null. */
export function checkUrl(pathname: string, search: string): string | null {
  for (const [part, where] of [
    [pathname, '地址'],
    [search, '查询参数'],
  ] as const) {
    let decoded: string
    try {
      decoded = decodeURIComponent(part.replace(/\+/g, ' '))
    } catch {
      return `${where}的编码不正确（% 后应为两位十六进制数）`
    }
    if (hasControlChars(decoded)) return `${where}含有不允许的控制字符`
  }
  return null
}

/**
 * checkUrl of a whole request URL as the client sent it (`req.url` keeps the client's percent-encoding):
 * the path and the query are taken from the raw text, so nothing is decoded before it is checked. Used by
 * proxy.ts and by every route handler (lib/server/route.ts), which must not rely on the proxy having run:
 * the proxy's matcher leaves out a few clean public read paths (docs/decisions/026).
 */
export function checkRequestUrl(url: string): string | null {
  const start = url.indexOf('//')
  const slash = url.indexOf('/', start < 0 ? 0 : start + 2)
  const afterHost = slash < 0 ? '/' : url.slice(slash)
  const hash = afterHost.indexOf('#')
  const target = hash < 0 ? afterHost : afterHost.slice(0, hash)
  const q = target.indexOf('?')
  return checkUrl(q < 0 ? target : target.slice(0, q), q < 0 ? '' : target.slice(q + 1))
}

/** Every string inside a parsed payload, with its path, that holds a NUL/control byte; or the first number out of int4/finite range. */
export function findBadValue(value: unknown, path: string[] = [], depth = 0): { path: string; message: string } | null {
  if (depth > 32) return { path: path.join('.'), message: '请求内容嵌套过深' }
  if (typeof value === 'string') return hasControlChars(value) ? { path: path.join('.'), message: '含有不允许的控制字符（如 NUL）' } : null
  if (typeof value === 'number') return Number.isFinite(value) ? null : { path: path.join('.'), message: '数值无效' }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadValue(value[i], [...path, String(i)], depth + 1)
      if (bad) return bad
    }
    return null
  }
  if (value && typeof value === 'object' && !(value instanceof Blob)) {
    for (const [k, v] of Object.entries(value)) {
      if (hasControlChars(k)) return { path: [...path, k].join('.'), message: '字段名含有不允许的控制字符' }
      const bad = findBadValue(v, [...path, k], depth + 1)
      if (bad) return bad
    }
  }
  return null
}

/** A text field from a form or query: NUL/control bytes and over-long values are refused in Chinese. */
export function text(value: unknown, label: string, { max = 10_000, required = false } = {}): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : String(value)
  if (hasControlChars(s)) throw new AppError('BAD_REQUEST', `${label}含有不允许的控制字符`)
  if (s.length > max) throw new AppError('BAD_REQUEST', `${label}过长（最多 ${max} 个字符）`)
  if (required && s.trim() === '') throw new AppError('BAD_REQUEST', `请填写${label}`)
  return s
}

/**
 * A whole number from a query or form ("20"); absent → the default. Anything else ("1e20", "1e309", "-1",
 * "abc", a value beyond `max`) is a 400 with a Chinese message naming the parameter.
 */
export function intParam(raw: string | null | undefined, label: string, { min = 0, max = MAX_INT4, fallback }: { min?: number; max?: number; fallback: number }): number {
  if (raw === null || raw === undefined || raw.trim() === '') return fallback
  const s = raw.trim()
  if (!/^-?\d{1,10}$/.test(s)) throw new AppError('BAD_REQUEST', `参数 ${label} 应为 ${min} 到 ${max} 之间的整数`)
  const n = Number(s)
  if (n < min || n > max) throw new AppError('BAD_REQUEST', `参数 ${label} 应为 ${min} 到 ${max} 之间的整数`)
  return n
}

/** A four-digit year in a path or query. */
export function yearParam(raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new AppError('BAD_REQUEST', '年度应为四位数字')
  return Number(raw)
}

/**
 * The target after login: only a same-origin path survives. The raw value is decoded (repeatedly, so
 * %255C is seen too), backslashes count as slashes (browsers treat `/\evil` as `//evil`), control
 * characters and protocol-relative or absolute URLs are refused; anything doubtful gives `fallback`.
 */
export function safeCallbackUrl(raw: unknown, fallback = '/workspace'): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > 2000) return fallback
  let s = raw
  for (let i = 0; i < 3; i++) {
    let d: string
    try {
      d = decodeURIComponent(s)
    } catch {
      return fallback
    }
    if (d === s) break
    s = d
  }
  if (hasControlChars(s) || /[\t\n\r\s]/.test(s.slice(0, 2))) return fallback
  const slashed = s.replace(/\\/g, '/')
  if (!slashed.startsWith('/') || slashed.startsWith('//')) return fallback
  // resolve against a placeholder origin: anything that leaves it (or changes it) is foreign
  let u: URL
  try {
    u = new URL(slashed, 'http://placeholder.invalid')
  } catch {
    return fallback
  }
  if (u.origin !== 'http://placeholder.invalid') return fallback
  // the original path must also parse to the same place (no tab/CR tricks in the raw text)
  if (/[\u0000-\u001f\\]/.test(raw)) return fallback
  return `${u.pathname}${u.search}${u.hash}`
}

/**
 * Same-origin check for a mutation: the browser's Origin must name this host (or Sec-Fetch-Site must say
 * same-origin when Origin is absent — no browser omits Origin on a POST, so an absent one is refused).
 * Returns a Chinese reason when refused, else null. `host` is the Host (or X-Forwarded-Host) header.
 */
export function crossOriginReason(headers: { get(name: string): string | null }): string | null {
  const site = headers.get('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') return '拒绝跨站请求：请在本系统页面中操作'
  const origin = headers.get('origin')
  if (!origin) return '拒绝来源不明的请求：缺少 Origin 请求头'
  const host = headers.get('x-forwarded-host') ?? headers.get('host')
  let o: URL
  try {
    o = new URL(origin)
  } catch {
    return '拒绝跨站请求：Origin 请求头无效'
  }
  if (!host || o.host !== host.split(',')[0]!.trim()) return '拒绝跨站请求：请在本系统页面中操作'
  return null
}

export const isMutation = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())

/** A page number for a page (not an API): garbage or out-of-range values fall back or clamp silently, never throw. */
export function pageNumber(raw: string | string[] | null | undefined, maxPage = 10_000): number {
  const s = (Array.isArray(raw) ? raw[0] : raw) ?? ''
  if (!/^\d{1,6}$/.test(s.trim())) return 1
  return Math.min(maxPage, Math.max(1, Number(s)))
}

/** An identifier from a query (a disclosure id, a code): control bytes or over-long values read as absent. */
export function idParam(raw: string | string[] | null | undefined, max = 64): string | undefined {
  const s = ((Array.isArray(raw) ? raw[0] : raw) ?? '').trim()
  return s && s.length <= max && !hasControlChars(s) ? s : undefined
}
