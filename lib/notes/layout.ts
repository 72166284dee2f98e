import type { Fen, Printed } from '@/lib/budget/money'
import { printed, printedCell, toPrinted } from '@/lib/budget/money'
import { procurementItemTotal } from '@/lib/budget/derive-extra'
import type { BudgetTable } from '@/lib/budget/table'
import { columnIndex, rowIndexById } from '@/lib/budget/table'
import type { NotesContent, NotesLayout, NotesWording, PerformanceLayout } from '@/lib/budget/template'
import type { TProjectTarget } from '@/lib/performance/schemas'
import { projectAmounts } from './project-text'
import type { BudgetData } from '@/lib/budget/types'
import { computeFigures } from './figures'
import { wanText } from './format'
import type { TNotes } from './schemas'
import type { GeneratedNotes, NotesBlock, NotesFinding, NotesSection, SectionId } from './types'
import { INCOME_LABELS, SECTION_IDS } from './types'

/**
 * The 情况说明 laid out as a template says (template.notes, docs/decisions/009): parts (第一部分 …)
 * holding numbered sections, each showing a part of the generated notes or a paragraph generated here
 * from the tables. Henan's layout: 部门概况 (主要职能, 单位构成), 情况说明 一–九 (收支, 收入, 支出, 财政拨款,
 * 一般公共预算, 基本支出, 三公, 政府性基金, and 九 with 机构运转经费, 政府采购 by 货物/工程/服务, 国有资产
 * with vehicles by type, 绩效), 名词解释. Every amount comes from the tables, never typed.
 *
 * Each part becomes one section of the result (its title the part's), its sections headings inside it,
 * so the document renderers print it unchanged. The generated notes' findings keep pointing at the
 * generated notes (those about sections the layout leaves out are dropped); the layout's own point at
 * the part's paragraph and the field of the notes to fill in. The counts typed for the layout
 * (vehicles by type, equipment) are read from the notes (`notes.assets`), so callers pass the notes only.
 */
export type LayoutInput = {
  year: number
  department: { name: string }
  tables: BudgetTable[]
  data: BudgetData | null
  /** The stored notes: 机构运转经费's settings, and 国有资产占用情况's vehicles by type and equipment (assets). */
  notes: Pick<TNotes, 'operatingCosts'> & { assets?: Partial<Pick<TNotes['assets'], 'vehiclesByType' | 'generalEquipment' | 'specialEquipment'>> }
  /** The project performance targets (预算绩效管理情况 counts them); absent: none. */
  targets?: { projects: TProjectTarget[] }
  /** The template's performance tables: with a 整体绩效目标表 (Henan 预算11表) the notes refer to it. */
  performanceLayout?: PerformanceLayout
}

/** Share of a part in a whole, one decimal (“占 62.3%”), or '' when the whole is zero. */
function share(part: Printed, whole: Printed): string {
  if (!whole) return ''
  return `，占${(Math.round((Number(part) * 1000) / Number(whole)) / 10).toFixed(1)}%`
}

const tableOf = (tables: BudgetTable[], key: string) => tables.find((t) => t.key === key)
const at = (t: BudgetTable | undefined, r: number, col: string): Printed => {
  if (!t || r < 0) return 0n
  const v = t.rows[r]?.[columnIndex(t, col)]
  return typeof v === 'number' ? printed(v) : 0n
}

/** Level rows (类 = 1, 款 = 2) of a tree table with their names and a column's amount, non-zero only. */
function levelRows(t: BudgetTable | undefined, level: number, col: string, within?: (code: string) => boolean): { code: string; name: string; amount: Printed }[] {
  if (!t) return []
  return t.meta.flatMap((m, r) => (m.kind === 'code' && m.level === level && (!within || within(m.code)) && at(t, r, col) ? [{ code: m.code, name: String(t.rows[r]![1] ?? ''), amount: at(t, r, col) }] : []))
}

/** Paragraphs of the 情况说明 made from the tables alone, one content at a time. */
function budgetParagraphs(content: string, input: LayoutInput): string[] {
  const { year, tables } = input
  const dept = input.department.name
  const a = computeFigures({ tables, data: input.data, notes: input.notes }).amounts
  const w = (k: string) => wanText(a[k] ?? 0n)
  const ies = tableOf(tables, 'income_expenditure_summary')
  switch (content) {
    case 'budget.summary': {
      const out = ies ? at(ies, rowIndexById(ies, 'grand_expenditure', 'right'), 'out_amount') : 0n
      return [`${dept}${year}年收入总计${w('income.total')}，支出总计${wanText(out)}。`]
    }
    case 'budget.income': {
      const parts = INCOME_LABELS.filter(([k]) => a[`income.${k}`]).map(([k, label]) => `${label}${w(`income.${k}`)}${share(a[`income.${k}`]!, a['income.total']!)}`)
      if (a['income.carryover']) parts.push(`上年结转${w('income.carryover')}${share(a['income.carryover'], a['income.total']!)}`)
      return [`${dept}${year}年收入合计${w('income.total')}${parts.length ? `，其中：${parts.join('；')}` : ''}。`]
    }
    case 'budget.expenditure': {
      const t = a['expenditure.total'] ?? 0n
      const parts = [['basic', '基本支出'], ['project', '项目支出'], ['operating', '事业单位经营支出'], ['remit_superior', '上缴上级支出'], ['subsidy_subordinate', '对附属单位补助支出']]
        .filter(([k]) => a[`expenditure.${k}`])
        .map(([k, label]) => `${label}${w(`expenditure.${k}`)}${share(a[`expenditure.${k}`]!, t)}`)
      return [`${dept}${year}年支出合计${wanText(t)}${parts.length ? `，其中：${parts.join('；')}` : ''}。`]
    }
    case 'budget.fiscal': {
      const fis = tableOf(tables, 'fiscal_income_expenditure_summary')
      const grand = fis ? at(fis, rowIndexById(fis, 'grand_income', 'left'), 'in_amount') : 0n
      const cols: [string, string][] = [
        ['general', '一般公共预算支出'],
        ['gov_fund', '政府性基金预算支出'],
        ['state_capital', '国有资本经营预算支出'],
      ]
      const ge = fis ? rowIndexById(fis, 'grand_expenditure', 'right') : -1
      const parts = cols.filter(([c]) => at(fis, ge, c)).map(([c, label]) => `${label}${wanText(at(fis, ge, c))}`)
      return [`${dept}${year}年财政拨款收支总预算${wanText(grand)}${parts.length ? `，其中：${parts.join('；')}` : ''}。`]
    }
    case 'budget.general': {
      const gen = tableOf(tables, 'general_budget_expenditure')
      const total = a['general.total'] ?? 0n
      const classes = levelRows(gen, 1, 'total').map((r) => `${r.name}（类）${wanText(r.amount)}${share(r.amount, total)}`)
      return [
        `${dept}${year}年一般公共预算支出${wanText(total)}，其中：基本支出${w('general.basic')}，项目支出${w('general.project')}。${classes.length ? `主要用于：${classes.join('；')}。` : ''}`,
      ]
    }
    case 'budget.basic': {
      const bas = tableOf(tables, 'general_budget_basic_expenditure')
      const names = (cls: string[]) => levelRows(bas, 2, 'total', (c) => cls.includes(c.slice(0, 3))).map((r) => r.name)
      const personnel = names(['301', '303'])
      const pub = names(['302', '310'])
      return [
        `${dept}${year}年一般公共预算基本支出${w('basic.total')}，其中：人员经费${w('basic.personnel')}${personnel.length ? `，主要包括${personnel.join('、')}` : ''}；公用经费${w('basic.public')}${pub.length ? `，主要包括${pub.join('、')}` : ''}。`,
      ]
    }
    case 'budget.govFund':
      return a['gov_fund.total'] ? [`${dept}${year}年政府性基金预算支出${w('gov_fund.total')}，其中：基本支出${w('gov_fund.basic')}，项目支出${w('gov_fund.project')}。`] : [`${dept}${year}年无政府性基金预算支出。`]
    default:
      return []
  }
}

/** 政府采购 split by the kind of purchase: 政府采购品目 codes begin with A (货物), B (工程) or C (服务). */
function procurementByKind(input: LayoutInput): { text: string; finding?: NotesFinding } {
  const { year } = input
  const dept = input.department.name
  // the entered items (exact 分) when there are lines; else the printed 政府采购预算 table
  const pro = tableOf(input.tables, 'procurement')
  const rows = input.data?.procurement.length
    ? input.data.procurement.map((p) => ({ name: p.itemName, code: p.catalogueCode ?? '', fen: procurementItemTotal(p) }))
    : pro
      ? pro.meta.flatMap((m, r) => (m.kind === 'item' ? [{ name: String(pro.rows[r]![columnIndex(pro, 'item_name')] ?? `第${r + 1}行`), code: String(pro.rows[r]![columnIndex(pro, 'catalogue_code')] ?? ''), fen: printedCell(at(pro, r, 'total')) * 10_000 }] : []))
      : []
  if (rows.length === 0) return { text: `${year}年，${dept}无政府采购预算。` }
  const sums = { A: 0, B: 0, C: 0 } as Record<'A' | 'B' | 'C', number>
  const unknown: string[] = []
  let total = 0
  for (const r of rows) {
    total += r.fen
    const k = r.code.trim().charAt(0).toUpperCase()
    if (k === 'A' || k === 'B' || k === 'C') sums[k] += r.fen
    else unknown.push(r.name)
  }
  const wan = (fen: number) => wanText(toPrinted(fen, '万元'))
  const text = `${year}年，${dept}政府采购预算总额${wan(total)}，其中：政府采购货物预算${wan(sums.A)}、政府采购工程预算${wan(sums.B)}、政府采购服务预算${wan(sums.C)}。`
  if (!unknown.length) return { text }
  return {
    text,
    finding: { rule: 'notes.procurement_kind', severity: 'warning', table: 'procurement', message: `政府采购项目“${unknown.join('、')}”的政府采购目录序号不以 A（货物）、B（工程）或 C（服务）开头，未能计入货物、工程、服务的分类金额` },
  }
}

/** The vehicle types a layout asks for (the 国有资产占用情况 item's `vehicleTypes`), in the template's order. */
export function vehicleTypesOf(layout: NotesLayout | null | undefined): string[] {
  const out: string[] = []
  for (const part of layout?.parts ?? []) for (const s of part.sections) for (const it of s.items ?? []) for (const t of it.vehicleTypes ?? []) if (!out.includes(t)) out.push(t)
  return out
}

/** A finding of the layout with the block it is about (or the heading of its item), located once the part's blocks are laid out. */
type Anchored = { finding: NotesFinding; anchor: NotesBlock | { heading: string } }

/**
 * 国有资产占用情况: vehicles held at the end of last year by the template's types, as entered in the notes
 * (assets.vehiclesByType), and the 单价50万元以上通用设备 / 单价100万元以上专用设备 when entered. The vehicle
 * sentence is printed only when every type has its count (0 included); a missing count is a finding at
 * its field, never a made-up figure. The counts' sum must be the 车辆 count of the 固定资产 table.
 */
function vehiclesByType(input: LayoutInput, types: string[]): { text: string | null; findings: NotesFinding[] } {
  const assets = input.notes.assets
  const byType = assets?.vehiclesByType ?? {}
  const dept = input.department.name
  const findings: NotesFinding[] = []
  const missing = types.filter((t) => typeof byType[t] !== 'number')
  let vehicles: string | null = null
  if (missing.length) {
    findings.push({
      rule: 'notes.vehicle_types_missing',
      severity: 'warning',
      message: `模板要求按车型说明截至${input.year - 1}年底的车辆情况，尚未填写${missing.length === types.length ? '各车型' : `“${missing.join('”“')}”`}的车辆数（没有的填 0）`,
      notes: { section: 'assets', paragraph: 0, field: `assets.vehiclesByType.${missing[0]}` },
    })
  } else {
    const counts = types.map((t) => [t, byType[t]!] as const)
    const sum = counts.reduce((s, [, n]) => s + n, 0)
    vehicles = `共有车辆${sum}辆，其中：${counts.map(([t, n]) => `${t}${n}辆`).join('，')}`
    // the 固定资产 table's 车辆 count, else the entered assets', else the vehicles held
    const fa = tableOf(input.tables, 'fixed_assets')
    const r = fa ? rowIndexById(fa, 'vehicles') : -1
    const q = fa && r >= 0 ? fa.rows[r]![columnIndex(fa, 'quantity')] : null
    const entered = input.data?.fixedAssets.find((x) => x.category === 'vehicles')?.quantity
    const held = typeof q === 'number' ? q : entered ? Number(entered) : (input.data?.vehicles?.heldAtYearEnd ?? null)
    if (held !== null && held !== sum) {
      findings.push({ rule: 'notes.vehicle_types_sum', severity: 'error', message: `各车型车辆数合计 ${sum} 辆，与车辆保有量 ${held} 辆不一致`, notes: { section: 'assets', paragraph: 0, field: `assets.vehiclesByType.${types[0]}` } })
    }
  }
  const equipment = [
    typeof assets?.generalEquipment === 'number' ? `单价50万元以上通用设备${assets.generalEquipment}台（套）` : null,
    typeof assets?.specialEquipment === 'number' ? `单价100万元以上专用设备${assets.specialEquipment}台（套）` : null,
  ].filter((x): x is string => !!x)
  if (!vehicles && !equipment.length) return { text: null, findings }
  const body = vehicles ? `${vehicles}${equipment.length ? `；${equipment.join('，')}` : ''}` : `共有${equipment.join('，')}`
  return { text: `截至${input.year - 1}年底，${dept}${body}。`, findings }
}

/**
 * A paragraph or heading in the layout's words (NotesWording). The block is copied, never changed in
 * place (the generated notes stay as they are); layNotes moves the findings anchored at it to the copy.
 */
function reword(b: NotesBlock, w: NotesWording): NotesBlock {
  if (b.kind !== 'paragraph' && b.kind !== 'heading') return b
  let text = b.text
  for (const [from, to] of Object.entries(w)) text = text.replaceAll(from, to)
  return text === b.text ? b : { ...b, text }
}

/**
 * 预算绩效管理情况 as one item of a layout (Henan 九（四）): how many projects carry performance targets and
 * how much money they cover, from the targets and the lines; the 整体绩效目标 referred to its table when
 * the template prints one (预算11表), else its paragraphs; then each project's target table. The Hebei
 * parts' own headings (第一部分 部门整体绩效目标 / 第二部分 预算项目绩效目标) are not printed inside it.
 */
function performanceBlocks(g: GeneratedNotes, input: LayoutInput): NotesBlock[] {
  const generated = generatedBlocks(g, 'performance')
  const dept = input.department.name
  const projects = input.targets?.projects ?? []
  // the money of the projects with targets, from their lines (never the amounts typed in a target table)
  const amounts = projectAmounts(input.data)
  const covered = [...new Set(projects.map((t) => t.projectCode))].reduce<Fen>((s, code) => s + (amounts[code] ?? 0), 0)
  const out: NotesBlock[] = [
    {
      kind: 'paragraph',
      text: projects.length
        ? `${input.year}年，${dept}实行绩效目标管理的项目${projects.length}个，涉及资金${wanText(toPrinted(covered))}，各项目绩效目标见下表。`
        : `${input.year}年，${dept}未对预算项目设定绩效目标。`,
      figures: [],
    },
  ]
  const overall = input.performanceLayout?.overall
  const second = generated.findIndex((b) => b.kind === 'heading' && b.text.startsWith('第二部分'))
  const overallBlocks = generated.slice(0, second < 0 ? generated.length : second).filter((b) => !(b.kind === 'heading' && b.text.startsWith('第一部分')))
  const projectBlocks = second < 0 ? [] : generated.slice(second + 1).filter((b) => !(b.kind === 'paragraph' && b.text === '无。'))
  if (overall) out.push({ kind: 'paragraph', text: `${dept}部门（单位）整体绩效目标详见《${overall.title.replaceAll('{year}', String(input.year))}》。` })
  else out.push(...overallBlocks.filter((b) => !(b.kind === 'paragraph' && b.text === '无。')))
  return [...out, ...projectBlocks]
}

/** Blocks of a generated section; `duties` and `organisation` split the 部门职责及机构设置 section at 机构设置. */
function generatedBlocks(g: GeneratedNotes, content: string): NotesBlock[] {
  if (content === 'duties' || content === 'organisation') {
    const blocks = g.sections.find((s) => s.id === 'duties')?.blocks ?? []
    const split = blocks.findIndex((b) => b.kind === 'heading' && b.text.startsWith('机构设置'))
    const cut = split < 0 ? blocks.length : split
    return (content === 'duties' ? blocks.slice(0, cut) : blocks.slice(cut + 1)).filter((b) => !(b.kind === 'heading' && b.text.startsWith('部门职责')))
  }
  return g.sections.find((s) => s.id === content)?.blocks ?? []
}

/** The generated section a layout content prints (in whole or in part), if any. */
export function generatedSectionOf(content: string): SectionId | null {
  const base = content === 'organisation' ? 'duties' : content.split('.')[0]!
  return content.startsWith('budget.') || content === 'items' ? null : SECTION_IDS.includes(base as SectionId) ? (base as SectionId) : null
}

/** A numbered sub-section of a layout section (九、其他重要事项 → （一）机构运转经费 …) with what it prints. */
export type LaidItem = { content: NotesContent; label: string; vehicleTypes?: string[]; blocks: NotesBlock[] }
/** A section of a layout with its printed title and what it prints (for `items`, its sub-sections). */
export type LaidSection = { id: string; title: string; content: NotesContent; blocks: NotesBlock[]; items: LaidItem[] }
/** A part of the layout (第一部分 …); `id` is the section id of the laid-out notes that holds it. */
export type LaidPart = { id: SectionId; title: string; sections: LaidSection[] }
/** The notes by the template's layout, section by section (the editor shows each next to its fields). */
export type LaidNotes = { parts: LaidPart[]; findings: NotesFinding[] }

/** A part's blocks as printed: each section's title (unless it is the part's own: 第三部分 名词解释 → 名词解释), then its blocks and items. */
function partBlocks(part: LaidPart): NotesBlock[] {
  const blocks: NotesBlock[] = []
  for (const s of part.sections) {
    if (part.sections.length > 1 || !part.title.endsWith(s.title)) blocks.push({ kind: 'heading', text: s.title })
    blocks.push(...s.blocks)
    for (const it of s.items) blocks.push({ kind: 'heading', text: it.label }, ...it.blocks)
  }
  return blocks
}

/**
 * The generated notes laid out section by section. Of the generated notes' findings, those about a
 * section the layout does not print are left out (Henan states no change of the 预算收支总额, so it
 * needs no reason for one); the layout's own findings point at the part and the field to fill in.
 */
export function layNotes(g: GeneratedNotes, layout: NotesLayout, input: LayoutInput): LaidNotes {
  const year = String(input.year)
  const anchored: Anchored[] = []
  const shown = new Set<SectionId>()
  const para = (text: string): NotesBlock => ({ kind: 'paragraph', text })
  const contentBlocks = (content: NotesContent, label: string, vehicleTypes?: string[]): NotesBlock[] => {
    const sectionId = generatedSectionOf(content)
    if (sectionId) shown.add(sectionId)
    if (content.startsWith('budget.')) return budgetParagraphs(content, input).map(para)
    if (content === 'procurement.byKind' || content === 'procurement') {
      const p = procurementByKind(input)
      const text = para(p.text)
      if (p.finding) anchored.push({ finding: p.finding, anchor: text })
      // the table, and the accountant's 补充说明 (paragraphs printing procurement.extra)
      const rest = generatedBlocks(g, 'procurement').filter((b) => b.kind === 'budgetTable' || (b.kind === 'paragraph' && b.fields?.includes('procurement.extra')))
      return [text, ...rest]
    }
    if (content === 'assets' || content === 'assets.byVehicleType') {
      const all = generatedBlocks(g, 'assets')
      if (!vehicleTypes?.length) return all
      // the 固定资产 paragraph says “详见下表”: only when the template prints the 固定资产 table (Henan's does not)
      const blocks = tableOf(input.tables, 'fixed_assets') ? all : all.filter((b) => b.kind === 'paragraph' && b.fields?.includes('assets.extra'))
      const v = vehiclesByType(input, vehicleTypes)
      const text = v.text ? para(v.text) : null
      for (const finding of v.findings) anchored.push({ finding, anchor: text ?? { heading: label } })
      if (!text) return blocks
      // after the paragraph and table of 固定资产, before the 补充说明
      const extraAt = blocks.findIndex((b) => b.kind === 'paragraph' && b.fields?.includes('assets.extra'))
      return extraAt < 0 ? [...blocks, text] : [...blocks.slice(0, extraAt), text, ...blocks.slice(extraAt)]
    }
    if (content === 'performance') return performanceBlocks(g, input)
    return generatedBlocks(g, content)
  }
  // a reworded block is a copy: the findings anchored at the original move to it
  const worded = (blocks: NotesBlock[], w: NotesWording | undefined) =>
    w
      ? blocks.map((b) => {
          const copy = reword(b, w)
          if (copy !== b) for (const a of anchored) if (a.anchor === b) a.anchor = copy
          return copy
        })
      : blocks
  const used = new Set<SectionId>()
  const parts: LaidPart[] = layout.parts.map((part) => {
    const sections: LaidSection[] = part.sections.map((s) => ({
      id: s.id,
      title: s.title.replaceAll('{year}', year),
      content: s.content,
      blocks: s.content === 'items' ? [] : worded(contentBlocks(s.content, s.title.replaceAll('{year}', year)), s.wording),
      items:
        s.content === 'items'
          ? (s.items ?? []).map((it) => ({ content: it.id, label: it.label, ...(it.vehicleTypes ? { vehicleTypes: it.vehicleTypes } : {}), blocks: worded(contentBlocks(it.id, it.label, it.vehicleTypes), it.wording ?? s.wording) }))
          : [],
    }))
    // a section id the renderers and anchors know: the generated section the part starts with, else a free one
    const first = part.sections[0]?.content ?? ''
    const want = (first === 'organisation' ? 'duties' : first.startsWith('budget.') ? 'overview' : first.split('.')[0]) as SectionId
    const id = SECTION_IDS.includes(want) && !used.has(want) ? want : SECTION_IDS.find((x) => !used.has(x))!
    used.add(id)
    return { id, title: part.title.replaceAll('{year}', year), sections }
  })
  const laidOut = parts.map((p) => ({ id: p.id, blocks: partBlocks(p) }))
  const indexIn = (blocks: NotesBlock[], anchor: Anchored['anchor']) => ('heading' in anchor ? blocks.findIndex((b) => b.kind === 'heading' && b.text === anchor.heading) : blocks.indexOf(anchor))
  const located = anchored.map(({ finding, anchor }) => {
    const at = laidOut.find((p) => indexIn(p.blocks, anchor) >= 0)
    if (!at || !finding.notes) return finding
    return { ...finding, notes: { ...finding.notes, section: at.id, paragraph: indexIn(at.blocks, anchor) } }
  })
  const kept = g.findings.filter((f) => !f.notes || shown.has(f.notes.section))
  return { parts, findings: [...kept, ...located] }
}

/** Applies a template's notes layout to the generated notes; without a layout the notes are as generated. */
export function applyNotesLayout(g: GeneratedNotes, layout: NotesLayout | undefined, input: LayoutInput): GeneratedNotes {
  if (!layout) return g
  const laid = layNotes(g, layout, input)
  const sections: NotesSection[] = laid.parts.map((p) => ({ id: p.id, title: p.title, blocks: partBlocks(p) }))
  return { ...g, sections, findings: laid.findings }
}
