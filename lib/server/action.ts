import 'server-only'
import type { z } from 'zod'
import { getActor } from './auth'
import type { Actor } from './authz'
import { AppError, type FieldError } from './errors'
import { crossOriginReason, findBadValue } from './request'
import { ZOD_LOCALE } from './zod-locale'

void ZOD_LOCALE

/** The one result every server action returns: data the form shows where it belongs, never a thrown error. */
export type ActionResult<S = null> =
  | { ok: true; message: string; state: S; version?: number; redirectTo?: string }
  | { ok: false; code: string; message: string; fields: FieldError[]; state?: S }

export type ActionOk<S> = Omit<Extract<ActionResult<S>, { ok: true }>, 'ok'>

type Options<I, S> = {
  /** How the whole form is named in a validation message ("情况说明有错误：…"). */
  label?: string
  /** Leading path segments to drop from field paths (payloads wrap the form in `values`). */
  fieldPathFrom?: number
  /** After an expected failure: the state to show again (e.g. the other person's version after a conflict). */
  recover?: (e: AppError, input: I, actor: Actor) => Promise<S | undefined>
}

const fieldsOf = (issues: z.core.$ZodIssue[], from: number): FieldError[] => issues.map((i) => ({ path: i.path.slice(from).map(String).join('.'), message: i.message }))

/** The request's origin check, when called inside a request (the proxy checks it too; tests call actions directly). */
async function checkOrigin(): Promise<void> {
  let h: Headers | null = null
  try {
    const { headers } = await import('next/headers')
    h = await headers()
  } catch {
    return // not inside a Next.js request (a direct call from a test or script)
  }
  if (!h.has('next-action')) return
  const reason = crossOriginReason(h)
  if (reason) throw new AppError('FORBIDDEN', reason)
}

/**
 * Defines a server action: one origin check, one scan for NUL/control bytes and non-finite numbers, one
 * schema parse with Chinese messages placed on their fields, one actor lookup (anonymous callers are
 * refused: every action changes or reloads a signed-in user's work), then the operation; an
 * AppError comes back as data, anything else is logged and answered with a Chinese message.
 */
export function defineAction<Sch extends z.ZodType, S>(schema: Sch, op: (input: z.output<Sch>, actor: NonNullable<Actor>) => Promise<ActionOk<S>>, opts: Options<z.output<Sch>, S> = {}): (raw: unknown) => Promise<ActionResult<S>> {
  return async (raw: unknown): Promise<ActionResult<S>> => {
    let actor: Actor = null
    let input: z.output<Sch> | undefined
    try {
      await checkOrigin()
      const bad = findBadValue(raw)
      if (bad) throw new AppError('VALIDATION', `${opts.label ? `${opts.label}有错误：` : ''}${bad.message}`, [{ path: bad.path.split('.').slice(opts.fieldPathFrom ?? 0).join('.'), message: bad.message }])
      const p = schema.safeParse(raw)
      if (!p.success) {
        const fields = fieldsOf(p.error.issues, opts.fieldPathFrom ?? 0)
        const list = fields.slice(0, 5).map((f) => f.message).join('；')
        return { ok: false, code: 'VALIDATION', message: opts.label ? `${opts.label}有错误：${list}` : list || '请求格式不正确', fields }
      }
      input = p.data
      actor = await getActor()
      if (!actor) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录')
      return { ok: true, ...(await op(p.data, actor)) }
    } catch (e) {
      if (e instanceof AppError) {
        const state = input !== undefined && opts.recover ? await opts.recover(e, input, actor).catch(() => undefined) : undefined
        return { ok: false, code: e.code, message: e.message, fields: e.fields, ...(state !== undefined ? { state } : {}) }
      }
      console.error('[action]', e)
      return { ok: false, code: 'INTERNAL', message: '操作失败：服务器内部错误，请稍后再试', fields: [] }
    }
  }
}

/** `recover` for editors: after a save conflict the form shows the other person's version (reloaded). */
export const onConflict =
  <I, S>(reload: (actor: Actor, input: I) => Promise<S>) =>
  async (e: AppError, input: I, actor: Actor): Promise<S | undefined> =>
    e.code === 'CONFLICT' ? reload(actor, input) : undefined

/** What a form action (useActionState) shows: a message, where it went wrong. */
export type FormState = { ok: boolean; message: string; fields?: FieldError[] } | null

/**
 * A server action bound to a <form> (useActionState): the form's fields go through the same checks as
 * defineAction; on success the operation may name a page to go to (redirect, outside the error handling).
 */
export function defineFormAction<Sch extends z.ZodType>(schema: Sch, op: (input: z.output<Sch>, actor: NonNullable<Actor>) => Promise<{ message: string; redirectTo?: string }>, opts: Options<z.output<Sch>, string | null> = {}): (prev: FormState, form: FormData) => Promise<FormState> {
  const run = defineAction(
    schema,
    async (input, actor) => {
      const r = await op(input, actor)
      return { message: r.message, state: r.redirectTo ?? null }
    },
    opts,
  )
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    // a field sent more than once (ticked checkboxes of one name) arrives as the list of its values
    const fields: Record<string, unknown> = {}
    if (form instanceof FormData) for (const k of new Set(form.keys())) { const all = form.getAll(k); fields[k] = all.length > 1 ? all : all[0] }
    const r = await run(form instanceof FormData ? fields : form)
    if (r.ok && r.state) {
      const { redirect } = await import('next/navigation')
      redirect(r.state)
    }
    return r.ok ? { ok: true, message: r.message } : { ok: false, message: r.message, fields: r.fields }
  }
}
