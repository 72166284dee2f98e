import { z } from 'zod'
import { MoneyError, normaliseTypedAmount, parseAmount } from './money'

/**
 * A 元 amount as an accountant types it: "1,234.56", "1234.5" or full-width "１２３４．５" → the plain text
 * "1234.56" (exact 分 through parseAmount); "1e5", "+5", "-0", "1 234", negative and malformed amounts get a
 * Chinese message. '' (not entered) stays '' where the schema allows it.
 */
function typedYuan(allowEmpty: boolean) {
  return z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (allowEmpty && v === '') return v
      try {
        const plain = normaliseTypedAmount(v)
        if (parseAmount(plain, '元') < 0) ctx.addIssue({ code: 'custom', message: '金额不能为负数' })
        return plain
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: e instanceof MoneyError ? e.message : '金额格式不正确' })
        return z.NEVER
      }
    })
}

/** 元 amount, required. */
export const ZAmountYuan = typedYuan(false)

/** Optional 元 amount as a string; '' means not entered. */
export const ZYuanOpt = typedYuan(true).optional()
