import 'server-only'
import { findPublishedRef, publishedFile } from './published-files'
import type { StoredFile } from './revision-store'

/**
 * What an anonymous reader gets for a code, a year and a stored file name: the latest published
 * revision's stored file (or nothing). Published files never change, but which revision a code names
 * does — a publication or a correction moves it — so the answer is kept in memory for a few seconds
 * only and forgotten at once in this process by every publication (forgetPublishedAnswers, called by
 * lib/workflow publishDisclosure after its commit). Only published revisions are ever read here, and
 * only for requests without a session (docs/decisions/015): drafts never pass through this cache.
 * The TTL bounds staleness for other processes and for master-data changes (a unit's code).
 */
const TTL_MS = 5_000
const MAX_ENTRIES = 5_000

type Answer = { at: number; generation: number; value: Promise<StoredFile | null> }
const answers = new Map<string, Answer>()
let generation = 0

/** Forget every cached answer: the next anonymous request reads the database again. */
export function forgetPublishedAnswers(): void {
  generation++
  answers.clear()
}

export function anonymousPublishedFile(code: string, year: number, name: string, now = Date.now()): Promise<StoredFile | null> {
  const key = `${code}\u0000${year}\u0000${name}`
  const hit = answers.get(key)
  if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.value
  const gen = generation
  const value = (async () => {
    const ref = await findPublishedRef(code, year)
    return ref ? publishedFile(ref.id, name) : null
  })()
  if (answers.size >= MAX_ENTRIES) answers.clear()
  answers.set(key, { at: now, generation: gen, value })
  // a failure is not remembered (an answer read before a publication that landed meanwhile carries the old generation and is never served)
  value.catch(() => {
    if (answers.get(key)?.value === value) answers.delete(key)
  })
  return value
}
