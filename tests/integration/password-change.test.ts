import { describe, expect, it } from 'vitest'
import { ZPasswordChange } from '@/lib/account/schema'
import { actorOfSession } from '@/lib/server/auth'
import { changePassword, passwordChangeThrottle } from '@/lib/server/change-password'
import { db } from '@/lib/server/db'
import type { AppError } from '@/lib/server/errors'
import { hashPassword, verifyPassword } from '@/lib/server/password'
import { createUser } from '../factories/db'

const errorOf = (p: Promise<unknown>) => p.then(() => null as never, (e: unknown) => e as AppError)

describe('changing one’s password (issue 11 item 9)', () => {
  it('the form schema says in Chinese what is wrong, on its field', () => {
    const issues = (v: Record<string, string>) => {
      const r = ZPasswordChange.safeParse(v)
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    }
    expect(issues({ current: '', next: '', confirm: '' })).toEqual(['current: 请输入当前密码', 'next: 请输入新密码', 'confirm: 请再次输入新密码'])
    expect(issues({ current: 'a', next: 'short1', confirm: 'short1' })).toEqual(['next: 新密码至少 8 位'])
    expect(issues({ current: 'a', next: 'onlyletters', confirm: 'onlyletters' })).toEqual(['next: 新密码须同时含有字母和数字'])
    expect(issues({ current: 'same1234', next: 'same1234', confirm: 'same1234' })).toEqual(['next: 新密码不能与当前密码相同'])
    expect(issues({ current: 'a', next: '预算公开2026年', confirm: '预算公开2026' })).toEqual(['confirm: 两次输入的新密码不一致'])
    expect(issues({ current: 'a', next: '预算公开2026年', confirm: '预算公开2026年' })).toEqual([])
  })

  it('a change writes the new hash, ends every session in the same transaction and leaves one audit row without the hash', async () => {
    const u = await createUser('reviewer')
    await db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword('old-password-1') } })
    const tv = (await db().user.findUniqueOrThrow({ where: { id: u.id } })).tokenVersion
    const actor = await actorOfSession({ id: u.id, tv })
    await changePassword(actor, { current: 'old-password-1', next: 'new-password-2', address: '10.0.0.1' })
    const after = await db().user.findUniqueOrThrow({ where: { id: u.id } })
    expect(after.tokenVersion).toBe(tv + 1)
    expect(await verifyPassword('new-password-2', after.passwordHash)).toBe(true)
    expect(await verifyPassword('old-password-1', after.passwordHash)).toBe(false)
    expect(await actorOfSession({ id: u.id, tv })).toBeNull()
    const rows = await db().auditLog.findMany({ where: { actorId: u.id, entity: 'user' } })
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([['password.change', u.id]])
    expect(JSON.stringify(rows)).not.toMatch(/scrypt|password-2/)
  })

  it('wrong current passwords are throttled with back-off like the login (per user and address), with a Chinese 429', async () => {
    const u = await createUser('reviewer')
    await db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword('old-password-1') } })
    const actor = await actorOfSession({ id: u.id, tv: (await db().user.findUniqueOrThrow({ where: { id: u.id } })).tokenVersion })
    for (let i = 0; i < 6; i++) expect((await errorOf(changePassword(actor, { current: `guess-${i}`, next: 'new-password-2', address: '10.0.0.2' }))).message).toBe('当前密码不正确')
    // the sixth failure started a wait: even the right password is refused until it passes
    const e = await errorOf(changePassword(actor, { current: 'old-password-1', next: 'new-password-2', address: '10.0.0.2' }))
    expect([e.status, e.message]).toEqual([429, '当前密码错误次数过多，请 1 秒后再试'])
    expect(passwordChangeThrottle.waitSeconds(u.id, '10.0.0.2')).toBeGreaterThan(0)
    expect(await verifyPassword('old-password-1', (await db().user.findUniqueOrThrow({ where: { id: u.id } })).passwordHash)).toBe(true)
  })

  it('a weak new password is refused on the server too, and nothing changes', async () => {
    const u = await createUser('reviewer')
    await db().user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword('old-password-1') } })
    const actor = await actorOfSession({ id: u.id, tv: (await db().user.findUniqueOrThrow({ where: { id: u.id } })).tokenVersion })
    const e = await errorOf(changePassword(actor, { current: 'old-password-1', next: '12345678' }))
    expect([e.status, e.fields]).toEqual([422, [{ path: 'next', message: '新密码须同时含有字母和数字' }]])
    expect(await db().auditLog.count({ where: { actorId: u.id } })).toBe(0)
    expect(await changePassword(null, { current: 'x', next: 'y' }).catch((x: AppError) => x.status)).toBe(401)
  })
})
