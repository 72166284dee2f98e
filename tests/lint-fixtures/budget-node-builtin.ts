// lint-as: lib/budget/fixture.ts
// expect: no-restricted-imports
// The kernel reading the file system.
import fs from 'node:fs'

export const read = (p: string) => fs.readFileSync(p, 'utf8')
