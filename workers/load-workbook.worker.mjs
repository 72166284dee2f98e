// The workbook parse off the server's event loop (issue 11 item 7, docs/decisions/025-security-uploads-sessions-workers.md).
// A plain ES module outside the Next.js bundle, started by lib/exchange/server/workbook-worker.ts with a
// path from process.cwd(), so it runs the same under `next start`, vitest and tsx. It reads the file with
// the one reader there is, lib/exchange/load-workbook.ts (sniffing, the zip/XML cap, exceljs, the grid),
// compiled on the fly by tsx — so what an import accepts and every Chinese message stay the same.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { loadWorkbook } = await import(new URL('../lib/exchange/load-workbook.ts', import.meta.url).href)

parentPort.on('message', async ({ id, bytes }) => {
  try {
    const workbook = await loadWorkbook(Buffer.from(bytes))
    parentPort.postMessage({ id, workbook })
  } catch (e) {
    // an ExchangeError (a file that cannot be read) travels as its code and Chinese message
    const code = e && typeof e === 'object' && 'code' in e && typeof e.code === 'string' ? e.code : null
    parentPort.postMessage({ id, error: { code, message: String(e?.message ?? e), exchange: e?.constructor?.name === 'ExchangeError' } })
  }
})
parentPort.postMessage({ ready: true })
