'use server'

import { redirect } from 'next/navigation'
import { getActor } from '@/lib/server/auth'
import { withDependencies } from './copy-parts'
import { createDisclosure } from './server/create-disclosure'
import { markYearReviewed } from './server/year-review'
import { AppError, type FieldError } from '@/lib/server/errors'
import { ZDeleteLine, ZDeleteProject, ZPasteLines, ZSaveLine, ZSaveProject, ZSaveThreePublic } from './schemas'
import { deleteProject, saveProject } from './server/edit-projects'
import { saveThreePublic } from './server/edit-three-public'
import { deleteLine, pasteLines, saveLine } from './server/edit-lines'
import type { EditorState } from './server/editor-state'
import { getEditorState } from './server/editor-state'

export type ActionResult = { ok: true; state: EditorState; message?: string } | { ok: false; code: string; message: string; fields: FieldError[]; state?: EditorState }

/** Thin: authenticate, parse, delegate, and turn expected errors into data the form can place on its fields. */
async function run(disclosureId: string, op: () => Promise<string | void>): Promise<ActionResult> {
  const actor = await getActor()
  try {
    if (!actor) throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录')
    const message = await op()
    return { ok: true, state: await getEditorState(actor, disclosureId, { withCatalogue: false }), ...(message ? { message } : {}) }
  } catch (e) {
    if (e instanceof AppError) {
      let state: EditorState | undefined
      if (e.code === 'CONFLICT' || e.code === 'VALIDATION') state = await getEditorState(actor, disclosureId, { withCatalogue: false }).catch(() => undefined)
      return { ok: false, code: e.code, message: e.message, fields: e.fields, ...(state && e.code === 'VALIDATION' ? { state } : {}) }
    }
    console.error('[action]', e)
    return { ok: false, code: 'INTERNAL', message: '保存失败：服务器内部错误，请稍后再试', fields: [] }
  }
}

export async function saveLineAction(input: unknown): Promise<ActionResult> {
  const p = ZSaveLine.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  return run(p.data.disclosureId, async () => {
    await saveLine(await getActor(), p.data)
    return p.data.id ? '已保存' : '已添加'
  })
}

export async function deleteLineAction(input: unknown): Promise<ActionResult> {
  const p = ZDeleteLine.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  return run(p.data.disclosureId, async () => {
    await deleteLine(await getActor(), p.data)
    return '已删除'
  })
}

export async function pasteLinesAction(input: unknown): Promise<ActionResult> {
  const p = ZPasteLines.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: p.error.issues[0]?.message ?? '请求格式不正确', fields: [] }
  return run(p.data.disclosureId, async () => {
    const { added } = await pasteLines(await getActor(), p.data)
    return `已粘贴 ${added} 行`
  })
}

export async function reloadAction(disclosureId: string): Promise<ActionResult> {
  return run(disclosureId, async () => undefined)
}

export async function saveProjectAction(input: unknown): Promise<ActionResult> {
  const p = ZSaveProject.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  return run(p.data.disclosureId, async () => {
    await saveProject(await getActor(), p.data)
    return p.data.originalCode ? '项目已保存' : '项目已添加'
  })
}

export async function deleteProjectAction(input: unknown): Promise<ActionResult> {
  const p = ZDeleteProject.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  return run(p.data.disclosureId, async () => {
    await deleteProject(await getActor(), p.data)
    return '项目已删除'
  })
}

export async function saveThreePublicAction(input: unknown): Promise<ActionResult> {
  const p = ZSaveThreePublic.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: p.error.issues[0]?.message ?? '请求格式不正确', fields: p.error.issues.map((i) => ({ path: i.path.slice(1).join('.'), message: i.message })) }
  return run(p.data.disclosureId, async () => {
    await saveThreePublic(await getActor(), p.data)
    return '“三公”经费已保存'
  })
}

export async function createDisclosureAction(_prev: { message: string } | null, form: FormData): Promise<{ message: string } | null> {
  const actor = await getActor()
  const year = Number(form.get('year'))
  const copy = form.get('copyFromYear')
  // '' the department's budget with its own lines, 'consolidate' summed from its units, 'unit:<code>' a unit's own
  const level = String(form.get('level') ?? (actor?.unitCode ? `unit:${actor.unitCode}` : ''))
  let redirectTo: string
  try {
    if (!actor?.departmentId) throw new AppError('FORBIDDEN', '只有部门会计可以新建预算')
    const unitCode = level.startsWith('unit:') ? level.slice(5) : ''
    // the parts to copy, as ticked; a form without the choice copies the default parts
    const copyParts = form.has('copyPartsShown') ? form.getAll('copyParts').map(String) : undefined
    if (copy && copyParts && copyParts.length === 0) throw new AppError('VALIDATION', '请至少选择一项要复制的内容，或选择“空白”')
    const { id } = await createDisclosure(actor, { departmentId: actor.departmentId, year, copyFromYear: copy && level !== 'consolidate' ? Number(copy) : null, ...(copyParts ? { copyParts: withDependencies(copyParts) } : {}), unitCode, consolidate: level === 'consolidate' })
    redirectTo = `/workspace/disclosures/${id}`
  } catch (e) {
    if (e instanceof AppError) return { message: e.message }
    console.error('[create disclosure]', e)
    return { message: '新建失败：服务器内部错误' }
  }
  redirect(redirectTo)
}

/** “已核对”: a text copied from last year that names it stays as it is (lib/disclosure/year-review.ts). */
export async function markYearReviewedAction(disclosureId: unknown, key: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  if (typeof disclosureId !== 'string' || typeof key !== 'string' || !disclosureId || !key || key.length > 500) return { ok: false, message: '请求格式不正确' }
  try {
    await markYearReviewed(await getActor(), { disclosureId, key })
    return { ok: true }
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message }
    console.error('[year review]', e)
    return { ok: false, message: '操作失败：服务器内部错误' }
  }
}
