import type { Finding } from '@/lib/budget/findings'

/**
 * A stable name for a finding, so an explanation written for a warning stays attached to it across
 * reloads and resubmissions: the rule plus where it points (table cell, or entry line id + field).
 * The message is not part of it, because it carries amounts that change when unrelated lines change.
 */
export function findingKey(f: Finding): string {
  const parts = [f.rule]
  if (f.table) parts.push(`table:${f.table}:${f.row ?? '-'}:${f.col ?? '-'}`)
  if (f.line) parts.push(`line:${f.line.list}:${f.line.id ?? `#${f.line.index}`}:${f.line.field ?? '-'}`)
  // findings of lib/notes: a notes paragraph (by the field to edit, which does not move when paragraphs are added) or a performance target
  const x = f as Finding & {
    notes?: { section: string; paragraph: number; field?: string }
    target?: { index: number; projectCode?: string | null; indicator?: number; field?: string }
    overall?: { part: string; row?: number; field?: string }
  }
  if (x.notes) parts.push(`notes:${x.notes.section}:${x.notes.field ?? `#${x.notes.paragraph}`}`)
  if (x.target) parts.push(`target:${x.target.projectCode ?? `#${x.target.index}`}:${x.target.indicator ?? '-'}:${x.target.field ?? '-'}`)
  // the 整体绩效目标表 (lib/performance/overall.ts): its part, row and field
  if (x.overall) parts.push(`overall:${x.overall.part}:${x.overall.row ?? '-'}:${x.overall.field ?? '-'}`)
  if (parts.length === 1) parts.push(`msg:${f.message}`)
  return parts.join('|')
}

export type GateWarning = { key: string; finding: Finding; explanation: string | null }
export type Gate = {
  errors: Finding[]
  warnings: GateWarning[]
  /** warnings without an explanation */
  missing: GateWarning[]
  canSubmit: boolean
}

/** The explanation must say something: at least this many characters after trimming. */
export const MIN_EXPLANATION = 4

export function explanationProblem(text: string | null | undefined): string | null {
  const t = (text ?? '').trim()
  if (!t) return '请填写说明'
  if (t.length < MIN_EXPLANATION) return `说明至少 ${MIN_EXPLANATION} 个字`
  if (t.length > 2000) return '说明不能超过 2000 字'
  return null
}

/**
 * The submission gate: no `error` finding, and every `warning` acknowledged with an explanation.
 * Rounding (尾差) findings are information and never block. Several findings with one key share
 * one explanation.
 */
export function gate(findings: Finding[], acknowledged: Record<string, string>): Gate {
  const errors = findings.filter((f) => f.severity === 'error')
  const seen = new Set<string>()
  const warnings: GateWarning[] = []
  for (const f of findings) {
    if (f.severity !== 'warning') continue
    const key = findingKey(f)
    if (seen.has(key)) continue
    seen.add(key)
    const text = acknowledged[key]
    warnings.push({ key, finding: f, explanation: text !== undefined && !explanationProblem(text) ? text.trim() : null })
  }
  const missing = warnings.filter((w) => w.explanation === null)
  return { errors, warnings, missing, canSubmit: errors.length === 0 && missing.length === 0 }
}
