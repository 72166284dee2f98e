'use server'

import { ZDisclosureId } from '@/lib/disclosure/schemas'
import { defineAction, onConflict, type ActionResult } from '@/lib/server/action'
import type { Actor } from '@/lib/server/authz'
import { ZSaveGlossary } from './glossary'
import { ZSaveProcurement } from './procurement'
import { ZSaveNotes } from './schemas'
import { getGlossaryState, saveGlossary } from './server/glossary'
import { getNotesState } from './server/get-notes-state'
import { getProcurementState, saveProcurement } from './server/procurement'
import { saveNotes } from './server/save-notes'

export type Result<S> = ActionResult<S>

const notesState = (actor: Actor, input: { disclosureId: string }) => getNotesState(actor, input.disclosureId)
const procurementState = (actor: Actor, input: { disclosureId: string }) => getProcurementState(actor, input.disclosureId)
const glossaryState = (actor: Actor, input: { regionId: string }) => getGlossaryState(actor, input.regionId)

export const saveNotesAction = defineAction(
  ZSaveNotes,
  async (input, actor) => {
    await saveNotes(actor, input)
    return { message: '情况说明已保存', state: await notesState(actor, input) }
  },
  { label: '情况说明', fieldPathFrom: 1, recover: onConflict(notesState) },
)

export const reloadNotesAction = defineAction(ZDisclosureId, async (disclosureId, actor) => ({ message: '已重新加载', state: await getNotesState(actor, disclosureId) }))

export const saveProcurementAction = defineAction(
  ZSaveProcurement,
  async (input, actor) => {
    await saveProcurement(actor, input)
    return { message: '政府采购与资产已保存', state: await procurementState(actor, input) }
  },
  { label: '政府采购或资产', recover: onConflict(procurementState) },
)

export const reloadProcurementAction = defineAction(ZDisclosureId, async (disclosureId, actor) => ({ message: '已重新加载', state: await getProcurementState(actor, disclosureId) }))

export const saveGlossaryAction = defineAction(
  ZSaveGlossary,
  async (input, actor) => {
    await saveGlossary(actor, input)
    return { message: '名词解释已保存', state: await glossaryState(actor, input) }
  },
  { label: '名词解释', recover: onConflict(glossaryState) },
)
