'use server'

import type { Result } from '@/lib/notes/actions'
import { getActor } from '@/lib/server/auth'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import { ZDeleteTarget, ZSaveOverallTarget, ZSaveProjectTarget } from './schemas'
import type { PerformanceState } from './server/get-performance-state'
import { getPerformanceState } from './server/get-performance-state'
import { deleteProjectTarget, saveOverallTarget, saveProjectTarget } from './server/save-targets'

const zodFields = (issues: { path: PropertyKey[]; message: string }[]): FieldError[] => issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))

async function run(disclosureId: string, op: () => Promise<unknown>, done: string | ((s: PerformanceState) => string)): Promise<Result<PerformanceState>> {
  const actor = await getActor()
  try {
    await op()
    const state = await getPerformanceState(actor, disclosureId)
    return { ok: true, state, message: typeof done === 'string' ? done : done(state) }
  } catch (e) {
    if (e instanceof AppError) {
      const state = e.code === 'CONFLICT' ? await getPerformanceState(actor, disclosureId).catch(() => undefined) : undefined
      return { ok: false, code: e.code, message: e.message, fields: e.fields, ...(state ? { state } : {}) }
    }
    console.error('[performance action]', e)
    return { ok: false, code: 'INTERNAL', message: '保存失败：服务器内部错误，请稍后再试', fields: [] }
  }
}

export async function saveProjectTargetAction(input: unknown): Promise<Result<PerformanceState>> {
  const p = ZSaveProjectTarget.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: `绩效目标表有错误：${p.error.issues.slice(0, 5).map((i) => i.message).join('；')}`, fields: zodFields(p.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))) }
  const actor = await getActor()
  return run(p.data.disclosureId, () => saveProjectTarget(actor, p.data), '绩效目标表已保存')
}

export async function deleteProjectTargetAction(input: unknown): Promise<Result<PerformanceState>> {
  const p = ZDeleteTarget.safeParse(input)
  if (!p.success) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  const actor = await getActor()
  return run(p.data.disclosureId, () => deleteProjectTarget(actor, p.data), '绩效目标表已删除')
}

/** The page's current state (after a conflict the overall forms merge it with what was typed). */
export async function reloadPerformanceAction(disclosureId: string): Promise<Result<PerformanceState>> {
  if (typeof disclosureId !== 'string' || !disclosureId) return { ok: false, code: 'BAD_REQUEST', message: '请求格式不正确', fields: [] }
  return run(disclosureId, async () => undefined, '已重新加载')
}

export async function saveOverallTargetAction(input: unknown): Promise<Result<PerformanceState>> {
  const p = ZSaveOverallTarget.safeParse(input)
  if (!p.success) return { ok: false, code: 'VALIDATION', message: `整体绩效目标有错误：${p.error.issues.slice(0, 5).map((i) => i.message).join('；')}`, fields: zodFields(p.error.issues.map((i) => ({ ...i, path: i.path.slice(1) }))) }
  const actor = await getActor()
  return run(p.data.disclosureId, () => saveOverallTarget(actor, p.data), (s) => `${s.level === 'unit' ? '单位' : '部门'}整体绩效目标已保存`)
}
