'use server'

import { redirect } from 'next/navigation'
import { defineAction, type ActionResult as Result } from '@/lib/server/action'
import { getActor } from '@/lib/server/auth'
import type { Actor } from '@/lib/server/authz'
import { createDisclosure } from './server/create-disclosure'
import { AppError } from '@/lib/server/errors'
import { ZDeleteLine, ZDeleteProject, ZDisclosureId, ZPasteLines, ZSaveLine, ZSaveProject, ZSaveThreePublic } from './schemas'
import { deleteProject, saveProject } from './server/edit-projects'
import { saveThreePublic } from './server/edit-three-public'
import { deleteLine, pasteLines, saveLine } from './server/edit-lines'
import type { EditorState } from './server/editor-state'
import { getEditorState } from './server/editor-state'

export type ActionResult = Result<EditorState>

const editorState = (actor: Actor, disclosureId: string) => getEditorState(actor, disclosureId, { withCatalogue: false })
/** After a conflict or a refused value the form shows the current state again. */
const recover = async (e: AppError, input: { disclosureId: string }, actor: Actor) => (e.code === 'VALIDATION' ? editorState(actor, input.disclosureId) : undefined)

export const saveLineAction = defineAction(
  ZSaveLine,
  async (input, actor) => {
    await saveLine(actor, input)
    return { message: input.id ? '已保存' : '已添加', state: await editorState(actor, input.disclosureId) }
  },
  { recover },
)

export const deleteLineAction = defineAction(
  ZDeleteLine,
  async (input, actor) => {
    await deleteLine(actor, input)
    return { message: '已删除', state: await editorState(actor, input.disclosureId) }
  },
  { recover },
)

export const pasteLinesAction = defineAction(
  ZPasteLines,
  async (input, actor) => {
    const { added } = await pasteLines(actor, input)
    return { message: `已粘贴 ${added} 行`, state: await editorState(actor, input.disclosureId) }
  },
  { recover },
)

export const reloadAction = defineAction(ZDisclosureId, async (disclosureId, actor) => ({ message: '已重新加载', state: await editorState(actor, disclosureId) }))

export const saveProjectAction = defineAction(
  ZSaveProject,
  async (input, actor) => {
    await saveProject(actor, input)
    return { message: input.originalCode ? '项目已保存' : '项目已添加', state: await editorState(actor, input.disclosureId) }
  },
  { recover },
)

export const deleteProjectAction = defineAction(
  ZDeleteProject,
  async (input, actor) => {
    await deleteProject(actor, input)
    return { message: '项目已删除', state: await editorState(actor, input.disclosureId) }
  },
  { recover },
)

export const saveThreePublicAction = defineAction(
  ZSaveThreePublic,
  async (input, actor) => {
    await saveThreePublic(actor, input)
    return { message: '“三公”经费已保存', state: await editorState(actor, input.disclosureId) }
  },
  { recover, fieldPathFrom: 1, label: '“三公”经费' },
)

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
    const { id } = await createDisclosure(actor, { departmentId: actor.departmentId, year, copyFromYear: copy && level !== 'consolidate' ? Number(copy) : null, unitCode, consolidate: level === 'consolidate' })
    redirectTo = `/workspace/disclosures/${id}`
  } catch (e) {
    if (e instanceof AppError) return { message: e.message }
    console.error('[create disclosure]', e)
    return { message: '新建失败：服务器内部错误' }
  }
  redirect(redirectTo)
}
