import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, chinaDate, chinaMidnight, daysBetween, deadlineInfo, describeDeadline, isOverdue, isValidDate, publicationDeadline } from '@/lib/workflow/deadline'

const at = (iso: string) => new Date(iso)

describe('the 20-day publication deadline', () => {
  it('runs 20 calendar days from the 批复 date, across month and year ends and leap days', () => {
    expect(publicationDeadline('2024-01-15')).toBe('2024-02-04')
    expect(publicationDeadline('2024-02-20')).toBe('2024-03-11') // 2024 is a leap year
    expect(publicationDeadline('2023-02-20')).toBe('2023-03-12')
    expect(publicationDeadline('2023-12-25')).toBe('2024-01-14')
  })

  it('reads dates in China time: 23:30 UTC is already the next day in 北京', () => {
    expect(chinaDate(at('2024-01-15T15:59:59Z'))).toBe('2024-01-15')
    expect(chinaDate(at('2024-01-15T16:00:00Z'))).toBe('2024-01-16')
    expect(chinaMidnight('2024-01-16').toISOString()).toBe('2024-01-15T16:00:00.000Z')
  })

  it('rejects malformed and impossible dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true)
    expect(isValidDate('2023-02-29')).toBe(false)
    expect(isValidDate('2024-13-01')).toBe(false)
    expect(isValidDate('2024-1-5')).toBe(false)
    expect(() => chinaMidnight('昨天')).toThrow(/YYYY-MM-DD/)
  })

  it('is pending before, due on day 20, overdue from day 21', () => {
    const approvedAt = chinaMidnight('2024-03-01')
    const d = { approvedAt, publishedAt: null }
    expect(deadlineInfo(d, at('2024-03-10T04:00:00Z'))).toMatchObject({ deadline: '2024-03-21', state: 'pending', days: 11 })
    expect(deadlineInfo(d, at('2024-03-21T15:00:00Z'))).toMatchObject({ state: 'due_today', days: 0 })
    expect(deadlineInfo(d, at('2024-03-21T16:00:00Z'))).toMatchObject({ state: 'overdue', days: 1 })
    expect(isOverdue(d, at('2024-03-25T04:00:00Z'))).toBe(true)
    expect(describeDeadline(deadlineInfo(d, at('2024-03-25T04:00:00Z'))!)).toBe('批复日期 2024-03-01，应于 2024-03-21 前公开（已逾期 4 天）')
  })

  it('once published, says whether on time or how late, whatever today is', () => {
    const approvedAt = chinaMidnight('2024-03-01')
    expect(deadlineInfo({ approvedAt, publishedAt: chinaMidnight('2024-03-21') }, at('2030-01-01T00:00:00Z'))).toMatchObject({ state: 'published_on_time', days: 0, publishedOn: '2024-03-21' })
    const late = deadlineInfo({ approvedAt, publishedAt: chinaMidnight('2024-03-24') }, at('2030-01-01T00:00:00Z'))!
    expect(late).toMatchObject({ state: 'published_late', days: 3 })
    expect(describeDeadline(late)).toContain('逾期 3 天')
    expect(isOverdue({ approvedAt, publishedAt: chinaMidnight('2024-03-24') }, at('2030-01-01T00:00:00Z'))).toBe(false)
  })

  it('has no deadline before approval', () => {
    expect(deadlineInfo({ approvedAt: null, publishedAt: null }, new Date())).toBeNull()
  })

  it('addDays and daysBetween are inverse for any date and span', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), fc.integer({ min: -400, max: 400 }), (offset, n) => {
        const start = addDays('2000-01-01', offset)
        expect(daysBetween(start, addDays(start, n))).toBe(n)
      }),
    )
  })
})
