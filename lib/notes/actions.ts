'use server'

import { getActor } from '@/lib/server/auth'
import type { FieldError, StateResult } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import { ZSaveGlossary } from './glossary'
import { ZSaveProcurement } from './procurement'
import { ZSaveNotes } from './schemas'
import type { GlossaryState } from './server/glossary'
import { getGlossaryState, saveGlossary } from './server/glossary'
import type { NotesState } from './server/get-notes-state'
import { getNotesState } from './server/get-notes-state'
import type { ProcurementState } from './server/procurement'
import { getProcurementState, saveProcurement } from './server/procurement'
import { saveNotes } from './server/save-notes'

export type Result<S> = StateResult<S>

const zodFields = (issues: { path: PropertyKey[]; message: string }[]): FieldError[] => issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))

/** Thin: parse, delegate, reload; expected errors come back as data the form places on its fields. */
async function run<S>(op: () => Promise<void>, reload: () => Promise<S>, done: string): Promise<Result<S>> {
  try {
    await op()
    return { ok: true, state: await reload(), message: done }
  } catch (e) {
    if (e instanceof AppError) {
      const state = e.code === 'CONFLICT' ? await reload().catch(() => undefined) : undefined
      return { ok: false, code: e.code, message: e.message, fields: e.fields, ...(state ? { state } : {}) }
    }
    console.error('[notes action]', e)
    return { ok: false, code: 'INTERNAL', message: '保存失败：服务器内部错误，请稍后再试', fields: [] }
  }
}

export async function saveNotesAction(input: unknown): Promise<Result<NotesState>> {
  const p = ZSaveNotes.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: `情况说明有错误：${p.error.issues.map((i) => i.message).join('；')}`, fields: zodFields(p.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))) }
  const actor = await getActor()
  return run(() => saveNotes(actor, p.data), () => getNotesState(actor, p.data.disclosureId), '情况说明已保存')
}

export async function reloadNotesAction(disclosureId: string): Promise<Result<NotesState>> {
  const actor = await getActor()
  return run(async () => undefined, () => getNotesState(actor, disclosureId), '已重新加载')
}

export async function saveProcurementAction(input: unknown): Promise<Result<ProcurementState>> {
  const p = ZSaveProcurement.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: `政府采购或资产有错误：${p.error.issues.slice(0, 5).map((i) => i.message).join('；')}`, fields: zodFields(p.error.issues) }
  const actor = await getActor()
  return run(() => saveProcurement(actor, p.data), () => getProcurementState(actor, p.data.disclosureId), '政府采购与资产已保存')
}

export async function reloadProcurementAction(disclosureId: string): Promise<Result<ProcurementState>> {
  const actor = await getActor()
  return run(async () => undefined, () => getProcurementState(actor, disclosureId), '已重新加载')
}

export async function saveGlossaryAction(input: unknown): Promise<Result<GlossaryState>> {
  const p = ZSaveGlossary.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: `名词解释有错误：${p.error.issues.slice(0, 5).map((i) => i.message).join('；')}`, fields: zodFields(p.error.issues) }
  const actor = await getActor()
  return run(() => saveGlossary(actor, p.data), () => getGlossaryState(actor, p.data.regionId), '名词解释已保存')
}
