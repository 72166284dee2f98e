import type { DeadlineInfo } from '@/lib/workflow/deadline'
import { describeDeadline } from '@/lib/workflow/deadline'

const TONE: Record<DeadlineInfo['state'], string> = { pending: '', due_today: 'alert-warn', overdue: 'alert-error', published_on_time: 'alert-ok', published_late: 'alert-warn' }

/** The 20-day publication deadline in words, coloured by urgency (the words carry the meaning, not the colour). */
export function DeadlineText({ info, block = false }: { info: DeadlineInfo; block?: boolean }) {
  const text = describeDeadline(info)
  if (!block) return <span data-testid="deadline" style={{ color: info.state === 'overdue' ? 'var(--err)' : info.state === 'due_today' || info.state === 'published_late' ? 'var(--warn)' : undefined, fontWeight: info.state === 'overdue' ? 600 : undefined }}>{text}</span>
  return (
    <p className={`alert ${TONE[info.state] || 'alert-warn'}`} data-testid="deadline">
      {text}
    </p>
  )
}
