// Json columns are read and written through one accessor each (docs/decisions/013).
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JsonColumnError } from '@/lib/budget/json-column'
import { fixtureTablesColumn } from '@/lib/budget/table'
import { templateDefinition } from '@/lib/budget/template-schema'
import { shippedTemplate } from '@/lib/templates/files'

const ROOT = path.resolve(import.meta.dirname, '../..')

describe('Json column accessors', () => {
  it('Template.definition: a stored template reads back as itself; a broken one is refused in Chinese', () => {
    const t = shippedTemplate('hebei-dept-2023')
    const stored = templateDefinition.write(t)
    expect(templateDefinition.read(stored)).toEqual(t)
    expect(() => templateDefinition.read({ ...t, tables: [] })).toThrow(JsonColumnError)
    expect(() => templateDefinition.read({ ...t, amountUnit: '千元' })).toThrow(/模板定义（Template\.definition）中保存的数据不符合格式（amountUnit/)
  })

  it('printed tables: undefined fields are not stored; a cell that is not text, number or empty is refused', () => {
    const stored = fixtureTablesColumn.write([{ key: 'k', title: '表', columns: ['a'], rows: [[1, 'x', null]], note: undefined }])
    expect(stored).toEqual([{ key: 'k', title: '表', columns: ['a'], rows: [[1, 'x', null]] }])
    expect(() => fixtureTablesColumn.read([{ key: 'k', title: '表', columns: ['a'], rows: [[{}]] }])).toThrow(JsonColumnError)
  })

  it('no source casts a Json column with `as unknown as`', () => {
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const p = path.join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (/\.tsx?$/.test(e.name) && /\b(definition|declaredTables|notes|tables|indicators|goals|extra|amounts|anchor|before|after)\)? as unknown as/.test(fs.readFileSync(path.join(ROOT, p), 'utf8'))) offenders.push(p)
      }
    }
    for (const d of ['lib', 'app', 'components', 'prisma']) walk(d)
    expect(offenders).toEqual([])
  })
})
