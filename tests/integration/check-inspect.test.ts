import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@/lib/server/authz'
import { assembleDocument } from '@/lib/document/assemble'
import { renderDocx } from '@/lib/document/docx/render-docx'
import { renderPdf } from '@/lib/document/pdf/render-pdf'
import { createRegion, createUser, ensureReferenceData } from '../factories/db'
import { documentInputFor } from '../factories/document-input'

const session = vi.hoisted(() => ({ actor: null as Actor }))
vi.mock('@/lib/server/auth', () => ({ getActor: async () => session.actor }))

const inspectRoute = await import('@/app/api/review/inspect/route')
const summaryRoute = await import('@/app/api/review/inspect/summary/route')
const pageRoute = await import('@/app/api/review/inspect/page/route')
const seeds = path.resolve(import.meta.dirname, '../fixtures/seeds')

const SAME_ORIGIN = { Origin: 'http://localhost', Host: 'localhost' }

function upload(files: { name: string; data: Buffer }[]): Request {
  const form = new FormData()
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)]), f.name)
  // as the browser sends it from the app's own page (same origin)
  return new Request('http://localhost/api/review/inspect', { method: 'POST', body: form, headers: SAME_ORIGIN })
}

describe('the inspection workspace API (real PostgreSQL templates)', () => {
  let reviewer: Actor
  let accountant: Actor
  beforeAll(async () => {
    await ensureReferenceData()
    const region = await createRegion()
    reviewer = await createUser('reviewer', { regionId: region.id })
    accountant = await createUser('accountant')
  }, 120_000)

  it('checks a batch with the database’s templates; an unreadable file gets its message, the others are checked', async () => {
    session.actor = reviewer
    const res = await inspectRoute.POST(
      upload([
        { name: 'laiyuan-2024.txt', data: fs.readFileSync(path.join(seeds, 'laiyuan-2024.txt')) },
        { name: 'scan.pdf', data: Buffer.from('%PDF-1.4 not really') },
      ]),
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as { documents: ({ name: string; report: { findings: { rule: string; row: string | null }[] } } | { name: string; error: string })[] }
    const laiyuan = body.documents[0]!
    expect('report' in laiyuan && laiyuan.report.findings.some((f) => f.rule === 'three_public.parent' && f.row === '四、会议费')).toBe(true)
    expect(body.documents[1]).toEqual({ name: 'scan.pdf', error: expect.stringContaining('PDF') })
  }, 120_000)

  it('refuses accountants (403) and the anonymous (401), with Chinese messages', async () => {
    session.actor = accountant
    const r1 = await inspectRoute.POST(upload([{ name: 'a.txt', data: Buffer.from('x') }]))
    expect(r1.status).toBe(403)
    session.actor = null
    const r2 = await inspectRoute.POST(upload([{ name: 'a.txt', data: Buffer.from('x') }]))
    expect(r2.status).toBe(401)
    expect(((await r2.json()) as { error: { message: string } }).error.message).toMatch(/登录/)
  })

  it('the region summary as XLSX and PDF; bad input is a 400 with a message', async () => {
    session.actor = reviewer
    const rows = [{ document: 'a.pdf', department: '测试局', year: 2024, tablesFound: 9, tablesExpected: 9, error: 1, warning: 2, rounding: 0, info: 0, notRun: 3, unreadable: null }]
    const post = (format: string, body: unknown) => summaryRoute.POST(new Request(`http://localhost/api/review/inspect/summary?format=${format}`, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...SAME_ORIGIN } }))
    const x = await post('xlsx', { region: '测试区', rows })
    expect(x.status).toBe(200)
    expect(Buffer.from(await x.arrayBuffer()).subarray(0, 2).toString()).toBe('PK')
    const p = await post('pdf', { region: '测试区', rows })
    expect(Buffer.from(await p.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF')
    const bad = await post('xlsx', { rows: [] })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('汇总')
  }, 60_000)

  it('a finding’s page as an image: PDF and DOCX (laid out by LibreOffice), only for the reviewer who uploaded it', async () => {
    session.actor = reviewer
    const model = assembleDocument(await documentInputFor('chengde-2023'))
    const res = await inspectRoute.POST(
      upload([
        { name: '承德.pdf', data: Buffer.from(await renderPdf(model)) },
        { name: '承德.docx', data: Buffer.from(await renderDocx(model)) },
        { name: 'laiyuan-2024.txt', data: fs.readFileSync(path.join(seeds, 'laiyuan-2024.txt')) },
      ]),
    )
    const body = (await res.json()) as { documents: { name: string; pageImages: string | null; marks: unknown[][]; report: { summary: { pagination: string }; findings: { quote: string | null; page: number | null }[] } }[] }
    const [pdf, docx, txt] = body.documents
    expect(pdf!.pageImages).toMatch(/^[0-9a-f-]{36}$/)
    expect(docx!.pageImages).toMatch(/^[0-9a-f-]{36}$/)
    expect(docx!.report.summary.pagination).toBe('libreoffice')
    // the sentence of a text finding is marked on its page image (fractions of the page), both formats
    for (const d of [pdf!, docx!]) {
      const quoted = d.report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.quote && f.page)
      if (quoted.length) expect(quoted.some(({ i }) => d.marks[i]!.length > 0), d.name).toBe(true)
      for (const m of d.marks.flat() as { x: number; y: number; w: number; h: number }[]) expect(m.x >= 0 && m.y >= 0 && m.x + m.w <= 1.01 && m.y + m.h <= 1.01).toBe(true)
    }
    // a text has no printed pages: its page is shown as text
    expect(txt!.pageImages).toBeNull()
    const get = (doc: string, page: number | string) => pageRoute.GET(new Request(`http://localhost/api/review/inspect/page?doc=${doc}&page=${page}`))
    for (const d of [pdf!, docx!]) {
      const r = await get(d.pageImages!, 3)
      expect(r.status, d.name).toBe(200)
      expect(r.headers.get('content-type')).toBe('image/png')
      expect(r.headers.get('cache-control')).toContain('no-store')
      expect(Buffer.from(await r.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG')
    }
    const page = (r: Response) => r.json() as Promise<{ error: { message: string } }>
    const past = await get(pdf!.pageImages!, 999)
    expect(past.status).toBe(400)
    expect((await page(past)).error.message).toMatch(/页码/)
    expect((await get('../../etc/passwd', 1)).status).toBe(404)
    // another reviewer of the same region: as if it did not exist
    session.actor = await createUser('reviewer', { regionId: (reviewer as { regionId: string }).regionId })
    const other = await get(pdf!.pageImages!, 1)
    expect(other.status).toBe(404)
    expect((await page(other)).error.message).toMatch(/不存在或您无权查看/)
    session.actor = accountant
    expect((await get(pdf!.pageImages!, 1)).status).toBe(403)
    session.actor = null
    expect((await get(pdf!.pageImages!, 1)).status).toBe(401)
  }, 180_000)
})
