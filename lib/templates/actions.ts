'use server'

import { revalidatePath } from 'next/cache'
import { redirect } from 'next/navigation'
import { getActor } from '@/lib/server/auth'
import { AppError } from '@/lib/server/errors'
import { copyTemplate, renameTemplateLabels } from './server/manage-templates'

export type TemplateFormState = { ok: boolean; message: string } | null

export async function copyTemplateAction(_prev: TemplateFormState, form: FormData): Promise<TemplateFormState> {
  const to = String(form.get('to') ?? '').trim()
  try {
    await copyTemplate(await getActor(), { from: String(form.get('from') ?? ''), to, name: String(form.get('name') ?? '').trim() })
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message }
    console.error('[template copy]', e)
    return { ok: false, message: '复制失败：服务器内部错误' }
  }
  revalidatePath('/admin/templates')
  redirect(`/admin/templates/${to}`)
}

export async function renameLabelsAction(key: string, edits: Record<string, string>): Promise<TemplateFormState> {
  try {
    await renameTemplateLabels(await getActor(), { key, edits })
    revalidatePath(`/admin/templates/${key}`)
    return { ok: true, message: `已保存 ${Object.keys(edits).length} 处修改，使用该模板的预算立即按新标签显示` }
  } catch (e) {
    if (e instanceof AppError) return { ok: false, message: e.message }
    console.error('[template rename]', e)
    return { ok: false, message: '保存失败：服务器内部错误' }
  }
}
