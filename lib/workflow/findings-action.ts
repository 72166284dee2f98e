'use server'

import { ZDisclosureId } from '@/lib/disclosure/schemas'
import { defineAction } from '@/lib/server/action'
import { disclosureFindings } from './server/disclosure-findings'

/** The editor's findings after a save: the same set and count as the submit page. */
export const findingsAction = defineAction(ZDisclosureId, async (disclosureId, actor) => ({ message: '', state: await disclosureFindings(actor, disclosureId) }))
