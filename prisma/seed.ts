import type { Template } from '../lib/budget/template'
import { shippedTemplate, shippedTemplateIds } from '../lib/templates/files'
import { rowsForYear } from '../lib/budget/catalogue-csv'
import { starterCatalogueRows } from '../lib/catalogue/files'
import { replaceDisclosureData } from '../lib/disclosure/server/replace-data'
import { hashPassword } from '../lib/server/password'
import type { PrismaClient } from '../src/generated/prisma/client'
import { chengde2023, laoting2022 } from './demo'
import { seedNotesDemo } from './demo/seed-notes'
import { templateDefinition } from '../lib/budget/template-schema'

export const DEMO_PASSWORD = 'demo12345'
export const DEMO_USERS = [
  { username: 'kuaiji', name: '王会计（承德市医疗保障局）', role: 'accountant' as const, department: '447' },
  { username: 'shenhe', name: '李审核（承德市财政局）', role: 'reviewer' as const, region: '130800' },
  { username: 'admin', name: '系统管理员', role: 'admin' as const },
  { username: 'kuaiji460', name: '赵会计（乐亭县医疗保障局）', role: 'accountant' as const, department: '460' },
]
export const CATALOGUE_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]

/** Catalogue of each year and the shipped templates: needed by every installation. */
export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  const rows = starterCatalogueRows()
  for (const year of CATALOGUE_YEARS) {
    if ((await prisma.catalogueEntry.count({ where: { year } })) > 0) continue
    await prisma.catalogueEntry.createMany({
      data: rowsForYear(rows, year).map((r) => ({ year, kind: r.kind, code: r.code, name: r.name, level: [3, 5, 7].indexOf(r.code.length) + 1, parent: r.code.length > 3 ? r.code.slice(0, r.code.length - 2) : null, aliases: r.aliases, verified: r.verified })),
    })
  }
  for (const t of shippedTemplateIds().map(shippedTemplate)) {
    const stored = await prisma.template.findUnique({ where: { key: t.id } })
    if (!stored) {
      await prisma.template.create({ data: { key: t.id, name: t.name, definition: templateDefinition.write(t) } })
      continue
    }
    // an installation's copy keeps its tables and any labels an admin renamed; parts of a template it
    // predates (family, scope, 部门支出分单位, notes and performance layouts) are added
    const def = templateDefinition.read(stored.definition)
    const missing = TEMPLATE_ADDITIONS.filter((k) => def[k] === undefined && t[k] !== undefined)
    // how a table is printed (a 三公 table across, docs/decisions/010) is added the same way, rows and labels
    // staying; but not to a copy that submitted or published budgets use: what was submitted, reviewed and
    // published keeps printing as it did (its snapshots, comments and explanations point at those cells)
    const locked = (await prisma.disclosure.count({ where: { templateId: stored.id, status: { in: ['submitted', 'approved', 'published'] } } })) > 0
    const turned = def.tables.map((tb) => {
      if (locked) return tb
      const shipped = t.tables.find((x) => x.key === tb.key)
      return tb.kind === 'three_public' && shipped?.kind === 'three_public' && tb.orientation === undefined && shipped.orientation ? { ...tb, orientation: shipped.orientation } : tb
    })
    const orient = turned.some((tb, i) => tb !== def.tables[i])
    if (missing.length || orient) await prisma.template.update({ where: { id: stored.id }, data: { definition: templateDefinition.write({ ...def, ...Object.fromEntries(missing.map((k) => [k, t[k]])), tables: turned }) } })
  }
}

const TEMPLATE_ADDITIONS = ['family', 'scope', 'unitBreakdown', 'notes', 'performance'] as const satisfies readonly (keyof Template)[]

export function templateKeyFor(year: number): string {
  return year <= 2022 ? 'hebei-dept-2022' : year === 2023 ? 'hebei-dept-2023' : 'hebei-dept-2024'
}

/** The demo: 承德市 with 447 承德市医疗保障局 (2023 published, 2024 draft) and 乐亭县 with 460 (2022 published). */
export async function seedDemo(prisma: PrismaClient): Promise<{ seeded: boolean }> {
  await seedReferenceData(prisma)
  if ((await prisma.region.count()) > 0) return { seeded: false }
  const chengde = await prisma.region.create({ data: { code: '130800', name: '承德市', province: '河北省', financeBureau: '承德市财政局' } })
  const laoting = await prisma.region.create({ data: { code: '130225', name: '乐亭县', province: '河北省', financeBureau: '乐亭县财政局' } })
  const d447 = await prisma.department.create({ data: { code: '447', name: '承德市医疗保障局', regionId: chengde.id } })
  const d460 = await prisma.department.create({ data: { code: '460', name: '乐亭县医疗保障局', regionId: laoting.id } })
  const tpl = async (year: number) => (await prisma.template.findUniqueOrThrow({ where: { key: templateKeyFor(year) } })).id

  const c2023 = chengde2023()
  const pub2023 = await prisma.disclosure.create({
    data: { departmentId: d447.id, year: 2023, status: 'published', templateId: await tpl(2023), approvedAt: new Date('2023-02-06T00:00:00+08:00'), publishedAt: new Date('2023-02-16T00:00:00+08:00') },
  })
  const draft2024 = await prisma.disclosure.create({ data: { departmentId: d447.id, year: 2024, status: 'draft', templateId: await tpl(2024) } })
  const l2022 = laoting2022()
  const pub2022 = await prisma.disclosure.create({
    data: { departmentId: d460.id, year: 2022, status: 'published', templateId: await tpl(2022), approvedAt: new Date('2022-01-20T00:00:00+08:00'), publishedAt: new Date('2022-02-08T00:00:00+08:00') },
  })
  await prisma.$transaction(
    async (tx) => {
      await replaceDisclosureData(tx, pub2023.id, d447.id, c2023)
      await replaceDisclosureData(tx, draft2024.id, d447.id, { ...c2023, year: 2024 })
      await replaceDisclosureData(tx, pub2022.id, d460.id, l2022)
    },
    { timeout: 60_000 },
  )
  await seedNotesDemo(prisma, { chengde2023: pub2023.id, chengde2024: draft2024.id, laoting2022: pub2022.id, chengdeRegion: chengde.id, laotingRegion: laoting.id })
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  for (const u of DEMO_USERS) {
    await prisma.user.create({
      data: {
        username: u.username,
        name: u.name,
        role: u.role,
        passwordHash,
        departmentId: 'department' in u ? (u.department === '447' ? d447.id : d460.id) : null,
        regionId: 'region' in u ? chengde.id : null,
      },
    })
  }
  return { seeded: true }
}
