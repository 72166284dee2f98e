import { createScenario, expect, login, test } from './support'

/**
 * The workbook upload's stated limit (20 MB, lib/exchange/errors.ts) is the real one end to end: proxy.ts
 * runs before every route, and Next.js buffers a request body for it only up to
 * `experimental.proxyClientMaxBodySize` (10 MB by default) — beyond that the route handler would get a cut
 * body and answer "not a valid form". A 12 MB upload reaches the workbook reader whole; a 21 MB one gets
 * the Chinese 413.
 */
test('a 12 MB upload reaches the reader whole; above 20 MB a Chinese 413', async ({ page }) => {
  test.setTimeout(120_000)
  const s = await createScenario()
  await login(page, s.accountant)
  const post = (mb: number) =>
    page.evaluate(async (size) => {
      const fd = new FormData()
      fd.set('file', new Blob([new Uint8Array(size).fill(65)]), '预算.xlsx')
      const res = await fetch('/api/imports', { method: 'POST', body: fd })
      return { status: res.status, body: (await res.json()) as { error?: { code?: string; file?: string; message?: string } } }
    }, Math.round(mb * 1024 * 1024))
  const twelve = await post(12)
  // the reader saw all of it: not a workbook (sniffed), rather than a truncated form
  expect(twelve.status).toBe(422)
  expect(twelve.body.error?.file).toBe('NOT_XLSX')
  expect(twelve.body.error?.message).toMatch(/不是 Excel 工作簿/)
  const big = await post(21)
  expect(big.status).toBe(413)
  expect(big.body.error?.message).toBe('上传的文件超过上限 20.0 MB')
})
