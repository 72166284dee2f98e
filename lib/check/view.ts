/**
 * What the document inspection shows, as plain serialisable data: the types client components import.
 * Pure (no server code); lib/check/server/inspect.ts builds these values.
 */
import type { CheckReport } from './types'

export type InspectedPage = { page: number; lines: string[] }

export type InspectedDocument = { name: string; report: CheckReport; pages: InspectedPage[] } | { name: string; error: string }
