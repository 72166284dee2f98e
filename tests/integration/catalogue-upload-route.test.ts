import { describe, expect, it, vi } from 'vitest'
import { loadCatalogue } from '@/lib/catalogue/server/load-catalogue'
import { MAX_CATALOGUE_BYTES } from '@/lib/catalogue/limits'
import type { Actor } from '@/lib/server/authz'
import { db } from '@/lib/server/db'
import { createUser } from '../factories/db'
import { catalogueHistoryCsv, catalogueHistoryXlsx } from '../support/catalogue-history'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: <F>(fn: F) => fn }))

const route = await import('@/app/api/catalogue/route')
const SAME_ORIGIN = { host: 't', origin: 'http://t' }

async function upload(content: Buffer, name: string, fields: Record<string, string>, headers: Record<string, string> = SAME_ORIGIN) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(content)]), name)
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const res = await route.POST(new Request('http://t/api/catalogue', { method: 'POST', body: form, headers }))
  return { status: res.status, body: (await res.json()) as { message?: string; error?: { code: string; message: string } } }
}

describe('POST /api/catalogue: a catalogue upload of several MB (issue 11, server actions stop at 1 MB)', () => {
  it('imports a 2–3 MB CSV and a >1 MB XLSX catalogue with its history of names, the year in force only', async () => {
    session.actor = await createUser('admin')
    const csv = Buffer.from(catalogueHistoryCsv(1975, 70))
    expect(csv.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(csv.length).toBeLessThan(3 * 1024 * 1024)
    const a = await upload(csv, '科目沿革.csv', { year: '2031', kind: 'function' })
    expect(a.body.message).toMatch(/^已导入 2031 年支出功能分类科目 \d+ 条$/)
    expect(a.status).toBe(200)
    const cat = await loadCatalogue(2031)
    expect(cat.function.get('2010101')?.name).toBe('行政运行')

    const xlsx = await catalogueHistoryXlsx(1990, 50)
    expect(xlsx.length).toBeGreaterThan(1024 * 1024)
    const b = await upload(xlsx, '科目沿革.xlsx', { year: '2032', kind: 'function' })
    expect(b.status).toBe(200)
    expect(await db().catalogueEntry.count({ where: { year: 2032, kind: 'function' } })).toBe(cat.function.size)
  }, 120_000)

  it('a 6 MB file is refused with a Chinese 413 naming the limit, and nothing changes', async () => {
    session.actor = await createUser('admin')
    const big = Buffer.from(catalogueHistoryCsv(1840, 215))
    expect(big.length).toBeGreaterThan(MAX_CATALOGUE_BYTES)
    const r = await upload(big, '科目沿革.csv', { year: '2043', kind: 'function' })
    expect(r.status).toBe(413)
    expect(r.body.error?.message).toBe('科目文件超过 5 MB，请拆分或删去不需要的年度后再上传')
    expect(await db().catalogueEntry.count({ where: { year: 2043 } })).toBe(0)
  })

  it('refuses a non-admin before reading the body, a foreign origin, and bad fields, in Chinese', async () => {
    session.actor = await createUser('accountant')
    const csv = Buffer.from(catalogueHistoryCsv(2030, 1))
    expect((await upload(csv, 'f.csv', { year: '2044', kind: 'function' })).status).toBe(403)
    session.actor = await createUser('admin')
    const foreign = await upload(csv, 'f.csv', { year: '2044', kind: 'function' }, { host: 't', origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect(foreign.body.error?.message).toMatch(/[\u4e00-\u9fff]/)
    const noYear = await upload(csv, 'f.csv', { year: '20x4', kind: 'function' })
    expect([noYear.status, noYear.body.error?.message]).toEqual([422, '预算年度应为四位数字'])
    const noKind = await upload(csv, 'f.csv', { year: '2044', kind: 'x' })
    expect([noKind.status, noKind.body.error?.message]).toEqual([422, '请选择科目类别'])
    expect(await db().catalogueEntry.count({ where: { year: 2044 } })).toBe(0)
  })
})
