'use server'

import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import type { DisclosureFindings } from './server/disclosure-findings'
import { disclosureFindings } from './server/disclosure-findings'

/** The editor's findings after a save: the same set and count as the submit page. */
export async function findingsAction(disclosureId: unknown): Promise<DisclosureFindings | null> {
  if (typeof disclosureId !== 'string' || !disclosureId || disclosureId.length > 64) return null
  const actor = await getActor()
  if (!actor) return null
  try {
    return await disclosureFindings(actor, disclosureId)
  } catch (e) {
    if (e instanceof AppError) return null
    throw e
  }
}
