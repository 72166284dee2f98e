/** What a new year may copy from an earlier one (the choice on the 新建 form; lib/disclosure/server/create-disclosure). */
export const COPY_PARTS = ['lines', 'projects', 'threePublic', 'notes', 'targets', 'procurement'] as const
export type CopyPart = (typeof COPY_PARTS)[number]

export const COPY_PART_LABELS: Record<CopyPart, string> = {
  lines: '收支明细（金额随后修改）',
  projects: '项目清单',
  threePublic: '“三公”经费与车辆',
  notes: '情况说明的文字（不含上年数和增减原因）',
  targets: '绩效目标（整体及所复制项目的）',
  procurement: '政府采购与资产',
}

/** Before this choice existed a copy took the lines, projects and 三公: still the default. */
export const DEFAULT_COPY_PARTS: CopyPart[] = ['lines', 'projects', 'threePublic']

/** Lines name projects: copying the lines copies the projects too. */
export function withDependencies(parts: readonly string[]): CopyPart[] {
  const set = new Set(parts.filter((p): p is CopyPart => (COPY_PARTS as readonly string[]).includes(p)))
  if (set.has('lines')) set.add('projects')
  return COPY_PARTS.filter((p) => set.has(p))
}
