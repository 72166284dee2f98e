/**
 * Tables beyond the template, through the server: imported with the disclosure (kept as printed),
 * exported again (JSON carries them, the XLSX read back gives them equal), carried into a correction's
 * new revision — and a later import without them leaves none behind.
 */
import crypto from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { disclosureInclude } from '@/lib/disclosure/server/to-budget-data'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { exportDisclosure } from '@/lib/exchange/server/export-disclosure'
import { importWorkbook } from '@/lib/exchange/server/import-workbook'
import { db } from '@/lib/server/db'
import { shippedTemplate } from '@/lib/templates/files'
import { createUser, ensureReferenceData } from '../factories/db'
import { editorStateOf } from '@/lib/disclosure/server/editor-state'
import { revisionView } from '@/lib/portal/server/revision-view'
import { extras, withExtras } from '../unit/exchange-extra-support'
import { allTemplates, BASE, canonicalTables, printBudget, readFixture, TEMPLATE_OF } from '../unit/exchange-layouts-support'

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('tables beyond the template, imported, stored and exported (real PostgreSQL)', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await ensureReferenceData()
  })

  it('shanghai-wenlv-2026 with 项目支出表, 政府采购预算表 and 绩效目标表: nothing printed is lost', async () => {
    const fx = readFixture('shanghai-wenlv-2026')
    const template = shippedTemplate(TEMPLATE_OF['shanghai-wenlv-2026'])
    const p = await printBudget(fx, canonicalTables(fx, template), template, BASE)
    const { printed, expected } = extras(fx.year, fx.amountUnit)
    const file = await withExtras(p.buffer, printed)
    const code = `X${crypto.randomInt(100000, 1000000)}`
    const r = await importWorkbook({ file, fileName: 'shanghai.xlsx', by: { kind: 'cli' }, departmentCode: code, departmentName: fx.department.name, commit: true, acceptErrors: false })
    expect(r.report.summary).toEqual({ error: 0, warning: 0, rounding: 0 })
    expect(plain(r.preview.extras.map((e) => e.table))).toEqual(expected)
    const d = await db().disclosure.findUniqueOrThrow({ where: { id: r.imported!.disclosureId }, include: disclosureInclude })
    expect(d.extraTables).toEqual(expected)
    expect(d.declaredTables).toEqual(p.expected)

    // shown: the accountant's view of the disclosure and the public page's view of it
    const admin = await createUser('admin')
    expect((await editorStateOf(admin, d, { withCatalogue: false })).beyondTemplate).toEqual(expected)
    expect((await revisionView(d, null)).beyondTemplate).toEqual(expected)

    const json = JSON.parse((await exportDisclosure(d, 'json')).body.toString('utf8')) as { extraTables: unknown }
    expect(json.extraTables).toEqual(expected)
    const back = parseWorkbook(await loadWorkbook((await exportDisclosure(d, 'xlsx')).body), { candidates: allTemplates() })
    expect(plain(back.tables.map((t) => t.table))).toEqual(p.expected)
    expect(plain(back.extras.map((e) => e.table))).toEqual(expected)

    // the same workbook without them, imported again: the disclosure holds none any more
    const again = await importWorkbook({ file: p.buffer, fileName: 'shanghai.xlsx', by: { kind: 'cli' }, departmentCode: code, commit: true, acceptErrors: false })
    expect(again.imported).not.toBeNull()
    const d2 = await db().disclosure.findUniqueOrThrow({ where: { id: d.id }, include: disclosureInclude })
    expect(d2.extraTables).toEqual([])
    expect(JSON.parse((await exportDisclosure(d2, 'json')).body.toString('utf8'))).not.toHaveProperty('extraTables')
  })
})
