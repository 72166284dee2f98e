import 'server-only'
import type { Actor } from '@/lib/server/authz'
import { readableDisclosures, requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import type { Prisma } from '@/src/generated/prisma/client'
import type { FieldChange } from '../audit-diff'
import { auditChanges } from '../audit-diff'

export type AuditRow = {
  id: string
  at: string
  actor: string | null
  action: string
  entity: string
  entityId: string | null
  disclosure: { id: string; code: string; name: string; year: number; revision: number; region: string } | null
  changes: FieldChange[]
}

export const AUDIT_PAGE_SIZE = 50

/**
 * Audit rows are scoped exactly like the disclosures they record: a reviewer reads the rows of the
 * disclosures she may read in her region (never a draft that was never submitted — its content would leak
 * through the before/after values); admins read everything (incl. rows with no disclosure).
 */
export function readableAuditLogs(actor: Actor): Prisma.AuditLogWhereInput {
  if (actor?.role === 'admin') return {}
  if (actor?.role === 'reviewer') return { disclosure: { AND: [readableDisclosures(actor), { department: { regionId: actor.regionId ?? '__none__' } }] } }
  return { id: '__none__' }
}

export async function listAudit(actor: Actor, filter: { disclosureId?: string; action?: string; page?: number } = {}): Promise<{ rows: AuditRow[]; total: number; page: number; pages: number }> {
  requirePermission(actor, 'audit.read')
  const where: Prisma.AuditLogWhereInput = {
    AND: [readableAuditLogs(actor), filter.disclosureId ? { disclosureId: filter.disclosureId } : {}, filter.action ? { action: filter.action } : {}],
  }
  const page = Number.isSafeInteger(filter.page) ? Math.min(100_000, Math.max(1, filter.page!)) : 1
  const [total, rows] = await Promise.all([
    db().auditLog.count({ where }),
    db().auditLog.findMany({
      where,
      include: { actor: { select: { name: true } }, disclosure: { select: { id: true, year: true, revision: true, department: { select: { code: true, name: true, region: { select: { name: true } } } } } } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ])
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actor?.name ?? null,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      disclosure: r.disclosure ? { id: r.disclosure.id, code: r.disclosure.department.code, name: r.disclosure.department.name, year: r.disclosure.year, revision: r.disclosure.revision, region: r.disclosure.department.region.name } : null,
      changes: auditChanges(r.before ?? undefined, r.after ?? undefined),
    })),
  }
}
