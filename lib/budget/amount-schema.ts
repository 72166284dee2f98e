import { z } from 'zod'
import { MoneyError, normaliseTypedAmount, parseAmount } from './money'

/** Optional 元 amount as a string; '' means not entered. */
export const ZYuanOpt = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return v
    try {
      // exactly what an accountant types ("1,234.56", full-width digits); no "1e5", "+5", "-0", "1 234"
      const plain = normaliseTypedAmount(v)
      if (parseAmount(plain, '元') < 0) ctx.addIssue({ code: 'custom', message: '金额不能为负数' })
      return plain
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof MoneyError ? e.message : '金额格式不正确' })
      return z.NEVER
    }
  })
  .optional()
