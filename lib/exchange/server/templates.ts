import 'server-only'
import type { Template } from '@/lib/budget/template'
import type { Tx } from '@/lib/server/db'
import { db } from '@/lib/server/db'
import { templateDefinition } from '@/lib/budget/template-schema'

export type StoredTemplate = { rowId: string; template: Template }

/** Every table template in the database (admins add them as data), keyed by the template's key. */
export async function loadTemplates(client: Pick<Tx, 'template'> = db()): Promise<StoredTemplate[]> {
  const rows = await client.template.findMany({ orderBy: { key: 'asc' } })
  return rows.map((r) => ({ rowId: r.id, template: { ...templateDefinition.read(r.definition), id: r.key } }))
}
