'use server'

import { ZDisclosureId } from '@/lib/disclosure/schemas'
import { defineAction, onConflict, type ActionResult as Result } from '@/lib/server/action'
import type { Actor } from '@/lib/server/authz'
import { ZDeleteTarget, ZSaveOverallTarget, ZSaveProjectTarget } from './schemas'
import type { PerformanceState } from './server/get-performance-state'
import { getPerformanceState } from './server/get-performance-state'
import { deleteProjectTarget, saveOverallTarget, saveProjectTarget } from './server/save-targets'

export type PerformanceResult = Result<PerformanceState>

const performanceState = (actor: Actor, input: { disclosureId: string }) => getPerformanceState(actor, input.disclosureId)

export const saveProjectTargetAction = defineAction(
  ZSaveProjectTarget,
  async (input, actor) => {
    await saveProjectTarget(actor, input)
    return { message: '绩效目标表已保存', state: await performanceState(actor, input) }
  },
  { label: '绩效目标表', fieldPathFrom: 1, recover: onConflict(performanceState) },
)

export const deleteProjectTargetAction = defineAction(
  ZDeleteTarget,
  async (input, actor) => {
    await deleteProjectTarget(actor, input)
    return { message: '绩效目标表已删除', state: await performanceState(actor, input) }
  },
  { recover: onConflict(performanceState) },
)

export const saveOverallTargetAction = defineAction(
  ZSaveOverallTarget,
  async (input, actor) => {
    await saveOverallTarget(actor, input)
    const state = await performanceState(actor, input)
    return { message: `${state.level === 'unit' ? '单位' : '部门'}整体绩效目标已保存`, state }
  },
  { label: '整体绩效目标', fieldPathFrom: 1, recover: onConflict(performanceState) },
)

/** The page's current state (after a conflict the overall forms merge it with what was typed). */
export const reloadPerformanceAction = defineAction(ZDisclosureId, async (disclosureId, actor) => ({ message: '已重新加载', state: await getPerformanceState(actor, disclosureId) }))
