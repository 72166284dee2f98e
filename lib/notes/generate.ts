import { absPrinted, formatPrinted, printedCell } from '@/lib/budget/money'
import type { BudgetTable } from '@/lib/budget/table'
import type { BudgetData } from '@/lib/budget/types'
import type { PerformanceLayout } from '@/lib/budget/template'
import type { TOverallTarget, TProjectTarget } from '@/lib/performance/schemas'
import { checkNumbers, checkResidue, checkWording, checkYears } from './check-text'
import type { Figures } from './figures'
import { changeOf } from './figures'
import type { GlossaryItem } from './glossary'
import type { ChangeKey, TNotes } from './schemas'
import { CHANGE_LABELS } from './schemas'
import type { GeneratedNotes, SectionId } from './types'
import { contradiction, explainedByParts, isStated } from './change-text'
import { assetsSection, dutiesSection, glossarySection, notesWriter, operatingSection, otherSection, overviewSection, performanceSection, procurementSection, threePublicSection } from './sections'

export type NotesContext = {
  year: number
  department: { code: string; name: string }
  /** The lines, when the disclosure has them (imported tables have none). */
  data: BudgetData | null
  /** The disclosure's tables (derived or imported), including 政府采购 and 固定资产. */
  tables: BudgetTable[]
  notes: TNotes
  /** Last year's disclosure in the system, when there is one. */
  priorSystem: { year: number; figures: Figures } | null
  glossary: GlossaryItem[]
  targets: { overall: TOverallTarget | null; projects: TProjectTarget[] }
  /** The template's performance tables (template.performance): labels and the kind of spending plan. */
  performanceLayout?: PerformanceLayout
  /**
   * Whose budget the notes explain (docs/decisions/009): a department's 部门预算 (absent) or a unit's own
   * 单位预算, which the notes then call 单位 where they would say 部门 (单位职责, 本单位, 单位预算 …).
   */
  level?: 'department' | 'unit'
}

/**
 * Builds sections 一 to 九 of the 情况说明. Sentences follow the seeds' wording; every amount in
 * them is a figure of the data (figures.ts), never typed; the accountant writes only texts, reasons
 * and labels. Findings point at the paragraph and the field to edit.
 */
export function generateNotes(ctx: NotesContext): GeneratedNotes {
  const w = notesWriter(ctx)
  dutiesSection(w)
  overviewSection(w)
  operatingSection(w)
  threePublicSection(w)
  performanceSection(w)
  procurementSection(w)
  assetsSection(w)
  glossarySection(w)
  otherSection(w)
  const { year, dept, B, style, fig, prior, stated, findings, free, sections, reasonOf } = w

  // reasons: a stated change needs one
  for (const c of (Object.keys(prior.values) as ChangeKey[]).map((k) => changeOf(fig, prior, k, style))) {
    if (c && reasonOf(c.key) !== '' && isStated(c.key, prior)) {
      const said = contradiction(c, reasonOf(c.key))
      if (said) {
        const section: SectionId = c.key === 'operatingCosts' ? 'operating' : c.key.startsWith('threePublic') ? 'threePublic' : 'overview'
        const s = sections.find((x) => x.id === section)!
        findings.push({
          rule: 'notes.reason_contradicts_change',
          severity: 'warning',
          message: `${CHANGE_LABELS[c.key]}${c.change === 0n ? '与上年持平' : c.change > 0n ? '比上年增加' : '比上年减少'}，但原因中写的是“${said}”`,
          notes: { section, paragraph: s.blocks.findIndex((b) => b.kind === 'paragraph' && b.fields?.includes(`reasons.${c.key}`)), field: `reasons.${c.key}` },
        })
      }
    }
    if (!c || c.change === 0n || reasonOf(c.key) !== '') continue
    if (!isStated(c.key, prior)) continue
    if (explainedByParts(c.key, (k) => changeOf(fig, prior, k, style), reasonOf)) continue
    const section: SectionId = c.key === 'operatingCosts' ? 'operating' : c.key.startsWith('threePublic') ? 'threePublic' : 'overview'
    const s = sections.find((x) => x.id === section)!
    const paragraph = s.blocks.findIndex((b) => b.kind === 'paragraph' && b.fields?.includes(`reasons.${c.key}`))
    findings.push({
      rule: 'notes.reason_missing',
      severity: 'error',
      message: `${CHANGE_LABELS[c.key]}比上年${c.change > 0n ? '增加' : '减少'} ${formatPrinted(absPrinted(c.change))} 万元，未说明原因`,
      notes: { section, paragraph, field: `reasons.${c.key}` },
    })
  }

  for (const k of Object.keys(prior.values) as ChangeKey[]) {
    const c = changeOf(fig, prior, k, style)!
    stated[`prior.${k}`] = printedCell(c.prior)
    stated[`change.${k}`] = printedCell(c.change)
    if (c.pct !== null) stated[`change_pct.${k}`] = c.pct
  }

  findings.push(...checkNumbers(free, fig.amounts), ...checkResidue(free), ...checkWording(free, year), ...checkYears(free.filter((f) => f.at.field?.startsWith('reasons.')), year))
  return {
    title: `${dept}${year}年${B}预算信息公开情况说明`,
    preamble: `按照《预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的实施意见》规定，现将${dept}${year}年${B}预算公开如下：`,
    sections,
    figures: stated,
    findings,
  }
}
