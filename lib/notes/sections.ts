import type { Fen, PrintedNumber } from '@/lib/budget/money'
import { printedCell } from '@/lib/budget/money'
import { toFixtureTable } from '@/lib/budget/table'
import type { UnitInfo } from '@/lib/budget/types'
import { overallParagraphs, renderTarget } from '@/lib/performance/render'
import { validateTargets } from '@/lib/performance/validate'
import type { FreeText } from './check-text'
import type { Change } from './figures'
import { changeOf, computeFigures, priorFrom } from './figures'
import { chineseNumeral, defaultOfficesIntro, isNumbered, paragraphs, wanText } from './format'
import { headingForLevel } from './level'
import { defaultGlossary } from './glossary'
import type { ChangeKey } from './schemas'
import { CHANGE_LABELS } from './schemas'
import { procurementFindings } from './procurement'
import type { NotesBlock, NotesFinding, NotesSection, SectionId } from './types'
import { INCOME_LABELS, SECTION_TITLES } from './types'
import { changeSentence } from './change-text'
import { mainProjectsText, projectAmounts } from './project-text'
import type { NotesContext } from './generate'

// The sections 一 to 九 of the 情况说明, one function each, writing into one NotesWriter (generate.ts).

/** The state every section writes into: the context, the figures, the findings, and the section being written. */
export function notesWriter(ctx: NotesContext) {
  const { year, notes } = ctx
  const dept = ctx.department.name
  /** 部门 or 单位: what the notes call the budget's owner. */
  const B = ctx.level === 'unit' ? '单位' : '部门'
  const style = notes.overview.style
  const fig = computeFigures({ tables: ctx.tables, data: ctx.data, notes })
  const prior = priorFrom({ system: ctx.priorSystem?.figures ?? null, entered: notes.prior, style })
  if (ctx.priorSystem) prior.systemYear = ctx.priorSystem.year
  /** The figures the notes state, as plain hundredths (they reach the client and JSON). */
  const stated: Record<string, PrintedNumber> = Object.fromEntries(Object.entries(fig.amounts).map(([k, v]) => [k, printedCell(v)]))
  const findings: NotesFinding[] = []
  const free: FreeText[] = []
  const sections: NotesSection[] = []

  const w = {
    ctx,
    year,
    notes,
    dept,
    B,
    style,
    fig,
    prior,
    stated,
    findings,
    free,
    sections,
    a: fig.amounts,
    /** The section being written. */
    section: { id: 'duties', title: '', blocks: [] } as NotesSection,
    open: (id: SectionId) => {
      w.section = { id, title: headingForLevel(SECTION_TITLES[id], ctx.level), blocks: [] }
      sections.push(w.section)
    },
    heading: (text: string) => w.section.blocks.push({ kind: 'heading', text }),
  /** A paragraph; `fields` are the notes' free-text fields printed in it, with their text. */
    para: (text: string, opts: { figures?: string[]; fields?: [field: string, text: string, what: string][]; lead?: string } = {}) => {
      const block: NotesBlock = { kind: 'paragraph', text }
      if (opts.figures?.length) block.figures = opts.figures
      if (opts.lead) block.lead = opts.lead
      if (opts.fields?.length) {
        block.fields = opts.fields.map(([f]) => f)
        for (const [field, t, what] of opts.fields) free.push({ text: t, what, at: { section: w.section.id, paragraph: w.section.blocks.length, field } })
      }
      w.section.blocks.push(block)
    },
    amount: (key: string): string => wanText(fig.amounts[key] ?? 0n),
    changes: (keys: ChangeKey[]) => keys.map((k) => changeOf(fig, prior, k, style)),
    reasonOf: (k: ChangeKey) => (notes.reasons[k] ?? '').trim(),
  }
  return w

}

export type NotesWriter = ReturnType<typeof notesWriter>

/** 一、部门职责及机构设置情况 */
export function dutiesSection(w: NotesWriter): void {
  const { ctx, notes, dept, B, findings, open, heading, para } = w
  open('duties')
  heading(`${B}职责：`)
  para(notes.duties.intro.trim() || `${dept}主要职责是：`, { fields: [['duties.intro', notes.duties.intro, `${B}职责引言`]] })
  notes.duties.items.forEach((d, i) => {
    const t = d.trim()
    if (t) para(isNumbered(t) ? t : `（${chineseNumeral(i + 1)}）${t}`, { fields: [[`duties.items.${i}`, t, `${B}职责第 ${i + 1} 条`]] })
  })
  if (notes.duties.items.length === 0) findings.push({ rule: 'notes.duties_missing', severity: 'warning', message: `未填写${B}职责`, notes: { section: 'duties', paragraph: 1, field: 'duties.items' } })
  heading('机构设置：')
  const org = notes.organisation
  if (org.offices.length) {
    para(org.officesIntro.trim() || defaultOfficesIntro(dept, ctx.level), { fields: [['organisation.officesIntro', org.officesIntro, '内设机构引言']] })
    org.offices.forEach((o, i) => para(`（${chineseNumeral(i + 1)}）${o.name}。${o.duties.trim()}`, { fields: [[`organisation.offices.${i}`, `${o.name} ${o.duties}`, `内设机构“${o.name}”`]] }))
  }
  if (org.units.length) {
    para(org.unitsIntro.trim() || `${dept}所属事业单位的设置及职责：`, { fields: [['organisation.unitsIntro', org.unitsIntro, '所属单位引言']] })
    org.units.forEach((u, i) => {
      para(`${i + 1}、${u.name}`, { fields: [[`organisation.units.${i}`, u.name, `所属单位“${u.name}”`]] })
      if (u.duties.trim()) para(`主要职责：${u.duties.trim()}`, { fields: [[`organisation.units.${i}`, u.duties, `所属单位“${u.name}”的职责`]] })
    })
  }
  const units: UnitInfo[] = ctx.data?.units ?? []
  w.section.blocks.push({
    kind: 'textTable',
    table: { title: `${B}机构设置情况`, columns: ['单位名称', '单位性质', '单位规格', '经费保障形式'], rows: units.map((u) => [u.name, u.nature ?? '', u.rank ?? '', u.fundingForm ?? '']) },
  })
}

/** 二、部门预算安排的总体情况 */
export function overviewSection(w: NotesWriter): void {
  const { ctx, year, notes, dept, B, style, prior, stated, findings, a, open, heading, para, amount, changes, reasonOf } = w
  open('overview')
  para(
    notes.overview.intro.trim() ||
      (ctx.level === 'unit'
        ? `按照预算管理有关规定，目前我省单位预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。${dept}的收支包含在单位预算中。`
        : `按照预算管理有关规定，目前我省部门预算的编制实行综合预算管理，即全部收入和支出都反映在预算中。${dept}机关及所属事业单位的收支包含在部门预算中。`),
    { fields: [['overview.intro', notes.overview.intro, '总体情况引言']] },
  )
  heading('（一）收入说明')
  if (style === 'detailed') {
    const parts: string[] = []
    const figs = ['income.total', 'income.general_budget']
    let gb = `一般公共预算拨款收入${amount('income.general_budget')}`
    if ((a['general.total'] ?? 0n) === (a['income.general_budget'] ?? 0n) && (a['general.total'] ?? 0n) !== 0n) {
      gb += `，其中：人员经费${amount('basic.personnel')}，公用经费${amount('basic.public')}，项目经费${amount('general.project')}`
      figs.push('basic.personnel', 'basic.public', 'general.project')
    }
    parts.push(gb)
    for (const [k, label] of INCOME_LABELS.slice(1)) {
      const always = k === 'gov_fund' || k === 'special_account' || k === 'other'
      if (always || (a[`income.${k}`] ?? 0n) !== 0n) {
        parts.push(`${label}${amount(`income.${k}`)}`)
        figs.push(`income.${k}`)
      }
    }
    if ((a['income.carryover'] ?? 0n) !== 0n) {
      parts.push(`上年结转${amount('income.carryover')}`)
      figs.push('income.carryover')
    }
    para(`${year}年收入预算${amount('income.total')}：包含${parts.join('；')}。`, { figures: figs })
  } else {
    const parts: string[] = []
    const figs = ['income.total']
    for (const [k, label] of INCOME_LABELS) {
      if (k === 'general_budget' || (a[`income.${k}`] ?? 0n) !== 0n) {
        parts.push(`${label}${amount(`income.${k}`)}`)
        figs.push(`income.${k}`)
      }
    }
    if ((a['income.carryover'] ?? 0n) !== 0n) {
      parts.push(`上年结转${amount('income.carryover')}`)
      figs.push('income.carryover')
    }
    para(`反映本${B}当年全部收入。${year}年预算收入${amount('income.total')}，其中：${parts.join('，')}。`, { figures: figs })
  }

  heading('（二）支出说明')
  const mainProjects = mainProjectsText(ctx, stated)
  if (style === 'detailed') {
    const figs = ['expenditure.total', 'general.total', 'general.basic', 'basic.personnel', 'basic.public', 'general.project', ...mainProjects.figures]
    let s = `${year}年支出预算${amount('expenditure.total')}：包含一般公共预算支出${amount('general.total')}，其中：基本支出${amount('general.basic')}，包括人员经费${amount('basic.personnel')}和公用经费${amount('basic.public')}。项目支出${amount('general.project')}`
    s += mainProjects.text ? `，包括${mainProjects.text}` : ''
    if ((a['gov_fund.total'] ?? 0n) !== 0n) {
      s += `；政府性基金支出${amount('gov_fund.total')}`
      figs.push('gov_fund.total')
    }
    if ((a['state_capital.total'] ?? 0n) !== 0n) {
      s += `；国有资本经营预算支出${amount('state_capital.total')}`
      figs.push('state_capital.total')
    }
    para(`${s}。`, { figures: figs, fields: mainProjects.fields })
  } else {
    let s = `收支预算总表支出栏、基本支出表、项目支出表按经济分类和支出功能分类科目编制，反映${dept}年度${B}预算中支出预算的总体情况。${year}年${B}支出预算为${amount('expenditure.total')}，其中基本支出${amount('expenditure.basic')}，包括人员经费${amount('basic.personnel')}和日常公用经费${amount('basic.public')}；项目支出${amount('expenditure.project')}`
    s += mainProjects.text ? `，主要包括：${mainProjects.text}` : ''
    para(`${s}。`, { figures: ['expenditure.total', 'expenditure.basic', 'basic.personnel', 'basic.public', 'expenditure.project', ...mainProjects.figures], fields: mainProjects.fields })
  }

  const [total] = changes(['total'])
  if (total) {
    heading('（三）比上年增减情况')
    const lead = `${year}年预算收支安排${wanText(total.current)}，`
    const sentences: string[] = [changeSentence({ c: total, subject: `${lead}较${year - 1}年预算${wanText(total.prior)}`, flat: `${lead}与${year - 1}年预算`, reason: reasonOf('total') })]
    const parts = changes(['personnel', 'public', 'project']).filter((c): c is Change => !!c)
    if (parts.length) {
      const words: Record<string, string> = { personnel: '人员经费', public: '日常公用经费', project: style === 'detailed' ? '项目经费' : '项目支出' }
      sentences.push(
        `其中：${parts
          .map((c) => changeSentence({ c, subject: words[c.key]!, flat: `${words[c.key]!}与上年`, reason: reasonOf(c.key), short: true }))
          .join('；')}。`,
      )
    }
    para(sentences.join(''), { figures: ['prior.total', 'change.total', 'change_pct.total'], fields: (['total', 'personnel', 'public', 'project'] as ChangeKey[]).filter((k) => prior.values[k] !== undefined).map((k) => [`reasons.${k}`, reasonOf(k), `${CHANGE_LABELS[k]}的增减原因`]) })
  } else {
    findings.push({ rule: 'notes.prior_missing', severity: 'warning', message: `未找到 ${year - 1} 年${B}预算，也未填写上年预算收支总额，无法说明比上年增减情况`, notes: { section: 'overview', paragraph: w.section.blocks.length, field: 'prior.total' } })
  }
  if (notes.overview.extra.trim()) for (const p of paragraphs(notes.overview.extra)) para(p, { fields: [['overview.extra', p, '总体情况补充说明']] })
}

/** 三、机关运行经费安排情况 */
export function operatingSection(w: NotesWriter): void {
  const { year, notes, dept, fig, findings, a, open, para, amount, changes, reasonOf } = w
  open('operating')
  if ((a['operating.total'] ?? 0n) === 0n) {
    para(`${year}年，${dept}未安排机关运行经费。`, { figures: ['operating.total'] })
  } else {
    const items = fig.operatingItems.map((it) => `${it.name}${wanText(it.amount)}`).join('、')
    para(`${year}年，${dept}机关运行经费共计安排${amount('operating.total')}，主要用于保障机构正常运转的${items}。`, { figures: ['operating.total', ...fig.operatingItems.map((it) => `operating.item.${it.code}`)] })
  }
  const [op] = changes(['operatingCosts'])
  if (op) {
    para(`比上年增减情况：${changeSentence({ c: op, subject: `机关运行经费预算比${year - 1}年度${wanText(op.prior)}`, flat: `机关运行经费预算与${year - 1}年度`, reason: reasonOf('operatingCosts') })}`, {
      figures: ['prior.operatingCosts', 'change.operatingCosts', 'change_pct.operatingCosts'],
      fields: [['reasons.operatingCosts', reasonOf('operatingCosts'), '机关运行经费的增减原因']],
    })
  } else if ((a['operating.total'] ?? 0n) !== 0n) {
    findings.push({ rule: 'notes.prior_missing', severity: 'warning', message: '未填写上年机关运行经费，无法说明比上年增减情况', notes: { section: 'operating', paragraph: w.section.blocks.length, field: 'prior.operatingCosts' } })
  }
  if (notes.operatingCosts.extra.trim()) for (const p of paragraphs(notes.operatingCosts.extra)) para(p, { fields: [['operatingCosts.extra', p, '机关运行经费补充说明']] })
}

/** 四、财政拨款“三公”经费预算情况及增减变化原因 */
export function threePublicSection(w: NotesWriter): void {
  const { year, notes, dept, fig, prior, stated, findings, a, open, para, amount, changes, reasonOf } = w
  open('threePublic')
  const tpn = notes.threePublic
  const abroadCounts = tpn.abroadGroups != null || tpn.abroadPersons != null ? `（团组${tpn.abroadGroups ?? 0}个、${tpn.abroadPersons ?? 0}人次）` : ''
  const receptionCounts = tpn.receptionBatches != null || tpn.receptionPersons != null ? `（${tpn.receptionBatches ?? 0}批次、${tpn.receptionPersons ?? 0}人次）` : ''
  para(
    `${year}年，${dept}财政拨款“三公”经费预算安排${amount('three_public.total')}，其中：因公出国（境）费${amount('three_public.abroad')}${abroadCounts}；公务用车购置及运维费${amount('three_public.vehicle')}（其中：公务用车购置费${amount('three_public.vehicle_purchase')}，公务用车运行维护费${amount('three_public.vehicle_operation')}）；公务接待费${amount('three_public.reception')}${receptionCounts}。`,
    { figures: ['three_public.total', 'three_public.abroad', 'three_public.vehicle', 'three_public.vehicle_purchase', 'three_public.vehicle_operation', 'three_public.reception'] },
  )
  const [tpTotal, ...tpItems] = changes(['threePublicTotal', 'threePublicAbroad', 'threePublicVehicle', 'threePublicReception'])
  if (tpTotal) {
    const s = [changeSentence({ c: tpTotal, subject: `与${year - 1}年相比`, flat: `与${year - 1}年`, reason: reasonOf('threePublicTotal'), noPct: true })]
    const items = tpItems.filter((c): c is Change => !!c)
    if (items.length) s.push(`其中：${items.map((c) => changeSentence({ c, subject: CHANGE_LABELS[c.key], flat: `${CHANGE_LABELS[c.key]}与上年`, reason: reasonOf(c.key), short: true })).join('；')}。`)
    para(s.join(''), {
      figures: ['prior.threePublicTotal', 'change.threePublicTotal'],
      fields: (['threePublicTotal', 'threePublicAbroad', 'threePublicVehicle', 'threePublicReception'] as ChangeKey[]).filter((k) => prior.values[k] !== undefined).map((k) => [`reasons.${k}`, reasonOf(k), `${CHANGE_LABELS[k]}的增减原因`]),
    })
  } else {
    findings.push({ rule: 'notes.prior_missing', severity: 'warning', message: '未填写上年“三公”经费，无法说明增减变化原因', notes: { section: 'threePublic', paragraph: w.section.blocks.length, field: 'prior.threePublicTotal' } })
  }
  const purchased = fig.counts['vehicles.purchased']
  const held = fig.counts['vehicles.held']
  if (purchased !== undefined || held !== undefined) {
    para(`公务车辆购置及保有情况：本年购置公务用车${purchased ?? 0}辆，年末公务用车保有量${held ?? 0}辆。`, { figures: ['vehicles.purchased', 'vehicles.held'] })
  }
  stated['vehicles.purchased'] = purchased ?? 0
  stated['vehicles.held'] = held ?? 0
  if (held === undefined && (a['three_public.vehicle'] ?? 0n) !== 0n) {
    findings.push({ rule: 'notes.vehicles_missing', severity: 'warning', message: '有公务用车经费，但未填写公务用车购置数和年末保有量', notes: { section: 'threePublic', paragraph: w.section.blocks.length, field: 'vehicles.held' } })
  }
  if ((a['three_public.vehicle_purchase'] ?? 0n) !== 0n && !purchased) {
    findings.push({ rule: 'notes.vehicles_purchase_mismatch', severity: 'warning', message: `安排了公务用车购置费 ${amount('three_public.vehicle_purchase')}，但本年购置公务用车为 0 辆`, notes: { section: 'threePublic', paragraph: w.section.blocks.length, field: 'vehicles.purchased' } })
  }
  if (tpn.extra.trim()) for (const p of paragraphs(tpn.extra)) para(p, { fields: [['threePublic.extra', p, '“三公”经费补充说明']] })
}

/** 五、预算绩效信息 */
export function performanceSection(w: NotesWriter): void {
  const { ctx, notes, B, findings, free, open, heading, para } = w
  open('performance')
  heading(`第一部分 ${B}整体绩效目标`)
  const overall = ctx.targets.overall
  if (overall && (overall.goals.some((g) => g.trim()) || overall.subTargets.length || overall.measures.length)) {
    overallParagraphs(overall).forEach((p, i) => {
      if (p.heading) heading(p.heading)
      if (p.text) para(p.text, { fields: [[`overall.${i}`, p.text, `${B}整体绩效目标`]] })
    })
  } else {
    para('无。')
    findings.push({ rule: 'perf.overall_missing', severity: 'warning', message: `未填写${B}整体绩效目标`, notes: { section: 'performance', paragraph: w.section.blocks.length - 1, field: 'overall' } })
  }
  heading('第二部分 预算项目绩效目标')
  const projectNames = new Map((ctx.data?.projects ?? []).map((p) => [p.code, p.name]))
  const projectFen = projectAmounts(ctx.data)
  if (ctx.targets.projects.length === 0) para('无。')
  ctx.targets.projects.forEach((t, i) => {
    const r = renderTarget(t, { number: i + 1, projectName: projectNames.get(t.projectCode) ?? t.projectCode, projectAmounts: projectFen, ...(ctx.performanceLayout?.project ? { layout: ctx.performanceLayout.project } : {}) })
    heading(`${i + 1}、${r.title}`)
    w.section.blocks.push({ kind: 'performanceTable', target: r })
    const at = { section: 'performance' as const, paragraph: w.section.blocks.length - 1 }
    const texts = [...t.goals, t.purpose, ...t.indicators.flatMap((ind) => [ind.level3, ind.description, ind.basis, ind.operator === '定性' ? ind.value : ''])]
    free.push({ text: texts.filter(Boolean).join('\n'), what: `绩效目标表“${r.title}”`, at: { ...at, field: `targets.${i}` } })
  })
  if (ctx.data) {
    findings.push(
      ...validateTargets({
        targets: ctx.targets.projects,
        projects: ctx.data.projects.map((p) => ({ code: p.code, name: p.name })),
        projectAmounts: projectFen,
        projectExpenditure: ctx.data.expenditure.reduce<Fen>((s, l) => s + (l.category === 'project' ? l.amount : 0), 0),
        ...(ctx.performanceLayout?.project?.spendingPlan ? { spendingPlan: ctx.performanceLayout.project.spendingPlan } : {}),
      }),
    )
  }
  if (notes.performance.extra.trim()) for (const p of paragraphs(notes.performance.extra)) para(p, { fields: [['performance.extra', p, '绩效信息补充说明']] })
}

/** 六、政府采购预算情况 */
export function procurementSection(w: NotesWriter): void {
  const { ctx, year, notes, dept, fig, findings, a, open, para, amount } = w
  open('procurement')
  const pro = ctx.tables.find((t) => t.key === 'procurement')
  const caption = { left: `${ctx.department.code} ${dept}`, right: '单位：万元' }
  if ((fig.counts['procurement.items'] ?? 0) > 0) {
    const sme = (a['procurement.sme'] ?? 0n) !== 0n ? `，其中预留中小微企业份额${amount('procurement.sme')}` : ''
    para(`${year}年，${dept}安排政府采购预算${amount('procurement.total')}${sme}。具体内容见下表。`, { figures: ['procurement.total', ...(sme ? ['procurement.sme'] : [])] })
  } else {
    para(`${year}年，${dept}无政府采购预算，空表列示。`, { figures: [] })
  }
  if (pro) w.section.blocks.push({ kind: 'budgetTable', table: { table: toFixtureTable(pro), caption, unit: '万元' } })
  if (notes.procurement.extra.trim()) for (const p of paragraphs(notes.procurement.extra)) para(p, { fields: [['procurement.extra', p, '政府采购补充说明']] })
  findings.push(...procurementFindings(ctx.data))
}

/** 七、国有资产信息 */
export function assetsSection(w: NotesWriter): void {
  const { ctx, year, notes, dept, stated, findings, a, open, para, amount } = w
  open('assets')
  const planned = a['assets.planned_purchase'] ?? 0n
  const inProcurement = planned !== 0n && (a['procurement.total'] ?? 0n) !== 0n ? '，已按要求列入政府采购预算，详见政府采购预算表' : ''
  para(`${dept}（含所属单位）上年末固定资产金额为${amount('assets.total')}（详见下表）。本年度拟购置固定资产总额为${amount('assets.planned_purchase')}${inProcurement}。`, { figures: ['assets.total', 'assets.planned_purchase'] })
  if (planned > (a['procurement.total'] ?? 0n)) {
    findings.push({
      rule: 'notes.assets_not_in_procurement',
      severity: 'warning',
      message: `本年度拟购置固定资产 ${amount('assets.planned_purchase')}（资本性支出中的设备、车辆等购置），超过政府采购预算 ${amount('procurement.total')}，请核对政府采购预算`,
      notes: { section: 'assets', paragraph: 0 },
    })
  }
  const fa = ctx.tables.find((t) => t.key === 'fixed_assets')
  if (fa) w.section.blocks.push({ kind: 'budgetTable', table: { table: toFixtureTable(fa), caption: { left: `${ctx.department.code} ${dept}`, right: `截止时间：${year - 1}-12-31` }, unit: '万元' } })
  stated['assets.as_of'] = Number(`${year - 1}1231`)
  if (notes.assets.extra.trim()) for (const p of paragraphs(notes.assets.extra)) para(p, { fields: [['assets.extra', p, '国有资产补充说明']] })
}

/** 八、名词解释 */
export function glossarySection(w: NotesWriter): void {
  const { ctx, open, para } = w
  open('glossary')
  const glossary = ctx.glossary.length ? ctx.glossary : defaultGlossary()
  glossary.forEach((g, i) => para(g.definition, { lead: `${i + 1}、${g.term}：` }))
}

/** 九、其他需要说明的事项 */
export function otherSection(w: NotesWriter): void {
  const { ctx, notes, B, open, para } = w
  open('other')
  // the stored default is worded for a department
  const other = paragraphs(ctx.level === 'unit' && notes.other.trim() === '我部门无其他需要说明的事项。' ? '我单位无其他需要说明的事项。' : notes.other)
  if (other.length === 0) para(`我${B}无其他需要说明的事项。`)
  else other.forEach((p) => para(p, { fields: [['other', p, '其他需要说明的事项']] }))
}
