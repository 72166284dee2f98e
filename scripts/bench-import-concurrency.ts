/**
 * exchange.concurrent_request_during_import_ms (issue 11 item 7): the login page's answer time while a heavy
 * workbook (9,000 rows × 30 columns, several MB of sheet XML, within the cap) is being read by POST
 * /api/imports, against the same request on the idle server. The workbook is read in a worker thread
 * (lib/exchange/server/workbook-worker.ts), so the two should stay close. Median of the requests sent one
 * after another while the import runs (at least 5); baseline: median of 15 idle requests after 3 warm-ups.
 * Report only; the ordering itself is asserted in tests/integration/workbook-worker.test.ts.
 */
import ExcelJS from 'exceljs'

async function heavyWorkbook(rows: number, cols: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('明细')
  for (let r = 0; r < rows; r++) ws.addRow(Array.from({ length: cols }, (_, c) => (c % 3 === 0 ? `项目${r}-${c}` : (r * cols + c) / 100)))
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function timedGet(url: string): Promise<number> {
  const t0 = performance.now()
  const r = await fetch(url)
  await r.arrayBuffer()
  if (r.status !== 200) throw new Error(`${url} 返回 ${r.status}`)
  return performance.now() - t0
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function benchRequestDuringImport(base: string, cookie: string): Promise<string> {
  const light = `${base}/login`
  for (let i = 0; i < 3; i++) await timedGet(light)
  const idle: number[] = []
  for (let i = 0; i < 15; i++) idle.push(await timedGet(light))
  const heavy = await heavyWorkbook(9000, 30)
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(heavy)]), '明细.xlsx')
  let done = false
  const t0 = performance.now()
  const importing = fetch(`${base}/api/imports`, { method: 'POST', body: form, headers: { Cookie: cookie, Origin: base } }).then(async (r) => {
    await r.arrayBuffer()
    done = true
    return { status: r.status, ms: performance.now() - t0 }
  })
  const during: number[] = []
  while (!done || during.length < 5) during.push(await timedGet(light))
  const imp = await importing
  if (imp.status >= 500) throw new Error(`导入返回 ${imp.status}`)
  const m = median(during)
  const base0 = median(idle)
  return `exchange.concurrent_request_during_import_ms: ${m.toFixed(1)} ms (max ${Math.max(...during).toFixed(0)} ms over ${during.length} requests while a ${(heavy.length / 1024 / 1024).toFixed(1)} MB workbook took ${(imp.ms / 1000).toFixed(1)} s to read; baseline: ${base0.toFixed(1)} ms the same request idle, ratio: ${(m / base0).toFixed(2)}, report only)`
}
