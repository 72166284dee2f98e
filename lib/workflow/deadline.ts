/**
 * 预算法 §14: a department publishes its budget within 20 days of the finance bureau's approval (批复).
 * Dates are calendar days in China (UTC+8, no daylight saving); day 20 after the 批复 date is still on time.
 * Pure functions over ISO dates (YYYY-MM-DD), so the rules are tested without a clock or a database.
 */
export const PUBLICATION_DEADLINE_DAYS = 20
const OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The calendar date in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** Midnight in China of a calendar date, as the instant stored in the database. */
export function chinaMidnight(date: string): Date {
  const m = ISO_DATE.exec(date)
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${date}`)
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  const back = new Date(utc).toISOString().slice(0, 10)
  if (back !== date) throw new RangeError(`不存在的日期：${date}`)
  return new Date(utc - OFFSET_MS)
}

export function isValidDate(date: string): boolean {
  try {
    chinaMidnight(date)
    return true
  } catch {
    return false
  }
}

export function addDays(date: string, days: number): string {
  return chinaDate(new Date(chinaMidnight(date).getTime() + days * DAY_MS))
}

/** b − a in whole calendar days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((chinaMidnight(b).getTime() - chinaMidnight(a).getTime()) / DAY_MS)
}

export function publicationDeadline(approvedOn: string): string {
  return addDays(approvedOn, PUBLICATION_DEADLINE_DAYS)
}

export type DeadlineState = 'pending' | 'due_today' | 'overdue' | 'published_on_time' | 'published_late'
export type DeadlineInfo = {
  approvedOn: string
  deadline: string
  state: DeadlineState
  /** pending: days left until the deadline (0 = today); overdue: days past it; published: days before (−) or after (+) */
  days: number
  publishedOn: string | null
}

/** Where a disclosure stands against its publication deadline; null before approval. */
export function deadlineInfo(d: { approvedAt: Date | null; publishedAt: Date | null }, now: Date): DeadlineInfo | null {
  if (!d.approvedAt) return null
  const approvedOn = chinaDate(d.approvedAt)
  const deadline = publicationDeadline(approvedOn)
  if (d.publishedAt) {
    const publishedOn = chinaDate(d.publishedAt)
    const late = daysBetween(deadline, publishedOn)
    return { approvedOn, deadline, publishedOn, days: late, state: late > 0 ? 'published_late' : 'published_on_time' }
  }
  const left = daysBetween(chinaDate(now), deadline)
  if (left > 0) return { approvedOn, deadline, publishedOn: null, days: left, state: 'pending' }
  if (left === 0) return { approvedOn, deadline, publishedOn: null, days: 0, state: 'due_today' }
  return { approvedOn, deadline, publishedOn: null, days: -left, state: 'overdue' }
}

export function isOverdue(d: { approvedAt: Date | null; publishedAt: Date | null }, now: Date): boolean {
  return deadlineInfo(d, now)?.state === 'overdue'
}

/** The sentence shown to accountants and reviewers. */
export function describeDeadline(info: DeadlineInfo): string {
  const head = `批复日期 ${info.approvedOn}，应于 ${info.deadline} 前公开`
  switch (info.state) {
    case 'pending':
      return `${head}（还剩 ${info.days} 天）`
    case 'due_today':
      return `${head}（今天是最后期限）`
    case 'overdue':
      return `${head}（已逾期 ${info.days} 天）`
    case 'published_on_time':
      return `${head}；已于 ${info.publishedOn} 公开`
    case 'published_late':
      return `${head}；${info.publishedOn} 公开，逾期 ${info.days} 天`
    default: {
      const never: never = info.state
      throw new Error(`unknown deadline state ${String(never)}`)
    }
  }
}
