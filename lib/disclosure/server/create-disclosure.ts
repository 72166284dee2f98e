import 'server-only'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { toBudgetData, disclosureInclude } from './to-budget-data'
import { familyForRegion, pickTemplate } from '@/lib/budget/template'
import { replaceDisclosureData } from './replace-data'
import { templateDefinition } from '@/lib/budget/template-schema'
import type { Prisma } from '@/src/generated/prisma/client'
import type { CopyPart } from '../copy-parts'
import { DEFAULT_COPY_PARTS, withDependencies } from '../copy-parts'

/**
 * The template for a disclosure: of the region's family (Region.templateFamily, or its province) and the
 * budget's scope, the newest template whose key ends in a year not after the budget year
 * (hebei-dept-2024 for 2025 until an admin adds hebei-dept-2025). A unit's budget without a unit
 * template of its family uses the family's department template.
 */
export async function templateFor(input: { year: number; region: { province: string; templateFamily?: string | null }; unit: boolean }) {
  const all = (await db().template.findMany({ select: { id: true, key: true, definition: true } })).map((t) => ({ id: t.id, key: t.key, template: templateDefinition.read(t.definition) }))
  const family = familyForRegion(input.region)
  return (input.unit ? pickTemplate(all, { year: input.year, family, scope: 'unit' }) : null) ?? pickTemplate(all, { year: input.year, family, scope: 'department' })
}

/**
 * Starts a year's disclosure: the department's budget (unitCode '') or one unit's 单位预算 (unitCode of
 * a unit of the department); blank, or with the lines, projects and 三公 of an earlier year of the same
 * budget copied as a starting point (amounts then edited). `consolidate`: a department budget that is
 * the sum of its units' budgets of the year, read at the time (docs/decisions/009). One transaction.
 * `copyParts`: which parts of the earlier year to copy (lines need the projects they name; project
 * targets need their projects); the copy remembers the year it came from, so text still naming that
 * year is flagged for review (lib/disclosure/year-review.ts). The notes are copied without last year's
 * prior-year figures and change reasons, which describe the earlier year.
 */
export async function createDisclosure(actor: Actor, input: { departmentId: string; year: number; copyFromYear?: number | null; copyParts?: CopyPart[]; unitCode?: string; consolidate?: boolean }): Promise<{ id: string }> {
  const dept = await db().department.findUnique({ where: { id: input.departmentId }, include: { region: true, units: true } })
  if (!dept) throw new AppError('NOT_FOUND', '部门不存在')
  const unitCode = input.unitCode ?? ''
  requirePermission(actor, 'disclosure.create', { departmentId: dept.id, regionId: dept.regionId, status: 'draft', unitCode })
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('VALIDATION', '预算年度不正确', [{ path: 'year', message: '预算年度不正确' }])
  const unit = unitCode ? dept.units.find((u) => u.code === unitCode) : null
  if (unitCode && !unit) throw new AppError('VALIDATION', `单位 ${unitCode} 不属于${dept.name}`, [{ path: 'unitCode', message: `单位 ${unitCode} 不属于${dept.name}` }])
  if (unitCode && input.consolidate) throw new AppError('VALIDATION', '只有部门预算可以由单位预算汇总')
  const whose = unit ? `${unit.name}` : ''
  const exists = await db().disclosure.findFirst({ where: { departmentId: dept.id, unitCode, year: input.year } })
  if (exists) throw new AppError('VALIDATION', `${whose}${input.year} 年的预算公开已存在`, [{ path: 'year', message: `${whose}${input.year} 年的预算公开已存在` }])
  const template = await templateFor({ year: input.year, region: dept.region, unit: !!unitCode })
  if (!template) throw new AppError('VALIDATION', `没有适用于 ${dept.region.name}（${familyForRegion(dept.region)}）${input.year} 年的表样模板，请管理员先添加`)
  if (input.consolidate && input.copyFromYear) throw new AppError('VALIDATION', '由单位预算汇总的部门预算没有自己的明细，不能复制上年明细')
  const source = input.copyFromYear
    ? await db().disclosure.findFirst({ where: { departmentId: dept.id, unitCode, year: input.copyFromYear }, orderBy: { revision: 'desc' }, include: disclosureInclude })
    : null
  if (input.copyFromYear && !source) throw new AppError('VALIDATION', `没有 ${input.copyFromYear} 年的预算可复制`)
  if (source?.source === 'imported') throw new AppError('VALIDATION', `${input.copyFromYear} 年的预算是导入的报表，没有明细可复制`)
  if (source?.source === 'consolidated') throw new AppError('VALIDATION', `${input.copyFromYear} 年的部门预算由单位预算汇总，没有自己的明细可复制`)
  const parts = withDependencies(input.copyParts ?? DEFAULT_COPY_PARTS)
  return db().$transaction(
    async (tx) => {
      const d = await tx.disclosure.create({ data: { departmentId: dept.id, unitCode, year: input.year, templateId: template.id, source: input.consolidate ? 'consolidated' : 'lines', copiedFromYear: source ? source.year : null } })
      if (source) {
        const data = toBudgetData(source)
        const has = (p: CopyPart) => parts.includes(p)
        const projects = has('projects') ? data.projects : []
        const codes = new Set(projects.map((p) => p.code))
        await replaceDisclosureData(tx, d.id, dept.id, {
          ...data,
          year: input.year,
          revenue: has('lines') ? data.revenue : [],
          expenditure: has('lines') ? data.expenditure : [],
          projects,
          threePublic: has('threePublic') ? data.threePublic : [],
          vehicles: has('threePublic') ? data.vehicles : undefined,
          procurement: has('procurement') ? data.procurement.map((p) => (p.projectCode && !codes.has(p.projectCode) ? { ...p, projectCode: null } : p)) : [],
          fixedAssets: has('procurement') ? data.fixedAssets : [],
        } as typeof data)
        if (has('notes')) {
          const { prior: _prior, reasons: _reasons, ...notes } = (source.notes ?? {}) as Record<string, unknown>
          await tx.disclosure.update({ where: { id: d.id }, data: { notes: notes as Prisma.InputJsonValue } })
        }
        if (has('targets')) {
          const targets = await tx.performanceTarget.findMany({ where: { disclosureId: source.id, OR: [{ kind: 'overall' }, { projectCode: { in: [...codes] } }] } })
          for (const { id: _id, disclosureId: _d, ...t } of targets)
            await tx.performanceTarget.create({ data: { ...t, disclosureId: d.id, goals: t.goals as Prisma.InputJsonValue, indicators: t.indicators as Prisma.InputJsonValue, spendingPlan: (t.spendingPlan ?? undefined) as Prisma.InputJsonValue | undefined, extra: (t.extra ?? undefined) as Prisma.InputJsonValue | undefined } })
        }
      }
      await audit(tx, actor, { disclosureId: d.id, action: 'create', entity: 'disclosure', entityId: d.id, after: { year: input.year, copyFromYear: input.copyFromYear ?? null, copyParts: source ? parts : [], unitCode, consolidate: !!input.consolidate } })
      return { id: d.id }
    },
    { timeout: 60_000 },
  )
}
