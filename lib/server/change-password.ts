import 'server-only'
import { audit } from './audit'
import type { Actor } from './authz'
import { requirePermission } from './authz'
import { db } from './db'
import { AppError } from './errors'
import { hashPassword, passwordProblem, verifyPassword } from './password'
import { LoginThrottle, waitText } from './rate-limit'

/** Guesses at the current password are throttled like logins: per user and address, per address, per user. */
export const passwordChangeThrottle = new LoginThrottle()

/**
 * Changes the actor's password after checking the current one (throttled with back-off like the login), and
 * ends every session issued before — this one included — by bumping the token version in the same
 * transaction as the new hash and its audit row (which never holds a hash).
 */
export async function changePassword(actor: Actor, input: { current: string; next: string; address?: string }): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  requirePermission(actor, 'account.password')
  const address = input.address ?? 'unknown'
  const wait = passwordChangeThrottle.waitSeconds(actor.id, address)
  if (wait > 0) throw new AppError('RATE_LIMITED', `当前密码错误次数过多，请 ${waitText(wait)}后再试`)
  const user = await db().user.findUnique({ where: { id: actor.id } })
  if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
    passwordChangeThrottle.failed(actor.id, address)
    throw new AppError('VALIDATION', '当前密码不正确', [{ path: 'current', message: '当前密码不正确' }])
  }
  const problem = passwordProblem(input.next, input.current)
  if (problem) throw new AppError('VALIDATION', problem, [{ path: 'next', message: problem }])
  const passwordHash = await hashPassword(input.next)
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash, tokenVersion: { increment: 1 } } })
    await audit(tx, actor, { action: 'password.change', entity: 'user', entityId: actor.id, after: { sessionsEnded: true } })
  })
  passwordChangeThrottle.succeeded(actor.id, address)
}
