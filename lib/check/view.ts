/**
 * What the document inspection shows, as plain serialisable data: the types client components import.
 * Pure (no server code); lib/check/server/inspect.ts builds these values.
 */
import type { PageBox } from './highlight'
import type { CheckReport } from './types'

export type InspectedPage = { page: number; lines: string[] }

/**
 * `pageImages`: the id a finding's page is shown as an image by (GET /api/review/inspect/page), null for
 * text; `marks[i]`: where finding i's sentence is printed on that image (empty when not located).
 */
export type InspectedDocument = { name: string; report: CheckReport; pages: InspectedPage[]; pageImages: string | null; marks: PageBox[][] } | { name: string; error: string }
