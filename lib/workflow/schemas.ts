import { z } from 'zod'
import { isValidDate } from './deadline'
import { explanationProblem } from './gate'

/** Where a review comment points: a printed table cell, a notes paragraph, or the disclosure as a whole. */
export const ZAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cell'), table: z.string().min(1).max(64), row: z.number().int().min(0), col: z.number().int().min(0) }),
  z.object({ kind: z.literal('notes'), section: z.string().min(1).max(128), paragraph: z.number().int().min(0) }),
  z.object({ kind: z.literal('general') }),
])
export type TAnchor = z.infer<typeof ZAnchor>

const id = z.string().min(1).max(64)
const version = z.number().int().min(1).max(2_147_483_647)
const text = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min <= 1 ? `请填写${what}` : `${what}至少 ${min} 个字`)
    .max(max, `${what}不能超过 ${max} 字`)

export const ZAcknowledgement = z.object({
  findingKey: z.string().min(1).max(512),
  explanation: z.string().superRefine((v, ctx) => {
    const p = explanationProblem(v)
    if (p) ctx.addIssue({ code: 'custom', message: p })
  }),
})

export const ZSubmit = z.object({ disclosureId: id, version, acknowledgements: z.array(ZAcknowledgement).max(1000).default([]) })
export type TSubmit = z.infer<typeof ZSubmit>

export const ZComment = z.object({ disclosureId: id, version, anchor: ZAnchor, body: text('意见', 1, 2000) })
export type TComment = z.infer<typeof ZComment>

export const ZDeleteComment = z.object({ disclosureId: id, version, commentId: id })
export type TDeleteComment = z.infer<typeof ZDeleteComment>

export const ZReturn = z.object({ disclosureId: id, version, reason: text('退回理由', 2, 2000) })
export type TReturn = z.infer<typeof ZReturn>

export const ZApprove = z.object({
  disclosureId: id,
  version,
  /** 批复日期; today (China) when not given */
  approvedOn: z
    .string()
    .trim()
    .refine((v) => isValidDate(v), '批复日期应为有效日期（YYYY-MM-DD）')
    .optional(),
  /** the reviewer confirmed a 批复 date more than a year back */
  confirmDate: z.boolean().optional(),
})
export type TApprove = z.infer<typeof ZApprove>

export const ZPublish = z.object({ disclosureId: id, version })
export type TPublish = z.infer<typeof ZPublish>

export const ZCorrect = z.object({ disclosureId: id, version, correctionNote: text('更正说明', 4, 2000) })
export type TCorrect = z.infer<typeof ZCorrect>

/** The parts of the inputs a form edits (the same rules as the server's schemas). */
export const ZCommentForm = ZComment.pick({ body: true })
export type TCommentForm = z.infer<typeof ZCommentForm>
export const ZReturnForm = ZReturn.pick({ reason: true })
export type TReturnForm = z.infer<typeof ZReturnForm>
export const ZApproveForm = z.object({ approvedOn: z.string().trim().min(1, '请填写批复日期').refine((v) => isValidDate(v), '批复日期应为有效日期（YYYY-MM-DD）'), confirmDate: z.boolean().optional() })
export type TApproveForm = z.infer<typeof ZApproveForm>
export const ZCorrectForm = ZCorrect.pick({ correctionNote: true })
export type TCorrectForm = z.infer<typeof ZCorrectForm>
export const ZSubmitForm = z.object({ acknowledgements: z.array(ZAcknowledgement) })
export type TSubmitForm = z.infer<typeof ZSubmitForm>
