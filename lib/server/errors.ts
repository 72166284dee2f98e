import 'server-only'
/** One error type for expected failures; the code decides the HTTP status, the message is Chinese. */
export const APP_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 422,
  CONFLICT: 409,
  LOCKED: 423,
  BAD_REQUEST: 400,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  BUSY: 503,
} as const
export type AppErrorCode = keyof typeof APP_ERROR_STATUS

export type FieldError = { path: string; message: string }

/** What a form's server action returns: the reloaded state, or the error with its fields (and the current state on a conflict). */
export type StateResult<S> = { ok: true; state: S; message: string } | { ok: false; code: string; message: string; fields: FieldError[]; state?: S }

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message)
  }
  get status(): number {
    return APP_ERROR_STATUS[this.code]
  }
}

export const notFound = (what = '请求的内容') => new AppError('NOT_FOUND', `${what}不存在或您无权查看`)
