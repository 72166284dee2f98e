import Decimal from 'decimal.js'
import { formatYuan, MoneyError, parseAmount } from '@/lib/budget/money'
import type { ChangeKey, TNotes, TNotesInput } from '@/lib/notes/schemas'
import { CHANGE_KEYS } from '@/lib/notes/schemas'

/**
 * The notes as the form holds them: duties one per line, prior-year figures in 万元 as published
 * (stored as 元), counts as text. `toNotes` is the only way back, so the stored shape stays ZNotes.
 */
export type NotesForm = {
  dutiesIntro: string
  dutiesText: string
  officesIntro: string
  offices: { name: string; duties: string }[]
  unitsIntro: string
  units: { name: string; duties: string }[]
  overviewIntro: string
  style: 'brief' | 'detailed'
  mainProjects: { label: string; projectCodes: string[]; parts: { label: string; projectCodes: string[] }[] }[]
  overviewExtra: string
  prior: Record<ChangeKey, string>
  reasons: Record<ChangeKey, string>
  labels: Record<string, string>
  civilServiceUnits: string[]
  counts: { abroadGroups: string; abroadPersons: string; receptionBatches: string; receptionPersons: string }
  operatingExtra: string
  threePublicExtra: string
  performanceExtra: string
  procurementExtra: string
  assetsExtra: string
  other: string
}

/** Stored 元 → 万元 as typed, exact (19271600.00 → 1927.16). */
const wan = (yuan: string | undefined) => (yuan && yuan.trim() !== '' ? new Decimal(parseAmount(yuan, '元')).dividedBy(1_000_000).toFixed(Math.max(2, new Decimal(parseAmount(yuan, '元')).dividedBy(1_000_000).decimalPlaces())) : '')

export function toForm(n: TNotes): NotesForm {
  const count = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))
  return {
    dutiesIntro: n.duties.intro,
    dutiesText: n.duties.items.join('\n'),
    officesIntro: n.organisation.officesIntro,
    offices: n.organisation.offices,
    unitsIntro: n.organisation.unitsIntro,
    units: n.organisation.units,
    overviewIntro: n.overview.intro,
    style: n.overview.style,
    mainProjects: n.overview.mainProjects,
    overviewExtra: n.overview.extra,
    prior: Object.fromEntries(CHANGE_KEYS.map((k) => [k, wan(n.prior[k])])) as Record<ChangeKey, string>,
    reasons: Object.fromEntries(CHANGE_KEYS.map((k) => [k, n.reasons[k] ?? ''])) as Record<ChangeKey, string>,
    labels: { ...n.operatingCosts.labels },
    civilServiceUnits: n.operatingCosts.civilServiceUnits,
    counts: { abroadGroups: count(n.threePublic.abroadGroups), abroadPersons: count(n.threePublic.abroadPersons), receptionBatches: count(n.threePublic.receptionBatches), receptionPersons: count(n.threePublic.receptionPersons) },
    operatingExtra: n.operatingCosts.extra,
    threePublicExtra: n.threePublic.extra,
    performanceExtra: n.performance.extra,
    procurementExtra: n.procurement.extra,
    assetsExtra: n.assets.extra,
    other: n.other,
  }
}

export type FormError = { path: string; message: string }

/** Form → stored notes; errors name the form field (“prior.total”) in Chinese. */
export function toNotes(f: NotesForm): { notes: TNotesInput; errors: FormError[] } {
  const errors: FormError[] = []
  const prior: Partial<Record<ChangeKey, string>> = {}
  for (const k of CHANGE_KEYS) {
    const v = (f.prior[k] ?? '').trim()
    if (v === '') continue
    try {
      const fen = parseAmount(v, '万元')
      if (fen < 0) errors.push({ path: `prior.${k}`, message: '金额不能为负数' })
      else prior[k] = formatYuan(fen)
    } catch (e) {
      errors.push({ path: `prior.${k}`, message: e instanceof MoneyError ? e.message : '金额格式不正确' })
    }
  }
  const count = (key: keyof NotesForm['counts']) => {
    const v = f.counts[key].trim()
    if (v === '') return null
    if (!/^\d{1,6}$/.test(v)) {
      errors.push({ path: `counts.${key}`, message: '应为非负整数' })
      return null
    }
    return Number(v)
  }
  const reasons = Object.fromEntries(CHANGE_KEYS.flatMap((k) => ((f.reasons[k] ?? '').trim() ? [[k, f.reasons[k]!.trim()]] : [])))
  const labels = Object.fromEntries(Object.entries(f.labels).flatMap(([code, l]) => (l.trim() ? [[code, l.trim()]] : [])))
  const notes: TNotesInput = {
    duties: {
      intro: f.dutiesIntro,
      items: f.dutiesText
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    },
    organisation: { officesIntro: f.officesIntro, offices: f.offices, unitsIntro: f.unitsIntro, units: f.units },
    overview: { intro: f.overviewIntro, style: f.style, mainProjects: f.mainProjects, extra: f.overviewExtra },
    prior,
    reasons,
    operatingCosts: { labels, civilServiceUnits: f.civilServiceUnits, extra: f.operatingExtra },
    threePublic: { abroadGroups: count('abroadGroups'), abroadPersons: count('abroadPersons'), receptionBatches: count('receptionBatches'), receptionPersons: count('receptionPersons'), extra: f.threePublicExtra },
    performance: { extra: f.performanceExtra },
    procurement: { extra: f.procurementExtra },
    assets: { extra: f.assetsExtra },
    other: f.other,
  }
  return { notes, errors }
}

/** The form control a finding's field is edited in, by id (see the editor's ids). */
export function fieldDomId(field: string | undefined): string | null {
  if (!field) return null
  const p = field.split('.')
  switch (p[0]) {
    case 'duties':
      return p[1] === 'intro' ? 'f-duties-intro' : 'f-duties-text'
    case 'organisation':
      if (p[1] === 'offices') return p[2] ? `f-offices-${p[2]}-duties` : 'f-offices-intro'
      if (p[1] === 'units') return p[2] ? `f-units-${p[2]}-duties` : 'f-units-intro'
      return p[1] === 'unitsIntro' ? 'f-units-intro' : 'f-offices-intro'
    case 'overview':
      if (p[1] === 'mainProjects') return `f-mp-${p[2] ?? 0}-label`
      return p[1] === 'extra' ? 'f-overview-extra' : 'f-overview-intro'
    case 'prior':
    case 'reasons':
      return `f-${p[0]}-${p[1]}`
    case 'operatingCosts':
      return 'f-operating-extra'
    case 'threePublic':
      return 'f-threePublic-extra'
    case 'performance':
      return 'f-performance-extra'
    case 'procurement':
      return 'f-procurement-extra'
    case 'assets':
      return 'f-assets-extra'
    case 'other':
      return 'f-other'
    default:
      return null
  }
}
