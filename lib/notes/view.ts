/**
 * What the notes, glossary and procurement editors show, as plain serialisable data: the types client
 * components import. Pure (no server code); lib/notes/server/* builds these values.
 */
import type { DisclosureStatus } from '@/lib/domain/status'
import type { GlossaryItem } from './glossary'
import type { LaidPart } from './layout'
import type { TFixedAssetInput, TProcurementItemInput } from './procurement'
import type { ChangeKey, TNotes } from './schemas'
import type { GeneratedNotes, NotesFinding } from './types'

export type GlossaryState = { regions: { id: string; name: string; province: string; count: number }[]; regionId: string | null; items: GlossaryItem[]; usesDefault: boolean }

export type ProcurementState = {
  id: string
  year: number
  status: DisclosureStatus
  version: number
  canEdit: boolean
  department: { code: string; name: string }
  projects: { code: string; name: string; budget: string }[]
  items: TProcurementItemInput[]
  fixedAssets: TFixedAssetInput[]
  /** 资本性支出 on fixed-asset purchases this year (万元), to compare with the procurement. */
  findings: NotesFinding[]
}

/** What the notes editor shows: the stored texts, the generated document, and where last year's figures come from. */
export type NotesState = {
  id: string
  year: number
  status: DisclosureStatus
  /** the notes' part version (docs/decisions/017): what a save of the notes sends back */
  version: number
  canEdit: boolean
  department: { code: string; name: string; region: string }
  units: { code: string; name: string; nature: string }[]
  projects: { code: string; name: string; amount: string }[]
  economic: { code: string; name: string }[]
  vehicles: { purchased: number | null; held: number | null }
  notes: TNotes
  generated: GeneratedNotes
  /**
   * The template's layout of the notes (Henan: 部门概况, 情况说明 一–九, 名词解释) laid out from the data,
   * section by section, with its findings; null when the template has none (Hebei: sections 一 to 九).
   */
  layout: { templateName: string; parts: LaidPart[]; findings: NotesFinding[]; vehicleTypes: string[] } | null
  prior: { systemYear: number | null; values: Partial<Record<ChangeKey, string>>; source: Partial<Record<ChangeKey, 'system' | 'entered'>> }
}
