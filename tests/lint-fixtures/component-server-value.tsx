// lint-as: components/fixture/fixture.tsx
// expect: @typescript-eslint/no-restricted-imports
// A client component bundling the permission table for a value.
import { can } from '@/lib/server/authz'

export const allowed = can
