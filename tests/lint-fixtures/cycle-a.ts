// expect: import-x/no-cycle
// Two modules importing each other (linted where they are, with cycle-b.ts).
import { b } from './cycle-b'

export const a = (): number => b() + 1
