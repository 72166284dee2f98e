// lint-as: components/fixture/fixture.tsx
// expect: nothing
// A client component may name a server module's types.
import type { Actor } from '@/lib/server/authz'
import { STATUS_LABELS } from '@/lib/domain/status'

export const label = (a: Actor) => (a ? STATUS_LABELS.draft : '')
