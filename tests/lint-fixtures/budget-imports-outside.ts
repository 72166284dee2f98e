// lint-as: lib/budget/fixture.ts
// expect: import-x/no-restricted-paths
// The kernel importing the database client.
import { db } from '@/lib/server/db'

export const client = db
