import type { Fen, Printed } from '@/lib/budget/money'
import { printedCell, toPrinted } from '@/lib/budget/money'
import type { BudgetData } from '@/lib/budget/types'
import { wanText } from './format'
import type { NotesContext } from './generate'

/* 项目支出 in the notes: each project's amount from its lines, and the sentence naming the main projects. */

export function projectAmounts(data: BudgetData | null): Record<string, Fen> {
  const m: Record<string, Fen> = {}
  for (const l of data?.expenditure ?? []) if (l.projectCode && l.category === 'project') m[l.projectCode] = (m[l.projectCode] ?? 0) + l.amount
  return m
}

/** “A 4180.00万元，B 739.00万元（中央 179.00万元、省级 160.00万元）…” from the main projects the notes name. */
export function mainProjectsText(ctx: NotesContext, stated: Record<string, number>): { text: string; figures: string[]; fields: [string, string, string][] } {
  const fen = projectAmounts(ctx.data)
  const sum = (codes: string[]): Printed => toPrinted(codes.reduce<Fen>((s, c) => s + (fen[c] ?? 0), 0))
  const figures: string[] = []
  const fields: [string, string, string][] = []
  const text = ctx.notes.overview.mainProjects
    .map((mp, i) => {
      const v = sum(mp.projectCodes)
      stated[`main_project:${mp.label}`] = printedCell(v)
      figures.push(`main_project:${mp.label}`)
      fields.push([`overview.mainProjects.${i}`, mp.label, `主要项目“${mp.label}”`])
      const parts = mp.parts.map((p) => {
        const pv = sum(p.projectCodes)
        stated[`main_project_part:${p.label}`] = printedCell(pv)
        figures.push(`main_project_part:${p.label}`)
        return `${p.label}${wanText(pv)}`
      })
      return `${mp.label}${wanText(v)}${parts.length ? `（${parts.join('、')}）` : ''}`
    })
    .join('，')
  return { text, figures, fields }
}

