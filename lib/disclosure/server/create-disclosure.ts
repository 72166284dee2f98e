import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { toBudgetData, disclosureInclude } from './to-budget-data'
import { replaceDisclosureData } from './replace-data'

/** The template for a year: the newest template whose key ends in a year not after it (hebei-dept-2024 for 2025). */
async function templateFor(year: number) {
  const all = await db().template.findMany({ select: { id: true, key: true } })
  const dated = all.map((t) => ({ ...t, y: Number(t.key.match(/(\d{4})$/)?.[1] ?? 0) })).filter((t) => t.y > 0 && t.y <= year)
  dated.sort((a, b) => b.y - a.y)
  return dated[0] ?? null
}

/**
 * Starts a year's disclosure for the actor's department: blank, or with the lines, projects and 三公 of an
 * earlier year copied as a starting point (amounts then edited). One transaction.
 */
export async function createDisclosure(actor: Actor, input: { departmentId: string; year: number; copyFromYear?: number | null }): Promise<{ id: string }> {
  const dept = await db().department.findUnique({ where: { id: input.departmentId } })
  if (!dept) throw new AppError('NOT_FOUND', '部门不存在')
  requirePermission(actor, 'disclosure.create', { departmentId: dept.id, regionId: dept.regionId, status: 'draft' })
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('VALIDATION', '预算年度不正确', [{ path: 'year', message: '预算年度不正确' }])
  const exists = await db().disclosure.findFirst({ where: { departmentId: dept.id, year: input.year } })
  if (exists) throw new AppError('VALIDATION', `${input.year} 年的预算公开已存在`, [{ path: 'year', message: `${input.year} 年的预算公开已存在` }])
  const template = await templateFor(input.year)
  if (!template) throw new AppError('VALIDATION', `没有适用于 ${input.year} 年的表样模板，请管理员先添加`)
  const source = input.copyFromYear
    ? await db().disclosure.findFirst({ where: { departmentId: dept.id, year: input.copyFromYear }, orderBy: { revision: 'desc' }, include: disclosureInclude })
    : null
  if (input.copyFromYear && !source) throw new AppError('VALIDATION', `没有 ${input.copyFromYear} 年的预算可复制`)
  if (source?.source === 'imported') throw new AppError('VALIDATION', `${input.copyFromYear} 年的预算是导入的报表，没有明细可复制`)
  return db().$transaction(
    async (tx) => {
      const d = await tx.disclosure.create({ data: { departmentId: dept.id, year: input.year, templateId: template.id } })
      if (source) {
        const data = toBudgetData(source)
        await replaceDisclosureData(tx, d.id, dept.id, { ...data, year: input.year, procurement: [], fixedAssets: [] })
      }
      await audit(tx, actor, { disclosureId: d.id, action: 'create', entity: 'disclosure', entityId: d.id, after: { year: input.year, copyFromYear: input.copyFromYear ?? null } })
      return { id: d.id }
    },
    { timeout: 60_000 },
  )
}
