/**
 * The minimum rule for a new password, stated once in Chinese: the form shows it, the form's schema and the
 * server (lib/server/password.ts) both apply it. Pure (used in the browser and on the server).
 */
export const PASSWORD_MIN_LENGTH = 8
export const PASSWORD_MAX_LENGTH = 256
export const PASSWORD_RULE_TEXT = `新密码至少 ${PASSWORD_MIN_LENGTH} 位，须同时含有字母和数字，且不能与当前密码相同。`

/** What is wrong with a new password, in Chinese; null when it meets the rule. */
export function passwordRuleProblem(next: string, current?: string): string | null {
  if (next.length < PASSWORD_MIN_LENGTH) return `新密码至少 ${PASSWORD_MIN_LENGTH} 位`
  if (next.length > PASSWORD_MAX_LENGTH) return `新密码过长（最多 ${PASSWORD_MAX_LENGTH} 位）`
  if (!/\p{L}/u.test(next) || !/\p{Nd}/u.test(next)) return '新密码须同时含有字母和数字'
  if (current !== undefined && next === current) return '新密码不能与当前密码相同'
  return null
}
