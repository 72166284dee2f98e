// lint-as: components/fixture/fixture.tsx
// expect: @typescript-eslint/no-restricted-imports
// A client component naming a server module's type: view types live in lib/<feature>/view.ts.
import type { ReviewState } from '@/lib/workflow/server/review-state'

export const title = (s: ReviewState) => s.department.name
