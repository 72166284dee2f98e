import 'server-only'
import { endSessions } from './auth'
import type { Actor } from './authz'
import { db } from './db'
import { AppError } from './errors'
import { hashPassword, passwordProblem, verifyPassword } from './password'

/** Changes the actor's password after checking the current one, and ends every session issued before (sign in again). */
export async function changePassword(actor: Actor, input: { current: string; next: string }): Promise<void> {
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  const user = await db().user.findUnique({ where: { id: actor.id } })
  if (!user || !(await verifyPassword(input.current, user.passwordHash))) throw new AppError('VALIDATION', '当前密码不正确', [{ path: 'current', message: '当前密码不正确' }])
  const problem = passwordProblem(input.next)
  if (problem) throw new AppError('VALIDATION', problem, [{ path: 'next', message: problem }])
  await db().user.update({ where: { id: actor.id }, data: { passwordHash: await hashPassword(input.next) } })
  await endSessions(actor.id)
}
