// lint-as: app/fixture/page.tsx
// expect: @typescript-eslint/no-restricted-imports
// A route querying the database itself.
import { db } from '@/lib/server/db'

export default async function Page() {
  return <p>{await db().disclosure.count()}</p>
}
