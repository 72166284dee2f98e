import { absPrinted } from '@/lib/budget/money'
import type { Change, PriorFigures } from './figures'
import { reasonClause, wanText } from './format'
import type { ChangeKey } from './schemas'

/* How the notes state a change against last year, and when a stated change is explained. */

/** Which changes the notes print: the total always; its parts and the 三公 items only where last year's figure is known. */
export function isStated(key: ChangeKey, prior: PriorFigures): boolean {
  if (key === 'personnel' || key === 'public' || key === 'project') return prior.values.total !== undefined
  if (key.startsWith('threePublic') && key !== 'threePublicTotal') return prior.values.threePublicTotal !== undefined
  return true
}

/** A reason whose direction disagrees with the figures: “增加” for a fall, “减少” for a rise, either for no change. */
export function contradiction(c: Change, reason: string): string | null {
  const up = /增加|增长|上升|提高/.exec(reason)?.[0]
  const down = /减少|下降|降低|压减/.exec(reason)?.[0]
  if (c.change === 0n) return up ?? down ?? null
  if (c.change > 0n && down && !up) return down
  if (c.change < 0n && up && !down) return up
  return null
}

/**
 * A total's change is explained when the notes state its parts' changes and every part that changed
 * has its reason (乐亭: “其中：人员经费增加…，主要原因是…；…”).
 */
export function explainedByParts(key: ChangeKey, change: (k: ChangeKey) => Change | null, reason: (k: ChangeKey) => string): boolean {
  const parts: ChangeKey[] = key === 'total' ? ['personnel', 'public', 'project'] : key === 'threePublicTotal' ? ['threePublicAbroad', 'threePublicVehicle', 'threePublicReception'] : []
  const changed = parts.map(change).filter((c): c is Change => !!c && c.change !== 0n)
  return changed.length > 0 && changed.every((c) => reason(c.key) !== '')
}

/**
 * “<subject>增加 X 万元，增长 Y%，主要原因是 R。” or, unchanged, “<flat>持平…”. `short` for the parts
 * after “其中：” (no percentage, no full stop); `noPct` where the seeds give none (三公).
 */
export function changeSentence(o: { c: Change; subject: string; flat: string; reason: string; short?: boolean; noPct?: boolean }): string {
  const { c } = o
  const reason = reasonClause(o.reason)
  const tail = reason ? `，主要原因是${reason}` : ''
  const end = o.short ? '' : '。'
  if (c.change === 0n) return `${o.flat}持平${tail}${end}`
  const up = c.change > 0n
  const pct = o.short || o.noPct || c.pct === null ? '' : `，${up ? '增长' : '下降'}${Math.abs(c.pct)}%`
  return `${o.subject}${up ? '增加' : '减少'}${wanText(absPrinted(c.change))}${pct}${tail}${end}`
}
