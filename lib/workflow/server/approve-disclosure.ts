import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { chinaDate, chinaMidnight, publicationDeadline } from '../deadline'
import type { TApprove } from '../schemas'
import { moveStatus, openForAction } from './open'

/**
 * 审核通过. Records the 批复 date (from the form, or today in China), from which the 20-day publication
 * deadline runs. A 批复 date in the future, or before the budget's preceding year, is refused.
 */
export async function approveDisclosure(actor: Actor, input: TApprove, now = new Date()): Promise<{ version: number; approvedOn: string; deadline: string }> {
  return db().$transaction(async (tx) => {
    const d = await openForAction(tx, actor, input, 'disclosure.approve')
    const today = chinaDate(now)
    const approvedOn = input.approvedOn ?? today
    if (approvedOn > today) throw new AppError('VALIDATION', `批复日期 ${approvedOn} 晚于今天（${today}）`, [{ path: 'approvedOn', message: '批复日期不能晚于今天' }])
    if (approvedOn < `${d.year - 1}-01-01`) throw new AppError('VALIDATION', `批复日期 ${approvedOn} 早于 ${d.year - 1} 年，与 ${d.year} 年预算不符`, [{ path: 'approvedOn', message: `批复日期不能早于 ${d.year - 1}-01-01` }])
    const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`
    if (approvedOn < yearAgo && !input.confirmDate) throw new AppError('VALIDATION', `批复日期 ${approvedOn} 距今已超过一年，请核对；确认无误请勾选“确认批复日期”后再审核通过`, [{ path: 'approvedOn', message: '批复日期距今超过一年，请确认' }])
    const approvedAt = chinaMidnight(approvedOn)
    const moved = await moveStatus(tx, d, input.version, 'approve', { approvedAt })
    const deadline = publicationDeadline(approvedOn)
    await audit(tx, actor, {
      disclosureId: d.id,
      action: 'approve',
      entity: 'disclosure',
      entityId: d.id,
      before: { status: moved.from, version: input.version, approvedAt: d.approvedAt?.toISOString() ?? null },
      after: { status: moved.to, version: moved.version, approvedOn, publicationDeadline: deadline },
    })
    return { version: moved.version, approvedOn, deadline }
  })
}
