import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { importCatalogue } from '@/lib/catalogue/server/import-catalogue'
import { db } from '@/lib/server/db'
import { AppError } from '@/lib/server/errors'
import { createUser } from '../factories/db'

const csv = ['code,name,level,parent,from_year,to_year,aliases,verified', '210,卫生健康支出,1,,,,,1', '21015,医疗保障管理事务,2,210,,,,1', '2101501,行政运行,3,21015,,,,1', '2101599,其他医疗保障管理事务支出,3,21015,,,,1'].join('\n')

describe('admin imports a year catalogue (real PostgreSQL)', () => {
  it('replaces the year and kind in one go, from CSV and from XLSX', async () => {
    const admin = await createUser('admin')
    await importCatalogue(admin, { year: 2031, kind: 'function', fileName: 'f.csv', content: Buffer.from(csv) })
    let cat = await loadCatalogue(2031)
    expect([...cat.function.keys()].sort()).toEqual(['210', '21015', '2101501', '2101599'])

    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('科目')
    ws.addRow(['code', 'name'])
    ws.addRow(['301', '工资福利支出'])
    ws.addRow(['30101', '基本工资'])
    const buf = Buffer.from(await wb.xlsx.writeBuffer())
    await importCatalogue(admin, { year: 2031, kind: 'economic', fileName: 'e.xlsx', content: buf })
    cat = await loadCatalogue(2031)
    expect(cat.economic.get('30101')?.name).toBe('基本工资')
    expect(cat.function.size).toBe(4)
  })

  it('rejects a file with a missing parent, naming the code, and keeps the previous catalogue', async () => {
    const admin = await createUser('admin')
    await importCatalogue(admin, { year: 2032, kind: 'function', fileName: 'ok.csv', content: Buffer.from(csv) })
    const bad = 'code,name\n210,卫生健康支出\n2101501,行政运行\n'
    await expect(importCatalogue(admin, { year: 2032, kind: 'function', fileName: 'bad.csv', content: Buffer.from(bad) })).rejects.toThrow('科目 2101501 行政运行 缺少上级科目 21015')
    await expect(importCatalogue(admin, { year: 2032, kind: 'function', fileName: 'bad.csv', content: Buffer.from('code,name\n21X,错\n') })).rejects.toThrow('第 2 行')
    expect(await db().catalogueEntry.count({ where: { year: 2032, kind: 'function' } })).toBe(4)
  })

  it('only an admin may import', async () => {
    const accountant = await createUser('accountant')
    const e = await importCatalogue(accountant, { year: 2033, kind: 'function', fileName: 'f.csv', content: Buffer.from(csv) }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect((e as AppError).status).toBe(403)
    expect(await db().catalogueEntry.count({ where: { year: 2033 } })).toBe(0)
  })

  it('a PDF, a Word file or a GBK CSV uploaded as a catalogue gets a Chinese message naming what to upload, no parser text or binary junk; nothing changes', async () => {
    const admin = await createUser('admin')
    await importCatalogue(admin, { year: 2034, kind: 'function', fileName: 'f.csv', content: Buffer.from(csv) })
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), Buffer.from([0, 1, 2, 255, 254])])
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('\0\0\0\0word/document.xml', 'latin1')])
    const gbk = Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x32, 0x31, 0x30, 0x2c, 0xce, 0xc0, 0xc9, 0xfa]) // code,name\n210,卫生 in GBK
    for (const [fileName, content, says] of [
      ['科目表.pdf', pdf, 'PDF'],
      ['科目表.csv', pdf, 'PDF'],
      ['科目表.docx', docx, 'Word'],
      ['科目表.csv', gbk, 'UTF-8'],
    ] as const) {
      const e = await importCatalogue(admin, { year: 2034, kind: 'function', fileName, content }).catch((x: unknown) => x)
      expect(e).toBeInstanceOf(AppError)
      const message = (e as AppError).message
      expect(message).toContain(says)
      expect(message).toMatch(/请/)
      // Chinese, no parser vocabulary, no binary junk
      expect(message).not.toMatch(/Invalid|Error|Record|column|obj|Catalog|\uFFFD|[\u0000-\u0008]/)
    }
    expect(await db().catalogueEntry.count({ where: { year: 2034, kind: 'function' } })).toBe(4)
  })
})
