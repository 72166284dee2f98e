'use server'

import { revalidatePublished } from '@/lib/portal/server/cache'
import { getActor } from '@/lib/server/auth'
import type { FieldError } from '@/lib/server/errors'
import { AppError } from '@/lib/server/errors'
import type { z } from 'zod'
import { ZApprove, ZComment, ZCorrect, ZDeleteComment, ZPublish, ZReturn, ZSubmit } from './schemas'
import { approveDisclosure } from './server/approve-disclosure'
import { addComment, deleteComment } from './server/comment-disclosure'
import { correctDisclosure } from './server/correct-disclosure'
import { publishDisclosure } from './server/publish-disclosure'
import { returnDisclosure } from './server/return-disclosure'
import { submitDisclosure } from './server/submit-disclosure'

export type WorkflowResult = { ok: true; message: string; version?: number; redirectTo?: string } | { ok: false; code: string; message: string; fields: FieldError[] }

/**
 * Thin: parse, authenticate, delegate (each operation checks its permission with requirePermission and
 * the version in its own transaction), and turn expected errors into data the form shows where they belong.
 */
async function run<S extends z.ZodType>(schema: S, raw: unknown, op: (input: z.infer<S>) => Promise<Omit<Extract<WorkflowResult, { ok: true }>, 'ok'>>): Promise<WorkflowResult> {
  const p = schema.safeParse(raw)
  if (!p.success) {
    const fields = p.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    return { ok: false, code: 'VALIDATION', message: fields.map((f) => f.message).join('；'), fields }
  }
  try {
    return { ok: true, ...(await op(p.data)) }
  } catch (e) {
    if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, fields: e.fields }
    console.error('[workflow action]', e)
    return { ok: false, code: 'INTERNAL', message: '操作失败：服务器内部错误，请稍后再试', fields: [] }
  }
}

export async function submitAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZSubmit, raw, async (input) => {
    const { version } = await submitDisclosure(await getActor(), input)
    return { message: '已提交审核，等待财政局审核', version }
  })
}

export async function commentAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZComment, raw, async (input) => {
    const { version } = await addComment(await getActor(), input)
    return { message: '意见已添加', version }
  })
}

export async function deleteCommentAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZDeleteComment, raw, async (input) => {
    const { version } = await deleteComment(await getActor(), input)
    return { message: '意见已撤回', version }
  })
}

export async function returnAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZReturn, raw, async (input) => {
    const { version } = await returnDisclosure(await getActor(), input)
    return { message: '已退回修改，会计将看到退回理由和各条意见', version }
  })
}

export async function approveAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZApprove, raw, async (input) => {
    const { version, approvedOn, deadline } = await approveDisclosure(await getActor(), input)
    return { message: `已审核通过，批复日期 ${approvedOn}，应于 ${deadline} 前公开`, version }
  })
}

export async function publishAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZPublish, raw, async (input) => {
    const r = await publishDisclosure(await getActor(), input)
    revalidatePublished(r.codes, r.year, r.revision)
    return { message: '已公开，公众现在可以查阅', version: r.version, redirectTo: `/disclosures/${r.code}/${r.year}` }
  })
}

export async function correctAction(raw: unknown): Promise<WorkflowResult> {
  return run(ZCorrect, raw, async (input) => {
    const r = await correctDisclosure(await getActor(), input)
    return { message: `已创建第 ${r.revision} 版（更正稿），请修改后提交审核`, redirectTo: `/workspace/disclosures/${r.id}` }
  })
}
