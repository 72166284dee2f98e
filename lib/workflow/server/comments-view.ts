import 'server-only'
import type { FixtureTable } from '@/lib/budget/table'
import type { Tx } from '@/lib/server/db'
import type { PrismaClient } from '@/src/generated/prisma/client'
import { anchorLabel } from '../anchors'
import type { NotesSection } from '../notes'
import type { TAnchor } from '../schemas'
import { ZAnchor } from '../schemas'
import type { CommentView } from '../view'
export type { CommentView } from '../view'

/** Review comments, oldest first, each with the words for where it points. */
export async function commentsOf(client: Tx | PrismaClient, disclosureId: string, tables: FixtureTable[], notes: NotesSection[]): Promise<CommentView[]> {
  const rows = await client.reviewComment.findMany({ where: { disclosureId }, include: { author: { select: { name: true } } }, orderBy: { createdAt: 'asc' } })
  return rows.map((c) => {
    const parsed = ZAnchor.safeParse(c.anchor)
    const anchor: TAnchor = parsed.success ? parsed.data : { kind: 'general' }
    return {
      id: c.id,
      anchor,
      where: anchorLabel(anchor, tables, notes),
      body: c.body,
      author: c.author.name,
      authorId: c.authorId,
      createdAt: c.createdAt.toISOString(),
      version: c.version,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
    }
  })
}
