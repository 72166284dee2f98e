import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { MoneyError, normaliseTypedAmount, parseAmount } from '@/lib/budget/money'
import { csvCell, neutralise, unneutralise } from '@/lib/budget/neutralise'
import { ZAmountYuan, ZThreePublicInput } from '@/lib/disclosure/schemas'
import { tableToCsv } from '@/lib/exchange/write-csv'
import { expenditureCsv, tablesCsv } from '@/lib/portal/datapackage'
import { AppError } from '@/lib/server/errors'
import { checkUrl, crossOriginReason, findBadValue, intParam, safeCallbackUrl, text } from '@/lib/server/request'
import '@/lib/server/zod-locale'

const headers = (h: Record<string, string>) => new Headers(h)
const err = (f: () => unknown): AppError => {
  try {
    f()
  } catch (e) {
    if (e instanceof AppError) return e
    throw e
  }
  throw new Error('expected an AppError')
}
const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s)

describe('finding 6: callbackUrl is followed only as a same-origin path', () => {
  it.each([
    '/%5Cevil.example/',
    '/\\evil.example/',
    '%2F%2Fevil.example',
    '//evil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/%5C%5Cevil.example',
    '%5C%5Cevil.example',
    '/%255Cevil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/%E0%A4%A',
    '%',
    ' //evil.example',
    '/\u0000x',
    '',
  ])('%j → the safe default', (raw) => {
    expect(safeCallbackUrl(raw, '/workspace')).toBe('/workspace')
  })
  it('same-origin paths (with query) pass through', () => {
    expect(safeCallbackUrl('/review/disclosures/abc?tab=1')).toBe('/review/disclosures/abc?tab=1')
    expect(safeCallbackUrl('/admin/audit')).toBe('/admin/audit')
    expect(safeCallbackUrl(undefined)).toBe('/workspace')
  })
})

describe('finding 8: one request-parsing layer answers malformed input with a Chinese 400', () => {
  it('bad percent-encoding and NUL/control bytes in path or query', () => {
    expect(checkUrl('/api/disclosures/%ZZ/2023/tables', '')).toMatch(/编码不正确/)
    expect(checkUrl('/api/search', 'q=%00')).toMatch(/控制字符/)
    expect(checkUrl('/a%00b', '')).toMatch(/控制字符/)
    expect(checkUrl('/api/search', 'q=%E6%94%BF%E5%BA%9C&limit=5')).toBeNull()
    expect(checkUrl('/disclosures/447001/2024', '')).toBeNull()
  })
  it.each(['1e20', '1e309', '-1', 'abc', '2147483648', '1.5', ' 0x10'])('offset=%s is refused in Chinese', (raw) => {
    const e = err(() => intParam(raw, 'offset', { min: 0, max: 10_000, fallback: 0 }))
    expect(e.status).toBe(400)
    expect(hasChinese(e.message)).toBe(true)
  })
  it('integers in range pass; absent gives the default', () => {
    expect(intParam('20', 'limit', { min: 1, max: 100, fallback: 5 })).toBe(20)
    expect(intParam(null, 'limit', { min: 1, max: 100, fallback: 5 })).toBe(5)
  })
  it('text fields: NUL bytes anywhere in a payload are found with their path', () => {
    expect(err(() => text('a\u0000b', '项目名称')).message).toBe('项目名称含有不允许的控制字符')
    expect(findBadValue({ values: { name: 'x\u0000' } })).toEqual({ path: 'values.name', message: '含有不允许的控制字符（如 NUL）' })
    expect(findBadValue({ list: [1, Infinity] })?.path).toBe('list.1')
    expect(findBadValue({ text: '第一行\r\n第二行\t制表' })).toBeNull()
  })
  it('vehicle counts beyond any real fleet (and int4) are refused in Chinese', () => {
    const r = ZThreePublicInput.safeParse({ amounts: {}, vehiclesPurchased: '2147483648', vehiclesHeld: '3' })
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toBe('购置车辆数不能超过 100000')
  })
})

describe('finding 4: same-origin for every mutation', () => {
  it('Origin must name this host; a missing Origin or a cross-site fetch is refused', () => {
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBeNull()
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull()
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:4000' }))).toMatch(/跨站/)
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' }))).toMatch(/跨站/)
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000' }))).toMatch(/缺少 Origin/)
    expect(crossOriginReason(headers({ host: '127.0.0.1:3000', origin: 'null' }))).toMatch(/跨站/)
  })
})

describe('finding 5: one output-neutralising rule for every CSV, XLSX and open-data writer', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+cmd|" /C calc"!A0', '@SUM(1+1)', '-2+3', '\tx', '\rx', '\n=1'])('%j gets a leading apostrophe and reads back unchanged', (s) => {
    expect(neutralise(s)).toBe(`'${s}`)
    expect(unneutralise(neutralise(s))).toBe(s)
  })
  it('plain negative numbers written as text stay numbers; numbers stay numbers', () => {
    expect(neutralise('-12.34')).toBe('-12.34')
    expect(neutralise('-1,234.50')).toBe('-1,234.50')
    expect(csvCell(-12.5)).toBe('-12.5')
    expect(csvCell('=1+1,2')).toBe(`"'=1+1,2"`)
  })
  it('the open-data CSVs and the export CSV neutralise text cells', () => {
    const table = { key: 'fixed_assets', title: '=HYPERLINK("x")', columns: ['项目', '金额'], rows: [['-2+3', -1], ['@SUM(A1)', 2]] }
    const open = tablesCsv([{ year: 2024, revision: 1, department: { code: '=cmd', name: '+evil' }, tables: [table] }] as never)
    expect(open).not.toMatch(/(^|,)"?[=+@]|,-2\+3/m)
    expect(open).toContain("'-2+3")
    expect(open).toContain("'=cmd")
    expect(open).toContain(',-1.00') // an amount: a negative number stays a number
    const exp = tableToCsv(table as never, undefined, 2024)
    expect(exp).toContain("'-2+3")
    expect(exp).toContain(',-1')
    void expenditureCsv
  })
})

describe('finding 11: amounts exactly as an accountant types them; Chinese zod messages', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['1234.5', '1234.5'],
    ['１２３４．５', '1234.5'],
    ['１，２３４．５６', '1234.56'],
    ['0', '0'],
    ['-5', '-5'],
  ])('%j → %j', (typed, plain) => {
    expect(normaliseTypedAmount(typed)).toBe(plain)
    expect(() => parseAmount(plain, '元')).not.toThrow()
  })
  it.each(['1e5', '+5', '-0', '-0.00', '1 234', '12,34', '1,2345', 'abc', '1..2', '', '１e５'])('%j is refused with a Chinese message', (typed) => {
    expect(() => normaliseTypedAmount(typed)).toThrow(MoneyError)
    try {
      normaliseTypedAmount(typed)
    } catch (e) {
      expect(hasChinese((e as Error).message)).toBe(true)
    }
  })
  it('the form schema gives back the plain amount, and a Chinese message for what it refuses', () => {
    expect(ZAmountYuan.parse('１２３４．５')).toBe('1234.5')
    const r = ZAmountYuan.safeParse('1e5')
    expect(r.success).toBe(false)
    expect(r.error!.issues[0]!.message).toMatch(/科学计数法/)
  })
  it('zod messages a schema does not set itself are Chinese (zh-CN locale)', () => {
    const r = z.object({ a: z.string().min(3), b: z.number() }).safeParse({ a: 'x', b: 'y' })
    expect(r.success).toBe(false)
    for (const i of r.error!.issues) {
      expect(hasChinese(i.message), i.message).toBe(true)
      expect(i.message).not.toMatch(/Too small|Invalid input|expected/)
    }
  })
})
