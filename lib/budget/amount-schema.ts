import { z } from 'zod'
import { MoneyError, parseAmount } from './money'

/** Optional 元 amount as a string; '' means not entered. */
export const ZYuanOpt = z
  .string()
  .trim()
  .optional()
  .superRefine((v, ctx) => {
    if (v === undefined || v === '') return
    try {
      if (parseAmount(v, '元') < 0) ctx.addIssue({ code: 'custom', message: '金额不能为负数' })
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof MoneyError ? e.message : '金额格式不正确' })
    }
  })
