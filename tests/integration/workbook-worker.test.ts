import fs from 'node:fs'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { ExchangeError, MAX_UNCOMPRESSED_BYTES } from '@/lib/exchange/errors'
import { loadWorkbook } from '@/lib/exchange/load-workbook'
import { WorkbookWorker, workbookWorker } from '@/lib/exchange/server/workbook-worker'
import { listZipEntries } from '@/lib/exchange/zip'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { createDepartment, createRegion, createUser } from '../factories/db'
import { heavyWorkbook } from '../support/heavy-workbook'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))

const importsRoute = await import('@/app/api/imports/route')
const meRoute = await import('@/app/api/me/route')

const errorOf = (p: Promise<unknown>) => p.then(() => null as never, (e: unknown) => e as Error)
const heavy = await heavyWorkbook(9000, 30)
const xmlBytes = listZipEntries(heavy).reduce((n, e) => n + e.size, 0)

afterAll(() => workbookWorker.close())

describe('workbooks are read in a worker thread (issue 11 item 7: one upload cannot stall the server)', () => {
  it('reads the same grid as the in-process reader, and refuses what it refuses with the same Chinese message', async () => {
    const file = fs.readFileSync('tests/fixtures/chengde-2023.xlsx')
    expect(await workbookWorker.load(file)).toEqual(await loadWorkbook(file))
    for (const bad of [Buffer.from('%PDF-1.7 not a workbook'), Buffer.concat([file.subarray(0, 2000), Buffer.alloc(50)])]) {
      const here = await errorOf(loadWorkbook(bad))
      const there = await errorOf(workbookWorker.load(bad))
      expect(there).toBeInstanceOf(ExchangeError)
      expect([(there as ExchangeError).code, there.message]).toEqual([(here as ExchangeError).code, here.message])
    }
  })

  it('a worker that runs out of memory fails its parse with a Chinese 413-kind error, and the next parse gets a new worker', async () => {
    const small = new WorkbookWorker({ maxOldGenerationSizeMb: 48 })
    try {
      const e = await errorOf(small.load(heavy))
      expect(e).toBeInstanceOf(ExchangeError)
      expect([(e as ExchangeError).code, e.message]).toEqual(['TOO_LARGE', '工作簿内容过多：读取时超出服务器为单个文件设定的内存上限。请删去不需要的工作表或行后再导入。'])
      const wb = await small.load(fs.readFileSync('tests/fixtures/chengde-2023.xlsx'))
      expect(wb.sheets.length).toBeGreaterThan(0)
    } finally {
      await small.close()
    }
  }, 120_000)

  it('while a heavy workbook (several MB of sheet XML, within the cap) is being parsed, a light request answers before the import finishes', async () => {
    expect(xmlBytes).toBeGreaterThan(4 * 1024 * 1024)
    expect(xmlBytes).toBeLessThan(MAX_UNCOMPRESSED_BYTES)
    const region = await createRegion()
    const dept = await createDepartment(region.id)
    session.actor = await createUser('accountant', { departmentId: dept.id })
    const order: string[] = []
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(heavy)]), '明细.xlsx')
    const before = workbookWorker.started
    const importing = importsRoute.POST(new Request('http://t/api/imports', { method: 'POST', body: form, headers: { host: 't', origin: 'http://t' } })).then((res) => {
      order.push('import')
      return res
    })
    // the parse is under way in the worker …
    await vi.waitFor(() => expect(workbookWorker.started).toBeGreaterThan(before), { timeout: 30_000, interval: 5 })
    expect(workbookWorker.busy).toBe(true)
    // … and the server still answers a light request (a route handler and a database read)
    const [me] = await Promise.all([meRoute.GET(), db().user.count()])
    expect(me.status).toBe(200)
    order.push('light')
    const res = await importing
    expect(order).toEqual(['light', 'import'])
    // the heavy file itself is answered properly: a readable workbook without the budget's tables, in Chinese
    expect(res.status).toBeLessThan(500)
    expect(JSON.stringify(await res.json())).toMatch(/[\u4e00-\u9fff]/)
  }, 180_000)
})
