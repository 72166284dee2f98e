// lint-as: components/fixture/fixture.tsx
// expect: nothing
// A client component may name a feature's view types and use the pure labels.
import type { ReviewState } from '@/lib/workflow/view'
import { STATUS_LABELS } from '@/lib/domain/status'

export const label = (s: ReviewState) => STATUS_LABELS[s.status]
