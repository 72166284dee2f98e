'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { defineAction, defineFormAction, type FormState } from '@/lib/server/action'
import { copyTemplate, renameTemplateLabels } from './server/manage-templates'

export type TemplateFormState = FormState

const ZKey = z.string().trim().min(1, '请填写模板标识').max(64, '模板标识过长')

const ZCopyTemplate = z.object({ from: ZKey, to: ZKey, name: z.string().trim().min(1, '请填写模板名称').max(100, '模板名称过长') })

export const copyTemplateAction = defineFormAction(ZCopyTemplate, async (input, actor) => {
  await copyTemplate(actor, input)
  revalidatePath('/admin/templates')
  return { message: '模板已复制', redirectTo: `/admin/templates/${input.to}` }
})

const ZRenameLabels = z.object({ key: ZKey, edits: z.record(z.string().max(200), z.string().max(500, '标签过长')) })

export const renameLabelsAction = defineAction(ZRenameLabels, async ({ key, edits }, actor) => {
  await renameTemplateLabels(actor, { key, edits })
  revalidatePath(`/admin/templates/${key}`)
  return { message: `已保存 ${Object.keys(edits).length} 处修改，使用该模板的预算立即按新标签显示`, state: null }
})
