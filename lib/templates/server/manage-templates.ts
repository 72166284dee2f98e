import 'server-only'
import type { Template } from '@/lib/budget/template'
import { applyLabelEdits, editableLabels } from '@/lib/budget/template-labels'
import { parseTemplate } from '@/lib/budget/template-schema'
import { audit } from '@/lib/server/audit'
import type { Actor } from '@/lib/server/authz'
import { requirePermission } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { AppError, notFound } from '@/lib/server/errors'
import { templateDefinition } from '@/lib/budget/template-schema'

export async function listTemplates(actor: Actor) {
  requirePermission(actor, 'template.manage')
  const rows = await db().template.findMany({ orderBy: { key: 'asc' }, include: { _count: { select: { disclosures: true } } } })
  return rows.map((r) => ({ key: r.key, name: r.name, disclosures: r._count.disclosures, updatedAt: r.updatedAt }))
}

export async function getTemplate(actor: Actor, key: string): Promise<Template> {
  requirePermission(actor, 'template.manage')
  const t = await db().template.findUnique({ where: { key } })
  if (!t) throw notFound('该模板')
  return templateDefinition.read(t.definition)
}

/**
 * Copies a template to a new key (e.g. hebei-dept-2025 from hebei-dept-2024); disclosures of that year, of the
 * key's family and scope, then use it.
 */
export async function copyTemplate(actor: Actor, input: { from: string; to: string; name: string }): Promise<void> {
  requirePermission(actor, 'template.manage')
  if (!/^[a-z0-9-]+-\d{4}$/.test(input.to)) throw new AppError('VALIDATION', '新模板编号须以年度结尾，如 hebei-dept-2025', [{ path: 'to', message: '新模板编号须以年度结尾，如 hebei-dept-2025' }])
  const src = await db().template.findUnique({ where: { key: input.from } })
  if (!src) throw notFound('源模板')
  if (await db().template.findUnique({ where: { key: input.to } })) throw new AppError('VALIDATION', `模板 ${input.to} 已存在`, [{ path: 'to', message: `模板 ${input.to} 已存在` }])
  const def: Template = { ...templateDefinition.read(src.definition), id: input.to, name: input.name || input.to }
  // a key that names another family or scope (zhejiang-dept-2025, hebei-unit-2025) makes the copy theirs (docs/decisions/009)
  const named = /^([a-z][a-z0-9]*)-(dept|unit)-\d{4}$/.exec(input.to)
  if (named) Object.assign(def, { family: named[1], scope: named[2] === 'unit' ? 'unit' : 'department' })
  const parsed = parseTemplate(def)
  if (!parsed.ok) throw new AppError('VALIDATION', `模板不完整：${parsed.errors.join('；')}`)
  await db().$transaction(async (tx) => {
    const created = await tx.template.create({ data: { key: input.to, name: def.name, definition: templateDefinition.write(parsed.template) } })
    await audit(tx, actor, { action: 'copy', entity: 'template', entityId: created.id, after: { from: input.from, to: input.to } })
  })
}

/**
 * Renames labels of a template. A template used by a disclosure under review (submitted or approved) is
 * frozen: changing it would silently change what is being approved; copy it to a new year instead.
 * Published revisions do not hold it back: each keeps the documents and tables frozen at its publication
 * (docs/decisions/015-snapshot-published-revisions.md), so a rename reaches drafts and new revisions only.
 */
export async function renameTemplateLabels(actor: Actor, input: { key: string; edits: Record<string, string> }): Promise<void> {
  requirePermission(actor, 'template.manage')
  const t = await db().template.findUnique({ where: { key: input.key } })
  if (!t) throw notFound('该模板')
  const locked = await db().disclosure.count({ where: { templateId: t.id, status: { in: ['submitted', 'approved'] } } })
  if (locked > 0) throw new AppError('LOCKED', `模板 ${input.key} 正被 ${locked} 份审核中（已提交或已审核）的预算使用，不能修改；请复制为新年度模板后再改`)
  const old = new Map(editableLabels(templateDefinition.read(t.definition)).flatMap((g) => g.labels.map((l) => [l.path, l.value] as const)))
  let next: Template
  try {
    next = applyLabelEdits(templateDefinition.read(t.definition), input.edits)
  } catch (e) {
    throw new AppError('BAD_REQUEST', (e as Error).message)
  }
  const parsed = parseTemplate(next)
  if (!parsed.ok) throw new AppError('VALIDATION', `修改后模板无效：${parsed.errors.join('；')}`)
  await db().$transaction(async (tx) => {
    await tx.template.update({ where: { id: t.id }, data: { definition: templateDefinition.write(parsed.template), name: parsed.template.name } })
    await audit(tx, actor, { action: 'update', entity: 'template', entityId: t.id, before: Object.fromEntries(Object.keys(input.edits).map((k) => [k, old.get(k) ?? null])), after: input.edits })
  })
}
