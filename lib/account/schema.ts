import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, passwordRuleProblem } from '@/lib/domain/password-rule'

/** The password-change form: current password, the new one twice. Messages in Chinese, placed on their fields. */
export const ZPasswordChange = z
  .object({
    current: z.string({ error: '请输入当前密码' }).min(1, '请输入当前密码').max(PASSWORD_MAX_LENGTH, '当前密码过长'),
    next: z.string({ error: '请输入新密码' }).min(1, '请输入新密码'),
    confirm: z.string({ error: '请再次输入新密码' }).min(1, '请再次输入新密码'),
  })
  .superRefine((v, ctx) => {
    if (!v.next) return
    const problem = passwordRuleProblem(v.next, v.current || undefined)
    if (problem) ctx.addIssue({ code: 'custom', path: ['next'], message: problem })
    else if (v.confirm && v.confirm !== v.next) ctx.addIssue({ code: 'custom', path: ['confirm'], message: '两次输入的新密码不一致' })
  })
export type TPasswordChange = z.infer<typeof ZPasswordChange>
