'use server'

import { revalidatePublished } from '@/lib/portal/server/cache'
import { defineAction, type ActionResult } from '@/lib/server/action'
import { ZApprove, ZComment, ZCorrect, ZDeleteComment, ZPublish, ZReturn, ZSubmit } from './schemas'
import { approveDisclosure } from './server/approve-disclosure'
import { addComment, deleteComment } from './server/comment-disclosure'
import { correctDisclosure } from './server/correct-disclosure'
import { publishDisclosure } from './server/publish-disclosure'
import { returnDisclosure } from './server/return-disclosure'
import { submitDisclosure } from './server/submit-disclosure'

export type WorkflowResult = ActionResult<null>

/**
 * Thin: each operation checks its permission with requirePermission and the version in its own
 * transaction; parsing, the actor and errors are handled once by defineAction.
 */
export const submitAction = defineAction(ZSubmit, async (input, actor) => {
  const { version } = await submitDisclosure(actor, input)
  return { message: '已提交审核，等待财政局审核', version, state: null }
})

export const commentAction = defineAction(ZComment, async (input, actor) => {
  const { version } = await addComment(actor, input)
  return { message: '意见已添加', version, state: null }
})

export const deleteCommentAction = defineAction(ZDeleteComment, async (input, actor) => {
  const { version } = await deleteComment(actor, input)
  return { message: '意见已撤回', version, state: null }
})

export const returnAction = defineAction(ZReturn, async (input, actor) => {
  const { version } = await returnDisclosure(actor, input)
  return { message: '已退回修改，会计将看到退回理由和各条意见', version, state: null }
})

export const approveAction = defineAction(ZApprove, async (input, actor) => {
  const { version, approvedOn, deadline } = await approveDisclosure(actor, input)
  return { message: `已审核通过，批复日期 ${approvedOn}，应于 ${deadline} 前公开`, version, state: null }
})

export const publishAction = defineAction(ZPublish, async (input, actor) => {
  const r = await publishDisclosure(actor, input)
  revalidatePublished(r.codes, r.year, r.revision)
  return { message: '已公开，公众现在可以查阅', version: r.version, redirectTo: `/disclosures/${r.code}/${r.year}`, state: null }
})

export const correctAction = defineAction(ZCorrect, async (input, actor) => {
  const r = await correctDisclosure(actor, input)
  return { message: `已创建第 ${r.revision} 版（更正稿），请修改后提交审核`, redirectTo: `/workspace/disclosures/${r.id}`, state: null }
})
