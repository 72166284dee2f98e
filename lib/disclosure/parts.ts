/**
 * The parts of a disclosure that are edited and versioned separately (docs/decisions/017): a save of one
 * part checks and bumps that part's version only, so two people (or two tabs) editing different parts
 * never conflict; two saves of the same part against one version: exactly one wins, the other is refused.
 * Pure data, shared by the server (the check) and the editors (which version to send).
 */
export const PARTS = ['lines', 'projects', 'threePublic', 'notes', 'procurement', 'targets', 'overall'] as const
export type Part = (typeof PARTS)[number]

/** The version of each part, as the editors receive it in their state and send it back with a save. */
export type PartVersions = Record<Part, number>

/** What each part holds, in Chinese, for the conflict message (“情况说明已被他人修改…”). */
export const PART_LABELS: Record<Part, string> = {
  lines: '收支明细',
  projects: '项目清单',
  threePublic: '“三公”经费与车辆',
  notes: '情况说明',
  procurement: '政府采购与资产',
  targets: '项目绩效目标',
  overall: '整体绩效目标',
}

/** The Disclosure column holding each part's version (prisma/schema.prisma). */
export const PART_COLUMNS = {
  lines: 'linesVersion',
  projects: 'projectsVersion',
  threePublic: 'threePublicVersion',
  notes: 'notesVersion',
  procurement: 'procurementVersion',
  targets: 'targetsVersion',
  overall: 'overallVersion',
} as const satisfies Record<Part, string>

export const partVersionsOf = (row: Record<(typeof PART_COLUMNS)[Part], number>): PartVersions =>
  Object.fromEntries(PARTS.map((p) => [p, row[PART_COLUMNS[p]]])) as PartVersions

/** A bump of every part (an import or a copy replaces all of them): every open editor's next save is refused. */
export const bumpAllParts = () => Object.fromEntries(PARTS.map((p) => [PART_COLUMNS[p], { increment: 1 }])) as Record<(typeof PART_COLUMNS)[Part], { increment: 1 }>

export const conflictMessage = (part: Part) => `${PART_LABELS[part]}已被他人修改（或在其他窗口中修改），您的这次保存未生效。您填写的内容没有丢失：请对照他人的修改选择保留哪一份，或重新加载后再保存。`
