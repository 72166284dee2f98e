import 'server-only'
import { z } from 'zod'

/**
 * Chinese validation messages everywhere: zod's own zh-CN locale for every message a schema does not
 * set itself ("无效输入：期望 string，实际接收 undefined" instead of "Invalid input: expected string").
 * Imported for its effect by the action helper, the route wrapper and the root layout (client forms).
 */
z.config(z.locales.zhCN())

export const ZOD_LOCALE = 'zh-CN'
