import Decimal from 'decimal.js'
import { formatYuan, MoneyError, parseAmount } from '@/lib/budget/money'
import type { ChangeKey, TNotes, TNotesInput } from '@/lib/notes/schemas'
import { CHANGE_KEYS, ZNotes } from '@/lib/notes/schemas'

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
  /** 国有资产占用情况 (a layout with vehicle types): one count per type of the template, in its order. */
  vehicles: { type: string; count: string }[]
  equipment: { general: string; special: string }
  other: string
}

/** Stored 元 → 万元 as typed, exact (19271600.00 → 1927.16). */
const wan = (yuan: string | undefined) => (yuan && yuan.trim() !== '' ? new Decimal(parseAmount(yuan, '元')).dividedBy(1_000_000).toFixed(Math.max(2, new Decimal(parseAmount(yuan, '元')).dividedBy(1_000_000).decimalPlaces())) : '')

/**
 * `vehicleTypes`: the template's types for 国有资产占用情况 (none for Hebei); `economic`: the codes whose
 * printed names the form offers to reword (each gets an input, so each gets a value: a form just saved
 * is not “modified”).
 */
export function toForm(n: TNotes, vehicleTypes: string[] = [], economic: string[] = []): NotesForm {
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
    labels: { ...Object.fromEntries(economic.map((code) => [code, ''])), ...n.operatingCosts.labels },
    civilServiceUnits: n.operatingCosts.civilServiceUnits,
    counts: { abroadGroups: count(n.threePublic.abroadGroups), abroadPersons: count(n.threePublic.abroadPersons), receptionBatches: count(n.threePublic.receptionBatches), receptionPersons: count(n.threePublic.receptionPersons) },
    operatingExtra: n.operatingCosts.extra,
    threePublicExtra: n.threePublic.extra,
    performanceExtra: n.performance.extra,
    procurementExtra: n.procurement.extra,
    assetsExtra: n.assets.extra,
    vehicles: vehicleTypes.map((type) => ({ type, count: count(n.assets.vehiclesByType[type]) })),
    equipment: { general: count(n.assets.generalEquipment), special: count(n.assets.specialEquipment) },
    other: n.other,
  }
}

export type FormError = { path: string; message: string }

/** A typed count as the schema checks it: '' is not entered, anything else a number (NaN when not one). */
const typedCount = (v: string): number | null => {
  const t = v.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/^－/, '-')
  return t === '' ? null : /^[+-]?\d+(\.\d*)?$/.test(t) ? Number(t) : Number.NaN
}

/**
 * Form → stored notes, checked by the same schema as the server action (ZNotes); errors name the
 * form field (“prior.total”, “vehicles.2.count”) in Chinese.
 */
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
    assets: {
      extra: f.assetsExtra,
      vehiclesByType: Object.fromEntries(f.vehicles.flatMap((v) => (typedCount(v.count) === null ? [] : [[v.type, typedCount(v.count)!]]))),
      generalEquipment: typedCount(f.equipment.general),
      specialEquipment: typedCount(f.equipment.special),
    },
    other: f.other,
  }
  const checked = ZNotes.safeParse(notes)
  if (!checked.success) {
    for (const i of checked.error.issues) {
      const path = formPath(i.path.map(String).join('.'), f.vehicles.map((v) => v.type))
      if (!errors.some((e) => e.path === path)) errors.push({ path, message: i.message })
    }
  }
  return { notes, errors }
}

/** The form field of a path of the stored notes (a server's or the schema's error), e.g. assets.vehiclesByType.其他用车 → vehicles.7.count. */
export function formPath(path: string, vehicleTypes: string[]): string {
  const p = path.split('.')
  const rest = p.slice(2).join('.')
  switch (p[0]) {
    case 'duties':
      return p[1] === 'intro' ? 'dutiesIntro' : 'dutiesText'
    case 'organisation':
      if (p[1] === 'offices' || p[1] === 'units') return p[2] ? `${p[1]}.${rest}` : `${p[1]}Intro`
      return p[1] ?? 'officesIntro'
    case 'overview':
      if (p[1] === 'mainProjects') return `mainProjects.${rest}`
      return p[1] === 'style' ? 'style' : p[1] === 'extra' ? 'overviewExtra' : 'overviewIntro'
    case 'operatingCosts':
      return p[1] === 'labels' ? `labels.${p[2] ?? ''}` : p[1] === 'civilServiceUnits' ? 'civilServiceUnits' : 'operatingExtra'
    case 'threePublic':
      return p[1] === 'extra' || !p[1] ? 'threePublicExtra' : `counts.${p[1]}`
    case 'performance':
      return 'performanceExtra'
    case 'procurement':
      return 'procurementExtra'
    case 'assets':
      if (p[1] === 'vehiclesByType') {
        const type = p.slice(2).join('.')
        const i = vehicleTypes.indexOf(type)
        return i < 0 ? 'assetsExtra' : `vehicles.${i}.count`
      }
      return p[1] === 'generalEquipment' ? 'equipment.general' : p[1] === 'specialEquipment' ? 'equipment.special' : 'assetsExtra'
    default:
      return path
  }
}

/** The form control a finding's field is edited in, by id (see the editor's ids). */
export function fieldDomId(field: string | undefined, vehicleTypes: string[] = []): string | null {
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
      if (p[1] === 'vehiclesByType') return vehicleTypes.includes(p.slice(2).join('.')) ? `f-vehicle-${vehicleTypes.indexOf(p.slice(2).join('.'))}` : 'f-vehicle-0'
      if (p[1] === 'generalEquipment') return 'f-equipment-general'
      if (p[1] === 'specialEquipment') return 'f-equipment-special'
      return 'f-assets-extra'
    case 'other':
      return 'f-other'
    default:
      return null
  }
}
