import 'server-only'
import crypto from 'node:crypto'
import type { Tx } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'

/** Where a department's name is usually printed, for the refusal when neither the sheet nor the operator gives it. */
export function departmentNameMissing(code: string): string {
  return `系统中还没有部门 ${code}，工作簿中也没有写出部门名称（通常印在表头下方的“编制部门：…”或“单位名称：…”一行）。请用 --department-name 指定部门名称后重新导入（未写入任何数据）`
}

/** Where a unit's name is usually printed, for the refusal when neither the sheet nor the operator gives it. */
export function unitNameMissing(code: string, sheet: string | null): string {
  return `系统中还没有单位 ${code}，工作簿${sheet ? `（工作表「${sheet}」）` : ''}中也没有写出单位名称（通常印在标题下方一行，如“单位名称：[${code}]某某局本级”或“${code} 某某局本级”）。请在工作簿中写明单位名称，或用 --unit-name 指定后重新导入（未写入任何数据）`
}

/** 承德市医疗保障局 → 承德市; 乐亭县医疗保障局 → 乐亭县: the region a department's name begins with. */
export function regionNameFrom(departmentName: string): string | null {
  const m = /^(.{2,12}?(?:自治州|自治县|自治旗|新区|省|市|州|盟|县|区|旗))/.exec(departmentName)
  return m ? m[1]! : null
}

/**
 * For the command-line import of a department the system does not know yet: the region (found by
 * name or created), the department, and its 本级 unit. Inside the import's transaction.
 */
export async function ensureDepartment(tx: Tx, input: { code: string; name: string | null | undefined; region?: { name?: string; code?: string } }) {
  const existing = await tx.department.findUnique({ where: { code: input.code }, include: { units: { select: { id: true } } } })
  if (existing) {
    if (existing.units.length === 0) await ensureSelfUnit(tx, existing.id, input.code, existing.name)
    return { department: existing, created: false }
  }
  // never a placeholder such as "部门 902006": the name the workbook prints or the one the operator gave
  const name = input.name?.trim()
  if (!name) throw new AppError('VALIDATION', departmentNameMissing(input.code))
  const regionName = input.region?.name ?? regionNameFrom(name) ?? '未指定地区'
  let region = input.region?.code ? await tx.region.findUnique({ where: { code: input.region.code } }) : await tx.region.findFirst({ where: { name: regionName } })
  if (!region) {
    const code = input.region?.code ?? `X${crypto.createHash('sha1').update(regionName).digest('hex').slice(0, 8)}`
    region = await tx.region.create({ data: { code, name: regionName, province: /^(.{2,3}省)/.exec(regionName)?.[1] ?? '未填写', financeBureau: `${regionName}财政局` } })
  }
  const department = await tx.department.create({ data: { code: input.code, name, regionId: region.id } })
  await ensureSelfUnit(tx, department.id, input.code, name)
  return { department, created: true }
}

async function ensureSelfUnit(tx: Tx, departmentId: string, code: string, name: string): Promise<void> {
  const unitCode = `${code}001`
  if (await tx.unit.findUnique({ where: { code: unitCode } })) return
  await tx.unit.create({ data: { code: unitCode, name: `${name}本级`, isSelf: true, departmentId, position: 0 } })
}

/** The unit of a 单位预算 workbook, in its department: created when new, renamed to the sheet's name when it differs. */
export async function ensureUnit(tx: Tx, departmentId: string, unit: { code: string; name: string }): Promise<void> {
  const existing = await tx.unit.findUnique({ where: { code: unit.code } })
  if (existing) {
    if (existing.departmentId === departmentId && unit.name && existing.name !== unit.name) await tx.unit.update({ where: { id: existing.id }, data: { name: unit.name } })
    return
  }
  // never a placeholder name: the import refuses a new unit without one before anything is written
  if (!unit.name.trim()) throw new AppError('VALIDATION', unitNameMissing(unit.code, null))
  await tx.unit.create({ data: { code: unit.code, name: unit.name, departmentId, position: await tx.unit.count({ where: { departmentId } }), isSelf: false } })
}
