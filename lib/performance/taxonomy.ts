/**
 * The standard indicator taxonomy of 绩效目标表 (财预〔2020〕10号 and the provinces' templates):
 * 一级 产出 / 效益 / 满意度, each with its fixed 二级; 三级 are the department's own indicators.
 */
export const LEVEL1 = ['产出指标', '效益指标', '满意度指标'] as const
export type Level1 = (typeof LEVEL1)[number]

export const TAXONOMY: Record<Level1, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
}

/** Older or regional names, read as the standard ones (新乐 2020 prints 效果指标). */
export const LEVEL1_ALIASES: Record<string, Level1> = { 效果指标: '效益指标', 产出: '产出指标', 效益: '效益指标', 满意度: '满意度指标' }
export const LEVEL2_ALIASES: Record<string, string> = {
  数量: '数量指标',
  质量: '质量指标',
  时效: '时效指标',
  成本: '成本指标',
  经济效益: '经济效益指标',
  社会效益: '社会效益指标',
  生态效益: '生态效益指标',
  可持续影响: '可持续影响指标',
  服务对象满意度: '服务对象满意度指标',
}

export function normaliseLevel1(s: string): string {
  const t = s.trim()
  return LEVEL1_ALIASES[t] ?? t
}

export function normaliseLevel2(s: string): string {
  const t = s.trim()
  return LEVEL2_ALIASES[t] ?? t
}

export function isLevel1(s: string): s is Level1 {
  return (LEVEL1 as readonly string[]).includes(s)
}

/** The 一级 a 二级 belongs to, or null when it is not a standard 二级. */
export function parentOfLevel2(level2: string): Level1 | null {
  for (const l1 of LEVEL1) if (TAXONOMY[l1].includes(level2)) return l1
  return null
}

export const OPERATORS = ['≥', '≤', '=', '>', '<', '定性'] as const
export type Operator = (typeof OPERATORS)[number]
export const OPERATOR_LABELS: Record<Operator, string> = { '≥': '≥ 不低于', '≤': '≤ 不高于', '=': '= 等于', '>': '> 高于', '<': '< 低于', 定性: '定性（文字）' }
