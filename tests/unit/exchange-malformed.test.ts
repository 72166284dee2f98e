import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { starterCatalogue } from '@/lib/catalogue/files'
import { ExchangeError } from '@/lib/exchange/errors'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { parseWorkbook } from '@/lib/exchange/parse-workbook'
import { validateParsed } from '@/lib/exchange/report'
import { writeZip } from '@/lib/exchange/zip'
import { templateFor } from '../support/fixtures'
import { fixtureXlsx } from './exchange-support'

/** Rejects with an ExchangeError of the given code and a Chinese message; anything else fails the test. */
async function rejection(buf: Buffer): Promise<ExchangeError> {
  try {
    await loadWorkbook(buf)
  } catch (e) {
    if (e instanceof ExchangeError) {
      expect(e.message).toMatch(/[\u4e00-\u9fff]/)
      return e
    }
    throw e
  }
  throw new Error('the file was accepted')
}

const XLSX_PARTS = (sheet: Buffer) => [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
  { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
  { name: 'xl/worksheets/sheet1.xml', data: sheet },
]

/** A minimal OLE compound file header followed by a directory naming the given streams (UTF-16LE). */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  const dir = Buffer.concat(streams.map((s) => Buffer.concat([Buffer.from(s, 'utf16le'), Buffer.alloc(128 - Buffer.byteLength(s, 'utf16le'))])))
  return Buffer.concat([header, dir, Buffer.alloc(1024)])
}

describe('files that are not a readable workbook: a clear Chinese error, nothing read', () => {
  it('empty, random bytes, a PDF, a web page', async () => {
    expect((await rejection(Buffer.alloc(0))).code).toBe('NOT_XLSX')
    expect((await rejection(Buffer.from('%PDF-1.7\n…'))).message).toContain('PDF')
    expect((await rejection(Buffer.from('<!doctype html><html><body>登录</body></html>'))).message).toContain('网页')
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        const e = await rejection(Buffer.from(bytes))
        expect(['NOT_XLSX', 'CORRUPT', 'OLD_XLS', 'ENCRYPTED', 'ZIP_BOMB', 'TOO_LARGE']).toContain(e.code)
      }),
      { numRuns: 200 },
    )
  })

  it('a truncated workbook (a download that stopped half-way), at any length', async () => {
    const full = fixtureXlsx('chengde-2023')
    expect((await rejection(full.subarray(0, Math.floor(full.length / 2)))).message).toMatch(/不完整|损坏/)
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: full.length - 1 }), async (n) => {
        await rejection(full.subarray(0, n))
      }),
      { numRuns: 40 },
    )
  })

  it('bytes flipped anywhere in a real workbook: either read (then validated without a crash) or refused as unreadable', async () => {
    const full = fixtureXlsx('chengde-2023')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: full.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), async (flips) => {
        const b = Buffer.from(full)
        for (const [i, x] of flips) b[i] = b[i]! ^ x
        let raw
        try {
          raw = await loadWorkbook(b)
        } catch (e) {
          expect(e).toBeInstanceOf(ExchangeError)
          return
        }
        const parsed = parseWorkbook(raw, { candidates: [templateFor(2023)] })
        const { report } = validateParsed(parsed, starterCatalogue(2023))
        expect(report.summary.error + report.summary.warning + report.summary.rounding).toBe(report.findings.length)
      }),
      { numRuns: 60 },
    )
  })

  it('a zip that is not a workbook (a Word document, a plain archive)', async () => {
    expect((await rejection(writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }, { name: '[Content_Types].xml', data: Buffer.from('<Types/>') }]))).message).toContain('Word')
    expect((await rejection(writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]))).code).toBe('NOT_XLSX')
  })

  it('password-protected (encrypted) workbooks and old .xls files', async () => {
    const enc = await rejection(compoundFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))
    expect(enc.code).toBe('ENCRYPTED')
    expect(enc.message).toContain('密码')
    expect((await rejection(compoundFile(['Root Entry', 'Workbook']))).code).toBe('OLD_XLS')
  })

  it('a zip bomb: declared huge, or declaring small sizes while inflating to far more', async () => {
    const huge = Buffer.alloc(70 * 1024 * 1024, 0x20)
    const declared = writeZip(XLSX_PARTS(huge))
    expect(declared.length).toBeLessThan(1024 * 1024)
    const e1 = await rejection(declared)
    expect(e1.code).toBe('ZIP_BOMB')
    expect(e1.message).toContain('压缩炸弹')
    // forge the sizes of the big part in its central directory record: the inflate cap still stops it
    const lying = Buffer.from(declared)
    const cd = lying.readUInt32LE(lying.length - 6)
    let p = cd
    for (let i = 0; i < 3; i++) {
      const nameLen = lying.readUInt16LE(p + 28)
      if (lying.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet1.xml') lying.writeUInt32LE(1000, p + 24)
      p += 46 + nameLen
    }
    expect((await rejection(lying)).code).toBe('ZIP_BOMB')
  })

  it('a file over 20 MB', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024)
    big.write('PK\x03\x04', 0, 'latin1')
    const e = await rejection(big)
    expect(e.code).toBe('TOO_LARGE')
    expect(e.message).toContain('20.0 MB')
  })

  it('a huge sheet (more rows than any budget) is refused naming the sheet', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('明细')
    for (let r = 1; r <= 20_050; r++) ws.getRow(r).values = [r, '行']
    const e = await rejection(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(e.code).toBe('TOO_LARGE')
    expect(e.message).toContain('工作表「明细」')
  })
})
