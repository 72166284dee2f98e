import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { Prisma } from '@/src/generated/prisma/client'
import type { TCorrect } from '../schemas'
import { openForAction } from './open'

const json = (v: Prisma.JsonValue | null): Prisma.InputJsonValue | typeof Prisma.DbNull => (v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue))

/**
 * 更正: a published revision is never changed; its correction is revision + 1, a draft copy of all its
 * data (lines, projects, 三公, procurement, assets, performance targets, notes) with the 更正说明. The
 * published revision stays readable at its own address. Only the latest revision can be corrected, and of
 * two corrections started at once the unique (department, year, revision) lets one through.
 */
export async function correctDisclosure(actor: Actor, input: TCorrect): Promise<{ id: string; revision: number }> {
  try {
    return await db().$transaction(
      async (tx) => {
        const opened = await openForAction(tx, actor, input, 'disclosure.correct')
        const newer = await tx.disclosure.findFirst({ where: { departmentId: opened.departmentId, unitCode: opened.unitCode, year: opened.year, revision: { gt: opened.revision } }, orderBy: { revision: 'desc' } })
        if (newer) throw new AppError('CONFLICT', `已有第 ${newer.revision} 版（${newer.status === 'published' ? '已公开' : '更正中'}），请在最新版本上更正`)
        const src = await tx.disclosure.findUniqueOrThrow({
          where: { id: opened.id },
          include: { revenueLines: true, expenditureLines: true, projects: true, threePublic: true, procurementItems: true, fixedAssets: true, performanceTargets: true },
        })
        const revision = src.revision + 1
        const created = await tx.disclosure.create({
          data: {
            departmentId: src.departmentId,
            unitCode: src.unitCode,
            year: src.year,
            revision,
            status: 'draft',
            templateId: src.templateId,
            vehiclesPurchased: src.vehiclesPurchased,
            vehiclesHeld: src.vehiclesHeld,
            source: src.source,
            declaredTables: json(src.declaredTables),
            extraTables: json(src.extraTables),
            importedFrom: src.importedFrom,
            importedAt: src.importedAt,
            notes: json(src.notes) as Prisma.InputJsonValue,
            correctionNote: input.correctionNote,
          },
        })
        const disclosureId = created.id
        const strip = <T extends { id: string; disclosureId: string }>({ id: _id, disclosureId: _d, ...rest }: T) => ({ ...rest, disclosureId })
        await tx.revenueLine.createMany({ data: src.revenueLines.map(strip) })
        await tx.expenditureLine.createMany({ data: src.expenditureLines.map(strip) })
        await tx.project.createMany({ data: src.projects.map(strip) })
        await tx.threePublicEntry.createMany({ data: src.threePublic.map(strip) })
        await tx.procurementItem.createMany({ data: src.procurementItems.map((p) => ({ ...strip(p), amounts: json(p.amounts) as Prisma.InputJsonValue })) })
        await tx.fixedAsset.createMany({ data: src.fixedAssets.map(strip) })
        await tx.performanceTarget.createMany({
          data: src.performanceTargets.map((t) => ({ ...strip(t), goals: json(t.goals) as Prisma.InputJsonValue, indicators: json(t.indicators) as Prisma.InputJsonValue, spendingPlan: json(t.spendingPlan), extra: json(t.extra) })),
        })
        const copied = {
          revenueLines: src.revenueLines.length,
          expenditureLines: src.expenditureLines.length,
          projects: src.projects.length,
          threePublic: src.threePublic.length,
          procurementItems: src.procurementItems.length,
          fixedAssets: src.fixedAssets.length,
          performanceTargets: src.performanceTargets.length,
        }
        await audit(tx, actor, {
          disclosureId,
          action: 'correct',
          entity: 'disclosure',
          entityId: disclosureId,
          before: { correctsId: src.id, revision: src.revision, status: src.status },
          after: { revision, status: 'draft', correctionNote: input.correctionNote, copied },
        })
        return { id: disclosureId, revision }
      },
      { timeout: 60_000 },
    )
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new AppError('CONFLICT', '更正版本已由他人创建，请重新加载')
    throw e
  }
}
