// lint-as: lib/performance/fixture.ts
// expect: import-x/no-restricted-paths
// lib/performance importing lib/notes: docs/architecture.json has the arrow the other way only.
import type { NotesFinding } from '@/lib/notes/types'

export type F = NotesFinding
