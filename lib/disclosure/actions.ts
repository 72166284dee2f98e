'use server'

import { z } from 'zod'
import { defineAction, defineFormAction, type ActionResult as Result } from '@/lib/server/action'
import type { Actor } from '@/lib/server/authz'
import { createDisclosure } from './server/create-disclosure'
import { deleteDraft } from './server/delete-draft'
import { AppError } from '@/lib/server/errors'
import { ZApplyProjects, ZDeleteLine, ZDisclosureId, ZVersion, ZApplyLines, ZPasteLines, ZSaveLine, ZSaveThreePublic } from './schemas'
import { withDependencies } from './copy-parts'
import { markYearReviewed } from './server/year-review'
import type { ProjectConflict } from './server/apply-projects'
import { applyProjects } from './server/apply-projects'
import { saveThreePublic } from './server/edit-three-public'
import { deleteLine, pasteLines, saveLine } from './server/edit-lines'
import type { EditorState } from './server/editor-state'
import type { LineConflict } from './server/apply-lines'
import { applyLines } from './server/apply-lines'
import { getEditorState } from './server/editor-state'

export type ActionResult = Result<EditorState> & { conflicts?: (LineConflict | ProjectConflict)[] }

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

type Applied = { editor: EditorState; conflicts: LineConflict[] }

const applyLinesBatch = defineAction(
  ZApplyLines,
  async (input, actor): Promise<{ message: string; state: Applied }> => {
    const r = await applyLines(actor, input)
    const message = r.conflicts.length ? `已保存；${r.conflicts.length} 行已被他人修改，请选择保留哪一方` : '已保存'
    return { message, state: { editor: await editorState(actor, input.disclosureId), conflicts: r.conflicts } }
  },
  { recover: async (e, input, actor) => (e.code === 'VALIDATION' ? { editor: await editorState(actor, input.disclosureId), conflicts: [] } : undefined) },
)

/** The grid's batch of line changes (autosave): merged line by line, conflicts handed back with the other person's values. */
export async function applyLinesAction(input: unknown): Promise<ActionResult> {
  const r = await applyLinesBatch(input)
  if (r.ok) return { ok: true, message: r.message, state: r.state.editor, ...(r.state.conflicts.length ? { conflicts: r.state.conflicts } : {}) }
  const { state, ...rest } = r
  return state ? { ...rest, state: state.editor } : rest
}

type AppliedProjects = { editor: EditorState; conflicts: ProjectConflict[] }

const applyProjectsBatch = defineAction(
  ZApplyProjects,
  async (input, actor): Promise<{ message: string; state: AppliedProjects }> => {
    const r = await applyProjects(actor, input)
    const message = r.conflicts.length ? `已保存；${r.conflicts.length} 个项目已被他人修改，请选择保留哪一方` : '已保存'
    return { message, state: { editor: await editorState(actor, input.disclosureId), conflicts: r.conflicts } }
  },
  // a refused value or a stale version: the grid gets the current projects to merge with
  { recover: async (e, input, actor) => (e.code === 'VALIDATION' || e.code === 'CONFLICT' ? { editor: await editorState(actor, input.disclosureId), conflicts: [] } : undefined) },
)

/** The projects grid's batch (autosave) on the projects part's version; conflicts come back with the other person's values. */
export async function applyProjectsAction(input: unknown): Promise<ActionResult> {
  const r = await applyProjectsBatch(input)
  if (r.ok) return { ok: true, message: r.message, state: r.state.editor, ...(r.state.conflicts.length ? { conflicts: r.state.conflicts } : {}) }
  const { state, ...rest } = r
  return state ? { ...rest, state: state.editor } : rest
}

export const saveThreePublicAction = defineAction(
  ZSaveThreePublic,
  async (input, actor) => {
    await saveThreePublic(actor, input)
    return { message: '“三公”经费已保存', state: await editorState(actor, input.disclosureId) }
  },
  { recover, fieldPathFrom: 1, label: '“三公”经费' },
)

const ZCreateDisclosure = z.object({
  year: z.string({ error: '请选择预算年度' }).regex(/^\d{4}$/, '预算年度应为四位数字').transform(Number),
  copyFromYear: z
    .string()
    .regex(/^(\d{4})?$/, '复制的年度应为四位数字')
    .optional()
    .transform((v) => (v ? Number(v) : null)),
  // '' the department's budget with its own lines, 'consolidate' summed from its units, 'unit:<code>' a unit's own
  level: z.string().max(80, '预算级次不正确').optional(),
  // the parts to copy, as ticked (a form without the choice copies the default parts)
  copyPartsShown: z.string().max(10).optional(),
  copyParts: z
    .union([z.string().max(40), z.array(z.string().max(40)).max(20)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
})

export const createDisclosureAction = defineFormAction(ZCreateDisclosure, async ({ year, copyFromYear, level: chosen, copyPartsShown, copyParts: ticked }, actor) => {
  if (!actor.departmentId) throw new AppError('FORBIDDEN', '只有部门会计可以新建预算')
  const level = chosen ?? (actor.unitCode ? `unit:${actor.unitCode}` : '')
  const unitCode = level.startsWith('unit:') ? level.slice(5) : ''
  const copyParts = copyPartsShown !== undefined ? ticked : undefined
  if (copyFromYear && copyParts && copyParts.length === 0) throw new AppError('VALIDATION', '请至少选择一项要复制的内容，或选择“空白”')
  const { id } = await createDisclosure(actor, { departmentId: actor.departmentId, year, copyFromYear: level !== 'consolidate' ? copyFromYear : null, ...(copyParts ? { copyParts: withDependencies(copyParts) } : {}), unitCode, consolidate: level === 'consolidate' })
  return { message: '已新建', redirectTo: `/workspace/disclosures/${id}` }
})

const ZDeleteDraft = z.object({ disclosureId: ZDisclosureId, version: ZVersion, confirm: z.string().max(20) })

/** Deletes a never-submitted draft after the typed confirmation (audited); the page then goes to the workspace. */
export const deleteDraftAction = defineAction(ZDeleteDraft, async (input, actor) => {
  const { year } = await deleteDraft(actor, input)
  return { message: `${year} 年的草稿已删除`, redirectTo: '/workspace', state: null }
})

const markYearReviewedOp = defineAction(z.object({ disclosureId: ZDisclosureId, key: z.string().min(1).max(500, '核对项无效') }), async (input, actor) => {
  await markYearReviewed(actor, input)
  return { message: '已核对', state: null }
})

/** “已核对”: a text copied from last year that names it stays as it is (lib/disclosure/year-review.ts). */
export async function markYearReviewedAction(disclosureId: unknown, key: unknown): Promise<{ ok: true } | { ok: false; message: string }> {
  const r = await markYearReviewedOp({ disclosureId, key })
  return r.ok ? { ok: true } : { ok: false, message: r.message }
}
