import 'server-only'
import { formatYuan, parseAmount } from '@/lib/budget/money'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import type { TOverallTarget, TProjectTarget } from '../schemas'
import { ZIndicator, ZOverallTarget, ZProjectTarget } from '../schemas'
import { indicatorsColumn, overallIndicatorsColumn } from '../schemas'

type TargetRow = Prisma.PerformanceTargetGetPayload<Record<string, never>>

const yuanOrNull = (s: string | undefined) => (s && s.trim() !== '' ? formatYuan(parseAmount(s, '元')) : null)
const planJson = (p: TProjectTarget['spendingPlan']) => Object.fromEntries(Object.entries(p).flatMap(([k, v]) => (v && v.trim() !== '' ? [[k, formatYuan(parseAmount(v, '元'))]] : [])))

/** A project target as a PerformanceTarget row (kind 'project'); amounts as Decimal 元 strings. */
export function projectTargetData(t: TProjectTarget) {
  return {
    kind: 'project',
    projectCode: t.projectCode,
    title: t.title,
    goals: t.goals as Prisma.InputJsonValue,
    indicators: indicatorsColumn.write(t.indicators),
    fiscalFunds: yuanOrNull(t.fiscalFunds),
    otherFunds: yuanOrNull(t.otherFunds),
    purpose: t.purpose || null,
    spendingPlan: planJson(t.spendingPlan) as Prisma.InputJsonValue,
  }
}

/** The overall target as its row (kind 'overall'): the 预算11表's indicators in `indicators`, its tasks beside the Hebei parts in `extra`. */
export function overallTargetData(t: TOverallTarget) {
  return {
    kind: 'overall',
    projectCode: null,
    title: t.title,
    goals: t.goals as Prisma.InputJsonValue,
    indicators: overallIndicatorsColumn.write(t.indicators),
    extra: { subTargets: t.subTargets, measures: t.measures, tasks: t.tasks } as Prisma.InputJsonValue,
  }
}

/** A stored row back as the form's data; rows that no longer parse keep what does (indicators one by one). */
export function projectTargetOf(row: TargetRow): TProjectTarget & { id: string } {
  const indicators = Array.isArray(row.indicators) ? row.indicators.flatMap((i) => {
    const p = ZIndicator.safeParse(i)
    return p.success ? [p.data] : []
  }) : []
  const plan = (row.spendingPlan ?? {}) as Record<string, string>
  const parsed = ZProjectTarget.parse({
    projectCode: row.projectCode ?? '',
    title: row.title,
    goals: Array.isArray(row.goals) ? row.goals.filter((g): g is string => typeof g === 'string') : [],
    indicators,
    fiscalFunds: row.fiscalFunds ? row.fiscalFunds.toFixed(2) : '',
    otherFunds: row.otherFunds ? row.otherFunds.toFixed(2) : '',
    purpose: row.purpose ?? '',
    spendingPlan: { q1: plan.q1 ?? '', q2: plan.q2 ?? '', q3: plan.q3 ?? '', q4: plan.q4 ?? '' },
  })
  return { ...parsed, id: row.id }
}

export function overallTargetOf(row: TargetRow | null | undefined): TOverallTarget | null {
  if (!row) return null
  const extra = (row.extra ?? {}) as { subTargets?: unknown; measures?: unknown; tasks?: unknown }
  const list = (v: unknown) => (Array.isArray(v) ? v : [])
  const r = ZOverallTarget.safeParse({ title: row.title, goals: row.goals, subTargets: extra.subTargets ?? [], measures: extra.measures ?? [], tasks: list(extra.tasks), indicators: list(row.indicators) })
  return r.success ? r.data : null
}

/** A disclosure's targets as stored: the 整体绩效目标 (or null) and the project targets in order, with their row ids. */
export async function loadTargets(disclosureId: string): Promise<{ overall: TOverallTarget | null; projects: TProjectTarget[]; projectIds: string[] }> {
  const rows = await db().performanceTarget.findMany({ where: { disclosureId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] })
  const projectRows = rows.filter((t) => t.kind === 'project')
  return { overall: overallTargetOf(rows.find((t) => t.kind === 'overall')), projects: projectRows.map(projectTargetOf), projectIds: projectRows.map((t) => t.id) }
}
