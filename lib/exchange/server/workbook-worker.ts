import 'server-only'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError } from '@/lib/server/errors'
import { ExchangeError, type ExchangeErrorCode } from '../errors'
import type { RawWorkbook } from '../grid'

/**
 * Reads uploaded workbooks in a worker thread (workers/load-workbook.worker.mjs), so that unzipping and
 * parsing several MB of sheet XML never stalls the server's other requests. One long-lived worker per
 * process (the import slot lets one parse run at a time anyway), started on first use and kept unref'd
 * while idle. A worker that dies (out of memory, a crash) or takes too long fails the parses it had with a
 * Chinese message and is replaced on the next use; a request never hangs.
 */
export type WorkbookWorkerOptions = {
  /** Heap ceiling of the worker: a parse beyond it ends the worker, not the server. */
  maxOldGenerationSizeMb?: number
  /** A parse taking longer ends the worker. */
  timeoutMs?: number
  /** The worker file (tests may point elsewhere). */
  file?: string
}

type Pending = { resolve: (w: RawWorkbook) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

const EXCHANGE_CODES: readonly ExchangeErrorCode[] = ['TOO_LARGE', 'NOT_XLSX', 'CORRUPT', 'ENCRYPTED', 'ZIP_BOMB', 'OLD_XLS']

export class WorkbookWorker {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  /** Parses started in the current worker (0 after a restart): tests wait on this to know a parse is under way. */
  started = 0

  constructor(private readonly opts: WorkbookWorkerOptions = {}) {}

  get busy(): boolean {
    return this.pending.size > 0
  }

  load(buf: Buffer): Promise<RawWorkbook> {
    const worker = this.ensure()
    const id = this.nextId++
    // a private copy whose memory moves to the worker (the upload's buffer may share a pool)
    const bytes = new Uint8Array(buf)
    return new Promise<RawWorkbook>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new AppError('BUSY', '读取工作簿超时：文件内容过多或服务器繁忙，请稍后再试'), true), this.opts.timeoutMs ?? 120_000)
      this.pending.set(id, { resolve, reject, timer })
      worker.ref()
      worker.postMessage({ id, bytes }, [bytes.buffer])
      this.started++
    })
  }

  /** Ends the worker (tests, shutdown); pending parses fail with a Chinese message. */
  async close(): Promise<void> {
    const w = this.worker
    this.worker = null
    this.fail(new AppError('BUSY', '读取工作簿被中止，请重试'), false)
    if (w) await w.terminate()
  }

  private ensure(): Worker {
    if (this.worker) return this.worker
    // outside the bundle on purpose (a plain .mjs run as it is): the bundler must not follow this path
    const file = this.opts.file ?? path.join(/* turbopackIgnore: true */ process.cwd(), 'workers', 'load-workbook.worker.mjs')
    const w = new Worker(/* turbopackIgnore: true */ file, { resourceLimits: { maxOldGenerationSizeMb: this.opts.maxOldGenerationSizeMb ?? 1536 } })
    w.unref()
    w.on('message', (m: { id?: number; workbook?: RawWorkbook; error?: { code: string | null; message: string; exchange: boolean } }) => {
      if (m.id === undefined) return
      const p = this.pending.get(m.id)
      if (!p) return
      this.settle(m.id)
      if (m.workbook) p.resolve(m.workbook)
      else if (m.error?.exchange && EXCHANGE_CODES.includes(m.error.code as ExchangeErrorCode)) p.reject(new ExchangeError(m.error.code as ExchangeErrorCode, m.error.message))
      else {
        console.error('[workbook-worker] parse failed', m.error?.message)
        p.reject(new ExchangeError('CORRUPT', '无法读取工作簿：文件已损坏或不是标准的 .xlsx 格式。'))
      }
    })
    w.on('error', (e: Error & { code?: string }) => {
      console.error('[workbook-worker]', e.code ?? '', e.message)
      if (this.worker === w) this.worker = null
      this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ExchangeError('TOO_LARGE', '工作簿内容过多：读取时超出服务器为单个文件设定的内存上限。请删去不需要的工作表或行后再导入。') : new AppError('BUSY', '读取工作簿时出错（读取进程意外退出），请稍后再试'), false)
    })
    w.on('exit', () => {
      if (this.worker === w) this.worker = null
      this.fail(new AppError('BUSY', '读取工作簿时出错（读取进程意外退出），请稍后再试'), false)
    })
    this.worker = w
    this.started = 0
    return w
  }

  private settle(id: number): void {
    const p = this.pending.get(id)
    if (!p) return
    clearTimeout(p.timer)
    this.pending.delete(id)
    if (this.pending.size === 0) this.worker?.unref()
  }

  /** Fails every pending parse; `restart` also ends the worker (after a timeout, it may be stuck). */
  private fail(e: Error, restart: boolean): void {
    for (const [id, p] of [...this.pending]) {
      this.settle(id)
      p.reject(e)
    }
    if (restart && this.worker) {
      const w = this.worker
      this.worker = null
      void w.terminate()
    }
  }
}

/** The process's workbook reader. */
export const workbookWorker = new WorkbookWorker()

/** Loads an uploaded file as a grid in the worker, or throws an ExchangeError (or a Chinese 503) saying why not. */
export function loadWorkbookOffThread(buf: Buffer): Promise<RawWorkbook> {
  return workbookWorker.load(buf)
}
