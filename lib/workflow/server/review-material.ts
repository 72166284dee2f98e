import 'server-only'
import type { FixtureTable } from '@/lib/budget/table'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import type { Tx } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { notesSections } from '../notes'
import type { TAnchor } from '../schemas'
import { disclosureContent } from './disclosure-content'
import { fixtureTablesColumn } from '@/lib/budget/table'

/**
 * The printed tables and notes a reviewer is looking at: the latest submission's snapshot. A disclosure
 * that is locked cannot change after its snapshot, so the snapshot is the current content; without one
 * (data set up outside the workflow) tables and notes are derived afresh.
 */
export async function reviewedContent(tx: Tx, disclosureId: string): Promise<{ tables: FixtureTable[]; notes: unknown; version: number | null }> {
  const snap = await tx.submissionSnapshot.findFirst({ where: { disclosureId }, orderBy: { createdAt: 'desc' } })
  if (snap) return { tables: fixtureTablesColumn.read(snap.tables), notes: snap.notes, version: snap.version }
  const d = await tx.disclosure.findUniqueOrThrow({ where: { id: disclosureId }, include: disclosureInclude })
  const { tables, notes } = await disclosureContent(d)
  return { tables, notes, version: null }
}

/** An anchor must point at something that exists; the message says what is wrong and where. */
export function checkAnchor(anchor: TAnchor, content: { tables: FixtureTable[]; notes: unknown }): void {
  switch (anchor.kind) {
    case 'cell': {
      const t = content.tables.find((x) => x.key === anchor.table)
      if (!t) throw new AppError('VALIDATION', `意见所指的表“${anchor.table}”不存在`, [{ path: 'anchor.table', message: '表不存在' }])
      if (anchor.row >= t.rows.length) throw new AppError('VALIDATION', `${t.title}没有第 ${anchor.row + 1} 行`, [{ path: 'anchor.row', message: '行不存在' }])
      if (anchor.col >= t.columns.length) throw new AppError('VALIDATION', `${t.title}没有第 ${anchor.col + 1} 列`, [{ path: 'anchor.col', message: '列不存在' }])
      return
    }
    case 'notes': {
      const s = notesSections(content.notes).find((x) => x.key === anchor.section)
      if (!s) throw new AppError('VALIDATION', `情况说明中没有“${anchor.section}”部分`, [{ path: 'anchor.section', message: '部分不存在' }])
      if (anchor.paragraph >= s.paragraphs.length) throw new AppError('VALIDATION', `${s.title}没有第 ${anchor.paragraph + 1} 段`, [{ path: 'anchor.paragraph', message: '段落不存在' }])
      return
    }
    case 'general':
      return
    default: {
      const never: never = anchor
      throw new Error(`unknown anchor ${JSON.stringify(never)}`)
    }
  }
}
