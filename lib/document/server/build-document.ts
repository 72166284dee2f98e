import 'server-only'
import type { DisclosureFull } from '@/lib/disclosure/server/to-budget-data'
import { loadNotesContext } from '@/lib/notes/server/load-notes-context'
import { STATUS_LABELS } from '@/lib/server/authz'
import { assembleDocument } from '../assemble'
import type { DocumentModel } from '../model'
import { withOverallTable } from '../overall-table'

const dateZh = (d: Date) => {
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(d)
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? ''
  return `${get('year')}年${get('month')}月${get('day')}日`
}

/**
 * The complete disclosure (cover, 目录, nine tables and the template's 整体绩效目标表, 情况说明 with their tables) of a disclosure the
 * caller has already been allowed to read (findReadableDisclosure / findDisclosureById). Used by the
 * document endpoint (PDF, DOCX, HTML), the editor's preview and the public page.
 */
export async function buildDocumentModel(disclosure: DisclosureFull, opts: { now?: Date } = {}): Promise<DocumentModel> {
  const { ctx, computed } = await loadNotesContext(disclosure)
  const d = disclosure
  const dateLine = d.status === 'published' && d.publishedAt ? `公开日期：${dateZh(d.publishedAt)}` : `${STATUS_LABELS[d.status]}（未公开）· 生成日期：${dateZh(opts.now ?? new Date())}`
  const amountUnit = computed.template.amountUnit
  const model = assembleDocument({
    ...ctx,
    tables: computed.tables,
    amountUnit,
    region: { name: d.department.region.name, province: d.department.region.province, financeBureau: d.department.region.financeBureau },
    status: d.status,
    dateLine,
    ...(computed.template.notes ? { notesLayout: computed.template.notes } : {}),
    // a unit's own budget is titled 单位预算 (docs/decisions/009)
    ...(d.unitCode ? { level: 'unit' as const } : {}),
  })
  // the template's 部门（单位）整体绩效目标表 (Henan 预算11表) after the nine tables
  return withOverallTable(model, { ...ctx, tables: computed.tables, amountUnit })
}
