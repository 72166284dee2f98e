import 'server-only'
import crypto from 'node:crypto'
import type { Finding } from '@/lib/budget/findings'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { audit } from '@/lib/server/audit'
import type { Actor, DisclosureScope } from '@/lib/server/authz'
import { can, requirePermission, STATUS_LABELS } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { importSlot } from './import-slot'
import { loadWorkbookOffThread } from './workbook-worker'
import type { ParsedWorkbook } from '../parse-workbook'
import { READABLE_CODE } from '../meta'
import { needsCatalogue, parseWorkbook } from '../parse-workbook'
import type { ImportResult, ImportTarget } from '../preview'
import { toPreview } from '../preview'
import type { ValidationReport } from '../report'
import { validateParsed } from '../report'
import { scopeOfTemplate } from '@/lib/budget/template'
import { departmentNameMissing, ensureDepartment, ensureUnit, regionNameFrom, unitNameMissing } from './ensure-department'
import { loadTemplates } from './templates'
import { fixtureTablesColumn } from '@/lib/budget/table'
import { extraTablesColumn } from '@/lib/budget/extra-table'
import type { Vocabulary } from '../vocabulary'
import { mergeVocabulary } from '../vocabulary'
import { templateDefinition } from '@/lib/budget/template-schema'
import { familyOf } from '@/lib/budget/template'

/** Who imports: a signed-in user (the permission table decides), or the operator's command line. */
export type Importer = { kind: 'user'; actor: NonNullable<Actor> } | { kind: 'cli' }

export type ImportInput = {
  file: Buffer
  fileName: string
  by: Importer
  /** Overrides of what the sheet says (command line: --department, --year). */
  departmentCode?: string
  /** The name of a department the system does not know yet, when the sheet prints none (command line: --department-name). */
  departmentName?: string
  /** The unit of a 单位预算 workbook, overriding the code the sheet states (command line: --unit). */
  unitCode?: string
  /** The name of a unit the system does not know yet, when the sheet prints none (command line: --unit-name). */
  unitName?: string
  year?: number
  region?: { name?: string; code?: string }
  /** false: validate and preview only, nothing is written. */
  commit: boolean
  /** Import although the report has errors (the user confirmed; --force on the command line). */
  acceptErrors: boolean
  /**
   * What the user said a column means in the import preview: concept → printed headers (a column id
   * of the table, or `ignore`). Used for this reading; with `saveVocabulary`, also added to the
   * vocabulary of the template family (admins only: template.manage).
   */
  vocabulary?: Vocabulary
  saveVocabulary?: boolean
}

/** A workbook with errors that was not confirmed: nothing was written. Carries the report for the caller. */
export class ImportRejected extends AppError {
  constructor(
    message: string,
    readonly result: ImportResult,
  ) {
    super('VALIDATION', message)
  }
}

const EDITABLE = new Set(['draft', 'returned'])

export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  return base.replace(/[\x00-\x1f\x7f]/g, '').slice(0, 200) || '工作簿.xlsx'
}

/**
 * Where a workbook goes: a department budget's (code: the department's, or one of its units'), or for a
 * 单位预算 workbook the unit's own budget (unitCode) in the unit's department.
 */
async function findTarget(code: string, year: number, unitCode: string | null) {
  if (unitCode) {
    const unit = await db().unit.findUnique({ where: { code: unitCode }, include: { department: { include: { region: true } } } })
    const department = unit?.department ?? (await db().department.findUnique({ where: { code }, include: { region: true } }))
    const existing = department ? await db().disclosure.findFirst({ where: { departmentId: department.id, unitCode, year }, orderBy: { revision: 'desc' }, include: { template: true } }) : null
    return { department, existing, unit: unit ? { code: unit.code, name: unit.name } : null }
  }
  const department = await db().department.findFirst({ where: { OR: [{ code }, { units: { some: { code } } }] }, include: { region: true } })
  const existing = department ? await db().disclosure.findFirst({ where: { departmentId: department.id, unitCode: '', year }, orderBy: { revision: 'desc' }, include: { template: true } }) : null
  return { department, existing, unit: null }
}

/**
 * The department of a unit the system does not know yet: the department code given, else the
 * department whose code is the longest prefix of the unit's code, else the unit's code without its
 * last three digits (unit codes are the department's code and a three-digit serial: 447 → 447001).
 */
async function departmentCodeForUnit(unitCode: string, given: string | undefined): Promise<{ code: string | null; inferred: boolean }> {
  if (given) return { code: given, inferred: false }
  const unit = await db().unit.findUnique({ where: { code: unitCode }, include: { department: { select: { code: true } } } })
  if (unit) return { code: unit.department.code, inferred: false }
  const prefixes = Array.from({ length: unitCode.length - 1 }, (_, i) => unitCode.slice(0, i + 1))
  const known = await db().department.findMany({ where: { code: { in: prefixes } }, select: { code: true } })
  const longest = known.map((d) => d.code).sort((a, b) => b.length - a.length)[0]
  if (longest) return { code: longest, inferred: false }
  return /^\d{4,}$/.test(unitCode) ? { code: unitCode.slice(0, -3), inferred: true } : { code: null, inferred: false }
}

/**
 * Validates a workbook and, when asked and allowed, replaces the disclosure's data with its tables.
 * All or nothing: the write is one transaction (department, disclosure, declared tables, audit row);
 * a rejected file, a refused permission or a failure part-way leaves the database as it was.
 */
export async function importWorkbook(input: ImportInput): Promise<ImportResult> {
  const fileName = cleanFileName(input.fileName)
  if (input.by.kind === 'user') {
    // only someone who may put a disclosure into their own department gets the file read at all
    const a = input.by.actor
    const dept = a.departmentId ? await db().department.findUnique({ where: { id: a.departmentId } }) : null
    // a unit accountant: into their unit's budget (docs/decisions/009)
    requirePermission(a, 'disclosure.create', dept ? { departmentId: dept.id, regionId: dept.regionId, status: 'draft', unitCode: a.unitCode ?? '' } : undefined)
  }
  const raw = await importSlot.run(() => loadWorkbookOffThread(input.file))
  const stored = await loadTemplates()
  if (stored.length === 0) throw new AppError('VALIDATION', '系统中还没有表样模板，请先初始化数据库（npm run db:seed）')
  const vocabulary = input.vocabulary && Object.keys(input.vocabulary).length ? input.vocabulary : undefined
  let parsed = parseWorkbook(raw, { ...(input.year ? { year: input.year } : {}), candidates: stored.map((s) => s.template), ...(vocabulary ? { vocabulary } : {}) })
  // a tree table printed with names only takes its codes from the year's catalogue (names-to-codes.ts)
  const catalogueYear = input.year ?? parsed.meta.year
  const catalogue = catalogueYear ? await loadCatalogue(catalogueYear) : undefined
  if (catalogue && needsCatalogue(parsed)) parsed = parseWorkbook(raw, { ...(input.year ? { year: input.year } : {}), candidates: stored.map((s) => s.template), ...(vocabulary ? { vocabulary } : {}), catalogue })
  const extra: Finding[] = []

  const actorDept = input.by.kind === 'user' && input.by.actor.departmentId ? await db().department.findUnique({ where: { id: input.by.actor.departmentId }, include: { units: { select: { code: true, name: true } } } }) : null
  const sheetCode = parsed.meta.department.code
  const at = parsed.meta.at
  // a 单位预算 workbook (the template's scope) goes to the unit's own budget; its sheet states the unit
  const unitCode = scopeOfTemplate(parsed.template) === 'unit' ? await unitTarget(input, sheetCode, actorDept, extra, at) : null
  let code: string | null | undefined = input.by.kind === 'user' ? actorDept?.code : (input.departmentCode ?? sheetCode)
  if (unitCode && input.by.kind === 'cli') {
    const d = await departmentCodeForUnit(unitCode, input.departmentCode)
    code = d.code
    if (d.inferred) extra.push({ rule: 'exchange.department_from_unit', severity: 'warning', sheet: at?.sheet, cell: at?.department, message: `系统中还没有单位 ${unitCode}，按单位编码推定其主管部门为 ${d.code}（单位编码 = 部门编码 + 三位序号）；如不对请用 --department 指定` })
  }
  if (!code) {
    throw new AppError('VALIDATION', input.by.kind === 'cli' ? '工作簿中没有部门编码（表头下方如“447 承德市医疗保障局”的一行），请用 --department 指定' : '只有部门的会计可以导入预算报表')
  }
  const year = input.year ?? parsed.meta.year
  if (!year) throw new AppError('VALIDATION', `未能从工作簿中读出预算年度（如“预算年度：2023”）${input.by.kind === 'cli' ? '，请用 --year 指定' : '，请选择年度'}`)
  if (!unitCode && sheetCode && sheetCode !== code) {
    extra.push(
      input.by.kind === 'user'
        ? { rule: 'exchange.department_mismatch', severity: 'error', sheet: at?.sheet, cell: at?.department, message: `工作簿是部门“${sheetCode} ${parsed.meta.department.name ?? ''}”的报表，与您所在的部门“${code} ${actorDept?.name ?? ''}”不一致` }
        : { rule: 'exchange.department_override', severity: 'warning', sheet: at?.sheet, cell: at?.department, message: `工作簿中的部门是“${sheetCode}”，按指定导入到部门“${code}”` },
    )
  }
  if (input.year && parsed.meta.statedYear && parsed.meta.statedYear !== input.year) {
    // parsed with the override already; the sheet's own year is only reported
    extra.push({ rule: 'exchange.year_override', severity: 'warning', sheet: at?.sheet, cell: at?.year, message: `工作簿中的预算年度是 ${parsed.meta.statedYear}，按指定导入为 ${input.year} 年` })
  }

  const { department, existing, unit } = await findTarget(code, year, unitCode)
  if (input.by.kind === 'cli') {
    // a new department or unit only under a code its own exports print readably (else they never import back)
    for (const [what, c, known] of [['部门', code, department], ['单位', unitCode, unit]] as const) {
      if (c && !known && !READABLE_CODE.test(c)) throw new AppError('VALIDATION', `${what}编码“${c}”不能使用：编码应为 2–12 位数字，或以字母开头、含数字的编码（如 447、447001、T447）`)
    }
  }
  if (existing && existing.template.key !== parsed.template.id) {
    const own = stored.find((s) => s.template.id === existing.template.key)
    if (own) parsed = parseWorkbook(raw, { year, candidates: [own.template], ...(vocabulary ? { vocabulary } : {}), catalogue: await loadCatalogue(year) })
  }
  parsed.meta.year = year
  if (!unitCode && department && parsed.meta.department.name && parsed.meta.department.name !== department.name && sheetCode === department.code) {
    extra.push({ rule: 'exchange.department_name', severity: 'warning', sheet: at?.sheet, cell: at?.department, message: `工作簿中的部门名称“${parsed.meta.department.name}”与系统中的“${department.name}”不一致，以系统中的为准` })
  }
  // a unit the system does not know is created only with its real name (never a placeholder such as "单位 447001")
  const unitName = unitCode && !unit ? (input.unitName?.trim() || (sheetCode === unitCode || !sheetCode ? parsed.meta.department.name : null)) : null
  const unitInfo = unitCode ? (unit ?? { code: unitCode, name: unitName ?? '' }) : null
  if (unitCode && !unit && !unitName && input.by.kind === 'cli') {
    const message = unitNameMissing(unitCode, at?.sheet ?? parsed.tables[0]?.loc.sheet ?? null)
    if (input.commit) throw new AppError('VALIDATION', message)
    extra.push({ rule: 'exchange.unit_name_missing', severity: 'error', sheet: at?.sheet ?? parsed.tables[0]?.loc.sheet, cell: at?.department ?? parsed.tables[0]?.loc.titleCell, message })
  }
  if (input.by.kind === 'cli' && !department && !newDepartmentName(input, parsed, unitInfo)) {
    // a department is created only with its real name: refused before anything is written
    if (input.commit) throw new AppError('VALIDATION', departmentNameMissing(code))
    extra.push({ rule: 'exchange.department_name_missing', severity: 'error', sheet: at?.sheet, cell: at?.department, message: departmentNameMissing(code) })
  }
  parsed.findings.unshift(...extra)
  const { report } = validateParsed(parsed, await loadCatalogue(year))

  const target = describeTarget(input.by, code, year, department, existing, parsed, unitInfo)
  const canSaveVocabulary = input.by.kind === 'user' && can(input.by.actor, 'template.manage')
  const result: ImportResult = { report, preview: { ...toPreview(parsed, fileName), canSaveVocabulary }, target, imported: null }
  if (vocabulary && input.saveVocabulary && input.by.kind === 'user' && canSaveVocabulary) await saveToVocabulary(input.by.actor, parsed.template.family, vocabulary)
  if (!input.commit) return result

  if (input.by.kind === 'user') {
    if (!department) throw new AppError('NOT_FOUND', `部门 ${code} 不存在`)
    if (unitCode && !unit) throw new AppError('NOT_FOUND', `单位 ${unitCode} 不存在`)
    requirePermission(input.by.actor, existing ? 'disclosure.import' : 'disclosure.create', scopeFor(department, existing, unitCode))
  } else if (existing && !EDITABLE.has(existing.status)) {
    throw new AppError('LOCKED', `${code} 的 ${year} 年预算公开当前状态为“${STATUS_LABELS[existing.status]}”，不能用导入覆盖（已提交、已审核、已公开的预算不可修改）`)
  }
  // imports keep identity: another department's (or unit's) workbook is never imported by a user, even
  // after "我已查看" — only the command-line migration (an administrator, --department) may override it
  const identity = report.findings.filter((f) => f.rule === 'exchange.department_mismatch')
  if (identity.length > 0) {
    throw new ImportRejected(`${identity[0]!.message}，不能导入（确认错误也不能导入其他部门或单位的报表）。如确需迁移，请联系系统管理员。`, result)
  }
  if (report.summary.error > 0 && !input.acceptErrors) {
    throw new ImportRejected(`工作簿有 ${report.summary.error} 个错误，未导入（全部或全不）。请修正后重新上传，或确认后仍然导入。`, result)
  }
  const imported = await write({ input, fileName, code, unit: unitInfo, year, parsed, report, templateRowId: stored.find((s) => s.template.id === parsed.template.id)!.rowId, expected: existing ? { id: existing.id, version: existing.version } : null })
  return { ...result, imported }
}

function scopeFor(department: { id: string; regionId: string }, existing: { status: DisclosureScope['status'] } | null, unitCode: string | null): DisclosureScope {
  return { departmentId: department.id, regionId: department.regionId, status: existing?.status ?? 'draft', unitCode: unitCode ?? '' }
}

/**
 * The unit a 单位预算 workbook is for: the override, else the code the sheet states. A user imports only
 * into a unit of their department (a unit accountant: their own unit); anything else is an error
 * located at the sheet's unit line.
 */
async function unitTarget(input: ImportInput, sheetCode: string | null, actorDept: { code: string; name: string; units: { code: string; name: string }[] } | null, extra: Finding[], at: ParsedWorkbook['meta']['at']): Promise<string> {
  if (input.by.kind === 'cli') {
    const code = input.unitCode ?? sheetCode
    if (!code) throw new AppError('VALIDATION', '单位预算工作簿中没有单位编码（表头下方如“447001 承德市医疗保障局本级”的一行），请用 --unit 指定')
    if (input.unitCode && sheetCode && sheetCode !== input.unitCode) extra.push({ rule: 'exchange.department_override', severity: 'warning', sheet: at?.sheet, cell: at?.department, message: `工作簿中的单位是“${sheetCode}”，按指定导入到单位“${input.unitCode}”` })
    return code
  }
  const own = input.by.actor.unitCode ?? null
  const code = own ?? sheetCode ?? actorDept?.units[0]?.code ?? ''
  if (sheetCode && sheetCode !== code) {
    extra.push({ rule: 'exchange.department_mismatch', severity: 'error', sheet: at?.sheet, cell: at?.department, message: `工作簿是单位“${sheetCode}”的报表，与您所在的单位“${code}”不一致` })
  } else if (!actorDept?.units.some((u) => u.code === code)) {
    extra.push({ rule: 'exchange.department_mismatch', severity: 'error', sheet: at?.sheet, cell: at?.department, message: `工作簿是单位“${code}”的报表，该单位不属于您所在的部门“${actorDept?.code ?? ''} ${actorDept?.name ?? ''}”` })
  }
  return code
}

function describeTarget(
  by: Importer,
  code: string,
  year: number,
  department: { id: string; regionId: string; code: string; name: string } | null,
  existing: { id: string; status: DisclosureScope['status']; source: string; revision: number } | null,
  parsed: ParsedWorkbook,
  unit: { code: string; name: string } | null = null,
): ImportTarget {
  const name = department?.name ?? (unit ? null : parsed.meta.department.name) ?? code
  let canImport: boolean
  let reason: string | null = null
  if (by.kind === 'cli') {
    canImport = !existing || EDITABLE.has(existing.status)
  } else {
    canImport = !!department && (!unit || by.actor.departmentId === department.id) && can(by.actor, existing ? 'disclosure.import' : 'disclosure.create', scopeFor(department, existing, unit?.code ?? null))
  }
  if (!canImport) reason = existing && !EDITABLE.has(existing.status) ? `${year} 年的预算公开${STATUS_LABELS[existing.status]}，不能再导入覆盖` : '您没有导入到该部门的权限'
  return {
    department: { code: department?.code ?? code, name },
    ...(unit ? { unit } : {}),
    year,
    existing: existing ? { id: existing.id, status: existing.status, source: existing.source, revision: existing.revision } : null,
    canImport,
    reason,
  }
}

async function write(w: {
  input: ImportInput
  fileName: string
  code: string
  unit: { code: string; name: string } | null
  year: number
  parsed: ParsedWorkbook
  report: ValidationReport
  templateRowId: string
  expected: { id: string; version: number } | null
}): Promise<{ disclosureId: string; version: number }> {
  const { input, parsed } = w
  const actor = input.by.kind === 'user' ? input.by.actor : null
  const declared = parsed.tables.map((p) => p.table)
  return db().$transaction(
    async (tx) => {
      const unitCode = w.unit?.code ?? ''
      const department =
        input.by.kind === 'cli'
          ? (await ensureDepartment(tx, { code: w.code, name: newDepartmentName(input, parsed, w.unit), ...(input.region ? { region: input.region } : w.unit ? { region: { name: regionNameFrom(w.unit.name) ?? undefined } } : {}) })).department
          : await tx.department.findFirstOrThrow({ where: w.unit ? { units: { some: { code: w.unit.code } } } : { OR: [{ code: w.code }, { units: { some: { code: w.code } } }] } })
      if (w.unit && input.by.kind === 'cli') await ensureUnit(tx, department.id, w.unit)
      let d = await tx.disclosure.findFirst({ where: { departmentId: department.id, unitCode, year: w.year }, orderBy: { revision: 'desc' } })
      // what was checked before the transaction must still hold: nobody created, changed or submitted it meanwhile
      if ((d?.id ?? null) !== (w.expected?.id ?? null) || (d && d.version !== w.expected?.version)) {
        throw new AppError('CONFLICT', '导入期间该预算公开已被他人修改，本次导入未生效。请重新上传。')
      }
      if (actor) requirePermission(actor, d ? 'disclosure.import' : 'disclosure.create', { departmentId: department.id, regionId: department.regionId, status: d?.status ?? 'draft', unitCode })
      else if (d && !EDITABLE.has(d.status)) throw new AppError('LOCKED', `该预算公开当前状态为“${STATUS_LABELS[d.status]}”，不能用导入覆盖`)
      const before = d ? { source: d.source, importedFrom: d.importedFrom, version: d.version, revenueLines: await tx.revenueLine.count({ where: { disclosureId: d.id } }), expenditureLines: await tx.expenditureLine.count({ where: { disclosureId: d.id } }) } : null
      d ??= await tx.disclosure.create({ data: { departmentId: department.id, unitCode, year: w.year, templateId: w.templateRowId } })
      const where = { disclosureId: d.id }
      // the workbook holds the tables; lines, 三公 figures, procurement and assets would contradict them
      await tx.revenueLine.deleteMany({ where })
      await tx.expenditureLine.deleteMany({ where })
      await tx.threePublicEntry.deleteMany({ where })
      await tx.procurementItem.deleteMany({ where })
      await tx.fixedAsset.deleteMany({ where })
      const updated = await tx.disclosure.update({
        where: { id: d.id },
        data: { source: 'imported', declaredTables: fixtureTablesColumn.write(declared), extraTables: extraTablesColumn.write(parsed.extras.map((e) => e.table)), importedFrom: w.fileName, importedAt: new Date(), templateId: w.templateRowId, version: { increment: 1 } },
      })
      await audit(tx, actor, {
        disclosureId: d.id,
        action: 'import',
        entity: 'disclosure',
        entityId: d.id,
        before,
        after: {
          source: 'imported',
          importedFrom: w.fileName,
          sha256: crypto.createHash('sha256').update(input.file).digest('hex'),
          via: input.by.kind === 'cli' ? 'cli' : 'web',
          tables: declared.map((t) => t.key),
          ...(parsed.extras.length ? { extraTables: parsed.extras.map((e) => e.table.title) } : {}),
          summary: w.report.summary,
          acceptedErrors: w.report.summary.error > 0,
          version: updated.version,
        },
      })
      return { disclosureId: d.id, version: updated.version }
    },
    { timeout: 60_000 },
  )
}

/**
 * Adds a user's column meanings to the vocabulary of every stored template of the family (additive:
 * words are only ever added), so the next workbook printed that way is understood.
 */
async function saveToVocabulary(actor: Actor, family: string | undefined, words: Vocabulary): Promise<void> {
  requirePermission(actor, 'template.manage')
  const fam = family ?? familyOf({})
  await db().$transaction(async (tx) => {
    const rows = await tx.template.findMany()
    for (const r of rows) {
      const def = templateDefinition.read(r.definition)
      if (familyOf(def) !== fam) continue
      await tx.template.update({ where: { id: r.id }, data: { definition: { ...def, vocabulary: mergeVocabulary(def.vocabulary, words) } as object } })
    }
    await audit(tx, actor, { action: 'template.vocabulary', entity: 'template', entityId: fam, before: null, after: { family: fam, words } })
  })
}

/**
 * A new department's name from its unit's, never a placeholder: "涞源县医疗保障局本级" → "涞源县医疗保障局"
 * (the 本级 unit is the department's own); another unit's name is not its department's (null).
 */
/** The name a department created by this import gets: the operator's, else the one the sheet prints (of the department, or from its unit's). */
function newDepartmentName(input: ImportInput, parsed: ParsedWorkbook, unit: { code: string; name: string } | null): string | null {
  const given = input.departmentName?.trim()
  if (given) return given
  return unit ? departmentNameOfUnit(unit.name) : parsed.meta.department.name
}

export function departmentNameOfUnit(unitName: string): string | null {
  const m = /^(.+?)(?:（本级）|\(本级\)|本级|机关本级)$/.exec(unitName.trim())
  return m ? m[1]! : null
}
